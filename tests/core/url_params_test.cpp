#include "core/url_params.h"

#include <gtest/gtest.h>

using namespace core;

namespace {

bool any_problem_contains(const UrlParams& p, const std::string& text)
{
    for (const auto& s : p.problems)
        if (s.find(text) != std::string::npos) return true;
    return false;
}

} // namespace

TEST(UrlParams, ParsesEverything)
{
    const UrlParams p = parse_url_params(
        "?base=https%3A%2F%2Fwww.dmxapi.cn%2F&task=1747132423020537,1764830112345678&lang=zh&theme=light&poll=5"
        "&auth=mj-api-secret&embed=1",
        "");
    EXPECT_EQ(p.base, "https://www.dmxapi.cn");
    ASSERT_EQ(p.taskIds.size(), 2u);
    EXPECT_EQ(p.taskIds[0], "1747132423020537");
    EXPECT_EQ(p.taskIds[1], "1764830112345678");
    EXPECT_EQ(p.lang, Lang::Zh);
    EXPECT_EQ(p.theme, Theme::Light);
    EXPECT_EQ(p.pollSeconds, 5);
    EXPECT_EQ(p.auth, AuthStyle::MjApiSecret);
    EXPECT_TRUE(p.embed);
    EXPECT_TRUE(p.problems.empty());
}

TEST(UrlParams, HashWins)
{
    const UrlParams p = parse_url_params("?task=1&lang=en&poll=3", "#task=2,3&lang=zh");
    EXPECT_EQ(p.taskIds, (std::vector<std::string>{"2", "3"}));
    EXPECT_EQ(p.lang, Lang::Zh);
    EXPECT_EQ(p.pollSeconds, 3);
    EXPECT_FALSE(p.embed);
    const UrlParams h = parse_url_params("", "#/inspect?task=9");
    EXPECT_EQ(h.taskIds, (std::vector<std::string>{"9"}));
}

TEST(UrlParams, InvalidValuesAreProblemsAndIgnored)
{
    const UrlParams p = parse_url_params(
        "?base=javascript:alert(1)&lang=fr&theme=blue&poll=0&auth=basic&embed=maybe&task=ok,%01bad", "");
    EXPECT_FALSE(p.base.has_value());
    EXPECT_FALSE(p.lang.has_value());
    EXPECT_FALSE(p.theme.has_value());
    EXPECT_FALSE(p.pollSeconds.has_value());
    EXPECT_FALSE(p.auth.has_value());
    EXPECT_FALSE(p.embed);
    EXPECT_EQ(p.taskIds, (std::vector<std::string>{"ok"}));
    EXPECT_EQ(p.problems.size(), 7u);
    EXPECT_TRUE(any_problem_contains(p, "base"));
    EXPECT_TRUE(any_problem_contains(p, "lang"));
    EXPECT_TRUE(any_problem_contains(p, "poll"));
    for (const char* bad : {"3601", "-1", "abc", "99999999999999999999", "1.5"})
        EXPECT_FALSE(parse_url_params(std::string("?poll=") + bad, "").pollSeconds.has_value()) << bad;
    EXPECT_EQ(parse_url_params("?poll=3600", "").pollSeconds, 3600);
    EXPECT_EQ(parse_url_params("?poll=1", "").pollSeconds, 1);
}

TEST(UrlParams, KeyIsNeverReadAndNeverEchoed)
{
    for (const char* name : {"key", "apiKey", "api_key", "token", "secret", "apikey", "APIKEY"}) {
        const UrlParams p = parse_url_params(std::string("?task=1&") + name + "=sk-SECRET123", "");
        ASSERT_EQ(p.problems.size(), 1u) << name;
        EXPECT_NE(p.problems[0].find("the API key is never read from the URL"), std::string::npos);
        EXPECT_EQ(p.problems[0].find("sk-SECRET123"), std::string::npos);
        EXPECT_EQ(p.taskIds, (std::vector<std::string>{"1"}));
    }
    const UrlParams both = parse_url_params("?key=a", "#token=b");
    EXPECT_EQ(both.problems.size(), 1u);
}

TEST(UrlParams, UrlDecode)
{
    EXPECT_EQ(url_decode("a+b%20c"), "a b c");
    EXPECT_EQ(url_decode("%E7%8C%AB"), "猫");
    EXPECT_EQ(url_decode("100%"), "100%");
    EXPECT_EQ(url_decode("%zz%4"), "%zz%4");
    EXPECT_EQ(url_decode(""), "");
}

TEST(UrlParams, ShareUrlRoundTripsWithoutKey)
{
    Config c;
    c.baseUrl = "https://www.dmxapi.cn";
    c.apiKey = "sk-SECRET123";
    c.lang = Lang::Zh;
    c.theme = Theme::Light;
    c.pollSeconds = 7;
    c.auth = AuthStyle::Raw;
    const std::string url = build_share_url("https://inspector.example/app/?old=1#x", c, {"11", "22"});
    EXPECT_EQ(url.find("sk-SECRET123"), std::string::npos);
    EXPECT_EQ(url.find("key"), std::string::npos);
    EXPECT_EQ(url.rfind("https://inspector.example/app/?", 0), 0u);
    EXPECT_EQ(url.find("old=1"), std::string::npos);
    const UrlParams p = parse_url_params(url.substr(url.find('?')), "");
    EXPECT_EQ(p.base, "https://www.dmxapi.cn");
    EXPECT_EQ(p.taskIds, (std::vector<std::string>{"11", "22"}));
    EXPECT_EQ(p.lang, Lang::Zh);
    EXPECT_EQ(p.theme, Theme::Light);
    EXPECT_EQ(p.pollSeconds, 7);
    EXPECT_EQ(p.auth, AuthStyle::Raw);
    EXPECT_TRUE(p.problems.empty());
    Config same;
    const std::string s2 = build_share_url("https://x/", same, {});
    EXPECT_EQ(s2.find("base="), std::string::npos);
    EXPECT_EQ(s2.find("task="), std::string::npos);
}
