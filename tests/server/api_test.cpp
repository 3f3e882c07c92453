// End-to-end tests of the simulated API over HTTP against the built binary on 127.0.0.1.
#include "server_harness.h"

#include <gtest/gtest.h>

#include <set>

using namespace testsrv;
using nlohmann::json;

namespace {

const std::set<std::string> kSteps = {"0%", "15%", "31%", "46%", "62%", "78%", "93%", "100%"};

std::string submit_imagine(httplib::Client& c, const std::string& prompt, const std::string& prefix = "")
{
    json r = post_json(c, prefix + "/mj/submit/imagine", {{"prompt", prompt}, {"base64Array", json::array()}});
    EXPECT_TRUE(r.is_object());
    if (!r.is_object() || !r["result"].is_string()) return "";
    return r["result"];
}

} // namespace

TEST(Api, StartupLineStaticFilesAndMimeTypes)
{
    std::string root = "/tmp/mj-server-test-site-" + std::to_string(getpid());
    std::system(("mkdir -p " + root + "/sub && printf '<html>ok</html>' > " + root + "/index.html && printf x > " +
                 root + "/app.wasm && printf x > " + root + "/app.js && printf x > " + root + "/f.ttf")
                    .c_str());
    ServerProcess s({"--port", "0", "--root", root, "--demo"});
    ASSERT_GT(s.port(), 0);
    EXPECT_EQ(s.next_stdout_line(),
              "demo: " + s.url() + "/?task=1764900000000001,1764900000000002,1764900000000003,1764900000000004\n");
    auto c = s.client();
    auto r = c->Get("/");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, "<html>ok</html>");
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-cache");
    EXPECT_EQ(c->Get("/app.wasm")->get_header_value("Content-Type"), "application/wasm");
    EXPECT_EQ(c->Get("/app.js")->get_header_value("Content-Type").rfind("text/javascript", 0), 0u);
    EXPECT_EQ(c->Get("/f.ttf")->get_header_value("Content-Type"), "font/ttf");
    EXPECT_EQ(c->Get("/missing.js")->status, 404);
    EXPECT_EQ(c->Get("/../../etc/passwd")->status, 404);
    EXPECT_EQ(c->Get("/sub/%2e%2e/%2e%2e/etc/passwd")->status, 404);
    EXPECT_EQ(s.stop(), 0);
    std::string log = s.log();
    EXPECT_NE(log.find("GET /app.wasm 200"), std::string::npos) << log;
}

TEST(Api, ImagineLifecycleProgressButtonsAndImage)
{
    ServerProcess s({"--port", "0", "--speed", "40", "--seed", "7"});
    auto c = s.client();
    std::string id = submit_imagine(*c, "一只在雨中的橘猫，赛博朋克风格 --ar 16:9 --v 6.1");
    ASSERT_FALSE(id.empty());
    EXPECT_GT(id.size(), 15u);
    auto seen = poll_until_done(*c, "", id);
    std::set<std::string> statuses;
    for (const auto& j : seen) {
        ASSERT_TRUE(j.is_object());
        statuses.insert(j["status"].get<std::string>());
        EXPECT_TRUE(kSteps.count(j["progress"].get<std::string>())) << j["progress"];
    }
    EXPECT_TRUE(statuses.count("IN_PROGRESS"));
    EXPECT_TRUE(statuses.count("SUBMITTED") || statuses.count("NOT_START"));
    const json& last = seen.back();
    ASSERT_EQ(last["status"], "SUCCESS");
    EXPECT_EQ(last["progress"], "100%");
    EXPECT_EQ(last["buttons"].size(), 9u);
    EXPECT_EQ(last["buttons"][0]["customId"].get<std::string>().rfind("MJ::JOB::upsample::1::", 0), 0u);
    EXPECT_LE(last["submitTime"].get<int64_t>(), last["startTime"].get<int64_t>());
    EXPECT_LE(last["startTime"].get<int64_t>(), last["finishTime"].get<int64_t>());
    std::string url = last["imageUrl"];
    ASSERT_EQ(url.rfind(s.url() + "/img/", 0), 0u) << url;
    EXPECT_NE(url.find("ex="), std::string::npos);
    auto img = c->Get(url.substr(s.url().size()).c_str());
    ASSERT_TRUE(img);
    EXPECT_EQ(img->status, 200);
    EXPECT_EQ(img->get_header_value("Content-Type"), "image/png");
    EXPECT_EQ(img->get_header_value("Access-Control-Allow-Origin"), "*");
    EXPECT_EQ(img->body.substr(1, 3), "PNG");
    // a tampered signature is refused
    std::string bad = url.substr(s.url().size());
    bad[bad.find("hm=") + 3] = bad[bad.find("hm=") + 3] == 'a' ? 'b' : 'a';
    EXPECT_EQ(c->Get(bad.c_str())->status, 403);
}

