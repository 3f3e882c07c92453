// Startup and the frame loop: frames are drawn only while something changes; timers wake it for polls and ticks.
#include "platform.h"

#include "core/i18n.h"
#include "core/task.h"
#include "ui/item_registry.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace platform {

namespace {

Runtime g_rt;

long g_pollTimer = 0;
int64_t g_pollTimerAt = 0; // ms epoch the poll timer fires at (0 = none)
long g_tickTimer = 0;
bool g_tickArmed = false;

EM_BOOL on_animation_frame(double, void*);

void request_frame()
{
    Runtime& r = rt();
    if (r.frameRequested || !r.glReady) return;
    r.frameRequested = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void on_poll_timer(void*)
{
    g_pollTimer = 0;
    g_pollTimerAt = 0;
    pump();
}

void on_tick_timer(void*)
{
    g_tickArmed = false;
    wake(1); // ages and countdowns move
    pump();
}

// Anything still moving on its own (non-terminal tasks, requests in flight) needs a redraw each second.
bool anything_live(const core::AppState& s)
{
    for (const core::WatchedTask& w : s.tasks) {
        if (w.inFlight) return true;
        if (!w.task) continue;
        if (!core::is_terminal(core::parse_status(w.task->status))) return true;
    }
    return false;
}

void arm_timers()
{
    Runtime& r = rt();
    const int64_t now = now_ms();
    const int64_t next = core::app_next_wakeup(r.app);
    if (next != g_pollTimerAt) {
        if (g_pollTimer) emscripten_clear_timeout(g_pollTimer);
        g_pollTimer = 0;
        g_pollTimerAt = 0;
        if (next > 0) {
            g_pollTimerAt = next;
            g_pollTimer = emscripten_set_timeout(on_poll_timer, double(std::max<int64_t>(0, next - now)), nullptr);
        }
    }
    if (!g_tickArmed && !r.app.tasks.empty()) {
        // Once a second while tasks are live; slowly otherwise so "3 min ago" stays roughly true.
        const double ms = anything_live(r.app) ? 1000.0 : 15000.0;
        g_tickArmed = true;
        g_tickTimer = emscripten_set_timeout(on_tick_timer, ms, nullptr);
    }
}

void apply_intents(const ui::Intents& in)
{
    Runtime& r = rt();
    core::AppState& s = r.app;
    const int64_t now = now_ms();
    if (in.config) {
        core::Config c = *in.config;
        core::app_set_config(s, c, now);
        page_store_key(s.config);
    }
    if (in.lang) {
        core::Config c = s.config;
        c.lang = *in.lang;
        core::app_set_config(s, c, now);
    }
    if (in.theme) {
        core::Config c = s.config;
        c.theme = *in.theme;
        core::app_set_config(s, c, now); // draw_inspector applies the new theme on the next frame
    }
    if (in.open) {
        r.glyphs.add_text(*in.open);
        core::app_open(s, *in.open, now);
    }
    if (in.select) core::app_select(s, *in.select);
    if (in.refresh) core::app_refresh_now(s, *in.refresh, now);
    if (in.remove) core::app_remove(s, *in.remove);
    if (in.paused) core::app_set_paused(s, *in.paused, now);
    if (in.copyText) clipboard_write(*in.copyText);
    if (in.openUrl) {
        if (core::is_http_url(*in.openUrl))
            page_open_url(*in.openUrl);
        else
            core::app_add_error(s, now, "bad_input", core::tr(s.config.lang, "Only http(s) links can be opened."));
    }
    if (in.clearErrors) {
        s.errors.clear();
        s.errorsReported = 0;
        s.revision++;
    }
}

void draw_frame()
{
    Runtime& r = rt();
    const int64_t now = now_ms();
    const double t = perf_ms();

    // Requests first, so the frame shows them in flight.
    for (const core::OutgoingRequest& req : core::app_take_due_requests(r.app, now)) fetch_send(req);

    Viewport vp = gl_update_viewport(r.canvasSelector);
    fonts_rebuild_if_needed(float(vp.dpr));

    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(vp.cssW), float(vp.cssH));
    io.DisplayFramebufferScale = ImVec2(float(vp.dpr), float(vp.dpr));
    // Real elapsed time, even after a long idle gap: clamping it would make two slow clicks a double-click.
    io.DeltaTime = r.lastFrameMs > 0 ? float(std::max(0.0001, (t - r.lastFrameMs) / 1000.0)) : 1.0f / 60.0f;
    r.lastFrameMs = t;

    const bool moreInput = input_apply_queued();

    ImGui_ImplOpenGL3_NewFrame();
    r.fontTextureLive = true;
    ImGui::NewFrame();
    const ui::Intents intents = ui::draw_inspector(r.app, r.ui, now);
    ImGui::Render();
    // Closing the record here (not before the next NewFrame) makes TaskInspector._items() describe the frame
    // on screen; nothing adds items between Render and the next NewFrame.
    ui::item_registry_new_frame();

    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    gl_clear_and_viewport(vp, bg.x, bg.y, bg.z);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    input_update_cursor();

    r.framesRendered++;
    r.drawnRevision = r.app.revision;
    apply_intents(intents);

    // Ready after the second frame: ImGui sizes auto-fitting windows and table columns from the first one, so
    // only then do the pixels and the recorded widget rectangles match what a user (or a test) will click.
    if (!r.ready && r.framesRendered >= 2) {
        r.ready = true;
        js_first_frame_drawn();
    }
    if (moreInput) wake(2);
}

EM_BOOL on_animation_frame(double, void*)
{
    Runtime& r = rt();
    r.frameRequested = false;
    if (!r.glReady) return EM_FALSE; // context lost: drawing resumes when it is restored
    draw_frame();
    after_state_change();
    if (r.app.revision != r.drawnRevision) r.activeFrames = std::max(r.activeFrames, 2);
    if (r.glyphs.dirty && !r.fonts.cjk.empty()) r.activeFrames = std::max(r.activeFrames, 1);
    if (r.activeFrames > 0) {
        r.activeFrames--;
        request_frame();
    }
    arm_timers();
    return EM_FALSE; // one-shot; request_frame() asks again while the budget lasts
}

} // namespace

