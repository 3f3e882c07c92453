// The connection bar: base URL, API key, auth style, poll interval, Apply, language and theme switches.
#include "ui/text.h"
#include "ui/views.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace ui {

namespace {

struct Preset {
    const char* label; // shown in the preset menu (translated when it is words)
    const char* url;
};
const Preset kPresets[] = {
    {"Same origin (this page's server)", ""},
    {"DMXAPI (www.dmxapi.cn)", "https://www.dmxapi.cn"},
    {"DMXAPI (www.dmxapi.com)", "https://www.dmxapi.com"},
    {"DMXAPI (ssvip.dmxapi.com)", "https://ssvip.dmxapi.com"},
};

const char* auth_label(int i)
{
    switch (i) {
    case 1:
        return T("Authorization (raw)");
    case 2:
        return "mj-api-secret";
    default:
        return T("Authorization: Bearer");
    }
}

bool same_connection(const core::Config& a, const core::Config& b)
{
    return a.baseUrl == b.baseUrl && a.apiKey == b.apiKey && a.auth == b.auth && a.pollSeconds == b.pollSeconds &&
           a.rememberKey == b.rememberKey;
}

void load_buffers(UiState& ui, const core::Config& c)
{
    ui.baseUrl = c.baseUrl;
    ui.apiKey = c.apiKey;
    ui.authIndex = static_cast<int>(c.auth);
    ui.pollSeconds = c.pollSeconds;
    ui.rememberKey = c.rememberKey;
    ui.connectionDirty = false;
}

// Puts the next widget group on the same line when `width` still fits, else starts a new line.
void flow(float width, bool first = false)
{
    if (first) return;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float next = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x * 2 + width;
    if (next <= right) ImGui::SameLine(0.0f, ImGui::GetStyle().ItemSpacing.x * 2);
}

float label_w(const char* s)
{
    return ImGui::CalcTextSize(s).x + ImGui::GetStyle().ItemInnerSpacing.x;
}

void label(const char* s)
{
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(s);
    ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
}

} // namespace