TEST(Api, DemoTasksStartOnFirstFetchAndEndAsDesigned)
{
    ServerProcess s({"--port", "0", "--demo", "--speed", "30"});
    auto c = s.client();
    json first = get_json(*c, "/mj/task/1764900000000001/fetch");
    EXPECT_TRUE(first["status"] == "NOT_START" || first["status"] == "SUBMITTED");
    EXPECT_EQ(first["prompt"], "一只在雨中的橘猫，赛博朋克风格 --ar 16:9 --v 6.1");
    auto a = poll_until_done(*c, "", "1764900000000001");
    EXPECT_EQ(a.back()["status"], "SUCCESS");
    bool preview = false;
    for (const auto& j : a)
        if (j["status"] == "IN_PROGRESS" && j["imageUrl"].get<std::string>().find("preview") != std::string::npos)
            preview = true;
    EXPECT_TRUE(preview);
    auto b = poll_until_done(*c, "", "1764900000000002");
    EXPECT_EQ(b.back()["status"], "FAILURE");
    EXPECT_NE(b.back()["failReason"].get<std::string>().find("Banned prompt"), std::string::npos);
    auto u = poll_until_done(*c, "", "1764900000000003");
    EXPECT_EQ(u.back()["action"], "UPSCALE");
    EXPECT_NE(u.back()["buttons"].dump().find("MJ::Outpaint::50::1::"), std::string::npos);
    auto d = poll_until_done(*c, "", "1764900000000004");
    EXPECT_EQ(d.back()["action"], "DESCRIBE");
    EXPECT_NE(d.back()["buttons"].dump().find("MJ::Job::PicReader::1"), std::string::npos);
    EXPECT_NE(d.back()["prompt"].get<std::string>().find("2️⃣"), std::string::npos);
}

TEST(Api, FixturesAreServedFrozenAndListByCondition)
{
    ServerProcess s({"--port", "0", "--fixtures", FIXTURES_DIR});
    auto c = s.client();
    json want = parse(read_file(std::string(FIXTURES_DIR) + "/dmxapi-imagine-success.json"));
    EXPECT_EQ(get_json(*c, "/mj/task/1747132423020537/fetch"), want);
    json many = post_json(*c, "/mj/task/list-by-condition", {{"ids", {"1747132423020537", "404", "1764830199999001"}}});
    ASSERT_TRUE(many.is_array());
    ASSERT_EQ(many.size(), 2u);
    EXPECT_EQ(many[0]["id"], "1747132423020537");
    EXPECT_EQ(many[1]["status"], "FAILURE");
    EXPECT_EQ(post_json(*c, "/mj/task/list-by-condition", {{"ids", json::array()}}), json::array());
    auto r = c->Get("/mj/task/9999/fetch");
    EXPECT_EQ(r->status, 400);
    EXPECT_NE(r->body.find("task_no_found"), std::string::npos);
    json list = get_json(*c, "/mj/task/list");
    EXPECT_TRUE(list.is_array());
    EXPECT_GE(list.size(), 5u);
    // actions work on frozen tasks too
    json act = post_json(
        *c, "/mj/submit/action",
        {{"taskId", "1747132423020537"}, {"customId", "MJ::JOB::upsample::2::6dc7beb8-8310-4fd4-b46c-716b422ddffc"}});
    EXPECT_EQ(act["code"], 1);
}

