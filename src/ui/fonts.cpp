// Font atlas built on demand: Latin glyphs always, CJK glyphs only for the characters actually shown.
#include "ui/fonts.h"

#include "core/i18n.h"
#include "core/task.h"
#include "core/utf8.h"

#include <imgui.h>

namespace ui {

namespace {

// Latin (to Extended-B), general punctuation, euro, arrows, check marks, geometric shapes, the arrow emoji of pan
// buttons (U+27A1, U+2B05-2B07) and U+FFFD: the same set the build subsets the embedded DejaVu Sans to.
const ImWchar kLatinRanges[] = {0x0020, 0x024F, 0x2000, 0x206F, 0x20AC, 0x20AC, 0x2190, 0x21FF, 0x2212, 0x2212, 0x2713,
                                0x2717, 0x25A0, 0x25FF, 0x27A1, 0x27A1, 0x2B05, 0x2B07, 0xFFFD, 0xFFFD, 0};
// CJK punctuation and full-width forms: always present, they are cheap and appear in most Chinese text.
const ImWchar kCjkFixedRanges[] = {0x3000, 0x303F, 0xFF00, 0xFFEF, 0};

constexpr float kCjkScale = 1.12f;

// Codepoints below this are covered by the Latin ranges (or not by any font we load).
constexpr uint32_t kFirstCjk = 0x2E80;

void add_json(GlyphSet& g, const nlohmann::json& j)
{
    if (j.is_string()) {
        g.add_text(j.get_ref<const std::string&>());
    } else if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            g.add_text(it.key());
            add_json(g, it.value());
        }
    } else if (j.is_array()) {
        for (const nlohmann::json& e : j) add_json(g, e);
    }
}

} // namespace

void GlyphSet::add_text(const std::string& utf8)
{
    for (uint32_t cp : core::utf8_codepoints(utf8)) {
        // ImWchar is 16 bits in this build: codepoints beyond the BMP cannot be in the atlas at all.
        if (cp < kFirstCjk || cp > 0xFFFF) continue;
        if (codepoints.insert(cp).second) dirty = true;
    }
}

void GlyphSet::add_task(const core::Task& t)
{
    add_json(*this, t.raw);
    add_text(t.id);
}

void GlyphSet::add_ui_strings()
{
    for (const std::string& s : core::all_translations()) add_text(s);
    add_text("中文"); // the language switch names the other language in its own script
}

bool build_font_atlas(ImFontAtlas* atlas, const FontSources& src, const GlyphSet& glyphs, float pixelSize, float dpr)
{
    if (dpr <= 0.0f) dpr = 1.0f;
    if (pixelSize <= 0.0f) pixelSize = 15.0f;
    const float size = pixelSize * dpr;

    // ImGui reads the glyph ranges when the atlas is built (later), so they must outlive this call.
    static ImVector<ImWchar> cjkRanges;
    {
        GlyphSet all = glyphs;
        all.add_ui_strings(); // the Chinese UI must render whatever the data holds
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(kCjkFixedRanges);
        for (uint32_t cp : all.codepoints) builder.AddChar(static_cast<ImWchar>(cp));
        cjkRanges.clear();
        builder.BuildRanges(&cjkRanges);
    }

    atlas->Clear();
    auto add_with_cjk = [&](const std::vector<unsigned char>& ttf) -> ImFont* {
        ImFont* font = nullptr;
        if (ttf.empty()) {
            ImFontConfig cfg;
            cfg.SizePixels = size;
            font = atlas->AddFontDefault(&cfg);
        } else {
            ImFontConfig cfg;
            cfg.FontDataOwnedByAtlas = false; // the caller keeps the bytes
            cfg.OversampleH = 1;              // rasterised at device resolution: no need to oversample
            cfg.OversampleV = 1;
            cfg.PixelSnapH = true;
            font = atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(ttf.data()), static_cast<int>(ttf.size()),
                                               size, &cfg, kLatinRanges);
        }
        if (font && !src.cjk.empty()) {
            ImFontConfig cfg;
            cfg.MergeMode = true;
            cfg.FontDataOwnedByAtlas = false;
            cfg.OversampleH = 1;
            cfg.OversampleV = 1;
            cfg.PixelSnapH = true;
            // Droid Sans Fallback draws its ideographs on a smaller body than DejaVu's Latin: a slightly larger
            // size makes mixed Chinese/Latin lines look even (the baseline stays the Latin font's).
            atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(src.cjk.data()), static_cast<int>(src.cjk.size()),
                                        size * kCjkScale, &cfg, cjkRanges.Data);
        }
        return font;
    };

    add_with_cjk(src.latin);
    if (!src.mono.empty()) add_with_cjk(src.mono); // font 1: the raw JSON view

    // Layout stays in CSS pixels while the glyphs are rasterised at device pixels.
    if (ImGui::GetCurrentContext()) ImGui::GetIO().FontGlobalScale = 1.0f / dpr;
    return !src.latin.empty();
}

} // namespace ui
