// Small widgets shared by the views: string inputs, selectable values, status chips, boxes, emoji filtering.
#pragma once

#include "core/request.h"
#include "core/task.h"

#include <imgui.h>

#include <optional>
#include <string>

namespace ui {

// The theme of the frame being drawn (status colours depend on it).
void set_frame_theme(core::Theme theme);
core::Theme frame_theme();

// ImGui::InputText / InputTextMultiline on a std::string that grows as the user types.
bool input_text(const char* label, std::string* s, ImGuiInputTextFlags flags = 0);
bool input_text_hint(const char* label, const char* hint, std::string* s, ImGuiInputTextFlags flags = 0);
bool input_text_multiline(const char* label, std::string* s, const ImVec2& size, ImGuiInputTextFlags flags = 0);
// A read-only text field (selectable, Ctrl+C copies) drawn like plain text; width -1 fills the line.
void readonly_field(const char* id, const std::string& text, float width = -1.0f);

// Buttons that tell the item registry their label first (so they are found even when scrolled out of view).
bool button(const std::string& label, const ImVec2& size = ImVec2(0, 0));
bool small_button(const std::string& label);
// The same for any other widget: call right before submitting it.
void name_next(const std::string& label);

// A dim "— not reported" for fields the server did not send.
void absent_value();
// Text wrapped at the right edge of the current column / window.
void wrapped_text(const std::string& s);
void wrapped_text_colored(const ImVec4& col, const std::string& s);

ImVec4 status_color(core::Status st);
ImVec4 error_color();
ImVec4 warning_color();
// The status as shown: the code the server sent, or "not reported".
std::string status_text(const std::optional<std::string>& status);
// A rounded coloured label; draws nothing interactive.
void status_chip(const std::string& text, const ImVec4& col);
// Progress bar with the text the server sent ("46%"); a dim bar with "—" when unknown.
void progress_bar(const core::Task& t, float width, float height = 0.0f);

// A tinted box around content (error panels, failReason): begin_box ... end_box.
void begin_box(const ImVec4& col);
void end_box();

// `emoji` with only the glyphs the current font can draw; "" when any visible glyph is missing or when it
// is a custom-emoji name such as "upscale_1" (the decoded button name already says what it does).
std::string renderable_emoji(const std::string& emoji);

} // namespace ui
