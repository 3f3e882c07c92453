#include "core/i18n.h"

#include "core/utf8.h"

#include <gtest/gtest.h>

#include <set>

using namespace core;

TEST(I18n, EnglishIsTheKey)
{
    EXPECT_STREQ(tr(Lang::En, "Reroll"), "Reroll");
    EXPECT_STREQ(tr(Lang::Zh, "Reroll"), "重新生成");
    EXPECT_STREQ(tr(Lang::Zh, "no such string at all"), "no such string at all");
    EXPECT_STREQ(tr(Lang::Zh, nullptr), "");
}

TEST(I18n, Format)
{
    EXPECT_EQ(tr_format(Lang::En, "Upscale {}", {"2"}), "Upscale 2");
    EXPECT_EQ(tr_format(Lang::Zh, "Upscale {}", {"2"}), "放大 2");
    EXPECT_EQ(tr_format(Lang::En, "a {} b {}", {"1"}), "a 1 b ");
    EXPECT_EQ(tr_format(Lang::En, "{", {"1"}), "{");
}

TEST(I18n, LangTags)
{
    EXPECT_EQ(lang_from_tag("zh"), Lang::Zh);
    EXPECT_EQ(lang_from_tag("zh-CN"), Lang::Zh);
    EXPECT_EQ(lang_from_tag("zh-Hant-TW"), Lang::Zh);
    EXPECT_EQ(lang_from_tag("ZH_cn"), Lang::Zh);
    EXPECT_EQ(lang_from_tag("en-US"), Lang::En);
    EXPECT_EQ(lang_from_tag("zhx"), Lang::En);
    EXPECT_EQ(lang_from_tag(""), Lang::En);
    EXPECT_STREQ(lang_code(Lang::Zh), "zh");
    EXPECT_STREQ(lang_code(Lang::En), "en");
}

TEST(I18n, CoreTableIsCompleteAndUnique)
{
    std::set<std::string> keys;
    for (size_t i = 0; i < core_strings_count(); ++i) {
        const TranslationPair& p = core_strings()[i];
        ASSERT_NE(p.en, nullptr);
        ASSERT_NE(p.zh, nullptr);
        EXPECT_TRUE(keys.insert(p.en).second) << "duplicate: " << p.en;
        EXPECT_TRUE(utf8_is_valid(p.zh)) << p.en;
        // placeholders must match so tr_format fills the same values
        auto count = [](const std::string& s) {
            size_t n = 0;
            for (size_t at = s.find("{}"); at != std::string::npos; at = s.find("{}", at + 2)) ++n;
            return n;
        };
        EXPECT_EQ(count(p.en), count(p.zh)) << p.en;
    }
    const auto all = all_translations();
    EXPECT_GE(all.size(), 2 * core_strings_count());
}
