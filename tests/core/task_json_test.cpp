#include "core/json_parse.h"
#include "core/task_json.h"

#include "test_util.h"

#include <gtest/gtest.h>

using namespace core;
using json = nlohmann::json;

namespace {

Task from_text(const std::string& text)
{
    const auto r = parse_json(text);
    EXPECT_TRUE(r.ok) << r.error;
    return task_from_json(r.value);
}

bool has_problem(const Task& t, const std::string& field)
{
    for (const auto& p : t.problems)
        if (p.field == field) return true;
    return false;
}

} // namespace

TEST(TaskJson, SeedFixtureExactFields)
{
    const Task t = from_text(testutil::fixture("dmxapi-imagine-success.json"));
    EXPECT_EQ(t.id, "1747132423020537");
    EXPECT_EQ(t.action, "IMAGINE");
    EXPECT_EQ(t.status, "SUCCESS");
    EXPECT_EQ(t.progress, "100%");
    EXPECT_EQ(t.prompt, "这是一个视频截图，请生成对应的吉卜力风格的图片");
    EXPECT_EQ(t.description, "提交成功");
    EXPECT_EQ(t.submitTime, 1747132423020);
    EXPECT_EQ(t.startTime, 1747132424482);
    EXPECT_EQ(t.finishTime, 1747132463701);
    EXPECT_FALSE(t.imageWidth.has_value()); // 0 means unknown
    EXPECT_FALSE(t.imageHeight.has_value());
    EXPECT_FALSE(t.failReason.has_value()); // ""
    EXPECT_FALSE(t.state.has_value());
    EXPECT_FALSE(t.customId.has_value());
    EXPECT_FALSE(t.botType.has_value());
    ASSERT_TRUE(t.imageUrl.has_value());
    EXPECT_NE(t.imageUrl->find("ex=682471af"), std::string::npos);
    ASSERT_TRUE(t.buttons.has_value());
    ASSERT_EQ(t.buttons->size(), 9u);
    EXPECT_EQ((*t.buttons)[0].customId, "MJ::JOB::upsample::1::6dc7beb8-8310-4fd4-b46c-716b422ddffc");
    EXPECT_EQ((*t.buttons)[0].label, "U1");
    EXPECT_FALSE((*t.buttons)[0].emoji.has_value());
    EXPECT_EQ((*t.buttons)[0].type, 2);
    EXPECT_EQ((*t.buttons)[0].style, 2);
    EXPECT_EQ((*t.buttons)[4].customId, "MJ::JOB::reroll::0::6dc7beb8-8310-4fd4-b46c-716b422ddffc::SOLO");
    EXPECT_EQ((*t.buttons)[4].emoji, "🔄");
    EXPECT_FALSE((*t.buttons)[4].label.has_value());
    EXPECT_EQ((*t.buttons)[8].label, "V4");
    EXPECT_EQ(t.properties["messageHash"], "6dc7beb8-8310-4fd4-b46c-716b422ddffc");
    EXPECT_EQ(t.properties["flags"], 0);
    EXPECT_TRUE(t.problems.empty());
    EXPECT_EQ(t.raw["maskBase64"], "");
    EXPECT_EQ(t.raw.size(), 22u);
}

TEST(TaskJson, FailureFixtureNullsAreAbsent)
{
    const Task t = from_text(testutil::fixture("failure-banned.json"));
    EXPECT_EQ(t.status, "FAILURE");
    EXPECT_FALSE(t.progress.has_value());
    EXPECT_FALSE(t.state.has_value());
    EXPECT_FALSE(t.imageUrl.has_value());
    EXPECT_FALSE(t.buttons.has_value());
    ASSERT_TRUE(t.failReason.has_value());
    EXPECT_EQ(t.failReason->rfind("[Banned prompt detected]", 0), 0u);
    EXPECT_TRUE(t.problems.empty());
    EXPECT_TRUE(is_terminal(parse_status(t.status)));
}

