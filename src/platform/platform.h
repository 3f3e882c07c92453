// The browser platform layer's shared state and the entry points its files call in each other.
// Only src/platform includes Emscripten headers; this header keeps them out so any file can include it.
#pragma once

#include "core/app.h"
#include "ui/fonts.h"
#include "ui/inspector.h"

#include <cstdint>
#include <string>

namespace platform {

// Everything the page owns: the one app state (the only "singleton"), the UI buffers and the loop's bookkeeping.
struct Runtime {
    core::AppState app;
    ui::UiState ui;
    ui::FontSources fonts;
    ui::GlyphSet glyphs;

    std::string canvasSelector = "#canvas";
    bool glReady = false;

    // Frame loop: frames are drawn only while this budget is positive (or input is still queued).
    int activeFrames = 0;
    bool frameRequested = false;
    double lastFrameMs = 0; // performance.now() of the previous frame
    uint64_t framesRendered = 0;
    uint64_t drawnRevision = 0; // app.revision when the last frame was drawn
    bool ready = false;         // the first frame has been drawn

    // Font atlas bookkeeping.
    float atlasDpr = 0;           // the devicePixelRatio the atlas was rasterised for (0 = never built)
    bool atlasForced = false;     // rebuild even if the glyph set did not change (the CJK font arrived)
    bool fontTextureLive = false; // the GL texture exists (created by the renderer's first NewFrame)
};

Runtime& rt();

// Milliseconds since the epoch (the clock core is given) and a monotonic clock for frame timing.
int64_t now_ms();
double perf_ms();

// Ask for at least `frames` more frames to be drawn (input, answers, resize, fonts).
void wake(int frames = 3);
// Sends due requests, re-arms the poll and tick timers, emits events and wakes the loop when the state moved.
// Call after anything that may have changed the app state outside a frame.
void pump();
// Announce what changed (JS 'task'/'error' events, postMessage to the parent), feed new text to the glyph set.
void after_state_change();

// gl_context.cpp
bool gl_create(const std::string& selector); // false when WebGL2 is not available
struct Viewport {
    double cssW = 0, cssH = 0;
    double dpr = 1;
    int fbW = 0, fbH = 0;
};
Viewport gl_update_viewport(const std::string& selector); // sizes the backing store to css * dpr
void gl_clear_and_viewport(const Viewport& v, float r, float g, float b);

// input.cpp
void input_install(const std::string& selector);
bool input_apply_queued();  // applies this frame's share of queued input; true while more is queued
void input_update_cursor(); // CSS cursor from ImGui::GetMouseCursor()
void input_queue_paste(const std::string& utf8); // into the text field active when it is applied, in order

// clipboard.cpp
void clipboard_install(); // ImGui clipboard hooks
void clipboard_write(const std::string& text);
void clipboard_paste(const std::string& text); // from the DOM 'paste' event
const std::string& clipboard_last();           // last text written (a test hook reads it)

// fetch.cpp
void fetch_send(const core::OutgoingRequest& r);

// fonts_loader.cpp
void fonts_load_embedded();
void fonts_fetch_cjk();
void fonts_rebuild_if_needed(float dpr); // between frames

// page.cpp
struct PageStart {
    core::Config config;
    std::vector<std::string> taskIds;
    std::vector<std::string> problems;
};
PageStart page_read_start(); // URL, navigator.language, prefers-color-scheme, remembered key
void page_store_key(const core::Config& c);
void page_open_url(const std::string& url);
void page_install_listeners();                        // visibilitychange, resize observer
void page_set_status(const char* text, bool isError); // the shell's message element ("" hides it)

// js_api.cpp
void js_first_frame_drawn();
void js_emit(const char* event, const std::string& json);

// A C string the JS side allocated with malloc: copied and freed.
std::string take_js_string(char* p);

} // namespace platform
