// The task id box: one or many ids (typed, or a pasted list / spreadsheet column), opened with Enter or Fetch.
#include "ui/text.h"
#include "ui/views.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>

namespace ui {

void draw_task_input(ViewContext& v)
{
    UiState& ui = v.ui;
    const ImGuiStyle& st = ImGui::GetStyle();
    const char* fetchLabel = T("Fetch");
    const float fetchW = ImGui::CalcTextSize(fetchLabel).x + st.FramePadding.x * 2;

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(T("Task ids"));
    ImGui::SameLine();

    // Multi-line so a pasted column keeps its line breaks (a single-line field would glue the ids together);
    // Enter opens, Ctrl+Enter inserts a line break. It grows with its content up to four lines.
    const int lines = 1 + static_cast<int>(std::count(ui.idInput.begin(), ui.idInput.end(), '\n'));
    const float lineH = ImGui::GetTextLineHeight();
    const float h = lineH * static_cast<float>(std::clamp(lines, 1, 4)) + st.FramePadding.y * 2 + 1.0f;
    const float w = std::max(120.0f, ImGui::GetContentRegionAvail().x - fetchW - st.ItemSpacing.x);
    name_next("###task-input");
    bool open = input_text_multiline("###task-input", &ui.idInput, ImVec2(w, h),
                                     ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CtrlEnterForNewLine);
    if (ui.idInput.empty() && !ImGui::IsItemActive()) {
        // InputTextMultiline has no hint in ImGui 1.86: draw one.
        const ImVec2 p = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + st.FramePadding.x, p.y + st.FramePadding.y),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                            T("Paste one or more task ids (comma, space or one per line), then Enter"));
    }
    ImGui::SameLine();
    if (button(lid("Fetch", "fetch"), ImVec2(0, h))) open = true;

    if (open) {
        // Only send when there is something besides separators; the core reports unusable ids itself.
        const bool blank = std::all_of(ui.idInput.begin(), ui.idInput.end(), [](char c) {
            return c == ' ' || c == ',' || c == '\n' || c == '\r' || c == '\t';
        });
        if (!blank) {
            v.out.open = ui.idInput;
            ui.idInput.clear();
        }
    }
}

} // namespace ui
