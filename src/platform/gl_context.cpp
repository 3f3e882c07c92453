// The WebGL2 context on the page's canvas, and the canvas backing store sized to CSS size x devicePixelRatio.
#include "platform.h"

#include <emscripten/html5.h>
#include <emscripten/html5_webgl.h>

#include <GLES3/gl3.h>

#include <backends/imgui_impl_opengl3.h>

#include <cmath>

namespace platform {

namespace {
EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_ctx = 0;
int g_fbW = -1, g_fbH = -1;
// The GPU process may drop the context (driver reset, too many contexts on a dashboard). Returning true asks the
// browser to restore it; then the renderer's shaders, buffers and font texture are made again.
EM_BOOL on_context_lost(int, const void*, void*)
{
    rt().glReady = false;
    page_set_status("The graphics context was lost; waiting for the browser to restore it…", true);
    return EM_TRUE;
}

EM_BOOL on_context_restored(int, const void*, void*)
{
    Runtime& r = rt();
    emscripten_webgl_make_context_current(g_ctx);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    r.fontTextureLive = false; // the renderer's next NewFrame uploads the atlas again
    g_fbW = g_fbH = -1;
    r.glReady = true;
    page_set_status("", false);
    wake(3);
    return EM_TRUE;
}

} // namespace

bool gl_create(const std::string& selector)
{
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;     // opaque canvas: the theme background fills it
    attrs.antialias = EM_FALSE; // ImGui anti-aliases its own shapes
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.premultipliedAlpha = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_FALSE;
    attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
    g_ctx = emscripten_webgl_create_context(selector.c_str(), &attrs);
    if (g_ctx <= 0) return false;
    if (emscripten_webgl_make_context_current(g_ctx) != EMSCRIPTEN_RESULT_SUCCESS) return false;
    emscripten_set_webglcontextlost_callback(selector.c_str(), nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback(selector.c_str(), nullptr, EM_FALSE, on_context_restored);
    return true;
}

Viewport gl_update_viewport(const std::string& selector)
{
    Viewport v;
    if (emscripten_get_element_css_size(selector.c_str(), &v.cssW, &v.cssH) != EMSCRIPTEN_RESULT_SUCCESS) {
        v.cssW = 800;
        v.cssH = 600;
    }
    if (!(v.cssW >= 1)) v.cssW = 1; // a hidden container reports 0; ImGui needs a positive size
    if (!(v.cssH >= 1)) v.cssH = 1;
    v.dpr = emscripten_get_device_pixel_ratio();
    if (!(v.dpr > 0.25) || !(v.dpr < 16)) v.dpr = 1;
    // Whole device pixels, so one CSS pixel maps to exactly dpr backing pixels and text stays crisp.
    v.fbW = int(std::lround(v.cssW * v.dpr));
    v.fbH = int(std::lround(v.cssH * v.dpr));
    if (v.fbW != g_fbW || v.fbH != g_fbH) {
        emscripten_set_canvas_element_size(selector.c_str(), v.fbW, v.fbH);
        g_fbW = v.fbW;
        g_fbH = v.fbH;
    }
    return v;
}

void gl_clear_and_viewport(const Viewport& v, float r, float g, float b)
{
    glViewport(0, 0, v.fbW, v.fbH);
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

} // namespace platform
