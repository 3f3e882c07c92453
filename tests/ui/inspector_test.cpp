// The inspector's frame driven like a user would: widgets by stable id, clicks, typing, languages, errors.
#include "ui_harness.h"

#include "ui/text.h"

#include <nlohmann/json.hpp>

using uitest::Harness;

namespace {

const char* const kStableIds[] = {"task-input", "fetch",      "base-url", "api-key",  "show-key",    "auth",
                                  "poll",       "apply",      "lang",     "theme",    "refresh",     "copy-id",
                                  "open-image", "copy-image", "raw-json", "copy-raw", "clear-errors"};

void add_error(core::AppState& s, const std::string& kind, const std::string& message, int64_t at)
{
    core::ErrorEntry e;
    e.at = at;
    e.kind = kind;
    e.message = message;
    s.errors.push_back(e);
}

} // namespace

TEST(Inspector, EveryStableWidgetIdIsPresent)
{
    Harness h;
    const core::Task t = uitest::task_from_file("dmxapi-imagine-success.json");
    h.add(t, true);
    add_error(h.s, "network", "No answer from the server", uitest::kNow - 1000);
    h.frames(3);
    for (const char* id : kStableIds) EXPECT_NE(h.item(id), nullptr) << "###" << id;
    EXPECT_NE(h.item("row-" + t.id), nullptr);
    EXPECT_NE(h.item("remove-" + t.id), nullptr);
    const ui::RecordedItem* fetch = h.item("fetch");
    ASSERT_NE(fetch, nullptr);
    EXPECT_EQ(fetch->label, "Fetch###fetch");
    EXPECT_GT(fetch->w, 10.0f);
    EXPECT_GT(fetch->h, 10.0f);
    EXPECT_LE(fetch->x + fetch->w, 1280.0f);
}

TEST(Inspector, TypingIdsAndClickingFetchOpensThem)
{
    Harness h;
    h.frames(2);
    h.click("task-input");
    h.type("1764830112345678, 1747132423020537");
    const ui::Intents out = h.click("fetch");
    ASSERT_TRUE(out.open.has_value());
    EXPECT_EQ(*out.open, "1764830112345678, 1747132423020537");
    EXPECT_TRUE(h.ui.idInput.empty()); // ready for the next ids
}

TEST(Inspector, EnterInTheIdBoxOpensAndPastedLinesSurvive)
{
    Harness h;
    h.frames(2);
    h.click("task-input");
    // A pasted spreadsheet column: the line break must reach the core (a single-line field would drop it).
    h.type("111\n222");
    const ui::Intents out = h.press_enter();
    ASSERT_TRUE(out.open.has_value());
    EXPECT_EQ(*out.open, "111\n222");
}

TEST(Inspector, FetchWithAnEmptyBoxDoesNothing)
{
    Harness h;
    h.frames(2);
    const ui::Intents out = h.click("fetch");
    EXPECT_FALSE(out.open.has_value());
}

TEST(Inspector, RefreshCopyOpenAndRawJsonActOnTheSelectedTask)
{
    Harness h;
    const core::Task a = uitest::task_from_file("inprogress-imagine.json");
    const core::Task b = uitest::task_from_file("upscaled-success.json");
    h.add(a);
    h.add(b, true);
    h.frames(2);

    ui::Intents out = h.click("refresh");
    ASSERT_TRUE(out.refresh.has_value());
    EXPECT_EQ(*out.refresh, b.id);

    out = h.click("copy-id");
    ASSERT_TRUE(out.copyText.has_value());
    EXPECT_EQ(*out.copyText, b.id);

    out = h.click("open-image");
    ASSERT_TRUE(out.openUrl.has_value());
    EXPECT_EQ(*out.openUrl, *b.imageUrl);

    out = h.click("copy-image");
    ASSERT_TRUE(out.copyText.has_value());
    EXPECT_EQ(*out.copyText, *b.imageUrl);

    out = h.click("copy-raw");
    ASSERT_TRUE(out.copyText.has_value());
    EXPECT_EQ(nlohmann::json::parse(*out.copyText), b.raw);
    EXPECT_NE(out.copyText->find("\n  \"id\""), std::string::npos) << "pretty-printed with 2 spaces";
}

