// Font bytes for the atlas: the Latin font embedded in the wasm file system, the CJK font fetched after start
// (4 MB must not delay the first frame), and the atlas rebuilt between frames when glyphs or the pixel ratio change.
#include "platform.h"

#include <emscripten.h>
#include <emscripten/fetch.h>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdio>
#include <cstring>

namespace platform {

namespace {

constexpr float kFontPixels = 15.0f; // CSS pixels

bool read_file(const char* path, std::vector<unsigned char>& out)
{
    FILE* f = std::fopen(path, "rb");
    if (!f) return false;
    std::fseek(f, 0, SEEK_END);
    const long n = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    if (n > 0) {
        out.resize(size_t(n));
        if (std::fread(out.data(), 1, out.size(), f) != out.size()) out.clear();
    }
    std::fclose(f);
    return !out.empty();
}

// Module.cjkFontUrl, else fonts/cjk.ttf next to inspector.js (not the host page: an embedding page lives elsewhere).
// clang-format off
EM_JS(char*, js_cjk_font_url, (), {
    var u = Module['cjkFontUrl'];
    if (typeof u !== 'string' || !u) u = (typeof locateFile === 'function') ? locateFile('fonts/cjk.ttf') : 'fonts/cjk.ttf';
    var n = lengthBytesUTF8(u) + 1;
    var p = _malloc(n);
    if (p) stringToUTF8(u, p, n);
    return p;
});
// clang-format on

void on_cjk(emscripten_fetch_t* f)
{
    Runtime& r = rt();
    const bool ok = f->status >= 200 && f->status < 300 && f->data && f->numBytes > 1000;
    if (ok)
        r.fonts.cjk.assign(reinterpret_cast<const unsigned char*>(f->data),
                           reinterpret_cast<const unsigned char*>(f->data) + f->numBytes);
    const int status = f->status;
    emscripten_fetch_close(f);
    if (ok) {
        r.atlasForced = true;
        wake(2);
    } else {
        const std::string msg =
            std::string(
                core::tr(r.app.config.lang, "The Chinese font could not be loaded; Chinese text may show as '?'.")) +
            " (fonts/cjk.ttf, HTTP " + std::to_string(status) + ")";
        core::app_add_error(r.app, now_ms(), "network", msg);
        pump();
    }
}

} // namespace

void fonts_load_embedded()
{
    Runtime& r = rt();
    if (!read_file("/fonts/latin.ttf", r.fonts.latin)) {
        std::fprintf(stderr, "inspector: /fonts/latin.ttf is missing; using ImGui's built-in font\n");
    }
}

void fonts_fetch_cjk()
{
    const std::string url = take_js_string(js_cjk_font_url());
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strcpy(attr.requestMethod, "GET");
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;
    attr.timeoutMSecs = 120000;
    attr.onsuccess = on_cjk;
    attr.onerror = on_cjk;
    emscripten_fetch(&attr, url.empty() ? "fonts/cjk.ttf" : url.c_str());
}

void fonts_rebuild_if_needed(float dpr)
{
    Runtime& r = rt();
    const bool first = r.atlasDpr == 0;
    // New glyphs only help once the CJK font is here (Latin text is always in the atlas).
    const bool glyphs = r.glyphs.dirty && !r.fonts.cjk.empty();
    if (!first && !glyphs && !r.atlasForced && dpr == r.atlasDpr) return;

    ImGuiIO& io = ImGui::GetIO();
    ui::build_font_atlas(io.Fonts, r.fonts, r.glyphs, kFontPixels, dpr);
    if (!r.fonts.cjk.empty()) r.glyphs.dirty = false;
    r.atlasDpr = dpr;
    r.atlasForced = false;
    // Before the renderer's first NewFrame the texture does not exist yet; it will be created from this atlas.
    if (r.fontTextureLive) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

} // namespace platform