void draw_connection_bar(ViewContext& v)
{
    UiState& ui = v.ui;
    const core::Config& cfg = v.s.config;

    // The buffers follow the core config when it changes from outside (URL parameters, TaskInspector.configure),
    // unless the user is in the middle of editing: their unapplied edits win until they apply or revert.
    if (!ui.initialized) {
        load_buffers(ui, cfg);
        ui.syncedConfig = cfg;
        ui.initialized = true;
    } else if (!same_connection(cfg, ui.syncedConfig)) {
        if (!ui.connectionDirty) load_buffers(ui, cfg);
        ui.syncedConfig = cfg;
    }
    ui.syncedConfigRevision = v.s.revision;

    bool apply = false;
    bool edited = false;
    const ImGuiStyle& st = ImGui::GetStyle();

    // Base URL with a preset menu.
    const char* baseLabel = T("Base URL");
    const float baseW = 260.0f;
    label(baseLabel);
    ImGui::SetNextItemWidth(baseW);
    const std::string hint = T("same origin");
    name_next("###base-url");
    if (input_text_hint("###base-url", hint.c_str(), &ui.baseUrl, ImGuiInputTextFlags_EnterReturnsTrue)) apply = true;
    edited |= ImGui::IsItemEdited();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", T("The server that answers /mj/task/{id}/fetch. Empty: this page's own server."));
    ImGui::SameLine(0.0f, st.ItemInnerSpacing.x);
    if (ImGui::BeginCombo("###base-preset", "", ImGuiComboFlags_NoPreview | ImGuiComboFlags_PopupAlignLeft)) {
        for (const Preset& p : kPresets) {
            const char* text = p.url[0] ? p.label : T(p.label);
            if (ImGui::Selectable(text, ui.baseUrl == p.url)) {
                ui.baseUrl = p.url;
                edited = true;
            }
        }
        ImGui::EndCombo();
    }

    // API key, masked unless "show" is ticked.
    const char* keyLabel = T("API key");
    const float keyW = 190.0f;
    flow(label_w(keyLabel) + keyW + ImGui::GetFrameHeight() * 4);
    ImGui::BeginGroup();
    label(keyLabel);
    ImGui::SetNextItemWidth(keyW);
    ImGuiInputTextFlags keyFlags = ImGuiInputTextFlags_EnterReturnsTrue;
    if (!ui.showKey) keyFlags |= ImGuiInputTextFlags_Password;
    name_next("###api-key");
    if (input_text("###api-key", &ui.apiKey, keyFlags)) apply = true;
    edited |= ImGui::IsItemEdited();
    ImGui::SameLine(0.0f, st.ItemInnerSpacing.x);
    const std::string showText = lid("show", "show-key");
    name_next(showText);
    ImGui::Checkbox(showText.c_str(), &ui.showKey);
    ImGui::SameLine(0.0f, st.ItemInnerSpacing.x);
    if (ImGui::Checkbox(lid("remember", "remember-key").c_str(), &ui.rememberKey)) edited = true;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", T("Keep the key in this browser's storage. Off: it is forgotten when the tab closes."));
    ImGui::EndGroup();

    // Auth header style.
    const char* authLabel = T("Auth header");
    const float authW = 200.0f;
    flow(label_w(authLabel) + authW);
    ImGui::BeginGroup();
    label(authLabel);
    ImGui::SetNextItemWidth(authW);
    name_next("###auth");
    if (ImGui::BeginCombo("###auth", auth_label(ui.authIndex))) {
        for (int i = 0; i < 3; ++i) {
            if (ImGui::Selectable(auth_label(i), ui.authIndex == i) && ui.authIndex != i) {
                ui.authIndex = i;
                edited = true;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::EndGroup();

    // Poll interval.
    const char* pollLabel = T("Poll every (s)");
    const float pollW = 100.0f;
    flow(label_w(pollLabel) + pollW);
    ImGui::BeginGroup();
    label(pollLabel);
    ImGui::SetNextItemWidth(pollW);
    {
        // A plain decimal field (ImGui's InputInt has no label hook for the registry, and +/- are noise here).
        char buf[16];
        std::snprintf(buf, sizeof buf, "%d", ui.pollSeconds);
        name_next("###poll");
        if (ImGui::InputText("###poll", buf, sizeof buf,
                             ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_EnterReturnsTrue))
            apply = true;
        if (ImGui::IsItemEdited()) {
            edited = true;
            ui.pollSeconds = std::clamp(std::atoi(buf), 1, 3600);
        }
    }
    ImGui::EndGroup();

    if (edited) ui.connectionDirty = true;

    // Apply (highlighted while there are unapplied edits).
    const std::string applyText = lid("Apply", "apply");
    const std::string pauseText = v.s.paused ? lid("Resume", "pause") : lid("Pause", "pause");
    const float buttonsW = ImGui::CalcTextSize(T("Apply")).x + ImGui::CalcTextSize(T("Resume")).x +
                           st.FramePadding.x * 4 + st.ItemSpacing.x;
    flow(buttonsW);
    ImGui::BeginGroup();
    if (ui.connectionDirty) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    }
    if (button(applyText)) apply = true;
    if (ui.connectionDirty) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered() && ui.connectionDirty)
        ImGui::SetTooltip("%s", T("You have changes that are not applied yet."));
    ImGui::SameLine();
    if (button(pauseText)) v.out.paused = !v.s.paused;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", v.s.paused ? T("Live updates are paused. Click to resume polling.")
                                           : T("Stop polling unfinished tasks for now."));
    ImGui::EndGroup();

    // Language and theme toggles: each button names what it switches to.
    const std::string langText = lid_raw(cfg.lang == core::Lang::Zh ? "EN" : "中文", "lang");
    const std::string themeText = cfg.theme == core::Theme::Dark ? lid("Light", "theme") : lid("Dark", "theme");
    flow(ImGui::CalcTextSize("中文").x + ImGui::CalcTextSize(T("Light")).x + st.FramePadding.x * 4 + st.ItemSpacing.x);
    ImGui::BeginGroup();
    if (button(langText)) v.out.lang = cfg.lang == core::Lang::Zh ? core::Lang::En : core::Lang::Zh;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("Switch language"));
    ImGui::SameLine();
    if (button(themeText)) v.out.theme = cfg.theme == core::Theme::Dark ? core::Theme::Light : core::Theme::Dark;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("Switch between the light and dark theme"));
    ImGui::EndGroup();

    if (apply) {
        core::Config c = cfg;
        c.baseUrl = ui.baseUrl;
        c.apiKey = ui.apiKey;
        c.auth = static_cast<core::AuthStyle>(std::clamp(ui.authIndex, 0, 2));
        c.pollSeconds = std::clamp(ui.pollSeconds, 1, 3600);
        c.rememberKey = ui.rememberKey;
        v.out.config = c;
        ui.connectionDirty = false;
    }
}

} // namespace ui