TEST(Inspector, ClickingARowSelectsAndTheCrossRemoves)
{
    Harness h;
    const core::Task a = uitest::task_from_file("inprogress-imagine.json");
    const core::Task b = uitest::task_from_file("failure-banned.json");
    h.add(a, true);
    h.add(b);
    h.frames(2);
    ui::Intents out = h.click("row-" + b.id);
    ASSERT_TRUE(out.select.has_value());
    EXPECT_EQ(*out.select, b.id);
    EXPECT_FALSE(out.remove.has_value());

    out = h.click("remove-" + a.id);
    ASSERT_TRUE(out.remove.has_value());
    EXPECT_EQ(*out.remove, a.id);
    EXPECT_FALSE(out.select.has_value());
}

TEST(Inspector, ATaskWithAnErrorKeepsShowingItsLastGoodData)
{
    Harness h;
    const core::Task t = uitest::task_from_file("inprogress-imagine.json");
    h.add(t, true);
    const core::TaskOutcome bad =
        core::classify_task_response(uitest::http_from_file("error-gateway-502.http"), core::Lang::En);
    ASSERT_TRUE(bad.error.has_value());
    h.s.tasks[0].lastError = bad.error;
    h.s.tasks[0].consecutiveErrors = 2;

    ui::text_record_keys(true);
    h.frames(2);
    const std::set<std::string> keys = ui::text_recorded_keys();
    ui::text_record_keys(false);
    EXPECT_EQ(keys.count("The last request failed"), 1u) << "the error box is drawn";
    EXPECT_EQ(keys.count("Below: the last good data, received %s."), 1u);
    // ... and the data below it.
    EXPECT_NE(h.item("copy-id"), nullptr);
    EXPECT_NE(h.item("open-image"), nullptr);
    EXPECT_NE(h.item("raw-json"), nullptr);
    EXPECT_EQ(keys.count("Prompt"), 1u);
    const ui::Intents out = h.click("copy-raw");
    ASSERT_TRUE(out.copyText.has_value());
    EXPECT_EQ(nlohmann::json::parse(*out.copyText), t.raw);
}

TEST(Inspector, ATaskWithOnlyAnErrorStillOffersRefresh)
{
    Harness h;
    core::WatchedTask w;
    w.id = "404404";
    const core::TaskOutcome bad =
        core::classify_task_response(uitest::http_from_file("error-relay-not-found.http"), core::Lang::En);
    ASSERT_TRUE(bad.error.has_value());
    w.lastError = bad.error;
    h.s.tasks.push_back(w);
    h.s.selectedId = w.id;
    h.frames(2);
    EXPECT_EQ(h.item("raw-json"), nullptr); // no data to show
    const ui::Intents out = h.click("refresh");
    ASSERT_TRUE(out.refresh.has_value());
    EXPECT_EQ(*out.refresh, "404404");
}

TEST(Inspector, ChineseSwitchesTheLabelsButKeepsTheIds)
{
    Harness h;
    h.add(uitest::task_from_file("dmxapi-imagine-success.json"), true);
    h.s.config.lang = core::Lang::Zh;
    h.frames(3);
    const ui::RecordedItem* fetch = h.item("fetch");
    ASSERT_NE(fetch, nullptr);
    EXPECT_NE(fetch->label.find("查询"), std::string::npos) << fetch->label;
    ASSERT_NE(h.item("refresh"), nullptr);
    EXPECT_NE(h.item("refresh")->label.find("刷新"), std::string::npos);
    ASSERT_NE(h.item("lang"), nullptr);
    EXPECT_EQ(h.item("lang")->label, "EN###lang");
    for (const char* id : kStableIds) {
        if (std::string(id) == "clear-errors") continue; // no errors in this state
        EXPECT_NE(h.item(id), nullptr) << "###" << id;
    }
}

TEST(Inspector, LanguageAndThemeButtonsAskForTheOtherOne)
{
    Harness h;
    h.frames(2);
    ui::Intents out = h.click("lang");
    ASSERT_TRUE(out.lang.has_value());
    EXPECT_EQ(*out.lang, core::Lang::Zh);
    out = h.click("theme");
    ASSERT_TRUE(out.theme.has_value());
    EXPECT_EQ(*out.theme, core::Theme::Light);

    h.s.config.theme = core::Theme::Light;
    h.frames(2);
    EXPECT_EQ(h.ui.appliedTheme, static_cast<int>(core::Theme::Light));
    // The light theme has dark text on a light background.
    const ImGuiStyle& st = ImGui::GetStyle();
    EXPECT_LT(st.Colors[ImGuiCol_Text].x, 0.5f);
    EXPECT_GT(st.Colors[ImGuiCol_WindowBg].x, 0.5f);
}

