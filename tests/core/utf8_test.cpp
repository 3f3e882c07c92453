#include "core/utf8.h"

#include <gtest/gtest.h>

using namespace core;

TEST(Utf8, DecodesChineseAndEmoji)
{
    const auto cps = utf8_codepoints("猫a🔄");
    ASSERT_EQ(cps.size(), 3u);
    EXPECT_EQ(cps[0], 0x732Bu);
    EXPECT_EQ(cps[1], uint32_t('a'));
    EXPECT_EQ(cps[2], 0x1F504u);
}

TEST(Utf8, InvalidBytesBecomeReplacementCharacter)
{
    const auto cps = utf8_codepoints(std::string("a\xff"
                                                 "b\xe7\x8c",
                                                 5));
    ASSERT_EQ(cps.size(), 4u);
    EXPECT_EQ(cps[1], 0xFFFDu);
    EXPECT_EQ(cps[3], 0xFFFDu);
    // overlong "/" and a UTF-16 surrogate are invalid too
    EXPECT_EQ(utf8_codepoints("\xc0\xaf")[0], 0xFFFDu);
    EXPECT_EQ(utf8_codepoints("\xed\xa0\x80")[0], 0xFFFDu);
    EXPECT_EQ(utf8_codepoints("\xf4\x90\x80\x80")[0], 0xFFFDu);
}

TEST(Utf8, SanitizeKeepsValidTextAndRepairsInvalid)
{
    EXPECT_EQ(utf8_sanitize("一只在雨中的橘猫"), "一只在雨中的橘猫");
    EXPECT_EQ(utf8_sanitize("a\xff"
                            "b"),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(utf8_sanitize("\xe7\x8c"), "\xEF\xBF\xBD");
    EXPECT_TRUE(utf8_is_valid(utf8_sanitize("\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc")));
    EXPECT_FALSE(utf8_is_valid("\xc3\x28"));
    EXPECT_TRUE(utf8_is_valid(""));
}

TEST(Utf8, TruncateCutsOnCharacterBoundaryWithinLimit)
{
    EXPECT_EQ(utf8_truncate("hello", 10), "hello");
    EXPECT_EQ(utf8_truncate("hello", 5), "hello");
    const std::string cat = "猫猫猫猫"; // 12 bytes
    for (size_t n = 0; n < cat.size(); ++n) {
        const std::string t = utf8_truncate(cat, n);
        EXPECT_LE(t.size(), n) << n;
        EXPECT_TRUE(utf8_is_valid(t)) << n;
    }
    EXPECT_EQ(utf8_truncate(cat, 9), "猫猫…");
    EXPECT_EQ(utf8_truncate("abcdef", 4), "a…");
}
