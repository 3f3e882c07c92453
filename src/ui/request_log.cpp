// The request log: every call the inspector made (method, redacted URL, status, latency, size, error), newest
// first, in a collapsible section that starts closed: it is for debugging an integration, not for every glance.
#include "ui/text.h"
#include "ui/views.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace ui {

namespace {

std::string format_bytes(size_t n)
{
    char buf[32];
    if (n < 1024)
        std::snprintf(buf, sizeof buf, "%zu B", n);
    else if (n < 1024 * 1024)
        std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(n) / 1024.0);
    else
        std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / (1024.0 * 1024.0));
    return buf;
}

} // namespace

void draw_request_log(ViewContext& v)
{
    const std::vector<core::RequestLogEntry>& log = v.s.log;
    if (log.empty()) return;

    const std::string header = lid_raw(tf("Requests (%d)", static_cast<int>(log.size())), "requests");
    name_next(header);
    if (!ImGui::CollapsingHeader(header.c_str())) return;

    const float rowH = ImGui::GetTextLineHeightWithSpacing() + 2.0f;
    const int visibleRows = std::min<int>(static_cast<int>(log.size()), 6);
    const float h = rowH * static_cast<float>(visibleRows + 1) + 4.0f;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("###request-log", 7, flags, ImVec2(0.0f, h))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T("Time"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(T("Method"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(T("Status"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(T("Latency"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(T("Size"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(T("Error"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(T("URL"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(log.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const core::RequestLogEntry& e = log[log.size() - 1 - static_cast<size_t>(r)];
            const bool inFlight = e.latencyMs < 0;
            const bool failed = !e.error.empty();
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            const std::string when = format_local_time(e.at);
            ImGui::TextUnformatted(when.c_str() + (when.size() > 11 ? 11 : 0));
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(e.method.c_str());
            ImGui::TableSetColumnIndex(2);
            if (inFlight)
                ImGui::TextDisabled("%s", T("in flight"));
            else if (e.status == 0)
                ImGui::TextColored(error_color(), "%s", T("no answer"));
            else if (failed)
                ImGui::TextColored(error_color(), "%d", e.status);
            else
                ImGui::Text("%d", e.status);
            ImGui::TableSetColumnIndex(3);
            if (inFlight)
                ImGui::TextDisabled("—");
            else
                ImGui::TextUnformatted(format_duration(e.latencyMs).c_str());
            ImGui::TableSetColumnIndex(4);
            ImGui::TextUnformatted(inFlight ? "—" : format_bytes(e.bytes).c_str());
            ImGui::TableSetColumnIndex(5);
            if (failed)
                ImGui::TextColored(error_color(), "%s", error_kind_text(e.error));
            else
                ImGui::TextDisabled("—");
            ImGui::TableSetColumnIndex(6);
            ImGui::TextUnformatted(e.url.c_str()); // already redacted by core
        }
    }
    ImGui::EndTable();
}

} // namespace ui
