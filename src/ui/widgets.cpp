// Small widgets shared by the views: string inputs, selectable values, status chips, boxes, emoji filtering.
#include "ui/widgets.h"

#include "core/utf8.h"
#include "ui/item_registry.h"
#include "ui/text.h"

#include <imgui_internal.h>

#include <cctype>

namespace ui {

namespace {
core::Theme g_theme = core::Theme::Dark;

int resize_callback(ImGuiInputTextCallbackData* data)
{
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

// One splitter per nesting level would be needed for nested boxes; boxes are never nested.
ImDrawListSplitter g_boxSplitter;
ImVec4 g_boxColor;
} // namespace

void set_frame_theme(core::Theme theme)
{
    g_theme = theme;
}
core::Theme frame_theme()
{
    return g_theme;
}

bool input_text(const char* label, std::string* s, ImGuiInputTextFlags flags)
{
    flags |= ImGuiInputTextFlags_CallbackResize;
    return ImGui::InputText(label, s->data(), s->capacity() + 1, flags, resize_callback, s);
}

bool input_text_hint(const char* label, const char* hint, std::string* s, ImGuiInputTextFlags flags)
{
    flags |= ImGuiInputTextFlags_CallbackResize;
    return ImGui::InputTextWithHint(label, hint, s->data(), s->capacity() + 1, flags, resize_callback, s);
}

bool input_text_multiline(const char* label, std::string* s, const ImVec2& size, ImGuiInputTextFlags flags)
{
    flags |= ImGuiInputTextFlags_CallbackResize;
    return ImGui::InputTextMultiline(label, s->data(), s->capacity() + 1, size, flags, resize_callback, s);
}

void readonly_field(const char* id, const std::string& text, float width)
{
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    ImGui::SetNextItemWidth(width);
    // ReadOnly: ImGui never writes into the buffer, so handing it the string's own bytes is safe.
    ImGui::InputText(id, const_cast<char*>(text.c_str()), text.size() + 1, ImGuiInputTextFlags_ReadOnly);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void name_next(const std::string& label)
{
    item_registry_name_next(label.c_str());
}

bool button(const std::string& label, const ImVec2& size)
{
    name_next(label);
    return ImGui::Button(label.c_str(), size);
}

bool small_button(const std::string& label)
{
    name_next(label);
    return ImGui::SmallButton(label.c_str());
}

void absent_value()
{
    ImGui::TextDisabled("— %s", T("not reported"));
}

void wrapped_text(const std::string& s)
{
    // Wrapped text emits vertices even for its lines scrolled out of view, and a draw list holds at most 64K
    // vertices with 16-bit indices: a very long value is cut for display (its Copy button has it all).
    constexpr size_t kMaxShownBytes = 2000;
    ImGui::PushTextWrapPos(0.0f);
    if (s.size() <= kMaxShownBytes) {
        ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
    } else {
        const std::string cut = core::utf8_truncate(s, kMaxShownBytes);
        ImGui::TextUnformatted(cut.c_str(), cut.c_str() + cut.size());
        ImGui::TextDisabled(
            "%s", tf("%d more bytes not shown; Copy gets the full text", static_cast<int>(s.size() - kMaxShownBytes))
                      .c_str());
    }
    ImGui::PopTextWrapPos();
}

void wrapped_text_colored(const ImVec4& col, const std::string& s)
{
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    wrapped_text(s);
    ImGui::PopStyleColor();
}

ImVec4 status_color(core::Status st)
{
    const bool dark = g_theme == core::Theme::Dark;
    switch (st) {
    case core::Status::Success:
        return dark ? ImVec4(0.33f, 0.82f, 0.45f, 1) : ImVec4(0.08f, 0.52f, 0.20f, 1);
    case core::Status::Failure:
        return dark ? ImVec4(0.95f, 0.38f, 0.38f, 1) : ImVec4(0.78f, 0.10f, 0.10f, 1);
    case core::Status::InProgress:
        return dark ? ImVec4(0.38f, 0.64f, 1.00f, 1) : ImVec4(0.08f, 0.36f, 0.82f, 1);
    case core::Status::Submitted:
    case core::Status::NotStart:
        return dark ? ImVec4(0.58f, 0.68f, 0.82f, 1) : ImVec4(0.30f, 0.40f, 0.56f, 1);
    case core::Status::Modal:
        return dark ? ImVec4(0.98f, 0.74f, 0.24f, 1) : ImVec4(0.66f, 0.42f, 0.00f, 1);
    case core::Status::Cancel:
        return dark ? ImVec4(0.62f, 0.62f, 0.62f, 1) : ImVec4(0.42f, 0.42f, 0.42f, 1);
    case core::Status::Unknown:
        return dark ? ImVec4(0.76f, 0.56f, 1.00f, 1) : ImVec4(0.48f, 0.24f, 0.78f, 1);
    case core::Status::Absent:
        break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
}

ImVec4 error_color()
{
    return status_color(core::Status::Failure);
}
ImVec4 warning_color()
{
    return status_color(core::Status::Modal);
}

std::string status_text(const std::optional<std::string>& status)
{
    if (!status || status->empty()) return T("not reported");
    return *status;
}

void status_chip(const std::string& text, const ImVec4& col)
{
    const ImVec2 pad(6.0f, 1.0f);
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size(ts.x + pad.x * 2, ts.y + pad.y * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), ImGui::GetColorU32(ImVec4(col.x, col.y, col.z, 0.20f)),
                      size.y * 0.5f);
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), ImGui::GetColorU32(ImVec4(col.x, col.y, col.z, 0.65f)),
                size.y * 0.5f);
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), ImGui::GetColorU32(col), text.c_str());
    ImGui::Dummy(size);
}

