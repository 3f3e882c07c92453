// The UI string table: every string the views ask for is translated, and formats agree between languages.
#include "ui_harness.h"

#include "core/i18n.h"
#include "ui/text.h"

#include <map>
#include <regex>

using uitest::Harness;

namespace {

// The printf conversions of a format string, in order ("%d", "%s", "%.1f").
std::vector<std::string> conversions(const std::string& s)
{
    static const std::regex re("%[-+ #0]*[0-9]*(\\.[0-9]+)?[a-zA-Z%]");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back(it->str());
    return out;
}

// Renders a state that reaches every view (errors, a failed fetch, every fixture selected in turn).
std::set<std::string> keys_used(core::Lang lang)
{
    Harness h;
    h.s.config.lang = lang;
    for (const core::Task& t : uitest::all_fixture_tasks()) h.add(t);
    core::WatchedTask loading;
    loading.id = "999";
    loading.inFlight = true;
    h.s.tasks.push_back(loading);
    core::ErrorEntry e;
    e.at = uitest::kNow;
    for (const char* kind : {"network", "timeout", "auth", "not_found", "rate_limited", "server", "http", "html",
                             "empty", "malformed_json", "truncated_json", "wrong_shape", "bad_input"}) {
        e.kind = kind;
        e.message = kind;
        h.s.errors.push_back(e);
    }
    h.s.tasks[0].lastError = core::classify_task_response(uitest::http_from_file("error-secret-401.http"), lang).error;
    ui::text_record_keys(true);
    for (const core::WatchedTask& w : h.s.tasks) {
        h.s.selectedId = w.id;
        h.frames(2);
    }
    h.s.paused = true;
    h.s.selectedId.clear();
    h.frames(1);
    h.s.tasks.clear();
    h.frames(1);
    std::set<std::string> keys = ui::text_recorded_keys();
    ui::text_record_keys(false);
    return keys;
}

} // namespace

TEST(UiStrings, EveryEntryIsTranslatedOnceWithTheSameConversions)
{
    std::set<std::string> seen;
    for (size_t i = 0; i < core::kUiStringsCount; ++i) {
        const core::TranslationPair& p = core::kUiStrings[i];
        ASSERT_NE(p.en, nullptr);
        ASSERT_NE(p.zh, nullptr) << p.en;
        EXPECT_GT(std::strlen(p.zh), 0u) << p.en;
        EXPECT_TRUE(seen.insert(p.en).second) << "duplicate key: " << p.en;
        EXPECT_EQ(conversions(p.en), conversions(p.zh)) << p.en;
    }
    // A key in both tables would make one of the two translations unreachable.
    for (size_t i = 0; i < core::core_strings_count(); ++i) {
        const char* en = core::core_strings()[i].en;
        if (en && seen.count(en)) {
            EXPECT_STREQ(core::tr(core::Lang::Zh, en), core::core_strings()[i].zh) << "clash with core: " << en;
        }
    }
}

TEST(UiStrings, EveryStringTheViewsShowIsInTheTable)
{
    std::set<std::string> table;
    for (size_t i = 0; i < core::kUiStringsCount; ++i) table.insert(core::kUiStrings[i].en);
    for (core::Lang lang : {core::Lang::En, core::Lang::Zh}) {
        const std::set<std::string> used = keys_used(lang);
        EXPECT_GT(used.size(), 80u);
        for (const std::string& k : used) EXPECT_EQ(table.count(k), 1u) << "not translated: \"" << k << "\"";
    }
}

TEST(UiText, AgesAndDurationsInBothLanguages)
{
    ui::set_frame_lang(core::Lang::En);
    EXPECT_EQ(ui::format_ago(1000, 181000), "3 min ago");
    EXPECT_EQ(ui::format_ago(10000, 11000), "just now");
    EXPECT_EQ(ui::format_ago(100000, 40000), "in 1 min");
    EXPECT_EQ(ui::format_countdown(10000, 7001), "in 3 s"); // rounded up: the countdown never shows 0 too early
    EXPECT_EQ(ui::format_countdown(10000, 7000), "in 3 s");
    EXPECT_EQ(ui::format_countdown(10000, 9999), "in 1 s");
    EXPECT_EQ(ui::format_countdown(10000, 10000), "now");
    EXPECT_EQ(ui::format_countdown(10000, 12000), "now");
    EXPECT_EQ(ui::format_ago(0, 2LL * 86400 * 1000), "2 d ago");
    EXPECT_EQ(ui::format_duration(1462), "1.5 s");
    EXPECT_EQ(ui::format_duration(39219), "39.2 s");
    EXPECT_EQ(ui::format_duration(192000), "3 min 12 s");
    EXPECT_EQ(ui::format_duration(-850), "-850 ms");
    ui::set_frame_lang(core::Lang::Zh);
    EXPECT_EQ(ui::format_ago(1000, 181000), "3 分钟前");
    EXPECT_EQ(ui::format_duration(192000), "3 分 12 秒");
    EXPECT_EQ(ui::format_countdown(10000, 7001), "3 秒后");
    EXPECT_EQ(ui::lid("Fetch", "fetch"), "查询###fetch");
    ui::set_frame_lang(core::Lang::En);
    EXPECT_EQ(ui::lid("Fetch", "fetch"), "Fetch###fetch");
}