TEST(TaskJson, InProgressFixture)
{
    const Task t = from_text(testutil::fixture("inprogress-imagine.json"));
    EXPECT_EQ(t.progress, "46%");
    EXPECT_EQ(t.prompt, "一只在雨中的橘猫，赛博朋克风格 --ar 16:9");
    EXPECT_EQ(t.state, "batch-7");
    EXPECT_FALSE(t.finishTime.has_value());
    ASSERT_TRUE(t.buttons.has_value());
    EXPECT_TRUE(t.buttons->empty());
    EXPECT_EQ(t.botType, "MID_JOURNEY");
    EXPECT_EQ(t.mode, "FAST");
    EXPECT_EQ(parse_status(t.status), Status::InProgress);
    ASSERT_TRUE(progress_fraction(t).has_value());
    EXPECT_NEAR(*progress_fraction(t), 0.46, 1e-9);
}

TEST(TaskJson, RelayJustSubmittedEmptyStringsAndZeros)
{
    const Task t = from_text(testutil::fixture("relay-just-submitted.json"));
    EXPECT_EQ(t.id, "1764830200000002");
    EXPECT_FALSE(t.status.has_value());
    EXPECT_EQ(parse_status(t.status), Status::Absent);
    EXPECT_FALSE(t.startTime.has_value());
    EXPECT_FALSE(t.finishTime.has_value());
    EXPECT_EQ(t.submitTime, 1764830200000);
    EXPECT_FALSE(t.prompt.has_value());
    EXPECT_FALSE(t.imageUrl.has_value());
    EXPECT_EQ(t.progress, "0%");
    EXPECT_TRUE(t.problems.empty());
}

TEST(TaskJson, UpscaledFixture)
{
    const Task t = from_text(testutil::fixture("upscaled-success.json"));
    EXPECT_EQ(t.imageWidth, 1024);
    EXPECT_EQ(t.imageHeight, 1024);
    ASSERT_TRUE(t.buttons.has_value());
    EXPECT_EQ(t.buttons->size(), 12u);
    EXPECT_EQ((*t.buttons)[4].emoji, "🖌️");
}

TEST(TaskJson, IdAsNumberStaysExact)
{
    EXPECT_EQ(from_text(R"({"id":1764830112345678})").id, "1764830112345678");
    EXPECT_EQ(from_text(R"({"id":9007199254740993})").id, "9007199254740993"); // > 2^53
    EXPECT_EQ(from_text(R"({"id":18446744073709551615})").id, "18446744073709551615");
    EXPECT_EQ(from_text(R"({"id":184467440737095516161234})").id, "184467440737095516161234"); // > 2^64
    EXPECT_EQ(from_text(R"({"id":-5})").id, "-5");
    const Task f = from_text(R"({"id":1.5})");
    EXPECT_EQ(f.id, "");
    EXPECT_TRUE(has_problem(f, "id"));
    const Task o = from_text(R"({"id":{"a":1}})");
    EXPECT_TRUE(has_problem(o, "id"));
    EXPECT_TRUE(from_text(R"({"id":null})").problems.empty());
}

TEST(TaskJson, EveryStringFieldNullEmptyOrWrongType)
{
    for (const char* f : {"action", "status", "prompt", "promptEn", "description", "state", "imageUrl", "failReason",
                          "botType", "mode", "customId", "proxy", "maskBase64"}) {
        for (const char* v : {"null", "\"\""}) {
            const Task t = from_text(std::string("{\"") + f + "\":" + v + "}");
            EXPECT_TRUE(t.problems.empty()) << f << "=" << v;
            const json j = task_to_json(t);
            if (j.contains(f)) {
                EXPECT_TRUE(j.at(f).is_null()) << f;
            }
        }
        for (const char* v : {"12", "true", "[]", "{}", "1.5"}) {
            const Task t = from_text(std::string("{\"") + f + "\":" + v + "}");
            ASSERT_EQ(t.problems.size(), 1u) << f << "=" << v;
            EXPECT_EQ(t.problems[0].field, f);
            EXPECT_EQ(t.problems[0].expected, "string");
            EXPECT_FALSE(t.problems[0].got.empty());
        }
    }
    const Task t = from_text(R"({"action":5})");
    EXPECT_FALSE(t.action.has_value());
    EXPECT_EQ(t.problems[0].got, "number 5");
}

