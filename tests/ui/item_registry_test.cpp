// The item registry: what ImGui's test-engine hooks report, one completed frame at a time.
#include "ui_harness.h"

#include <nlohmann/json.hpp>

namespace {

struct Ctx {
    ImGuiContext* ctx;
    Ctx()
    {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(640, 480);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        ui::item_registry_set_enabled(true);
    }
    ~Ctx() { ImGui::DestroyContext(ctx); }
};

const ui::RecordedItem* by_id(ImGuiID id)
{
    for (const ui::RecordedItem& it : ui::item_registry_items())
        if (it.id == id) return &it;
    return nullptr;
}

} // namespace

TEST(ItemRegistry, RecordsLabelsAndRectanglesOfTheLastCompletedFrame)
{
    Ctx c;
    ImGuiID buttonId = 0, rawId = 0;
    for (int frame = 0; frame < 2; ++frame) {
        ui::item_registry_new_frame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(10, 20));
        ImGui::SetNextWindowSize(ImVec2(300, 200));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoTitleBar);
        ImGui::Button("Go###go-button", ImVec2(80, 30));
        buttonId = ImGui::GetItemID();
        // An item with ItemAdd but no ItemInfo: recorded with an empty label.
        const ImVec2 p = ImGui::GetCursorScreenPos();
        rawId = ImGui::GetID("raw-item");
        const ImRect bb(p, ImVec2(p.x + 40, p.y + 10));
        ImGui::ItemSize(bb);
        ImGui::ItemAdd(bb, rawId);
        ImGui::End();
        ImGui::Render();
        if (frame == 0) {
            EXPECT_EQ(by_id(buttonId), nullptr) << "the frame is not complete yet";
        }
    }
    ui::item_registry_new_frame(); // completes frame 2
    const ui::RecordedItem* b = by_id(buttonId);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->label, "Go###go-button");
    EXPECT_FLOAT_EQ(b->w, 80.0f);
    EXPECT_FLOAT_EQ(b->h, 30.0f);
    EXPECT_GE(b->x, 10.0f);
    EXPECT_GE(b->y, 20.0f);
    EXPECT_EQ(ui::item_registry_find("go-button"), b);
    const ui::RecordedItem* r = by_id(rawId);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->label, "");
    EXPECT_FLOAT_EQ(r->w, 40.0f);

    const nlohmann::json j = nlohmann::json::parse(ui::item_registry_json());
    ASSERT_TRUE(j.is_array());
    bool found = false;
    for (const auto& e : j) {
        if (e.at("label") == "Go###go-button") {
            found = true;
            EXPECT_EQ(e.at("id").get<unsigned>(), buttonId);
            EXPECT_FLOAT_EQ(e.at("w").get<float>(), 80.0f);
            EXPECT_TRUE(e.at("visible").get<bool>());
            for (const char* k : {"x", "y", "h"}) EXPECT_TRUE(e.contains(k)) << k;
        }
    }
    EXPECT_TRUE(found);
}

TEST(ItemRegistry, ItemsScrolledOutOfTheirWindowAreMarkedInvisible)
{
    Ctx c;
    ImGuiID belowId = 0;
    for (int frame = 0; frame < 3; ++frame) {
        ui::item_registry_new_frame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(300, 300));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoTitleBar);
        ImGui::BeginChild("scroller", ImVec2(200, 100), true);
        ImGui::Button("Top###top");
        ImGui::Dummy(ImVec2(10, 400));
        belowId = ImGui::GetID("Below###below");
        ImGui::Button("Below###below");
        ImGui::EndChild();
        ImGui::End();
        ImGui::Render();
    }
    ui::item_registry_new_frame();
    const auto& items = ui::item_registry_items();
    const ui::RecordedItem* top = ui::item_registry_find("top");
    const ui::RecordedItem* below = by_id(belowId);
    ASSERT_NE(top, nullptr);
    ASSERT_NE(below, nullptr) << "ImGui adds clipped items too (before its clipping test)";
    EXPECT_EQ(below->label, "") << "but skips their label hook";
    EXPECT_GT(below->y, 100.0f);
    EXPECT_TRUE(ui::item_registry_visible(static_cast<size_t>(top - items.data())));
    EXPECT_FALSE(ui::item_registry_visible(static_cast<size_t>(below - items.data())));
}

TEST(ItemRegistry, NamedItemsKeepTheirLabelWhenScrolledOut)
{
    Ctx c;
    for (int frame = 0; frame < 2; ++frame) {
        ui::item_registry_new_frame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(300, 300));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoTitleBar);
        ImGui::BeginChild("scroller", ImVec2(200, 100), true);
        ImGui::Dummy(ImVec2(10, 400));
        ui::item_registry_name_next("Below###below");
        ImGui::Button("Below###below");
        ImGui::EndChild();
        // A combo has no label hook in ImGui 1.86: naming it is the only way to find it.
        ui::item_registry_name_next("###combo");
        if (ImGui::BeginCombo("###combo", "x")) ImGui::EndCombo();
        ImGui::End();
        ImGui::Render();
    }
    ui::item_registry_new_frame();
    const ui::RecordedItem* below = ui::item_registry_find("below");
    ASSERT_NE(below, nullptr);
    EXPECT_FALSE(ui::item_registry_visible(static_cast<size_t>(below - ui::item_registry_items().data())));
    const ui::RecordedItem* combo = ui::item_registry_find("combo");
    ASSERT_NE(combo, nullptr);
    EXPECT_TRUE(ui::item_registry_visible(static_cast<size_t>(combo - ui::item_registry_items().data())));
    EXPECT_GT(combo->w, 10.0f);
}

TEST(ItemRegistry, DisabledHooksRecordNothing)
{
    Ctx c;
    ui::item_registry_set_enabled(false);
    ui::item_registry_new_frame();
    ImGui::NewFrame();
    ImGui::Begin("w");
    ImGui::Button("Nope###nope");
    ImGui::End();
    ImGui::Render();
    ui::item_registry_new_frame();
    EXPECT_EQ(ui::item_registry_find("nope"), nullptr);
}
