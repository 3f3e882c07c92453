#include "core/app.h"

#include "test_util.h"

#include <gtest/gtest.h>

using namespace core;
using json = nlohmann::json;

namespace {

constexpr int64_t T0 = 1'764'830'000'000;

std::string task_body(const std::string& id, const std::string& status, const std::string& progress)
{
    return json{{"id", id}, {"status", status}, {"progress", progress}, {"prompt", "一只猫"}}.dump();
}

HttpResponse answer(int status, const std::string& body)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.contentType = "application/json";
    return r;
}

} // namespace

TEST(App, OpenSplitsCleansDedupsAndSelectsFirst)
{
    AppState s;
    app_open(s, " 111, 222\n333;\t111 \r\n444", T0);
    ASSERT_EQ(s.tasks.size(), 4u);
    EXPECT_EQ(s.tasks[0].id, "111");
    EXPECT_EQ(s.tasks[3].id, "444");
    EXPECT_EQ(s.selectedId, "111");
    for (const auto& w : s.tasks) EXPECT_EQ(w.nextPollAt, T0);
    EXPECT_TRUE(s.errors.empty());
    const uint64_t rev = s.revision;
    app_open(s, "222", T0 + 1);
    EXPECT_EQ(s.tasks.size(), 4u);
    EXPECT_EQ(s.selectedId, "222");
    EXPECT_GT(s.revision, rev);
}

TEST(App, BadIdsBecomeBadInputErrors)
{
    AppState s;
    const std::string longId(300, '7');
    app_open_ids(s,
                 {"ok1", longId,
                  "a\x01"
                  "b",
                  ""},
                 T0);
    ASSERT_EQ(s.tasks.size(), 1u);
    ASSERT_EQ(s.errors.size(), 2u);
    EXPECT_EQ(s.errors[0].kind, "bad_input");
    EXPECT_NE(s.errors[0].message.find("7777777"), std::string::npos);
    EXPECT_LT(s.errors[0].message.size(), 250u); // the id is truncated in the message
}

TEST(App, FullFlowPollsUntilTerminal)
{
    AppState s;
    s.config.baseUrl = "https://h";
    s.config.apiKey = "sk-KEY";
    s.config.pollSeconds = 3;
    app_open(s, "1764830112345678", T0);
    auto reqs = app_take_due_requests(s, T0);
    ASSERT_EQ(reqs.size(), 1u);
    EXPECT_EQ(reqs[0].http.url, "https://h/mj/task/1764830112345678/fetch");
    EXPECT_TRUE(s.tasks[0].inFlight);
    EXPECT_EQ(s.tasks[0].lastAttemptAt, T0);
    ASSERT_EQ(s.log.size(), 1u);
    EXPECT_EQ(s.log[0].method, "GET");
    EXPECT_EQ(s.log[0].latencyMs, -1);
    EXPECT_TRUE(app_take_due_requests(s, T0 + 10).empty()); // in flight: not asked twice

    app_on_response(s, reqs[0].id, answer(200, testutil::fixture("inprogress-imagine.json")), T0 + 120);
    const WatchedTask& w = s.tasks[0];
    ASSERT_TRUE(w.task.has_value());
    EXPECT_EQ(w.task->progress, "46%");
    EXPECT_FALSE(w.inFlight);
    EXPECT_EQ(w.fetchedAt, T0 + 120);
    EXPECT_EQ(w.nextPollAt, T0 + 3000);
    EXPECT_EQ(s.log[0].status, 200);
    EXPECT_EQ(s.log[0].latencyMs, 120);
    EXPECT_GT(s.log[0].bytes, 100u);
    EXPECT_EQ(s.changedTaskIds, (std::vector<std::string>{"1764830112345678"}));
    EXPECT_EQ(app_next_wakeup(s), T0 + 3000);

    EXPECT_TRUE(app_take_due_requests(s, T0 + 2999).empty());
    reqs = app_take_due_requests(s, T0 + 3000);
    ASSERT_EQ(reqs.size(), 1u);
    app_on_response(s, reqs[0].id, answer(200, task_body("1764830112345678", "SUCCESS", "100%")), T0 + 3100);
    EXPECT_EQ(s.tasks[0].task->status, "SUCCESS");
    EXPECT_EQ(s.tasks[0].nextPollAt, 0);
    EXPECT_EQ(app_next_wakeup(s), 0);
    EXPECT_TRUE(app_take_due_requests(s, T0 + 1'000'000).empty());

    // a refresh asked by the user fetches even a terminal task, once
    app_refresh_now(s, "1764830112345678", T0 + 2'000'000);
    reqs = app_take_due_requests(s, T0 + 2'000'000);
    ASSERT_EQ(reqs.size(), 1u);
    app_on_response(s, reqs[0].id, answer(200, task_body("1764830112345678", "SUCCESS", "100%")), T0 + 2'000'100);
    EXPECT_TRUE(app_take_due_requests(s, T0 + 3'000'000).empty());

    // the key never appears in state or log
    const std::string state = app_state_json(s, true, 5).dump();
    EXPECT_EQ(state.find("sk-KEY"), std::string::npos);
}

