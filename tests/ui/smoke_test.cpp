// Hundreds of headless frames over every fixture, odd data and odd window sizes: nothing may crash or leak
// ImGui state (ImPlot's CI does the same).
#include "ui_harness.h"

#include "ui/widgets.h"

using uitest::Harness;

namespace {

core::Task all_absent()
{
    core::Task t; // every optional empty, id "", raw {}
    return t;
}

core::Task odd_values()
{
    nlohmann::json j = {
        {"id", "odd-1"},
        {"status", "WEIRD_STATUS"},
        {"progress", "abc%"},
        {"action", 42},
        {"prompt", std::string(20000, 'x') + " 末尾"},
        {"submitTime", 1764830300000LL},
        {"startTime", 1764830200000LL}, // before submit
        {"finishTime", "yesterday"},
        {"imageUrl", "javascript:alert(1)"},
        {"imageWidth", -5},
        {"failReason", "任务超时"},
        {"buttons",
         {{{"customId", "MJ::JOB::pan_left::1::abc::SOLO"}, {"emoji", "⬅️"}, {"label", ""}},
          {{"customId", "totally-unknown"}, {"emoji", "🎉"}, {"label", "Party"}},
          {{"customId", nullptr}},
          "not an object",
          {{"customId", "MJ::CustomZoom::abc"}, {"emoji", "🔍"}}}},
        {"properties", {{"nested", {{"a", {1, 2, 3}}}}, {"empty", ""}, {"nul", nullptr}, {"num", 3.5}}},
        {"extraUnknownField", {{"deep", true}}},
    };
    return core::task_from_json(j);
}

} // namespace

TEST(Smoke, TwoHundredFramesOverEveryFixtureBothLanguagesAndThemes)
{
    Harness h;
    std::vector<core::Task> tasks = uitest::all_fixture_tasks();
    ASSERT_GE(tasks.size(), 6u);
    tasks.push_back(all_absent());
    tasks.push_back(odd_values());
    for (const core::Task& t : tasks) h.add(t);
    // A task that only ever failed, and one still loading.
    core::WatchedTask failed;
    failed.id = "only-errors";
    failed.lastError =
        core::classify_task_response(uitest::http_from_file("error-gateway-502.http"), core::Lang::En).error;
    h.s.tasks.push_back(failed);
    core::WatchedTask loading;
    loading.id = "loading";
    loading.inFlight = true;
    h.s.tasks.push_back(loading);
    for (int i = 0; i < 30; ++i) {
        core::ErrorEntry e;
        e.at = uitest::kNow - i * 1000;
        e.kind = i % 2 ? "network" : "html";
        e.message = "error " + std::to_string(i) + " 错误";
        e.taskId = i % 3 ? "" : "only-errors";
        h.s.errors.push_back(e);
    }

    const ImVec2 sizes[] = {ImVec2(1280, 800), ImVec2(800, 600), ImVec2(320, 240), ImVec2(1, 1), ImVec2(2560, 1440)};
    ImGuiIO& io = ImGui::GetIO();
    int frames = 0;
    for (int i = 0; i < 200; ++i) {
        const size_t n = h.s.tasks.size();
        h.s.selectedId = (i % 11 == 10) ? std::string("not-watched") : h.s.tasks[static_cast<size_t>(i) % n].id;
        h.s.config.lang = (i / 7) % 2 ? core::Lang::Zh : core::Lang::En;
        h.s.config.theme = (i / 13) % 2 ? core::Theme::Light : core::Theme::Dark;
        io.DisplaySize = sizes[(i / 17) % 5];
        io.MousePos = ImVec2(static_cast<float>((i * 37) % 1280), static_cast<float>((i * 53) % 800));
        io.MouseWheel = (i % 5 == 0) ? -3.0f : 0.0f;
        h.now = uitest::kNow + i * 1000;
        h.frame();
        ++frames;
    }
    EXPECT_EQ(frames, 200);
    EXPECT_GE(ImGui::GetFrameCount(), 200);
    ImDrawData* dd = ImGui::GetDrawData();
    ASSERT_NE(dd, nullptr);
    EXPECT_TRUE(dd->Valid);
}

TEST(Smoke, EmptyStateAndAHugeWatchList)
{
    Harness h;
    h.frames(3); // nothing watched, nothing selected
    EXPECT_NE(h.item("fetch"), nullptr);
    const core::Task base = uitest::task_from_file("inprogress-imagine.json");
    for (int i = 0; i < 10000; ++i) {
        core::Task t = base;
        t.id = std::to_string(1000000000000000LL + i);
        h.s.tasks.push_back(uitest::watched(t));
    }
    h.s.selectedId = h.s.tasks[5000].id;
    h.frames(3);
    // Only the visible rows are submitted (the list is clipped).
    int rows = 0;
    for (const ui::RecordedItem& it : ui::item_registry_items())
        if (it.label.find("###row-") != std::string::npos) ++rows;
    EXPECT_GT(rows, 5);
    EXPECT_LT(rows, 200);
}

TEST(Widgets, EmojiAreDrawnOnlyWhenTheFontHasEveryGlyph)
{
    Harness h;
    h.frames(1);
    ImGui::NewFrame();                           // renderable_emoji asks the current font
    EXPECT_EQ(ui::renderable_emoji("🪄"), ""); // beyond U+FFFF: never in the atlas
    EXPECT_EQ(ui::renderable_emoji("🖌️"), "");
    EXPECT_EQ(ui::renderable_emoji("upscale_1"), ""); // a Discord custom emoji name, not a character
    EXPECT_EQ(ui::renderable_emoji(""), "");
    EXPECT_EQ(ui::renderable_emoji("✓"), "✓"); // DejaVu has it (dingbats range)
    // The variation selector is dropped, the arrow kept when the font has it.
    const bool hasArrow = ImGui::GetFont()->FindGlyphNoFallback(0x2B05) != nullptr;
    EXPECT_EQ(ui::renderable_emoji("⬅️"), hasArrow ? "⬅" : "");
    ImGui::Render();
}