Runtime& rt()
{
    return g_rt;
}

int64_t now_ms()
{
    return int64_t(emscripten_date_now());
}
double perf_ms()
{
    return emscripten_performance_now();
}

void wake(int frames)
{
    Runtime& r = rt();
    r.activeFrames = std::max(r.activeFrames, frames);
    request_frame();
}

void after_state_change()
{
    Runtime& r = rt();
    core::AppState& s = r.app;
    if (!s.changedTaskIds.empty()) {
        std::vector<std::string> ids;
        ids.swap(s.changedTaskIds);
        for (const std::string& id : ids) {
            const core::WatchedTask* w = core::find_task(s, id);
            if (!w) continue;
            if (w->task) r.glyphs.add_task(*w->task);
            if (w->lastError) {
                r.glyphs.add_text(w->lastError->message);
                r.glyphs.add_text(w->lastError->detail);
            }
            js_emit("task", core::watched_task_json(*w).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        }
    }
    if (s.errorsReported > s.errors.size()) s.errorsReported = s.errors.size();
    while (s.errorsReported < s.errors.size()) {
        const core::ErrorEntry& e = s.errors[s.errorsReported++];
        r.glyphs.add_text(e.message);
        nlohmann::json j = {{"at", e.at}, {"kind", e.kind}, {"message", e.message}, {"taskId", e.taskId}};
        js_emit("error", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
}

void pump()
{
    Runtime& r = rt();
    const int64_t now = now_ms();
    for (const core::OutgoingRequest& req : core::app_take_due_requests(r.app, now)) fetch_send(req);
    after_state_change();
    if (r.app.revision != r.drawnRevision) wake(2);
    arm_timers();
}

} // namespace platform

// Module.canvasSelector lets a host page put the inspector on its own canvas.
// clang-format off
EM_JS(char*, js_canvas_selector, (), {
    var s = (typeof Module['canvasSelector'] === 'string' && Module['canvasSelector']) ? Module['canvasSelector'] : '#canvas';
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    if (p) stringToUTF8(s, p, n);
    return p;
});
// clang-format on

// clang-format off
EM_JS(void, js_failed, (), {
    if (Module["__tiFailed"]) Module["__tiFailed"]("WebGL2 is not available");
});
// clang-format on

// web/api.js replays the calls a host page made before the runtime was up.
// clang-format off
EM_JS(void, js_started, (), {
    if (Module["__tiStarted"]) Module["__tiStarted"]();
});
// clang-format on

int main()
{
    using namespace platform;
    Runtime& r = rt();
    r.canvasSelector = take_js_string(js_canvas_selector());
    if (r.canvasSelector.empty()) r.canvasSelector = "#canvas";

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing persists in MEMFS
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false; // a blinking caret would need frames while idle
    io.BackendPlatformName = "mj-task-inspector-web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    ui::item_registry_set_enabled(true);

    if (!gl_create(r.canvasSelector)) {
        page_set_status("WebGL2 is not available in this browser, so the inspector cannot draw. "
                        "Try a current Chrome, Edge, Firefox or Safari, or enable hardware acceleration.",
                        true);
        js_failed();
        return 0;
    }
    ImGui_ImplOpenGL3_Init("#version 300 es");
    r.glReady = true;

    input_install(r.canvasSelector);
    clipboard_install();
    page_install_listeners();

    const int64_t now = now_ms();
    PageStart start = page_read_start();
    core::app_set_config(r.app, start.config, now);
    for (const std::string& p : start.problems) core::app_add_error(r.app, now, "bad_input", p);
    for (const std::string& s : core::all_translations()) r.glyphs.add_text(s);
    fonts_load_embedded();
    fonts_fetch_cjk();

    if (!start.taskIds.empty()) core::app_open_ids(r.app, start.taskIds, now);

    js_started();
    pump();
    wake(3);
    return 0;
}