void progress_bar(const core::Task& t, float width, float height)
{
    const std::optional<double> f = core::progress_fraction(t);
    const core::Status st = core::parse_status(t.status);
    const ImVec4 col = status_color(st);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImVec4(col.x, col.y, col.z, 0.85f));
    const std::string overlay = t.progress && !t.progress->empty() ? *t.progress : std::string("—");
    ImGui::ProgressBar(f ? static_cast<float>(*f) : 0.0f, ImVec2(width, height), overlay.c_str());
    ImGui::PopStyleColor();
}

void begin_box(const ImVec4& col)
{
    g_boxColor = col;
    g_boxSplitter.Split(ImGui::GetWindowDrawList(), 2);
    g_boxSplitter.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    const float pad = ImGui::GetStyle().FramePadding.x;
    ImGui::Dummy(ImVec2(0, pad * 0.5f));
    ImGui::Indent(pad);
    ImGui::BeginGroup();
}

void end_box()
{
    const float pad = ImGui::GetStyle().FramePadding.x;
    ImGui::EndGroup();
    ImGui::Unindent(pad);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 gmin = ImGui::GetItemRectMin();
    const ImVec2 gmax = ImGui::GetItemRectMax();
    ImGui::Dummy(ImVec2(0, pad * 0.5f));
    g_boxSplitter.SetCurrentChannel(dl, 0);
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const ImVec2 a(gmin.x - pad, gmin.y - pad * 0.5f);
    const ImVec2 b(right > gmax.x ? right : gmax.x + pad, gmax.y + pad * 0.5f);
    const ImVec4& c = g_boxColor;
    dl->AddRectFilled(a, b, ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, 0.14f)), ImGui::GetStyle().FrameRounding);
    dl->AddRect(a, b, ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, 0.75f)), ImGui::GetStyle().FrameRounding);
    g_boxSplitter.Merge(dl);
}

std::string renderable_emoji(const std::string& emoji)
{
    if (emoji.empty()) return std::string();
    const std::vector<uint32_t> cps = core::utf8_codepoints(emoji);
    bool allAsciiWord = true;
    for (uint32_t cp : cps) {
        const bool word = cp < 0x80 && (std::isalnum(static_cast<int>(cp)) || cp == '_' || cp == ':');
        if (!word) allAsciiWord = false;
    }
    if (allAsciiWord) return std::string(); // a Discord custom emoji name, not a character
    ImFont* font = ImGui::GetFont();
    std::string out;
    for (uint32_t cp : cps) {
        // Variation selectors and joiners are invisible; fonts without colour emoji do not have them.
        if (cp == 0xFE0E || cp == 0xFE0F || cp == 0x200D) continue;
        if (cp > 0xFFFF || !font || !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) return std::string();
        core::utf8_append(out, cp);
    }
    return out;
}

} // namespace ui
