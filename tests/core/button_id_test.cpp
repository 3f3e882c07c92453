#include "core/button_id.h"
#include "core/json_parse.h"
#include "core/task_json.h"

#include "test_util.h"

#include <gtest/gtest.h>

using namespace core;

namespace {

std::string en(const std::string& id)
{
    return describe_button(decode_button(id), Lang::En, id);
}
std::string zh(const std::string& id)
{
    return describe_button(decode_button(id), Lang::Zh, id);
}
const std::string H = "5b3c1f7e-2a44-4d0e-9f61-0c8e7d2a9b10";

} // namespace

TEST(ButtonId, GridButtons)
{
    for (int i = 1; i <= 4; ++i) {
        const auto u = decode_button("MJ::JOB::upsample::" + std::to_string(i) + "::" + H);
        EXPECT_EQ(u.kind, "upscale");
        EXPECT_EQ(u.index, i);
        EXPECT_EQ(u.hash, H);
        EXPECT_FALSE(u.needsModal);
        const auto v = decode_button("MJ::JOB::variation::" + std::to_string(i) + "::" + H);
        EXPECT_EQ(v.kind, "variation");
        EXPECT_EQ(v.index, i);
    }
    EXPECT_EQ(en("MJ::JOB::upsample::2::" + H), "Upscale 2");
    EXPECT_EQ(en("MJ::JOB::variation::3::" + H), "Variation 3");
    EXPECT_EQ(zh("MJ::JOB::upsample::2::" + H), "放大 2");
    const auto r = decode_button("MJ::JOB::reroll::0::" + H + "::SOLO");
    EXPECT_EQ(r.kind, "reroll");
    EXPECT_EQ(r.hash, H);
    EXPECT_EQ(en("MJ::JOB::reroll::0::" + H + "::SOLO"), "Reroll");
    EXPECT_EQ(zh("MJ::JOB::reroll::0::" + H + "::SOLO"), "重新生成");
}

TEST(ButtonId, AfterUpscale)
{
    struct Case {
        std::string kindPart, kind, label;
    };
    for (const Case& c :
         {Case{"upsample_v5_2x", "upscale_2x", "Upscale 2x"}, Case{"upsample_v5_4x", "upscale_4x", "Upscale 4x"},
          Case{"upsample_v6_2x_subtle", "upscale_subtle", "Upscale (Subtle)"},
          Case{"upsample_v6_2x_creative", "upscale_creative", "Upscale (Creative)"},
          Case{"upsample_v6r1_2x_subtle", "upscale_subtle", "Upscale (Subtle)"},
          Case{"upsample_v6r1_2x_creative", "upscale_creative", "Upscale (Creative)"},
          Case{"upsample_v7_2x_subtle", "upscale_subtle", "Upscale (Subtle)"},
          Case{"upsample_v7_2x_creative", "upscale_creative", "Upscale (Creative)"},
          Case{"low_variation", "vary_subtle", "Vary (Subtle)"}, Case{"high_variation", "vary_strong", "Vary (Strong)"},
          Case{"pan_left", "pan", "Pan left"}, Case{"pan_right", "pan", "Pan right"}, Case{"pan_up", "pan", "Pan up"},
          Case{"pan_down", "pan", "Pan down"}, Case{"animate_high", "animate", "Animate (High motion)"},
          Case{"animate_low", "animate", "Animate (Low motion)"}}) {
        const std::string id = "MJ::JOB::" + c.kindPart + "::1::" + H + "::SOLO";
        const auto m = decode_button(id);
        EXPECT_EQ(m.kind, c.kind) << id;
        EXPECT_EQ(m.hash, H) << id;
        EXPECT_EQ(en(id), c.label) << id;
        EXPECT_NE(zh(id), c.label) << id;
        EXPECT_NE(zh(id), id) << id;
    }
    EXPECT_EQ(decode_button("MJ::JOB::pan_left::1::" + H + "::SOLO").detail, "left");
    EXPECT_EQ(decode_button("MJ::JOB::animate_high::1::" + H + "::SOLO").detail, "high");
}

