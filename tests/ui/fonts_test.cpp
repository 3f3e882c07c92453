// The font atlas: Latin always, CJK for exactly the characters in the UI and the data, crisp on HiDPI.
#include "ui_harness.h"

#include "core/i18n.h"
#include "core/utf8.h"

using uitest::Harness;

namespace {

// The codepoints of `s` the atlas can be asked for (ImWchar is 16-bit; controls are never drawn).
std::vector<uint32_t> drawable(const std::string& s)
{
    std::vector<uint32_t> out;
    for (uint32_t cp : core::utf8_codepoints(s))
        if (cp >= 0x20 && cp <= 0xFFFF) out.push_back(cp);
    return out;
}

} // namespace

TEST(GlyphSet, RecordsOnlyCjkAndBeyondInTheBmp)
{
    ui::GlyphSet g;
    g.dirty = false;
    g.add_text("plain ASCII, Ünïcödé – “quotes” →");
    EXPECT_TRUE(g.codepoints.empty());
    EXPECT_FALSE(g.dirty);
    g.add_text("猫猫 🪄");
    EXPECT_EQ(g.codepoints.size(), 1u); // 猫 once; the emoji is beyond U+FFFF
    EXPECT_EQ(g.codepoints.count(0x732B), 1u);
    EXPECT_TRUE(g.dirty);
    g.dirty = false;
    g.add_text("猫");
    EXPECT_FALSE(g.dirty) << "nothing new";
    g.add_text("，"); // full-width comma U+FF0C
    EXPECT_TRUE(g.dirty);
}

TEST(GlyphSet, AddTaskWalksEveryStringAndKeyOfTheRawJson)
{
    core::Task t;
    t.id = "1";
    t.raw = nlohmann::json::parse(R"({"prompt":"雨","properties":{"键":["值", {"深":"层"}]},"n":5})");
    ui::GlyphSet g;
    g.add_task(t);
    for (const char* c : {"雨", "键", "值", "深", "层"}) {
        const uint32_t cp = core::utf8_codepoints(c)[0];
        EXPECT_EQ(g.codepoints.count(cp), 1u) << c;
    }
}

TEST(Fonts, AtlasHasTheSeedPromptAndEveryChineseUiString)
{
    Harness h;
    h.s.config.lang = core::Lang::Zh;
    h.add(uitest::task_from_file("dmxapi-imagine-success.json"), true);
    h.frames(2); // the frame loop adds the task's glyphs and rebuilds the atlas
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ASSERT_EQ(atlas->Fonts.Size, 2) << "text font and mono font";
    for (int f = 0; f < 2; ++f) {
        ImFont* font = atlas->Fonts[f];
        for (uint32_t cp : drawable(uitest::kSeedPrompt))
            EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr)
                << "font " << f << " U+" << std::hex << cp;
    }
    ImFont* font = atlas->Fonts[0];
    int checked = 0;
    for (size_t i = 0; i < core::kUiStringsCount; ++i) {
        for (uint32_t cp : drawable(core::kUiStrings[i].zh)) {
            EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr)
                << core::kUiStrings[i].zh << " U+" << std::hex << cp;
            ++checked;
        }
    }
    EXPECT_GT(checked, 500);
    // Core's own strings too (error messages, button names) in both languages.
    for (const std::string& str : core::all_translations())
        for (uint32_t cp : drawable(str))
            EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr) << str << " U+" << std::hex << cp;
    for (uint32_t cp : drawable("中文")) EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr);
}

TEST(Fonts, CjkGlyphsNotInTheSetAreNotRasterised)
{
    Harness h;
    // 龘 (U+9F98) appears in no UI string and no data: the atlas must stay small.
    EXPECT_EQ(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x9F98), nullptr);
    h.glyphs.add_text("龘");
    EXPECT_TRUE(h.glyphs.dirty);
    h.rebuild_fonts();
    EXPECT_NE(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x9F98), nullptr);
}

TEST(Fonts, HiDpiRasterisesAtDevicePixelsAndDrawsAtCssPixels)
{
    Harness h;
    h.rebuild_fonts(2.0f);
    ImGuiIO& io = ImGui::GetIO();
    EXPECT_FLOAT_EQ(io.FontGlobalScale, 0.5f);
    EXPECT_FLOAT_EQ(io.Fonts->Fonts[0]->FontSize, 30.0f);
    h.frames(2);
    EXPECT_NEAR(ImGui::GetFontSize(), 15.0f, 0.01f);
    h.rebuild_fonts(1.0f);
    EXPECT_FLOAT_EQ(io.FontGlobalScale, 1.0f);
}

TEST(Fonts, LatinRangesCoverArrowsAndSymbolsUsedByTheUi)
{
    Harness h;
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    for (uint32_t cp : drawable("—…×·•→✓"))
        EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr) << "U+" << std::hex << cp;
}

TEST(Fonts, WithoutTheLatinFontTheDefaultFontIsUsed)
{
    ImGuiContext* ctx = ImGui::CreateContext();
    ui::FontSources src; // nothing loaded yet
    ui::GlyphSet g;
    EXPECT_FALSE(ui::build_font_atlas(ImGui::GetIO().Fonts, src, g, 15.0f, 1.0f));
    unsigned char* px = nullptr;
    int w = 0, hgt = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &hgt);
    EXPECT_EQ(ImGui::GetIO().Fonts->Fonts.Size, 1);
    EXPECT_NE(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback('A'), nullptr);
    ImGui::DestroyContext(ctx);
}

TEST(Fonts, TheCallerKeepsOwnershipOfTheFontBytes)
{
    // Rebuilding twice from the same bytes must work: the atlas must not have freed them.
    Harness h;
    h.rebuild_fonts();
    h.rebuild_fonts();
    EXPECT_NE(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x4E2D), nullptr); // 中
    EXPECT_FALSE(h.fonts.latin.empty());
}
