// The detail panel of the selected task: every field, decoded where it helps, raw where it must be exact.
#include "core/button_id.h"
#include "core/request.h"
#include "core/utf8.h"
#include "ui/prompt_parts.h"
#include "ui/text.h"
#include "ui/views.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace ui {

namespace {

using nlohmann::json;

bool contains_ci(const std::string& hay, const char* needle)
{
    std::string h = hay, n = needle;
    for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return h.find(n) != std::string::npos;
}

// Plain-language advice for the failReasons users meet most; nullptr when there is none.
const char* fail_hint(const std::string& reason)
{
    if (contains_ci(reason, "超时") || contains_ci(reason, "timeout") || contains_ci(reason, "timed out"))
        return "The job took too long and the server gave up on it. Submit it again; if it keeps happening the "
               "upstream is probably overloaded.";
    if (contains_ci(reason, "敏感") || contains_ci(reason, "banned") || contains_ci(reason, "moderat"))
        return "Midjourney's moderation rejected the prompt. Rephrase it and avoid words that may break the "
               "community guidelines.";
    if (contains_ci(reason, "invalid parameter") || contains_ci(reason, "参数"))
        return "A -- parameter in the prompt has a value Midjourney does not accept. Check --ar, --v, --s, --q "
               "and the other parameters.";
    if (contains_ci(reason, "queue") || contains_ci(reason, "队列"))
        return "The server's queue is full. Wait a little and submit again.";
    return nullptr;
}

// The `ex=` parameter of a signed Discord CDN link: the link stops working at that time (ms epoch).
std::optional<int64_t> link_expiry(const std::string& url)
{
    const size_t q = url.find('?');
    if (q == std::string::npos) return std::nullopt;
    size_t p = q + 1;
    while (p < url.size()) {
        size_t end = url.find('&', p);
        if (end == std::string::npos) end = url.size();
        if (url.compare(p, 3, "ex=") == 0 && end > p + 3) {
            const std::string hex = url.substr(p + 3, end - p - 3);
            if (hex.size() > 12 || !std::all_of(hex.begin(), hex.end(),
                                                [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
                return std::nullopt;
            return static_cast<int64_t>(std::strtoll(hex.c_str(), nullptr, 16)) * 1000;
        }
        p = end + 1;
    }
    return std::nullopt;
}

struct Fields {
    ViewContext& v;
    int row = 0;

    bool begin()
    {
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                      ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
        if (!ImGui::BeginTable("###fields", 3, flags)) return false;
        ImGui::TableSetupColumn(T("Field"), ImGuiTableColumnFlags_WidthFixed, 120.0f);
        ImGui::TableSetupColumn(T("Value"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize);
        return true;
    }
    void end() { ImGui::EndTable(); }

    // Starts a row: the field's name (translated), with the API's own key on hover.
    void name(const char* english, const char* key)
    {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(T(english));
        if (key && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", key);
        ImGui::TableSetColumnIndex(1);
    }
    void copy(const std::string& text, const std::string& id)
    {
        ImGui::TableSetColumnIndex(2);
        if (small_button(lid_raw(T("Copy"), id))) v.out.copyText = text;
    }
    void text(const char* english, const char* key, const std::optional<std::string>& value)
    {
        name(english, key);
        if (!value) {
            absent_value();
            return;
        }
        wrapped_text(*value);
        copy(*value, std::string("copy-") + key);
    }
    void time(const char* english, const char* key, const std::optional<int64_t>& ms)
    {
        name(english, key);
        if (!ms) {
            absent_value();
            return;
        }
        const std::string local = format_local_time(*ms);
        ImGui::TextUnformatted(local.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", format_ago(*ms, v.now).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%lld", static_cast<long long>(*ms));
        copy(local, std::string("copy-") + key);
    }
    void duration(const char* english, const std::optional<int64_t>& from, const std::optional<int64_t>& to,
                  bool runningToNow)
    {
        name(english, nullptr);
        if (from && to) {
            ImGui::TextUnformatted(format_duration(*to - *from).c_str());
        } else if (from && runningToNow) {
            ImGui::TextUnformatted(tf("%s so far", format_duration(v.now - *from).c_str()).c_str());
        } else {
            absent_value();
        }
    }
};

void draw_error_box(ViewContext& v, const core::WatchedTask& w)
{
    const core::ApiError& e = *w.lastError;
    begin_box(error_color());
    ImGui::PushStyleColor(ImGuiCol_Text, error_color());
    std::string head = T("The last request failed");
    if (e.httpStatus) head += " (HTTP " + std::to_string(e.httpStatus) + ")";
    ImGui::TextUnformatted(head.c_str());
    ImGui::PopStyleColor();
    wrapped_text(e.message);
    if (!e.detail.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped_text(e.detail);
        ImGui::PopStyleColor();
    }
    if (e.retryAfterSeconds)
        ImGui::TextUnformatted(tf("The server asked to retry after %d s.", *e.retryAfterSeconds).c_str());
    if (w.consecutiveErrors > 1)
        ImGui::TextDisabled("%s", tf("%d failed attempts in a row", w.consecutiveErrors).c_str());
    if (w.task) {
        ImGui::TextDisabled(
            "%s", tf("Below: the last good data, received %s.", format_ago(w.fetchedAt, v.now).c_str()).c_str());
    }
    end_box();
}

void draw_header(ViewContext& v, const core::WatchedTask& w)
{
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(T("Task"));
    ImGui::SameLine();
    const float buttonsW = ImGui::CalcTextSize(T("Copy")).x + ImGui::CalcTextSize(T("Refresh")).x +
                           st.FramePadding.x * 4 + st.ItemSpacing.x * 2;
    readonly_field("###task-id-value", w.id, std::max(120.0f, ImGui::GetContentRegionAvail().x - buttonsW));
    ImGui::SameLine();
    if (button(lid("Copy", "copy-id"))) v.out.copyText = w.id;
    ImGui::SameLine();
    if (button(lid("Refresh", "refresh"))) v.out.refresh = w.id;

    // Where the data stands: fetching, last update, next poll.
    std::string line;
    if (w.inFlight) {
        line = T("Fetching…");
    } else if (w.fetchedAt > 0) {
        line = tf("Updated %s", format_ago(w.fetchedAt, v.now).c_str());
    } else {
        line = T("No answer yet");
    }
    if (w.nextPollAt > 0 && !w.inFlight) {
        line += "  ·  ";
        line += v.s.paused ? T("live updates paused")
                           : tf("next refresh %s", format_countdown(w.nextPollAt, v.now).c_str()).c_str();
    } else if (w.task && core::is_terminal(core::parse_status(w.task->status))) {
        line += "  ·  ";
        line += T("finished: no more polling");
    }
    ImGui::TextDisabled("%s", line.c_str());
    if (!w.parentId.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("·  %s", tf("created from task %s", w.parentId.c_str()).c_str());
    }
}

void draw_status(const core::Task& t)
{
    const core::Status st = core::parse_status(t.status);
    status_chip(status_text(t.status), status_color(st));
    if (st == core::Status::Unknown) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", T("(a status this inspector does not know)"));
    }
    ImGui::SameLine();
    progress_bar(t, -1.0f);
}

void draw_fail_reason(const core::Task& t)
{
    if (!t.failReason) return;
    begin_box(error_color());
    ImGui::PushStyleColor(ImGuiCol_Text, error_color());
    ImGui::TextUnformatted(T("Failure reason"));
    wrapped_text(*t.failReason);
    ImGui::PopStyleColor();
    if (const char* hint = fail_hint(*t.failReason)) wrapped_text(T(hint));
    end_box();
}

// Reference images in front of the prompt, and the "--" parameters Midjourney ran with.
void draw_prompt_parts(Fields& f, const core::Task& t)
{
    for (const std::optional<std::string>* src : {&t.prompt, &t.promptEn}) {
        if (!*src) continue;
        const PromptParts parts = split_prompt(**src);
        if (parts.imageUrls.empty()) continue;
        f.name("Reference images", src == &t.prompt ? "prompt" : "promptEn");
        int i = 0;
        for (const std::string& url : parts.imageUrls) {
            ImGui::PushID(i);
            if (small_button(lid_raw(T("Open"), "open-ref-" + std::to_string(i)))) f.v.out.openUrl = url;
            ImGui::SameLine();
            if (small_button(lid_raw(T("Copy"), "copy-ref-" + std::to_string(i)))) f.v.out.copyText = url;
            wrapped_text(url);
            ImGui::PopID();
            ++i;
        }
        break;
    }

    // The prompt as Midjourney ran it has the parameters the server added (--v ...): prefer it.
    std::string source;
    const char* sourceName = nullptr;
    const auto finalPrompt = t.properties.find("finalPrompt");
    if (finalPrompt != t.properties.end() && finalPrompt->is_string() && !finalPrompt->get<std::string>().empty()) {
        source = finalPrompt->get<std::string>();
        sourceName = "properties.finalPrompt";
    } else if (t.promptEn) {
        source = *t.promptEn;
        sourceName = "promptEn";
    } else if (t.prompt) {
        source = *t.prompt;
        sourceName = "prompt";
    }
    f.name("Parameters", sourceName);
    if (!sourceName) {
        absent_value();
        return;
    }
    const PromptParts parts = split_prompt(source);
    if (parts.params.empty()) {
        ImGui::TextDisabled("— %s", T("none"));
    }
    for (const auto& [name, value] : parts.params) {
        const std::string text = "--" + name + (value.empty() ? "" : " " + value);
        ImGui::TextUnformatted(text.c_str());
        if (const char* meaning = describe_param(name)) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", T(meaning));
        }
    }
    ImGui::TextDisabled("%s", tf("from %s", sourceName).c_str());
}

void draw_fields(ViewContext& v, const core::Task& t)
{
    Fields f{v};
    if (!f.begin()) return;
    f.text("Action", "action", t.action);
    f.name("Status", "status");
    status_chip(status_text(t.status), status_color(core::parse_status(t.status)));
    f.name("Progress", "progress");
    if (t.progress) {
        ImGui::TextUnformatted(t.progress->c_str());
    } else {
        absent_value();
    }
    f.text("Prompt", "prompt", t.prompt);
    f.text("Prompt (English)", "promptEn", t.promptEn);
    f.text("Description", "description", t.description);
    draw_prompt_parts(f, t);
    f.text("State", "state", t.state);
    f.time("Submitted", "submitTime", t.submitTime);
    f.time("Started", "startTime", t.startTime);
    f.time("Finished", "finishTime", t.finishTime);
    const bool running = !core::is_terminal(core::parse_status(t.status));
    f.duration("Queue wait", t.submitTime, t.startTime, false);
    f.duration("Run time", t.startTime, t.finishTime, running);
    f.duration("Total", t.submitTime, t.finishTime, false);

    f.name("Image URL", "imageUrl");
    if (t.imageUrl) {
        const std::string& url = *t.imageUrl;
        const bool http = core::is_http_url(url);
        ImGui::BeginDisabled(!http);
        if (small_button(lid("Open", "open-image"))) v.out.openUrl = url;
        ImGui::EndDisabled();
        if (!http && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", T("Only http(s) links can be opened."));
        ImGui::SameLine();
        if (small_button(lid("Copy", "copy-image"))) v.out.copyText = url;
        if (const std::optional<int64_t> ex = link_expiry(url)) {
            ImGui::SameLine();
            if (*ex <= v.now) {
                ImGui::TextColored(error_color(), "%s", tf("link expired %s", format_ago(*ex, v.now).c_str()).c_str());
            } else {
                ImGui::TextDisabled("%s", tf("link expires %s", format_ago(*ex, v.now).c_str()).c_str());
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", format_local_time(*ex).c_str());
        }
        wrapped_text(url);
    } else {
        absent_value();
    }
    f.name("Image size", "imageWidth / imageHeight");
    if (t.imageWidth && t.imageHeight) {
        ImGui::Text("%lld × %lld", static_cast<long long>(*t.imageWidth), static_cast<long long>(*t.imageHeight));
    } else {
        ImGui::TextDisabled("— %s", T("unknown"));
    }
    f.name("Failure reason", "failReason");
    if (t.failReason) {
        ImGui::PushStyleColor(ImGuiCol_Text, error_color());
        wrapped_text(*t.failReason);
        ImGui::PopStyleColor();
        f.copy(*t.failReason, "copy-failReason");
    } else {
        absent_value();
    }
    f.text("Mode", "mode", t.mode);
    f.text("Bot", "botType", t.botType);
    f.text("Custom id", "customId", t.customId);
    f.text("Proxy", "proxy", t.proxy);
    f.name("Mask", "maskBase64");
    if (t.maskBase64) {
        ImGui::TextUnformatted(tf("%d characters of base64", static_cast<int>(t.maskBase64->size())).c_str());
        f.copy(*t.maskBase64, "copy-maskBase64");
    } else {
        absent_value();
    }
    f.end();
}

void draw_buttons(ViewContext& v, const core::Task& t)
{
    const std::string header =
        lid_raw(tf("Buttons (%d)", t.buttons ? static_cast<int>(t.buttons->size()) : 0), "buttons");
    if (!ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!t.buttons) {
        absent_value();
        return;
    }
    if (t.buttons->empty()) {
        ImGui::TextDisabled("%s", T("none offered"));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("###button-table", 4, flags)) return;
    ImGui::TableSetupColumn(T("Label"), ImGuiTableColumnFlags_WidthFixed, 130.0f);
    ImGui::TableSetupColumn(T("What it does"), ImGuiTableColumnFlags_WidthFixed, 150.0f);
    ImGui::TableSetupColumn("customId", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize);
    ImGui::TableHeadersRow();
    int i = 0;
    for (const core::Button& b : *t.buttons) {
        ImGui::PushID(i++);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        std::string label;
        if (b.emoji) label = renderable_emoji(*b.emoji);
        if (b.label) label += (label.empty() ? "" : " ") + *b.label;
        if (label.empty()) {
            ImGui::TextDisabled("—");
        } else {
            ImGui::TextUnformatted(label.c_str());
        }
        if (b.emoji && ImGui::IsItemHovered()) ImGui::SetTooltip("emoji: %s", b.emoji->c_str());
        ImGui::TableSetColumnIndex(1);
        if (b.customId) {
            const core::ButtonMeaning m = core::decode_button(*b.customId);
            const std::string what = core::describe_button(m, frame_lang(), *b.customId);
            if (m.kind == "unknown") {
                ImGui::TextDisabled("%s", T("unknown button"));
            } else {
                ImGui::TextUnformatted(what.c_str());
            }
            if (m.needsModal) wrapped_text_colored(warning_color(), T("(asks for more input)"));
            ImGui::TableSetColumnIndex(2);
            wrapped_text(*b.customId);
            ImGui::TableSetColumnIndex(3);
            if (small_button(lid_raw(T("Copy"), "copy-button-" + std::to_string(i - 1)))) v.out.copyText = *b.customId;
        } else {
            absent_value();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void draw_properties(ViewContext& v, const core::Task& t)
{
    const std::string header = lid_raw(tf("Properties (%d)", static_cast<int>(t.properties.size())), "properties");
    if (!ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!t.properties.is_object() || t.properties.empty()) {
        ImGui::TextDisabled("— %s", T("none"));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("###property-table", 3, flags)) return;
    ImGui::TableSetupColumn(T("Key"), ImGuiTableColumnFlags_WidthFixed, 150.0f);
    ImGui::TableSetupColumn(T("Value"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize);
    ImGui::TableHeadersRow();
    int i = 0;
    for (auto it = t.properties.begin(); it != t.properties.end(); ++it) {
        ImGui::PushID(i++);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(it.key().c_str());
        ImGui::TableSetColumnIndex(1);
        const json& val = it.value();
        std::string text;
        if (val.is_string()) {
            text = val.get<std::string>();
        } else {
            text = val.dump(-1, ' ', false, json::error_handler_t::replace);
        }
        if (val.is_null() || (val.is_string() && text.empty())) {
            ImGui::TextDisabled("%s", val.is_null() ? "null" : T("(empty)"));
        } else {
            wrapped_text(text);
            ImGui::TableSetColumnIndex(2);
            if (small_button(lid_raw(T("Copy"), "copy-property-" + it.key()))) v.out.copyText = text;
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void draw_problems(const core::Task& t)
{
    if (t.problems.empty()) return;
    begin_box(warning_color());
    ImGui::TextColored(warning_color(), "%s", T("The server sent fields with unexpected types"));
    for (const core::FieldProblem& p : t.problems) {
        wrapped_text("• " + tf("%s: expected %s, got %s", p.field.c_str(), p.expected.c_str(), p.got.c_str()));
    }
    end_box();
}

void draw_raw_json(ViewContext& v, const core::WatchedTask& w, const core::Task& t)
{
    const std::string header = lid("Raw JSON", "raw-section");
    name_next(header);
    if (!ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    // Pretty-printing a large task every frame would be wasteful: cache it per task and answer.
    const std::string key = w.id + "@" + std::to_string(w.fetchedAt) + "#" + std::to_string(t.raw.size());
    UiState& ui = v.ui;
    if (ui.rawJsonKey != key) {
        ui.rawJson = t.raw.dump(2, ' ', false, json::error_handler_t::replace);
        ui.rawJsonKey = key;
    }
    if (small_button(lid("Copy", "copy-raw"))) v.out.copyText = ui.rawJson;
    ImGui::SameLine();
    ImGui::TextDisabled(
        "%s",
        tf("%d bytes; select text and press Ctrl+C to copy part of it", static_cast<int>(ui.rawJson.size())).c_str());
    const int lines = 1 + static_cast<int>(std::count(ui.rawJson.begin(), ui.rawJson.end(), '\n'));
    ImGui::PushFont(mono_font());
    const float lineH = ImGui::GetTextLineHeight();
    const float h = std::clamp(lineH * static_cast<float>(lines + 1), lineH * 4, lineH * 30);
    // ReadOnly: ImGui never writes into the buffer.
    name_next("###raw-json");
    ImGui::InputTextMultiline("###raw-json", ui.rawJson.data(), ui.rawJson.size() + 1, ImVec2(-1.0f, h),
                              ImGuiInputTextFlags_ReadOnly);
    ImGui::PopFont();
}

} // namespace

void draw_detail(ViewContext& v)
{
    const core::AppState& s = v.s;
    const core::WatchedTask* w = s.selectedId.empty() ? nullptr : core::find_task(s, s.selectedId);
    if (!w) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped_text(s.tasks.empty() ? T("Enter one or more task ids above and press Fetch to inspect them.")
                                     : T("Select a task in the list to see everything the server reported about it."));
        ImGui::PopStyleColor();
        return;
    }

    draw_header(v, *w);
    if (w->lastError) draw_error_box(v, *w);
    if (!w->task) {
        ImGui::TextDisabled("%s", w->inFlight ? T("Loading…") : T("No task data received yet."));
        return;
    }
    const core::Task& t = *w->task;
    ImGui::Spacing();
    draw_status(t);
    draw_fail_reason(t);
    draw_problems(t);
    ImGui::Spacing();
    draw_fields(v, t);
    ImGui::Spacing();
    draw_buttons(v, t);
    draw_properties(v, t);
    draw_raw_json(v, *w, t);
}

} // namespace ui