TEST(ButtonId, OutpaintZoomInpaint)
{
    const auto z2 = decode_button("MJ::Outpaint::50::1::" + H + "::SOLO");
    EXPECT_EQ(z2.kind, "zoom_out");
    EXPECT_EQ(z2.detail, "2x");
    EXPECT_EQ(z2.hash, H);
    EXPECT_EQ(en("MJ::Outpaint::50::1::" + H + "::SOLO"), "Zoom Out 2x");
    EXPECT_EQ(decode_button("MJ::Outpaint::75::1::" + H + "::SOLO").detail, "1.5x");
    EXPECT_EQ(en("MJ::Outpaint::75::1::" + H + "::SOLO"), "Zoom Out 1.5x");
    EXPECT_EQ(zh("MJ::Outpaint::75::1::" + H + "::SOLO"), "缩小 1.5x");
    const auto cz = decode_button("MJ::CustomZoom::" + H);
    EXPECT_EQ(cz.kind, "custom_zoom");
    EXPECT_TRUE(cz.needsModal);
    EXPECT_EQ(cz.hash, H);
    EXPECT_EQ(en("MJ::CustomZoom::" + H), "Custom Zoom");
    const auto ip = decode_button("MJ::Inpaint::1::" + H + "::SOLO");
    EXPECT_EQ(ip.kind, "vary_region");
    EXPECT_TRUE(ip.needsModal);
    EXPECT_EQ(ip.hash, H);
    EXPECT_EQ(en("MJ::Inpaint::1::" + H + "::SOLO"), "Vary (Region)");
}

TEST(ButtonId, Describe)
{
    for (int i = 1; i <= 4; ++i) {
        const std::string id = "MJ::Job::PicReader::" + std::to_string(i);
        const auto m = decode_button(id);
        EXPECT_EQ(m.kind, "describe_pick");
        EXPECT_EQ(m.index, i);
        EXPECT_EQ(en(id), "Describe: use prompt " + std::to_string(i));
    }
    EXPECT_EQ(decode_button("MJ::Job::PicReader::all").kind, "describe_all");
    EXPECT_EQ(decode_button("MJ::Picread::Retry").kind, "describe_retry");
    EXPECT_EQ(zh("MJ::Job::PicReader::2"), "描述：使用提示词 2");
}

TEST(ButtonId, UnknownAndGarbageShowRaw)
{
    for (const std::string& id : std::vector<std::string>{"",
                                                          "::",
                                                          "MJ",
                                                          "MJ::",
                                                          "MJ::JOB",
                                                          "MJ::JOB::",
                                                          "MJ::JOB::upsample",
                                                          "MJ::JOB::upsample::",
                                                          "MJ::JOB::upsample::5::h",
                                                          "MJ::JOB::upsample::0::h",
                                                          "MJ::JOB::upsample::99999999999999999999999::h",
                                                          "MJ::JOB::variation::-1::h",
                                                          "MJ::JOB::pan_sideways::1::h",
                                                          "MJ::Outpaint::60::1::h",
                                                          "MJ::Outpaint::::1",
                                                          "XX::JOB::upsample::1::h",
                                                          "MJ::Job::PicReader::9",
                                                          "MJ::Picread::Nope",
                                                          "MJ::JOB::upsample_v9_8x::1::h",
                                                          "MJ::Something::1",
                                                          std::string(5000, ':'),
                                                          "a::b::c::d::e::f"}) {
        const auto m = decode_button(id);
        EXPECT_EQ(m.kind, "unknown") << id;
        EXPECT_EQ(describe_button(m, Lang::En, id), id);
        EXPECT_EQ(describe_button(m, Lang::Zh, id), id);
    }
}

TEST(ButtonId, EveryFixtureButtonDecodesToItsLabel)
{
    size_t seen = 0;
    for (const auto& name : testutil::fixture_names(".json")) {
        const auto parsed = parse_json(testutil::fixture(name));
        ASSERT_TRUE(parsed.ok);
        std::vector<Task> tasks;
        if (parsed.value.is_array()) {
            for (const auto& e : parsed.value) tasks.push_back(task_from_json(e));
        } else {
            tasks.push_back(task_from_json(parsed.value));
        }
        for (const Task& t : tasks) {
            if (!t.buttons) continue;
            for (const Button& b : *t.buttons) {
                ASSERT_TRUE(b.customId.has_value());
                const auto m = decode_button(*b.customId);
                EXPECT_NE(m.kind, "unknown") << *b.customId;
                const std::string text = describe_button(m, Lang::En, *b.customId);
                // labels like "U1"/"V3" are the short form of ours; longer labels must match exactly
                if (b.label && b.label->size() > 2) {
                    EXPECT_EQ(text, *b.label) << *b.customId;
                }
                if (b.label && b.label->size() == 2) {
                    EXPECT_EQ(text.back(), b.label->back()) << *b.customId;
                }
                ++seen;
            }
        }
    }
    EXPECT_EQ(seen, 9u + 12u + 9u);
}