TEST(App, ErrorsKeepLastGoodDataAndBackOff)
{
    AppState s;
    s.config.pollSeconds = 2;
    app_open(s, "42", T0);
    auto r = app_take_due_requests(s, T0);
    app_on_response(s, r[0].id, answer(200, task_body("42", "IN_PROGRESS", "10%")), T0 + 50);
    s.changedTaskIds.clear();

    r = app_take_due_requests(s, T0 + 2000);
    ASSERT_EQ(r.size(), 1u);
    HttpResponse bad = answer(502, "<html><title>502 Bad Gateway</title></html>");
    bad.contentType = "text/html";
    app_on_response(s, r[0].id, bad, T0 + 2100);
    const WatchedTask* w = find_task(s, "42");
    ASSERT_TRUE(w->task.has_value());
    EXPECT_EQ(w->task->progress, "10%");
    ASSERT_TRUE(w->lastError.has_value());
    EXPECT_EQ(w->lastError->kind, "html");
    EXPECT_EQ(w->consecutiveErrors, 1);
    ASSERT_EQ(s.errors.size(), 1u);
    EXPECT_EQ(s.errors[0].kind, "html");
    EXPECT_EQ(s.errors[0].taskId, "42");
    EXPECT_EQ(s.errors[0].at, T0 + 2100);
    EXPECT_EQ(s.changedTaskIds, (std::vector<std::string>{"42"}));
    EXPECT_EQ(s.log.back().error, "html");
    EXPECT_EQ(s.log.back().status, 502);

    // second error: wait doubles (2 s, then 4 s after the attempt)
    r = app_take_due_requests(s, T0 + 4000);
    ASSERT_EQ(r.size(), 1u);
    app_on_response(s, r[0].id, answer(0, ""), T0 + 4100);
    w = find_task(s, "42");
    EXPECT_EQ(w->consecutiveErrors, 2);
    EXPECT_EQ(w->nextPollAt, T0 + 4000 + 4000);
    EXPECT_EQ(w->lastError->kind, "network");

    // 429 with Retry-After
    r = app_take_due_requests(s, T0 + 8000);
    ASSERT_EQ(r.size(), 1u);
    HttpResponse limited = answer(429, "");
    limited.retryAfterSeconds = 120;
    app_on_response(s, r[0].id, limited, T0 + 8100);
    w = find_task(s, "42");
    EXPECT_EQ(w->nextPollAt, T0 + 8000 + 120000);
    EXPECT_EQ(w->lastError->retryAfterSeconds, 120);

    // a good answer clears the error
    r = app_take_due_requests(s, T0 + 128000);
    ASSERT_EQ(r.size(), 1u);
    app_on_response(s, r[0].id, answer(200, task_body("42", "IN_PROGRESS", "60%")), T0 + 128100);
    w = find_task(s, "42");
    EXPECT_FALSE(w->lastError.has_value());
    EXPECT_EQ(w->consecutiveErrors, 0);
    EXPECT_EQ(w->task->progress, "60%");
    const json j = watched_task_json(*w);
    EXPECT_TRUE(j["lastError"].is_null());
}

