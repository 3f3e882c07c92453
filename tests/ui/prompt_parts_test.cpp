// Splitting prompts into reference images, text and "--" parameters.
#include "ui/prompt_parts.h"

#include <gtest/gtest.h>

using ui::split_prompt;

TEST(PromptParts, LeadingUrlsTextAndParameters)
{
    const ui::PromptParts p = split_prompt("http://a.example/1.png <https://b.example/2.webp> An orange cat  in the "
                                           "rain --ar 16:9 --v 6.1 --no dogs birds --fast");
    ASSERT_EQ(p.imageUrls.size(), 2u);
    EXPECT_EQ(p.imageUrls[0], "http://a.example/1.png");
    EXPECT_EQ(p.imageUrls[1], "https://b.example/2.webp");
    EXPECT_EQ(p.text, "An orange cat in the rain");
    ASSERT_EQ(p.params.size(), 4u);
    EXPECT_EQ(p.params[0], std::make_pair(std::string("ar"), std::string("16:9")));
    EXPECT_EQ(p.params[1], std::make_pair(std::string("v"), std::string("6.1")));
    EXPECT_EQ(p.params[2], std::make_pair(std::string("no"), std::string("dogs birds")));
    EXPECT_EQ(p.params[3], std::make_pair(std::string("fast"), std::string("")));
}

TEST(PromptParts, ChineseTextEmDashesAndOddInput)
{
    ui::PromptParts p = split_prompt("一只在雨中的橘猫，赛博朋克风格 —ar 16:9");
    EXPECT_TRUE(p.imageUrls.empty());
    EXPECT_EQ(p.text, "一只在雨中的橘猫，赛博朋克风格");
    ASSERT_EQ(p.params.size(), 1u);
    EXPECT_EQ(p.params[0].first, "ar");

    p = split_prompt("");
    EXPECT_TRUE(p.imageUrls.empty() && p.text.empty() && p.params.empty());
    p = split_prompt("a -- b --");
    EXPECT_EQ(p.text, "a -- b --");
    EXPECT_TRUE(p.params.empty());
    p = split_prompt("https://only.example/x.png");
    EXPECT_EQ(p.imageUrls.size(), 1u);
    EXPECT_TRUE(p.text.empty());
}

TEST(PromptParts, KnownParametersAreDescribed)
{
    EXPECT_STREQ(ui::describe_param("ar"), "aspect ratio");
    EXPECT_STREQ(ui::describe_param("AR"), "aspect ratio");
    EXPECT_STREQ(ui::describe_param("niji"), "Niji model (anime style)");
    EXPECT_EQ(ui::describe_param("frobnicate"), nullptr);
}