TEST(Inspector, ApplySendsTheEditedConnection)
{
    Harness h;
    h.s.config.baseUrl = "https://old.example";
    h.frames(2);
    EXPECT_EQ(h.ui.baseUrl, "https://old.example");

    h.click("api-key");
    h.type("sk-test");
    EXPECT_TRUE(h.ui.connectionDirty);
    h.click("show-key");
    EXPECT_TRUE(h.ui.showKey);

    // The auth combo: open it, pick mj-api-secret.
    h.click("auth");
    h.frames(3); // the popup sizes itself before it shows
    bool picked = false;
    for (const ui::RecordedItem& it : ui::item_registry_items()) {
        if (it.label == "mj-api-secret") {
            h.click_at(ImVec2(it.x + it.w * 0.5f, it.y + it.h * 0.5f));
            picked = true;
            break;
        }
    }
    EXPECT_TRUE(picked);
    const ui::Intents out = h.click("apply");
    ASSERT_TRUE(out.config.has_value());
    EXPECT_EQ(out.config->apiKey, "sk-test");
    EXPECT_EQ(out.config->auth, core::AuthStyle::MjApiSecret);
    EXPECT_EQ(out.config->pollSeconds, h.s.config.pollSeconds);
    EXPECT_FALSE(h.ui.connectionDirty);
}

TEST(Inspector, EnterInTheKeyFieldApplies)
{
    Harness h;
    h.frames(2);
    h.click("api-key");
    h.type("abc");
    const ui::Intents out = h.press_enter();
    ASSERT_TRUE(out.config.has_value());
    EXPECT_EQ(out.config->apiKey, "abc");
}

TEST(Inspector, OutsideConfigChangesReloadTheBuffersUnlessTheUserIsEditing)
{
    Harness h;
    h.frames(2);
    // TaskInspector.configure() changed the core config: the bar follows.
    h.s.config.baseUrl = "https://www.dmxapi.cn";
    h.s.config.pollSeconds = 10;
    ++h.s.revision;
    h.frames(1);
    EXPECT_EQ(h.ui.baseUrl, "https://www.dmxapi.cn");
    EXPECT_EQ(h.ui.pollSeconds, 10);

    // The user starts typing a key; an outside change must not wipe the edit.
    h.click("api-key");
    h.type("mine");
    h.s.config.baseUrl = "https://ssvip.dmxapi.com";
    ++h.s.revision;
    h.frames(1);
    EXPECT_EQ(h.ui.apiKey, "mine");
    EXPECT_EQ(h.ui.baseUrl, "https://www.dmxapi.cn");
    EXPECT_TRUE(h.ui.connectionDirty);
}

TEST(Inspector, ErrorLogShowsCountAndClears)
{
    Harness h;
    add_error(h.s, "auth", "The server refused the API key (HTTP 401)", uitest::kNow - 5000);
    add_error(h.s, "html", "The server answered with a web page instead of JSON (HTTP 502).", uitest::kNow - 2000);
    h.frames(2);
    const ui::RecordedItem* header = h.item("errors");
    ASSERT_NE(header, nullptr);
    EXPECT_EQ(header->label, "Errors (2)###errors");
    const ui::Intents out = h.click("clear-errors");
    EXPECT_TRUE(out.clearErrors);
}

TEST(Inspector, PauseButtonToggles)
{
    Harness h;
    h.frames(2);
    ui::Intents out = h.click("pause");
    ASSERT_TRUE(out.paused.has_value());
    EXPECT_TRUE(*out.paused);
    h.s.paused = true;
    h.frames(1);
    out = h.click("pause");
    ASSERT_TRUE(out.paused.has_value());
    EXPECT_FALSE(*out.paused);
}

TEST(Inspector, UsableAt800x600)
{
    Harness h(ImVec2(800, 600));
    h.add(uitest::task_from_file("upscaled-success.json"), true);
    h.frames(3);
    for (const char* id : {"fetch", "task-input", "apply", "lang", "theme", "refresh", "copy-id"}) {
        const ui::RecordedItem* it = h.item(id);
        ASSERT_NE(it, nullptr) << id;
        EXPECT_GE(it->x, 0.0f) << id;
        EXPECT_LE(it->x + it->w, 800.0f + 0.5f) << id << " sticks out of the window";
        EXPECT_LE(it->y + it->h, 600.0f) << id;
    }
    const ui::Intents out = h.click("refresh");
    EXPECT_TRUE(out.refresh.has_value());
}