TEST(App, RemovedMidFlightAnswerIsIgnored)
{
    AppState s;
    app_open(s, "1 2", T0);
    auto r = app_take_due_requests(s, T0);
    ASSERT_EQ(r.size(), 2u);
    app_remove(s, "1");
    EXPECT_EQ(s.selectedId, "2");
    app_on_response(s, r[0].id, answer(200, task_body("1", "SUCCESS", "100%")), T0 + 10);
    EXPECT_EQ(find_task(s, "1"), nullptr);
    EXPECT_EQ(s.tasks.size(), 1u);
    EXPECT_TRUE(s.changedTaskIds.empty());
    // unknown and repeated request ids are ignored too
    app_on_response(s, 987654, answer(200, task_body("2", "SUCCESS", "100%")), T0 + 20);
    app_on_response(s, r[0].id, answer(200, task_body("1", "SUCCESS", "100%")), T0 + 30);
    EXPECT_FALSE(s.tasks[0].task.has_value());
    app_remove(s, s.tasks[0].id); // a reference into the state itself (found by the fuzzer)
    EXPECT_TRUE(s.tasks.empty());
    EXPECT_EQ(s.selectedId, "");
    app_remove(s, "nope");
}

TEST(App, AnsweredIdDifferentFromRequestedIsAProblem)
{
    AppState s;
    app_open(s, "100", T0);
    auto r = app_take_due_requests(s, T0);
    app_on_response(s, r[0].id, answer(200, task_body("999", "SUCCESS", "100%")), T0 + 5);
    const WatchedTask* w = find_task(s, "100");
    ASSERT_NE(w, nullptr);
    ASSERT_TRUE(w->task.has_value());
    ASSERT_EQ(w->task->problems.size(), 1u);
    EXPECT_EQ(w->task->problems[0].field, "id");
    EXPECT_EQ(watched_task_json(*w)["id"], "100");
}

TEST(App, PauseAndHiddenStopPolling)
{
    AppState s;
    app_open(s, "5", T0);
    app_set_paused(s, true, T0);
    EXPECT_TRUE(app_take_due_requests(s, T0).empty());
    EXPECT_EQ(app_next_wakeup(s), 0);
    app_set_paused(s, false, T0 + 1);
    app_set_page_hidden(s, true, T0 + 1);
    EXPECT_TRUE(app_take_due_requests(s, T0 + 1).empty());
    app_set_page_hidden(s, false, T0 + 2);
    EXPECT_EQ(app_take_due_requests(s, T0 + 2).size(), 1u);
}

TEST(App, InFlightIsLimited)
{
    AppState s;
    std::string ids;
    for (int i = 0; i < 20; ++i) ids += std::to_string(1000 + i) + ",";
    app_open(s, ids, T0);
    auto r = app_take_due_requests(s, T0);
    EXPECT_EQ(r.size(), AppState::kMaxInFlight);
    EXPECT_EQ(r[0].http.url, "/mj/task/1000/fetch"); // the selected task first
    app_on_response(s, r[0].id, answer(200, task_body("1000", "IN_PROGRESS", "1%")), T0 + 10);
    EXPECT_EQ(app_take_due_requests(s, T0 + 10).size(), 1u);
}

TEST(App, ErrorAndLogCaps)
{
    AppState s;
    for (size_t i = 0; i < AppState::kMaxErrors + 50; ++i) app_add_error(s, T0, "bad_input", "e" + std::to_string(i));
    EXPECT_EQ(s.errors.size(), AppState::kMaxErrors);
    EXPECT_EQ(s.errors.front().message, "e50");
    s.errorsReported = s.errors.size();
    app_add_error(s, T0, "bad_input", "last");
    EXPECT_EQ(s.errorsReported, AppState::kMaxErrors - 1);
    EXPECT_EQ(s.errors.back().message, "last");

    AppState l;
    l.config.pollSeconds = 1;
    app_open(l, "7", T0);
    int64_t t = T0;
    for (size_t i = 0; i < AppState::kMaxLog + 20; ++i) {
        auto r = app_take_due_requests(l, t);
        ASSERT_EQ(r.size(), 1u) << i;
        app_on_response(l, r[0].id, answer(200, task_body("7", "IN_PROGRESS", "1%")), t + 1);
        t += 1000;
    }
    EXPECT_EQ(l.log.size(), AppState::kMaxLog);
}

