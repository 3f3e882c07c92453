// The watch list: one row per watched task (id, status chip, progress); click selects, × removes.
#include "ui/text.h"
#include "ui/views.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace ui {

namespace {

void row_tooltip(const core::WatchedTask& w)
{
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(w.id.c_str());
    if (w.task) {
        const core::Task& t = *w.task;
        ImGui::Text("%s: %s", T("Action"), t.action ? t.action->c_str() : T("not reported"));
        if (t.prompt) ImGui::Text("%s: %s", T("Prompt"), t.prompt->c_str());
    }
    if (w.lastError) ImGui::TextColored(error_color(), "%s", w.lastError->message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

} // namespace

void draw_task_list(ViewContext& v)
{
    const core::AppState& s = v.s;
    ImGui::TextUnformatted(tf("Watched tasks (%d)", static_cast<int>(s.tasks.size())).c_str());
    if (s.tasks.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped_text(T("No tasks yet. Enter a task id above and press Fetch."));
        ImGui::PopStyleColor();
        return;
    }

    // Fixed columns with horizontal scrolling, the id column frozen: in a narrow pane the ids stay readable
    // instead of being squeezed to nothing.
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("###watch-list", 4, flags, ImVec2(0.0f, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(2, 1);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize);
    ImGui::TableSetupColumn(T("Task id"), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("0000000000000000").x + 4.0f);
    ImGui::TableSetupColumn(T("Status"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(T("Progress"), ImGuiTableColumnFlags_WidthFixed, 56.0f);
    ImGui::TableHeadersRow();

    // The clipper only submits the visible rows: the list stays cheap with thousands of tasks.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.tasks.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::WatchedTask& w = s.tasks[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            const std::string removeLabel = lid_raw("×", "remove-" + w.id);
            if (small_button(removeLabel)) v.out.remove = w.id;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("Stop watching this task"));

            ImGui::TableSetColumnIndex(1);
            const bool selected = w.id == s.selectedId;
            const std::string rowLabel = lid_raw(w.id, "row-" + w.id);
            name_next(rowLabel);
            // Rows a little taller than a line so the status chips fit inside them.
            if (ImGui::Selectable(rowLabel.c_str(), selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                                  ImVec2(0.0f, ImGui::GetTextLineHeight() + 4.0f)) &&
                !selected)
                v.out.select = w.id;
            if (ImGui::IsItemHovered()) row_tooltip(w);

            ImGui::TableSetColumnIndex(2);
            if (w.task) {
                status_chip(status_text(w.task->status), status_color(core::parse_status(w.task->status)));
            } else if (w.lastError) {
                status_chip(T("ERROR"), error_color());
            } else {
                ImGui::TextDisabled("%s", w.inFlight ? T("loading…") : T("waiting"));
            }
            if (w.task && w.lastError) {
                ImGui::SameLine(0.0f, 4.0f);
                ImGui::TextColored(error_color(), "!");
            }

            ImGui::TableSetColumnIndex(3);
            if (w.task) {
                progress_bar(*w.task, -1.0f, ImGui::GetTextLineHeight());
            } else {
                ImGui::TextDisabled("—");
            }
        }
    }
    ImGui::EndTable();
}

} // namespace ui
