// Flavours (dmxapi, java, csharp, relay), auth modes and CORS, over HTTP against the built binary.
#include "server_harness.h"

#include <gtest/gtest.h>

using namespace testsrv;
using nlohmann::json;

namespace {
const char* kKey = "sk-test-SECRET-0123456789abcdef";
}

TEST(Flavour, JavaHasNoButtonsEmptyProgressOnFailureAndEmptyNotFound)
{
    ServerProcess s({"--port", "0", "--speed", "40", "--flavour", "java"});
    auto c = s.client();
    json ok = post_json(*c, "/mj/submit/imagine", {{"prompt", "java cat"}});
    json bad = post_json(*c, "/mj/submit/imagine", {{"prompt", "java cat fail-banned"}});
    auto a = poll_until_done(*c, "", ok["result"]);
    EXPECT_EQ(a.back()["status"], "SUCCESS");
    EXPECT_FALSE(a.back().contains("buttons"));
    auto b = poll_until_done(*c, "", bad["result"]);
    EXPECT_EQ(b.back()["status"], "FAILURE");
    EXPECT_EQ(b.back()["progress"], "");
    auto nf = c->Get("/mj/task/123/fetch");
    EXPECT_EQ(nf->status, 200);
    EXPECT_EQ(nf->body, "");
}

TEST(Flavour, CsharpHasExtraFieldsAndBigIds)
{
    ServerProcess s({"--port", "0", "--speed", "40", "--flavour", "csharp"});
    auto c = s.client();
    json r = post_json(*c, "/mj/submit/imagine", {{"prompt", "c# cat"}});
    std::string id = r["result"];
    EXPECT_EQ(id.size(), 19u); // above 2^53
    auto a = poll_until_done(*c, "", id);
    const json& t = a.back();
    EXPECT_EQ(t["status"], "SUCCESS");
    EXPECT_EQ(t["isCompleted"], true);
    EXPECT_EQ(t["displays"]["status"], "成功");
    EXPECT_GT(t.size(), 60u);
    EXPECT_EQ(c->Get("/mj/task/123/fetch")->status, 204);
}

TEST(Flavour, RelayBlankStatusHundredPercentFailureAndTaskNoFound)
{
    ServerProcess s({"--port", "0", "--speed", "10", "--flavour", "relay"});
    auto c = s.client();
    json r = post_json(*c, "/mj/submit/imagine", {{"prompt", "relay cat moderation"}});
    EXPECT_TRUE(r["result"].is_number()); // some relays send the id as a number
    std::string id = std::to_string(r["result"].get<int64_t>());
    json first = get_json(*c, "/mj/task/" + id + "/fetch");
    EXPECT_EQ(first["status"], "");
    auto a = poll_until_done(*c, "", id, 15000);
    EXPECT_EQ(a.back()["status"], "FAILURE");
    EXPECT_EQ(a.back()["progress"], "100%");
    auto nf = c->Get("/mj/task/123/fetch");
    EXPECT_EQ(nf->status, 400);
    EXPECT_EQ(nf->body, R"({"description":"task_no_found ","type":"upstream_error","code":4})");
}

TEST(Flavour, PerRequestByHeaderQueryAndPathPrefix)
{
    ServerProcess s({"--port", "0", "--demo"});
    auto c = s.client();
    EXPECT_FALSE(get_json(*c, "/mj/task/1764900000000001/fetch?flavour=java").contains("buttons"));
    EXPECT_TRUE(get_json(*c, "/_flavour/csharp/mj/task/1764900000000001/fetch").contains("isCompleted"));
    EXPECT_TRUE(get_json(*c, "/mj/task/1764900000000001/fetch", {{"X-Mj-Flavour", "csharp"}}).contains("displays"));
    EXPECT_EQ(c->Get("/_flavour/nope/mj/task/1/fetch")->status, 400);
}

