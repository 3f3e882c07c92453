// Fault injection over HTTP: /_fault/{spec}/ prefix, X-Mj-Fault header, ?fault= query and random rates.
#include "server_harness.h"

#include <gtest/gtest.h>

using namespace testsrv;
using nlohmann::json;

namespace {
const std::string kTask = "/mj/task/1764900000000001/fetch";
}

TEST(Faults, EveryCannedAnswer)
{
    ServerProcess s({"--port", "0", "--demo"});
    auto c = s.client();
    auto at = [&](const std::string& spec) { return c->Get(("/_fault/" + spec + kTask).c_str()); };

    auto r429 = at("429");
    EXPECT_EQ(r429->status, 429);
    EXPECT_EQ(r429->get_header_value("Retry-After"), "2");
    auto r500 = at("500");
    EXPECT_EQ(r500->status, 500);
    EXPECT_EQ(r500->get_header_value("Content-Type"), "text/html");
    auto r502 = at("html502");
    EXPECT_EQ(r502->status, 502);
    std::string fixture = read_file(std::string(FIXTURES_DIR) + "/error-gateway-502.http");
    EXPECT_NE(fixture.find(r502->body), std::string::npos);
    EXPECT_EQ(at("502")->status, 502);
    auto h200 = at("html200");
    EXPECT_EQ(h200->status, 200);
    EXPECT_EQ(h200->body.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_EQ(at("empty")->body, "");
    EXPECT_TRUE(parse(at("malformed")->body).is_discarded());
    auto trunc = at("truncated");
    EXPECT_EQ(trunc->status, 200);
    EXPECT_TRUE(parse(trunc->body).is_discarded());
    EXPECT_EQ(trunc->body.rfind("{\"id\":\"1764900000000001\"", 0), 0u);
    json wt = parse(at("wrongtypes")->body);
    EXPECT_TRUE(wt["id"].is_object());
    EXPECT_TRUE(wt["progress"].is_number());
    EXPECT_TRUE(wt["prompt"].is_array());
    EXPECT_EQ(at("array")->body, "[1,2]");
    EXPECT_EQ(at("string")->body, "\"ok\"");
    EXPECT_EQ(at("null")->body, "null");
    auto nf = at("notfound");
    EXPECT_EQ(nf->status, 400);
    EXPECT_NE(nf->body.find("task_no_found"), std::string::npos);
    auto u = at("401");
    EXPECT_EQ(u->status, 401);
    auto nocors = at("cors");
    EXPECT_EQ(nocors->status, 200);
    EXPECT_FALSE(nocors->has_header("Access-Control-Allow-Origin"));
    EXPECT_EQ(c->Options(("/_fault/cors" + kTask).c_str())->has_header("Access-Control-Allow-Origin"), false);
    // the preflight of a faulty route still succeeds (only cors affects it)
    EXPECT_EQ(c->Options(("/_fault/500" + kTask).c_str())->status, 204);
    EXPECT_EQ(at("teapot")->status, 400);
}

TEST(Faults, HeaderQueryLatencySlowHugeDrop)
{
    ServerProcess s({"--port", "0", "--demo"});
    auto c = s.client();
    EXPECT_EQ(c->Get(kTask.c_str(), {{"X-Mj-Fault", "502"}})->status, 502);
    EXPECT_EQ(c->Get((kTask + "?fault=429").c_str())->status, 429);

    auto t0 = std::chrono::steady_clock::now();
    auto lat = c->Get(("/_fault/latency-400" + kTask).c_str());
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(lat->status, 200);
    EXPECT_GE(ms, 390);
    EXPECT_TRUE(parse(lat->body).is_object());
    // combined: latency then a 500
    EXPECT_EQ(c->Get(("/_fault/latency-50+500" + kTask).c_str())->status, 500);

    t0 = std::chrono::steady_clock::now();
    auto slow = c->Get(("/_fault/slow" + kTask).c_str());
    ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(slow->status, 200);
    EXPECT_GE(ms, 2500);
    EXPECT_TRUE(parse(slow->body).is_object());

    auto huge = c->Get(("/_fault/huge" + kTask).c_str());
    ASSERT_TRUE(huge);
    EXPECT_GE(huge->body.size(), 30u << 20);
    json hj = parse(huge->body);
    ASSERT_TRUE(hj.is_object());
    EXPECT_EQ(hj["id"], "1764900000000001");

    auto dropped = c->Get(("/_fault/drop" + kTask).c_str());
    EXPECT_FALSE(dropped);
    // the server is fine afterwards
    EXPECT_EQ(c->Get(kTask.c_str())->status, 200);
}

TEST(Faults, RandomRatesForSoakRuns)
{
    ServerProcess s({"--port", "0", "--demo", "--seed", "3", "--fault-rate", "500=1"});
    auto c = s.client();
    for (int i = 0; i < 5; ++i) EXPECT_EQ(c->Get(kTask.c_str())->status, 500);
    ServerProcess m({"--port", "0", "--demo", "--seed", "3", "--fault-rate", "429=0.5"});
    auto d = m.client();
    int n429 = 0;
    for (int i = 0; i < 60; ++i) n429 += d->Get(kTask.c_str())->status == 429;
    EXPECT_GT(n429, 10);
    EXPECT_LT(n429, 50);
}
