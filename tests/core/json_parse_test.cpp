#include "core/json_parse.h"

#include "test_util.h"

#include <gtest/gtest.h>

using namespace core;

TEST(JsonParse, ParsesObjectsAndKeepsUtf8)
{
    const auto r = parse_json(R"({"prompt":"一只在雨中的橘猫","n":[1,2.5,true,null]})");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.value["prompt"].get<std::string>(), "一只在雨中的橘猫");
    EXPECT_EQ(r.value["n"][0].get<int>(), 1);
    EXPECT_DOUBLE_EQ(r.value["n"][1].get<double>(), 2.5);
    EXPECT_TRUE(r.value["n"][3].is_null());
}

TEST(JsonParse, IntegersAbove64BitsStayExactDigits)
{
    const auto r = parse_json(R"({"id":123456789012345678901234,"neg":-98765432109876543210987,"f":1.5e3})");
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_TRUE(r.value["id"].is_string());
    EXPECT_EQ(r.value["id"].get<std::string>(), "123456789012345678901234");
    EXPECT_EQ(r.value["neg"].get<std::string>(), "-98765432109876543210987");
    EXPECT_TRUE(r.value["f"].is_number_float());
}

TEST(JsonParse, IntegersAbove2To53StayExactIntegers)
{
    const auto r = parse_json(R"({"id":9007199254740993,"u":18446744073709551615})");
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.value["id"].get<int64_t>(), 9007199254740993LL);
    EXPECT_EQ(r.value["u"].get<uint64_t>(), 18446744073709551615ULL);
}

TEST(JsonParse, DuplicateKeysKeepTheLast)
{
    const auto r = parse_json(R"({"a":1,"a":2})");
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.value["a"].get<int>(), 2);
}

TEST(JsonParse, TruncatedVersusMalformed)
{
    for (const char* cut : {"{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":\"abc", "[1,2", "{\"a\":tr", "\"\xe7\x8c"}) {
        const auto r = parse_json(cut);
        EXPECT_FALSE(r.ok) << cut;
        EXPECT_TRUE(r.truncated) << cut << " : " << r.error;
        EXPECT_FALSE(r.error.empty());
    }
    for (const char* bad : {"{\"a\":1x", "}", "{\"a\" 1}", "[1,,2]", "{\"a\":1}}", "nulx", "{'a':1}", "{\"a\":tx}"}) {
        const auto r = parse_json(bad);
        EXPECT_FALSE(r.ok) << bad;
        EXPECT_FALSE(r.truncated) << bad << " : " << r.error;
    }
}

TEST(JsonParse, ErrorOffsetPointsAtTheProblem)
{
    const auto r = parse_json("{\"a\": 1, x}");
    ASSERT_FALSE(r.ok);
    EXPECT_EQ(r.errorOffset, 9u);
    EXPECT_EQ(r.error.find("[json.exception"), std::string::npos);
}

TEST(JsonParse, InvalidUtf8InStringIsAnErrorNotACrash)
{
    const auto r = parse_json(std::string("{\"a\":\"\xff\"}"));
    EXPECT_FALSE(r.ok);
    EXPECT_FALSE(r.truncated);
}

TEST(JsonParse, DeepNestingIsRefusedWithoutCrashing)
{
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const auto r = parse_json(deep);
    EXPECT_FALSE(r.ok);
    const std::string ok = std::string(100, '[') + std::string(100, ']');
    EXPECT_TRUE(parse_json(ok).ok);
}

TEST(JsonParse, EveryFixtureParses)
{
    for (const auto& name : testutil::fixture_names(".json")) {
        const auto r = parse_json(testutil::fixture(name));
        EXPECT_TRUE(r.ok) << name << ": " << r.error;
    }
}

TEST(JsonParse, EveryPrefixOfAFixtureIsTruncated)
{
    const std::string text = testutil::fixture("dmxapi-imagine-success.json");
    const size_t end = text.rfind('}');
    ASSERT_NE(end, std::string::npos);
    for (size_t n = 1; n <= end; ++n) {
        const auto r = parse_json(text.substr(0, n));
        ASSERT_FALSE(r.ok) << n;
        EXPECT_TRUE(r.truncated) << n << ": " << r.error;
    }
}

TEST(JsonParse, EmptyAndWhitespaceAreErrors)
{
    EXPECT_FALSE(parse_json("").ok);
    EXPECT_FALSE(parse_json("  \n").ok);
}