TEST(TaskJson, TimesAcceptNumbersAndDigitStrings)
{
    const Task t = from_text(R"({"submitTime":"1764830112345","startTime":1764830118200.0,"finishTime":"0"})");
    EXPECT_EQ(t.submitTime, 1764830112345);
    EXPECT_EQ(t.startTime, 1764830118200);
    EXPECT_FALSE(t.finishTime.has_value());
    EXPECT_TRUE(t.problems.empty());
    const Task bad = from_text(R"({"submitTime":"yesterday","startTime":true,"finishTime":[1],"imageWidth":"wide"})");
    EXPECT_FALSE(bad.submitTime.has_value());
    EXPECT_FALSE(bad.startTime.has_value());
    EXPECT_FALSE(bad.finishTime.has_value());
    EXPECT_EQ(bad.problems.size(), 4u);
    EXPECT_TRUE(has_problem(bad, "imageWidth"));
    const Task huge = from_text(R"({"submitTime":99999999999999999999999999})");
    EXPECT_FALSE(huge.submitTime.has_value());
    EXPECT_TRUE(has_problem(huge, "submitTime"));
}

TEST(TaskJson, ProgressAsNumberBecomesPercentWithProblem)
{
    const Task t = from_text(R"({"progress":46})");
    EXPECT_EQ(t.progress, "46%");
    EXPECT_TRUE(has_problem(t, "progress"));
    EXPECT_EQ(from_text(R"({"progress":46.0})").progress, "46%");
    EXPECT_FALSE(from_text(R"({"progress":""})").progress.has_value());
    EXPECT_TRUE(from_text(R"({"progress":""})").problems.empty());
    EXPECT_TRUE(has_problem(from_text(R"({"progress":[1]})"), "progress"));
}

TEST(TaskJson, ButtonsVariants)
{
    const Task t = from_text(R"({"buttons":[{"customId":"MJ::JOB::upsample::1::h","label":"U1"},7,"x",
        {"customId":5,"label":null,"emoji":"🔄","type":"2"}]})");
    ASSERT_TRUE(t.buttons.has_value());
    ASSERT_EQ(t.buttons->size(), 2u);
    EXPECT_TRUE(has_problem(t, "buttons[1]"));
    EXPECT_TRUE(has_problem(t, "buttons[2]"));
    EXPECT_TRUE(has_problem(t, "buttons[3].customId"));
    EXPECT_FALSE((*t.buttons)[1].customId.has_value());
    EXPECT_EQ((*t.buttons)[1].type, 2);
    EXPECT_EQ((*t.buttons)[1].emoji, "🔄");
    EXPECT_FALSE(from_text(R"({"buttons":null})").buttons.has_value());
    const Task o = from_text(R"({"buttons":{"a":1}})");
    EXPECT_FALSE(o.buttons.has_value());
    EXPECT_TRUE(has_problem(o, "buttons"));
}

TEST(TaskJson, PropertiesAlwaysAnObject)
{
    EXPECT_TRUE(from_text(R"({"properties":null})").properties.is_object());
    const Task t = from_text(R"({"properties":"x"})");
    EXPECT_TRUE(t.properties.is_object());
    EXPECT_TRUE(t.properties.empty());
    EXPECT_TRUE(has_problem(t, "properties"));
    EXPECT_TRUE(from_text("{}").properties.is_object());
}

TEST(TaskJson, RawKeepsUnknownFieldsAndNonObjectsGiveEmptyTask)
{
    const Task t = from_text(R"({"id":"1","displays":{"x":1},"seed":"42"})");
    EXPECT_EQ(t.raw["displays"]["x"], 1);
    EXPECT_EQ(t.raw["seed"], "42");
    const Task n = task_from_json(json::array({1, 2}));
    EXPECT_EQ(n.id, "");
    EXPECT_TRUE(n.raw.is_object());
    EXPECT_TRUE(task_from_json(json(nullptr)).problems.empty());
}

