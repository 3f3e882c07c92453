// The global error log: the most recent errors (time, kind, task, message) in a collapsible section.
#include "ui/text.h"
#include "ui/views.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>

namespace ui {

// The error kinds of core/response.h in words.
const char* error_kind_text(const std::string& kind)
{
    if (kind == "network") return T("network");
    if (kind == "timeout") return T("timeout");
    if (kind == "auth") return T("auth");
    if (kind == "not_found") return T("not found");
    if (kind == "rate_limited") return T("rate limited");
    if (kind == "server") return T("server error");
    if (kind == "http") return T("HTTP error");
    if (kind == "html") return T("HTML instead of JSON");
    if (kind == "empty") return T("empty answer");
    if (kind == "malformed_json") return T("malformed JSON");
    if (kind == "truncated_json") return T("truncated JSON");
    if (kind == "wrong_shape") return T("unexpected JSON");
    if (kind == "bad_input") return T("bad input");
    return kind.c_str();
}

void draw_error_log(ViewContext& v)
{
    const std::vector<core::ErrorEntry>& errors = v.s.errors;
    if (errors.empty()) return;

    ImGui::PushStyleColor(ImGuiCol_Text, error_color());
    const std::string header = lid_raw(tf("Errors (%d)", static_cast<int>(errors.size())), "errors");
    name_next(header);
    const bool open = ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::PopStyleColor();
    if (!open) return;

    if (small_button(lid("Clear", "clear-errors"))) v.out.clearErrors = true;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", T("Most recent first"));

    // A few rows are visible; the rest scroll (the core keeps at most AppState::kMaxErrors).
    const float rowH = ImGui::GetTextLineHeightWithSpacing() + 2.0f;
    const int visibleRows = std::min<int>(static_cast<int>(errors.size()), 4);
    const float h = rowH * static_cast<float>(visibleRows + 1) + 4.0f;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("###error-log", 4, flags, ImVec2(0.0f, h))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T("Time"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(T("Kind"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(T("Task"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(T("Message"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(errors.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const core::ErrorEntry& e = errors[errors.size() - 1 - static_cast<size_t>(r)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            const std::string when = format_local_time(e.at);
            ImGui::TextUnformatted(when.c_str() + (when.size() > 11 ? 11 : 0)); // time of day; the date on hover
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s)", when.c_str(), format_ago(e.at, v.now).c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextColored(error_color(), "%s", error_kind_text(e.kind));
            ImGui::TableSetColumnIndex(2);
            if (e.taskId.empty()) {
                ImGui::TextDisabled("—");
            } else {
                ImGui::TextUnformatted(e.taskId.c_str());
            }
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(e.message.c_str());
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 35.0f);
                ImGui::TextUnformatted(e.message.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
    }
    ImGui::EndTable();
}

} // namespace ui