TEST(Inspector, EveryAbsentFieldIsShownAsNotReported)
{
    Harness h;
    core::WatchedTask w;
    w.id = "bare";
    w.task = core::Task{}; // the server answered {}
    w.fetchedAt = uitest::kNow - 1000;
    h.s.tasks.push_back(w);
    h.s.selectedId = "bare";
    ui::text_record_keys(true);
    h.frames(2);
    const std::set<std::string> keys = ui::text_recorded_keys();
    ui::text_record_keys(false);
    EXPECT_EQ(keys.count("not reported"), 1u);
    EXPECT_EQ(keys.count("Failure reason"), 1u) << "the row is there even without a value";
    EXPECT_NE(h.item("copy-id"), nullptr);
    EXPECT_NE(h.item("raw-json"), nullptr);
    EXPECT_EQ(h.item("open-image"), nullptr) << "nothing to open";
    EXPECT_EQ(h.item("copy-prompt"), nullptr) << "nothing to copy";
    const ui::Intents out = h.click("copy-raw");
    ASSERT_TRUE(out.copyText.has_value());
    EXPECT_EQ(*out.copyText, "{}");
}

TEST(Inspector, PresentValuesHaveCopyButtons)
{
    Harness h;
    const core::Task t = uitest::task_from_file("inprogress-imagine.json");
    h.add(t, true);
    h.frames(2);
    ui::Intents out = h.click("copy-prompt");
    ASSERT_TRUE(out.copyText.has_value());
    EXPECT_EQ(*out.copyText, *t.prompt);
    out = h.click("copy-property-finalPrompt");
    ASSERT_TRUE(out.copyText.has_value());
    EXPECT_EQ(*out.copyText, "An orange cat in the rain, cyberpunk style --ar 16:9 --v 6.1");
}

TEST(Inspector, NonHttpImageLinksCannotBeOpened)
{
    Harness h;
    core::Task t = uitest::task_from_file("upscaled-success.json");
    t.imageUrl = "javascript:alert(1)";
    h.add(t, true);
    h.frames(2);
    const ui::Intents out = h.click("open-image");
    EXPECT_FALSE(out.openUrl.has_value());
}

TEST(Inspector, ReferenceImagesOfThePromptCanBeOpened)
{
    Harness h;
    const core::Task t = uitest::task_from_file("dmxapi-imagine-success.json");
    h.add(t, true);
    h.frames(2);
    const ui::Intents out = h.click("open-ref-0");
    ASSERT_TRUE(out.openUrl.has_value());
    EXPECT_EQ(*out.openUrl, "http://upload.mjdjourney.top/fileSystem/mj/133/2025/05/13/1747132422998780679_3218.png");
}

TEST(Inspector, EmbedModeFoldsTheConnectionBarUntilOpened)
{
    Harness h;
    h.s.config.embed = true;
    h.add(uitest::task_from_file("dmxapi-imagine-success.json"), true);
    h.frames(3);
    EXPECT_EQ(h.item("base-url"), nullptr);
    EXPECT_EQ(h.item("api-key"), nullptr);
    EXPECT_NE(h.item("fetch"), nullptr);
    EXPECT_NE(h.item("copy-id"), nullptr);
    h.click("connection-toggle");
    h.frames(2);
    EXPECT_NE(h.item("base-url"), nullptr);
    EXPECT_NE(h.item("api-key"), nullptr);
    h.click("connection-toggle");
    h.frames(2);
    EXPECT_EQ(h.item("base-url"), nullptr);
}

TEST(Inspector, RequestLogListsCallsNewestFirstAndStartsClosed)
{
    Harness h;
    h.add(uitest::task_from_file("dmxapi-imagine-success.json"), true);
    core::RequestLogEntry ok;
    ok.requestId = 1;
    ok.at = uitest::kNow - 5000;
    ok.method = "GET";
    ok.url = "https://relay.example/mj/task/1747132423020537/fetch";
    ok.status = 200;
    ok.latencyMs = 120;
    ok.bytes = 4096;
    core::RequestLogEntry failed = ok;
    failed.requestId = 2;
    failed.status = 0;
    failed.latencyMs = 30;
    failed.error = "network";
    h.s.log = {ok, failed};
    h.frames(3);
    const ui::RecordedItem* header = h.item("requests");
    ASSERT_NE(header, nullptr);
    EXPECT_NE(header->label.find("Requests (2)"), std::string::npos);
    // Closed until the user opens it; opening it puts a table of the calls above the detail, pushing it down.
    const float closedY = h.item("copy-id")->y;
    h.click("requests");
    h.frames(2);
    const float openY = h.item("copy-id")->y;
    EXPECT_GT(openY, closedY + 3 * ImGui::GetTextLineHeight()) << "a header row and two calls";
    h.click("requests");
    h.frames(2);
    EXPECT_FLOAT_EQ(h.item("copy-id")->y, closedY);
}
