// The C functions web/api.js calls (window.TaskInspector, postMessage, test hooks) and the events sent back to it.
// Every entry point takes untrusted input: null, wrong JSON types and huge strings become error entries.
#include "platform.h"

#include "core/json_parse.h"
#include "ui/item_registry.h"

#include <imgui.h>

#include <emscripten.h>

#include <cstdlib>
#include <cstring>

namespace platform {

namespace {

constexpr size_t kMaxInput = 1 << 20;

char* dup_string(const std::string& s)
{
    char* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p) return nullptr;
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

std::string dump(const nlohmann::json& j)
{
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool parse_input(const char* text, const char* what, nlohmann::json& out)
{
    Runtime& r = rt();
    if (!text) {
        core::app_add_error(r.app, now_ms(), "bad_input", std::string(what) + ": no value given");
        return false;
    }
    const size_t n = std::strlen(text);
    if (n > kMaxInput) {
        core::app_add_error(r.app, now_ms(), "bad_input", std::string(what) + ": value too large");
        return false;
    }
    core::JsonParseResult res = core::parse_json(std::string(text, n));
    if (!res.ok) {
        core::app_add_error(r.app, now_ms(), "bad_input", std::string(what) + ": not valid JSON");
        return false;
    }
    out = std::move(res.value);
    return true;
}

// clang-format off
EM_JS(void, js_emit, (const char* event, const char* json), {
    if (Module['__tiEmit']) Module['__tiEmit'](UTF8ToString(event), UTF8ToString(json));
});
// clang-format on

// clang-format off
EM_JS(void, js_first_frame, (), {
    var el = document.getElementById('ti-status');
    if (el && !el.hasAttribute('data-error')) el.style.display = 'none';
    if (Module['__tiReady']) Module['__tiReady']();
});
// clang-format on

} // namespace

std::string take_js_string(char* p)
{
    if (!p) return "";
    std::string s(p);
    std::free(p);
    return s;
}

void js_first_frame_drawn()
{
    js_first_frame();
}

void js_emit(const char* event, const std::string& json)
{
    js_emit(event, json.c_str());
}

} // namespace platform

using namespace platform;

extern "C" {

// TaskInspector.configure({...}) and postMessage {type:'task-inspector:configure', ...}: a JSON object.
EMSCRIPTEN_KEEPALIVE void ti_configure(const char* json)
{
    Runtime& r = rt();
    nlohmann::json patch;
    if (parse_input(json, "configure", patch)) {
        if (!patch.is_object()) {
            core::app_add_error(r.app, now_ms(), "bad_input", "configure: expected an object");
        } else {
            // A new theme or language shows on the next frame: draw_inspector applies the theme itself.
            core::app_configure_json(r.app, patch, now_ms());
            if (r.app.config.rememberKey) page_store_key(r.app.config);
        }
    }
    pump();
    wake();
}

// TaskInspector.open(idOrIds) and postMessage {type:'task-inspector:open', ids:[...]}: a JSON string or array of
// strings. Non-string elements are reported; the rest are opened.
EMSCRIPTEN_KEEPALIVE void ti_open(const char* json)
{
    Runtime& r = rt();
    nlohmann::json v;
    if (parse_input(json, "open", v)) {
        const int64_t now = now_ms();
        if (v.is_string()) {
            const std::string s = v.get<std::string>();
            r.glyphs.add_text(s);
            core::app_open(r.app, s, now);
        } else if (v.is_array()) {
            std::vector<std::string> ids;
            size_t bad = 0;
            for (const nlohmann::json& e : v) {
                if (e.is_string())
                    ids.push_back(e.get<std::string>());
                else
                    ++bad;
            }
            if (bad)
                core::app_add_error(r.app, now, "bad_input",
                                    "open: " + std::to_string(bad) + " id(s) were not strings and were ignored");
            for (const std::string& s : ids) r.glyphs.add_text(s);
            if (!ids.empty())
                core::app_open_ids(r.app, ids, now);
            else if (!bad)
                core::app_add_error(r.app, now, "bad_input", "open: no task id given");
        } else {
            core::app_add_error(r.app, now, "bad_input", "open: expected a task id string or an array of ids");
        }
    }
    pump();
    wake();
}

// TaskInspector.state(): a malloc'd UTF-8 JSON string; free it with ti_free.
EMSCRIPTEN_KEEPALIVE char* ti_state()
{
    Runtime& r = rt();
    return dup_string(dump(core::app_state_json(r.app, r.ready, r.framesRendered)));
}

// TaskInspector._items(): the widgets of the last frame, [{id,label,x,y,w,h}] in CSS pixels of the canvas.
EMSCRIPTEN_KEEPALIVE char* ti_items()
{
    return dup_string(ui::item_registry_json());
}

// TaskInspector._clipboard(): the last text the inspector put on the clipboard (headless tests cannot read it).
EMSCRIPTEN_KEEPALIVE char* ti_clipboard()
{
    return dup_string(clipboard_last());
}

// TaskInspector._fonts(): whether the CJK font has arrived, the ratio the atlas was rasterised for, and which wanted
// characters the atlas lacks (so a test can prove text renders as glyphs, not '?').
EMSCRIPTEN_KEEPALIVE char* ti_fonts()
{
    Runtime& r = rt();
    nlohmann::json missing = nlohmann::json::array();
    ImFont* font = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
    for (uint32_t cp : r.glyphs.codepoints) {
        if (!font || !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) missing.push_back(cp);
    }
    nlohmann::json j = {{"cjkLoaded", !r.fonts.cjk.empty()},
                        {"dpr", r.atlasDpr},
                        {"wanted", r.glyphs.codepoints.size()},
                        {"pendingRebuild", r.glyphs.dirty},
                        {"missing", missing}};
    return dup_string(dump(j));
}

EMSCRIPTEN_KEEPALIVE void ti_free(char* p)
{
    std::free(p);
}

// The DOM 'paste' event (and a test hook): text for the active text field and for ImGui's clipboard.
EMSCRIPTEN_KEEPALIVE void ti_paste(const char* text)
{
    if (!text) return;
    clipboard_paste(std::string(text, strnlen(text, kMaxInput)));
    wake();
}

// Test hook: behave as if the page were hidden (polling pauses) or visible again.
EMSCRIPTEN_KEEPALIVE void ti_set_page_hidden(int hidden)
{
    core::app_set_page_hidden(rt().app, hidden != 0, now_ms());
    pump();
    wake();
}

// Something outside C++ changed what should be drawn (a container resize).
EMSCRIPTEN_KEEPALIVE void ti_wake()
{
    wake(3);
}

// The JS side met unusable input before it could reach C++ (a cyclic object, a wrong message shape).
EMSCRIPTEN_KEEPALIVE void ti_report_bad_input(const char* message)
{
    Runtime& r = rt();
    std::string m = message ? std::string(message, strnlen(message, 2000)) : std::string("bad input");
    core::app_add_error(r.app, now_ms(), "bad_input", m);
    pump();
    wake();
}

} // extern "C"
