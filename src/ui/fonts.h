// Font atlas built on demand: Latin glyphs always, CJK glyphs only for the characters actually shown.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

struct ImFontAtlas;

namespace core {
struct Task;
}

namespace ui {

struct FontSources {
    std::vector<unsigned char> latin; // TTF bytes (DejaVu Sans subset); required
    std::vector<unsigned char> mono;  // TTF bytes for the raw JSON view; optional
    std::vector<unsigned char> cjk;   // TTF bytes (Droid Sans Fallback); optional until it has loaded
};

// The set of non-Latin codepoints the atlas must contain. Adding text marks the atlas dirty when it brings
// a codepoint not seen before.
struct GlyphSet {
    std::set<uint32_t> codepoints;
    bool dirty = true;
    void add_text(const std::string& utf8);
    void add_task(const core::Task& t); // every string in the task's raw JSON
    // Added by the ui layer: every translated UI string (core::all_translations()); build_font_atlas always
    // includes them, so a GlyphSet only needs to track the data.
    void add_ui_strings();
};

// Rebuilds `atlas` (fonts rasterised at pixelSize * dpr, drawn at 1/dpr so text is crisp on HiDPI screens).
// Returns false when the Latin font is missing (the atlas then holds ImGui's default font).
bool build_font_atlas(ImFontAtlas* atlas, const FontSources& src, const GlyphSet& glyphs, float pixelSize, float dpr);

} // namespace ui
