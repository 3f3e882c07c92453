// What the page tells us at start (URL, language, colour scheme, a remembered key) and its lifecycle afterwards
// (visibility, resizes), plus the few page actions the app takes (open a link, store the key, status message).
#include "platform.h"

#include "core/url_params.h"

#include <emscripten.h>
#include <emscripten/html5.h>

namespace platform {

namespace {

// Where a key lives when the user ticked "remember on this device". Never in the URL.
// clang-format off
EM_JS(char*, js_page_info, (), {
    var out = {search: "", hash: "", language: "", light: false, key: null};
    try { out.search = String(location.search || ""); } catch (e) {}
    try { out.hash = String(location.hash || ""); } catch (e) {}
    try { out.language = String(navigator.language || (navigator.languages && navigator.languages[0]) || ""); } catch (e) {}
    try { out.light = !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: light)').matches); } catch (e) {}
    // localStorage throws in sandboxed frames and with storage blocked: then nothing is remembered.
    try { out.key = window.localStorage.getItem('mj-task-inspector.apiKey'); } catch (e) {}
    var s = JSON.stringify(out);
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    if (p) stringToUTF8(s, p, n);
    return p;
});
// clang-format on

// clang-format off
EM_JS(void, js_store_key, (const char* key, int remember), {
    try {
        if (remember) window.localStorage.setItem('mj-task-inspector.apiKey', UTF8ToString(key));
        else window.localStorage.removeItem('mj-task-inspector.apiKey');
    } catch (e) {}
});
// clang-format on

// clang-format off
EM_JS(void, js_open_url, (const char* url), {
    try {
        var w = window.open(UTF8ToString(url), '_blank', 'noopener,noreferrer');
        if (w) w.opener = null;
    } catch (e) {}
});
// clang-format on

// clang-format off
EM_JS(void, js_set_status, (const char* text, int isError), {
    var el = document.getElementById('ti-status');
    if (!el) return;
    var t = UTF8ToString(text);
    el.textContent = t;
    el.style.display = t ? "" : 'none';
    if (isError) el.setAttribute('data-error', '1'); else el.removeAttribute('data-error');
});
// clang-format on

// Container resizes that do not resize the window (a dashboard's split pane) wake the loop too.
// clang-format off
EM_JS(void, js_observe_resize, (), {
    var c = Module['__tiCanvas'];
    if (!c || typeof ResizeObserver === 'undefined') return;
    try {
        new ResizeObserver(function() { if (Module['_ti_wake']) Module['_ti_wake'](); }).observe(c);
    } catch (e) {}
    // A devicePixelRatio change (browser zoom, a window dragged to another screen) resizes nothing in CSS
    // pixels, so neither observer sees it; a resolution media query does.
    function watchDpr() {
        if (!window.matchMedia) return;
        var mq = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
        var onChange = function() {
            mq.removeEventListener('change', onChange);
            if (Module['_ti_wake']) Module['_ti_wake']();
            watchDpr();
        };
        try { mq.addEventListener('change', onChange); } catch (e) {}
    }
    watchDpr();
});
// clang-format on

// A page that is only the inspector (Module.autofocus, set by shell.html) takes keys without a first click.
// clang-format off
EM_JS(void, js_autofocus, (), {
    var c = Module['__tiCanvas'];
    if (!Module['autofocus'] || !c) return;
    var a = document.activeElement;
    if (!a || a === document.body || a === document.documentElement) {
        try { c.focus({preventScroll: true}); } catch (e) {}
    }
});

// Editing the task list in the address bar (#task=...) opens those tasks without a reload.
EM_JS(void, js_watch_hash, (), {
    window.addEventListener('hashchange', function() { if (Module['_ti_hash_changed']) Module['_ti_hash_changed'](); });
});
// clang-format on

EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void*)
{
    core::app_set_page_hidden(rt().app, e->hidden != 0, now_ms());
    pump();
    if (!e->hidden) wake(3);
    return EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*)
{
    wake(3);
    return EM_FALSE;
}

} // namespace

PageStart page_read_start()
{
    PageStart out;
    core::Config& c = out.config;
    const nlohmann::json info = nlohmann::json::parse(take_js_string(js_page_info()), nullptr, false);
    auto str = [&](const char* k) -> std::string {
        if (!info.is_object()) return "";
        auto it = info.find(k);
        return (it != info.end() && it->is_string()) ? it->get<std::string>() : std::string();
    };

    const core::UrlParams url = core::parse_url_params(str("search"), str("hash"));
    out.problems = url.problems;
    if (url.base) {
        std::string why;
        if (core::normalize_base_url(*url.base, &why)) {
            c.baseUrl = *url.base;
        } else {
            out.problems.push_back("base: " + (why.empty() ? std::string("not an http(s) URL") : why));
        }
    }
    c.lang = url.lang ? *url.lang : core::lang_from_tag(str("language"));
    const bool light = info.is_object() && info.value("light", false);
    c.theme = url.theme ? *url.theme : (light ? core::Theme::Light : core::Theme::Dark);
    if (url.pollSeconds) c.pollSeconds = *url.pollSeconds;
    if (url.auth) c.auth = *url.auth;
    c.embed = url.embed;
    const std::string key = str("key");
    if (!key.empty()) {
        c.apiKey = key;
        c.rememberKey = true;
    }
    out.taskIds = url.taskIds;
    return out;
}

void page_store_key(const core::Config& c)
{
    js_store_key(c.rememberKey ? c.apiKey.c_str() : "", c.rememberKey && !c.apiKey.empty() ? 1 : 0);
}

void page_open_url(const std::string& url)
{
    if (core::is_http_url(url)) js_open_url(url.c_str());
}

void page_set_status(const char* text, bool isError)
{
    js_set_status(text ? text : "", isError ? 1 : 0);
}

void page_install_listeners()
{
    emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    js_observe_resize();
    js_autofocus();
    js_watch_hash();
    // The page may start hidden (a background tab, a collapsed dashboard panel).
    EmscriptenVisibilityChangeEvent v;
    if (emscripten_get_visibility_status(&v) == EMSCRIPTEN_RESULT_SUCCESS && v.hidden)
        core::app_set_page_hidden(rt().app, true, now_ms());
}

} // namespace platform

extern "C" {

// The URL hash changed: open the tasks it names (the other parameters only apply at start).
EMSCRIPTEN_KEEPALIVE void ti_hash_changed()
{
    using namespace platform;
    PageStart start = page_read_start();
    const int64_t now = now_ms();
    if (!start.taskIds.empty()) core::app_open_ids(rt().app, start.taskIds, now);
    pump();
    wake();
}

} // extern "C"