TEST(Api, SubmitCodesQueueBannedActionModalCancelSeed)
{
    ServerProcess s({"--port", "0", "--speed", "40", "--queue-concurrency", "1", "--queue-size", "2", "--banned-words",
                     "违禁词,forbiddenword"});
    auto c = s.client();
    json r1 = post_json(*c, "/mj/submit/imagine", {{"prompt", "cat one"}});
    json r2 = post_json(*c, "/mj/submit/imagine", {{"prompt", "cat two"}});
    json r3 = post_json(*c, "/mj/submit/imagine", {{"prompt", "cat three"}});
    EXPECT_EQ(r1["code"], 1);
    EXPECT_EQ(r1["description"], "提交成功");
    EXPECT_EQ(r2["code"], 22);
    EXPECT_EQ(r2["properties"]["numberOfQueues"], 1);
    EXPECT_EQ(r3["code"], 23);
    EXPECT_TRUE(r3["result"].is_null());
    json banned = post_json(*c, "/mj/submit/imagine", {{"prompt", "a 违禁词 here"}});
    EXPECT_EQ(banned["code"], 24);
    EXPECT_EQ(banned["properties"]["bannedWord"], "违禁词");

    std::string id = r1["result"];
    // cancel the second task
    json cancel = post_json(*c, "/mj/task/" + r2["result"].get<std::string>() + "/cancel", json::object());
    EXPECT_EQ(cancel["code"], 1);
    EXPECT_EQ(get_json(*c, "/mj/task/" + r2["result"].get<std::string>() + "/fetch")["status"], "CANCEL");
    EXPECT_EQ(post_json(*c, "/mj/task/404/cancel", json::object())["code"], 3);

    auto done = poll_until_done(*c, "", id);
    ASSERT_EQ(done.back()["status"], "SUCCESS");
    json seed = get_json(*c, "/mj/task/" + id + "/image-seed");
    EXPECT_EQ(seed["code"], 1);
    EXPECT_TRUE(seed["result"].is_string());
    std::string hash = done.back()["properties"]["messageHash"];

    json up = post_json(*c, "/mj/submit/action", {{"taskId", id}, {"customId", "MJ::JOB::upsample::3::" + hash}});
    ASSERT_EQ(up["code"], 1) << up;
    auto upd = poll_until_done(*c, "", up["result"]);
    EXPECT_EQ(upd.back()["action"], "UPSCALE");
    EXPECT_EQ(upd.back()["description"], "/up " + id + " U3");
    EXPECT_NE(upd.back()["buttons"].dump().find("MJ::CustomZoom::"), std::string::npos);
    std::string uhash = upd.back()["properties"]["messageHash"];
    auto uimg = c->Get(upd.back()["imageUrl"].get<std::string>().substr(s.url().size()).c_str());
    EXPECT_EQ(uimg->status, 200);

    EXPECT_EQ(post_json(*c, "/mj/submit/action", {{"taskId", id}, {"customId", "MJ::JOB::nope::1::x"}})["code"], 4);
    EXPECT_EQ(post_json(*c, "/mj/submit/action", {{"taskId", "404"}, {"customId", "x"}})["code"], 3);

    json zoom =
        post_json(*c, "/mj/submit/action", {{"taskId", up["result"]}, {"customId", "MJ::CustomZoom::" + uhash}});
    ASSERT_EQ(zoom["code"], 21) << zoom;
    std::string zid = zoom["result"];
    EXPECT_EQ(get_json(*c, "/mj/task/" + zid + "/fetch")["status"], "MODAL");
    json modal = post_json(*c, "/mj/submit/modal", {{"taskId", zid}, {"prompt", "zoomed --zoom 1.8"}});
    EXPECT_EQ(modal["code"], 1);
    auto zd = poll_until_done(*c, "", zid);
    EXPECT_EQ(zd.back()["status"], "SUCCESS");
    EXPECT_EQ(zd.back()["action"], "CUSTOM_ZOOM");
    json inpaint = post_json(*c, "/mj/submit/action",
                             {{"taskId", up["result"]}, {"customId", "MJ::Inpaint::1::" + uhash + "::SOLO"}});
    EXPECT_EQ(inpaint["code"], 21);
    json remix =
        post_json(*c, "/mj/submit/action?remix=1", {{"taskId", id}, {"customId", "MJ::JOB::variation::1::" + hash}});
    EXPECT_EQ(remix["code"], 21);
    EXPECT_EQ(c->Post("/mj/submit/imagine", "{not json", "application/json")->status, 400);
}

TEST(Api, ModePrefixesFailuresAndDescribe)
{
    ServerProcess s({"--port", "0", "--speed", "40"});
    auto c = s.client();
    for (const char* prefix : {"/mj-fast", "/mj-relax", "/mj-turbo"}) {
        std::string id = submit_imagine(*c, "prefix test", prefix);
        ASSERT_FALSE(id.empty()) << prefix;
        json j = get_json(*c, std::string(prefix) + "/mj/task/" + id + "/fetch");
        std::string want = std::string(prefix) == "/mj-fast"    ? "FAST"
                           : std::string(prefix) == "/mj-relax" ? "RELAX"
                                                                : "TURBO";
        EXPECT_EQ(j["mode"], want);
    }
    std::string t = submit_imagine(*c, "this will timeout");
    std::string inv = submit_imagine(*c, "bad params --ar 0:0");
    EXPECT_EQ(poll_until_done(*c, "", t).back()["failReason"], "任务超时");
    EXPECT_EQ(poll_until_done(*c, "", inv).back()["failReason"], "[Invalid parameter] Invalid value");
    json d = post_json(*c, "/mj/submit/describe", {{"base64", "data:image/png;base64,AAAA"}});
    ASSERT_EQ(d["code"], 1);
    auto dd = poll_until_done(*c, "", d["result"]);
    EXPECT_EQ(dd.back()["status"], "SUCCESS");
    EXPECT_EQ(dd.back()["buttons"].size(), 6u);
    EXPECT_EQ(c->Get("/mj/unknown/route")->status, 404);
}