TEST(App, ConfigureJson)
{
    AppState s;
    app_configure_json(s,
                       json{{"baseUrl", "https://www.dmxapi.cn/"},
                            {"apiKey", "sk-TOPSECRET"},
                            {"auth", "raw"},
                            {"pollSeconds", 10},
                            {"lang", "zh-CN"},
                            {"theme", "light"},
                            {"embed", true},
                            {"rememberKey", true}},
                       T0);
    EXPECT_TRUE(s.errors.empty());
    EXPECT_EQ(s.config.baseUrl, "https://www.dmxapi.cn");
    EXPECT_EQ(s.config.apiKey, "sk-TOPSECRET");
    EXPECT_EQ(s.config.auth, AuthStyle::Raw);
    EXPECT_EQ(s.config.pollSeconds, 10);
    EXPECT_EQ(s.config.lang, Lang::Zh);
    EXPECT_EQ(s.config.theme, Theme::Light);
    EXPECT_TRUE(s.config.embed);
    EXPECT_TRUE(s.config.rememberKey);

    app_configure_json(s,
                       json{{"baseUrl", "javascript:alert(1)"},
                            {"apiKey", 12345},
                            {"auth", "basic"},
                            {"pollSeconds", 0},
                            {"lang", "fr"},
                            {"theme", 3},
                            {"embed", "yes"},
                            {"bogus", 1}},
                       T0);
    EXPECT_EQ(s.errors.size(), 8u);
    for (const auto& e : s.errors) {
        EXPECT_EQ(e.kind, "bad_input");
        EXPECT_EQ(e.message.find("sk-TOPSECRET"), std::string::npos);
        EXPECT_EQ(e.message.find("12345"), std::string::npos);
    }
    EXPECT_EQ(s.config.baseUrl, "https://www.dmxapi.cn");
    EXPECT_EQ(s.config.apiKey, "sk-TOPSECRET");
    EXPECT_EQ(s.config.pollSeconds, 10);
    app_configure_json(s, json::array({1}), T0);
    EXPECT_EQ(s.errors.size(), 9u);
    app_configure_json(s, json{{"apiKey", nullptr}, {"baseUrl", ""}}, T0);
    EXPECT_EQ(s.config.apiKey, "");
    EXPECT_EQ(s.config.baseUrl, "");
    const std::string state = app_state_json(s, true, 1).dump();
    EXPECT_EQ(state.find("sk-TOPSECRET"), std::string::npos);
}

TEST(App, ConnectionChangeRetriesFailingTasksNow)
{
    AppState s;
    app_open(s, "9", T0);
    auto r = app_take_due_requests(s, T0);
    app_on_response(s, r[0].id, answer(401, ""), T0 + 10);
    EXPECT_GT(find_task(s, "9")->nextPollAt, T0 + 10);
    Config c = s.config;
    c.apiKey = "new";
    app_set_config(s, c, T0 + 20);
    EXPECT_EQ(find_task(s, "9")->nextPollAt, T0 + 20);
    EXPECT_EQ(app_take_due_requests(s, T0 + 20).size(), 1u);
}

