// The inspector's frame: one full-viewport window with the connection bar, the id box, the error log, and
// the watch list beside the detail of the selected task.
#include "ui/inspector.h"

#include "ui/text.h"
#include "ui/views.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace ui {

ImFont* mono_font()
{
    ImGuiIO& io = ImGui::GetIO();
    return io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : ImGui::GetFont();
}

Intents draw_inspector(const core::AppState& s, UiState& ui, int64_t now)
{
    Intents out;
    set_frame_lang(s.config.lang);
    set_frame_theme(s.config.theme);
    if (ui.appliedTheme != static_cast<int>(s.config.theme)) {
        apply_theme(s.config.theme);
        ui.appliedTheme = static_cast<int>(s.config.theme);
    }

    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ViewContext v{s, ui, out, now};
    if (ImGui::Begin("Midjourney task inspector###inspector", nullptr, flags)) {
        // embed=1 (a dashboard's iframe): the connection settings fold behind one button to leave room for tasks.
        if (!s.config.embed || ui.connectionOpen) {
            draw_connection_bar(v);
            if (s.config.embed && ImGui::SmallButton(lid("Hide connection settings", "connection-toggle").c_str()))
                ui.connectionOpen = false;
        } else {
            if (ImGui::SmallButton(lid("Connection settings", "connection-toggle").c_str())) ui.connectionOpen = true;
            ImGui::SameLine();
            ImGui::TextDisabled("%s", s.config.baseUrl.empty() ? T("same origin") : s.config.baseUrl.c_str());
        }
        ImGui::Separator();
        draw_task_input(v);
        draw_error_log(v);
        draw_request_log(v);

        // Watch list | detail, side by side; the divider can be dragged (a resizable two-column table).
        const ImGuiTableFlags split = ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV |
                                      ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoSavedSettings;
        const float h = ImGui::GetContentRegionAvail().y;
        if (h > 1.0f && ImGui::BeginTable("###layout", 2, split, ImVec2(0.0f, h))) {
            // Proportional widths, so the list shrinks with the container (a fixed width would keep the first
            // frame's size after the page narrows).
            ImGui::TableSetupColumn("list", ImGuiTableColumnFlags_WidthStretch, 0.3f);
            ImGui::TableSetupColumn("detail", ImGuiTableColumnFlags_WidthStretch, 0.7f);
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            if (ImGui::BeginChild("###list-pane", ImVec2(0.0f, h - 2.0f), false)) draw_task_list(v);
            ImGui::EndChild();
            ImGui::TableSetColumnIndex(1);
            if (ImGui::BeginChild("###detail-pane", ImVec2(0.0f, h - 2.0f), false,
                                  ImGuiWindowFlags_AlwaysVerticalScrollbar))
                draw_detail(v);
            ImGui::EndChild();
            ImGui::EndTable();
        }
    }
    ImGui::End();
    return out;
}

} // namespace ui