TEST(TaskJson, InvalidUtf8IsSanitizedForDisplay)
{
    json j = json::object();
    j["prompt"] = std::string("cat \xff\xfe end");
    j["id"] = std::string("12\xc3");
    const Task t = task_from_json(j);
    ASSERT_TRUE(t.prompt.has_value());
    EXPECT_EQ(*t.prompt, "cat \xEF\xBF\xBD\xEF\xBF\xBD end");
    EXPECT_EQ(t.id, "12\xEF\xBF\xBD");
    // and the state JSON can be printed
    EXPECT_NO_THROW((void)task_to_json(t).dump());
}

TEST(TaskJson, ToJsonShape)
{
    const Task t = from_text(testutil::fixture("inprogress-imagine.json"));
    const json j = task_to_json(t);
    for (const char* k :
         {"id", "action", "status", "progress", "prompt", "promptEn", "description", "state", "submitTime", "startTime",
          "finishTime", "imageUrl", "imageWidth", "imageHeight", "failReason", "buttons", "properties", "problems"})
        EXPECT_TRUE(j.contains(k)) << k;
    EXPECT_EQ(j["id"], "1764830112345678");
    EXPECT_EQ(j["finishTime"], nullptr);
    EXPECT_EQ(j["imageWidth"], nullptr);
    EXPECT_EQ(j["submitTime"], 1764830112345);
    EXPECT_TRUE(j["buttons"].is_array());
    EXPECT_TRUE(j["problems"].is_array());
    EXPECT_EQ(j["properties"]["finalPrompt"], "An orange cat in the rain, cyberpunk style --ar 16:9 --v 6.1");

    const Task s = from_text(testutil::fixture("dmxapi-imagine-success.json"));
    const json b = task_to_json(s)["buttons"][4];
    EXPECT_EQ(b["customId"], "MJ::JOB::reroll::0::6dc7beb8-8310-4fd4-b46c-716b422ddffc::SOLO");
    EXPECT_EQ(b["label"], nullptr);
    EXPECT_EQ(b["emoji"], "🔄");
    const json p = task_to_json(from_text(R"({"progress":46})"))["problems"][0];
    EXPECT_EQ(p["field"], "progress");
    EXPECT_EQ(p["expected"], "string");
    EXPECT_EQ(p["got"], "number 46");
}

TEST(TaskJson, StatusAndProgressHelpers)
{
    EXPECT_EQ(parse_status(std::string("SUCCESS")), Status::Success);
    EXPECT_EQ(parse_status(std::string("in_progress")), Status::InProgress);
    EXPECT_EQ(parse_status(std::string("NOT_START")), Status::NotStart);
    EXPECT_EQ(parse_status(std::string("SUBMITTED")), Status::Submitted);
    EXPECT_EQ(parse_status(std::string("MODAL")), Status::Modal);
    EXPECT_EQ(parse_status(std::string("CANCEL")), Status::Cancel);
    EXPECT_EQ(parse_status(std::string("WEIRD")), Status::Unknown);
    EXPECT_EQ(parse_status(std::nullopt), Status::Absent);
    EXPECT_TRUE(is_terminal(Status::Cancel));
    EXPECT_FALSE(is_terminal(Status::Modal));
    EXPECT_FALSE(is_terminal(Status::Unknown));
    Task t;
    EXPECT_FALSE(progress_fraction(t).has_value());
    t.progress = "100%";
    EXPECT_DOUBLE_EQ(*progress_fraction(t), 1.0);
    t.progress = "0%";
    EXPECT_DOUBLE_EQ(*progress_fraction(t), 0.0);
    t.progress = "12.5%";
    EXPECT_DOUBLE_EQ(*progress_fraction(t), 0.125);
    t.progress = "abc";
    EXPECT_FALSE(progress_fraction(t).has_value());
    t.progress = "250%";
    EXPECT_DOUBLE_EQ(*progress_fraction(t), 1.0);
}