TEST(App, StateJsonShape)
{
    AppState s;
    s.config.apiKey = "sk-NEVER";
    app_open(s, "1764830112345678 2", T0);
    auto r = app_take_due_requests(s, T0);
    app_on_response(s, r[0].id, answer(200, testutil::fixture("inprogress-imagine.json")), T0 + 40);
    const json j = app_state_json(s, true, 42);
    for (const char* k : {"ready", "baseUrl", "selectedId", "framesRendered", "paused", "lang", "theme", "pollSeconds",
                          "auth", "tasks", "errors", "log"})
        EXPECT_TRUE(j.contains(k)) << k;
    EXPECT_EQ(j["ready"], true);
    EXPECT_EQ(j["framesRendered"], 42);
    EXPECT_EQ(j["selectedId"], "1764830112345678");
    EXPECT_EQ(j["lang"], "en");
    EXPECT_EQ(j["auth"], "bearer");
    ASSERT_EQ(j["tasks"].size(), 2u);
    const json& t0 = j["tasks"][0];
    EXPECT_EQ(t0["id"], "1764830112345678");
    EXPECT_EQ(t0["progress"], "46%");
    EXPECT_EQ(t0["prompt"], "一只在雨中的橘猫，赛博朋克风格 --ar 16:9");
    EXPECT_EQ(t0["fetchedAt"], T0 + 40);
    EXPECT_EQ(t0["inFlight"], false);
    EXPECT_TRUE(t0["lastError"].is_null());
    EXPECT_TRUE(t0["parentId"].is_null());
    EXPECT_TRUE(t0["buttons"].is_array());
    const json& t1 = j["tasks"][1];
    EXPECT_EQ(t1["id"], "2");
    EXPECT_TRUE(t1["status"].is_null());
    EXPECT_TRUE(t1["fetchedAt"].is_null());
    EXPECT_EQ(t1["inFlight"], true);
    ASSERT_EQ(j["log"].size(), 2u);
    EXPECT_EQ(j["log"][0]["method"], "GET");
    EXPECT_EQ(j["log"][0]["status"], 200);
    EXPECT_EQ(j["log"][0]["latencyMs"], 40);
    EXPECT_TRUE(j["log"][1]["latencyMs"].is_null());
    EXPECT_EQ(j.dump().find("sk-NEVER"), std::string::npos);

    r = app_take_due_requests(s, T0 + 100);
    app_on_response(s, 2, answer(404, ""), T0 + 200);
    const json j2 = app_state_json(s, true, 43);
    const json& e = j2["tasks"][1]["lastError"];
    EXPECT_EQ(e["kind"], "not_found");
    EXPECT_EQ(e["httpStatus"], 404);
    ASSERT_EQ(j2["errors"].size(), 1u);
    EXPECT_EQ(j2["errors"][0]["kind"], "not_found");
    EXPECT_EQ(j2["errors"][0]["taskId"], "2");
    EXPECT_EQ(j2["errors"][0]["at"], T0 + 200);
    EXPECT_EQ(j2["log"][1]["error"], "not_found");
}

TEST(App, GarbageAnswersNeverBreakTheState)
{
    AppState s;
    app_open(s, "1", T0);
    int64_t t = T0;
    const std::string fixture = testutil::fixture("dmxapi-imagine-success.json");
    for (size_t n = 0; n < fixture.size(); n += 13) {
        t += 400000;
        auto r = app_take_due_requests(s, t);
        if (r.empty()) {
            app_refresh_now(s, "1", t);
            r = app_take_due_requests(s, t);
        }
        ASSERT_EQ(r.size(), 1u) << n;
        app_on_response(s, r[0].id, answer(200, fixture.substr(0, n)), t + 1);
        EXPECT_TRUE(s.tasks[0].lastError.has_value()) << n;
    }
    EXPECT_NO_THROW((void)app_state_json(s, true, 0).dump());
}

TEST(App, ApiKeysAreTrimmedAndUnsendableOnesAreRefusedWithoutEchoingThem)
{
    AppState s;
    Config c = s.config;
    c.apiKey = "  sk-good-123\n";
    app_set_config(s, c, T0);
    EXPECT_EQ(s.config.apiKey, "sk-good-123");
    EXPECT_TRUE(s.errors.empty());

    c.apiKey = "sk-bad\nkey";
    app_set_config(s, c, T0);
    EXPECT_EQ(s.config.apiKey, "sk-good-123"); // the last good key stays
    ASSERT_EQ(s.errors.size(), 1u);
    EXPECT_EQ(s.errors[0].kind, "bad_input");
    EXPECT_EQ(s.errors[0].message.find("sk-bad"), std::string::npos);

    app_configure_json(s, json{{"apiKey", "密钥"}}, T0);
    EXPECT_EQ(s.config.apiKey, "sk-good-123");
    EXPECT_EQ(s.errors.size(), 2u);
    EXPECT_EQ(s.errors[1].message.find("密钥"), std::string::npos);
}