TEST(Auth, BearerRawAndSecretModesAnswerAsTheFlavourDoes)
{
    struct Case {
        const char* mode;
        const char* flavour;
        httplib::Headers good;
        httplib::Headers wrong;
        int wrong_status;
        const char* wrong_body_has; // "" = empty body
    };
    std::vector<Case> cases = {
        {"bearer",
         "dmxapi",
         {{"Authorization", std::string("Bearer ") + kKey}},
         {{"Authorization", "Bearer sk-wrong"}},
         401,
         "无效的令牌"},
        {"raw", "csharp", {{"Authorization", kKey}}, {{"Authorization", std::string("Bearer ") + kKey}}, 401, "未授权"},
        {"mj-api-secret", "java", {{"mj-api-secret", kKey}}, {{"mj-api-secret", "nope"}}, 401, ""},
    };
    for (const auto& k : cases) {
        ServerProcess s({"--port", "0", "--demo", "--auth", k.mode, "--key-env", "TEST_MJ_KEY", "--flavour", k.flavour},
                        {{"TEST_MJ_KEY", kKey}});
        ASSERT_GT(s.port(), 0) << k.mode;
        auto c = s.client();
        auto good = c->Get("/mj/task/1764900000000001/fetch", k.good);
        EXPECT_EQ(good->status, 200) << k.mode;
        for (const auto& h : {k.wrong, httplib::Headers{}}) {
            auto bad = c->Get("/mj/task/1764900000000001/fetch", h);
            EXPECT_EQ(bad->status, k.wrong_status) << k.mode;
            if (*k.wrong_body_has)
                EXPECT_NE(bad->body.find(k.wrong_body_has), std::string::npos) << bad->body;
            else
                EXPECT_EQ(bad->body, "") << k.mode;
            EXPECT_EQ(bad->body.find(kKey), std::string::npos);
        }
        // preflight never needs the key
        EXPECT_EQ(c->Options("/mj/task/1764900000000001/fetch")->status, 204);
        // static files and images do not need it either; the key never reaches the log
        s.stop();
        EXPECT_EQ(s.log().find(kKey), std::string::npos);
    }
    // the mj-api-secret is also accepted by the raw (C#) mode
    ServerProcess s({"--port", "0", "--demo", "--auth", "raw", "--key-env", "TEST_MJ_KEY"}, {{"TEST_MJ_KEY", kKey}});
    EXPECT_EQ(s.client()->Get("/mj/task/1764900000000001/fetch", {{"mj-api-secret", kKey}})->status, 200);
}

TEST(Auth, RefusesToStartWithoutTheKeyVariable)
{
    ServerProcess s({"--port", "0", "--auth", "bearer", "--key-env", "TEST_MJ_KEY_UNSET_XYZ"});
    EXPECT_EQ(s.port(), 0);
    EXPECT_EQ(s.stop(), 2);
}

TEST(Cors, HeadersPreflightAndNoCors)
{
    ServerProcess on({"--port", "0", "--demo"});
    auto c = on.client();
    auto pre = c->Options("/mj/task/1764900000000001/fetch");
    EXPECT_EQ(pre->status, 204);
    EXPECT_EQ(pre->get_header_value("Access-Control-Allow-Origin"), "*");
    EXPECT_EQ(pre->get_header_value("Access-Control-Allow-Methods"), "GET, POST, OPTIONS");
    EXPECT_NE(pre->get_header_value("Access-Control-Allow-Headers").find("mj-api-secret"), std::string::npos);
    EXPECT_NE(pre->get_header_value("Access-Control-Allow-Headers").find("X-Mj-Fault"), std::string::npos);
    EXPECT_EQ(pre->get_header_value("Access-Control-Expose-Headers"), "Retry-After");
    EXPECT_EQ(c->Get("/mj/task/1764900000000001/fetch")->get_header_value("Access-Control-Allow-Origin"), "*");

    ServerProcess off({"--port", "0", "--demo", "--no-cors"});
    auto d = off.client();
    EXPECT_FALSE(d->Get("/mj/task/1764900000000001/fetch")->has_header("Access-Control-Allow-Origin"));
    EXPECT_FALSE(d->Options("/mj/task/1764900000000001/fetch")->has_header("Access-Control-Allow-Origin"));
}

TEST(Images, ExpiryAndAnImageHostWithoutCors)
{
    ServerProcess s({"--port", "0", "--demo", "--speed", "40", "--image-lifetime", "0", "--image-no-cors"});
    auto c = s.client();
    auto done = poll_until_done(*c, "", "1764900000000003");
    ASSERT_EQ(done.back()["status"], "SUCCESS");
    std::string path = done.back()["imageUrl"].get<std::string>().substr(s.url().size());
    auto img = c->Get(path.c_str());
    // ex = finish + 0 s: valid within the finishing second, then 403
    if (img->status == 200) {
        EXPECT_FALSE(img->has_header("Access-Control-Allow-Origin"));
        EXPECT_EQ(img->body.substr(1, 3), "PNG");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    auto expired = c->Get(path.c_str());
    EXPECT_EQ(expired->status, 403);
    EXPECT_NE(expired->body.find("no longer available"), std::string::npos);
    // the API itself still has CORS
    EXPECT_EQ(c->Get("/mj/task/1764900000000003/fetch")->get_header_value("Access-Control-Allow-Origin"), "*");
}

TEST(Lifecycle, CleanShutdownOnSigterm)
{
    ServerProcess s({"--port", "0"});
    ASSERT_GT(s.port(), 0);
    EXPECT_EQ(s.stop(), 0);
    EXPECT_NE(s.log().find("stopped"), std::string::npos);
}
