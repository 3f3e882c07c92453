#include "core/response.h"

#include "core/utf8.h"
#include "test_util.h"

#include <gtest/gtest.h>

using namespace core;
using testutil::ok_json;

namespace {

HttpResponse resp(int status, const std::string& body, const std::string& type = "application/json")
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.contentType = type;
    return r;
}

std::string kind_of(const HttpResponse& r)
{
    const auto o = classify_task_response(r, Lang::En);
    return o.error ? o.error->kind : std::string("ok");
}

} // namespace

TEST(Response, EveryJsonFixtureAsA200)
{
    for (const auto& name : testutil::fixture_names(".json")) {
        const std::string body = testutil::fixture(name);
        if (name == "list-by-condition.json") {
            const auto l = classify_task_list_response(ok_json(body), Lang::En);
            ASSERT_TRUE(l.tasks.has_value()) << name;
            ASSERT_EQ(l.tasks->size(), 3u);
            EXPECT_EQ((*l.tasks)[0].id, "1764830112345678");
            EXPECT_EQ((*l.tasks)[1].status, "FAILURE");
            EXPECT_EQ((*l.tasks)[2].buttons->size(), 9u);
            // a list where one task was expected is the wrong shape
            const auto o = classify_task_response(ok_json(body), Lang::En);
            ASSERT_TRUE(o.error.has_value());
            EXPECT_EQ(o.error->kind, "wrong_shape");
            EXPECT_NE(o.error->message.find("array of 3"), std::string::npos) << o.error->message;
            continue;
        }
        const auto o = classify_task_response(ok_json(body), Lang::En);
        ASSERT_TRUE(o.task.has_value()) << name << ": " << (o.error ? o.error->message : "");
        EXPECT_FALSE(o.error.has_value());
        EXPECT_FALSE(o.task->id.empty()) << name;
        EXPECT_TRUE(o.task->problems.empty()) << name;
    }
}

TEST(Response, EveryHttpFixtureClassified)
{
    const std::map<std::string, std::string> expected = {
        {"error-gateway-502.http", "html"},
        {"error-relay-not-found.http", "not_found"},
        {"error-secret-401.http", "auth"},
    };
    const auto names = testutil::fixture_names(".http");
    ASSERT_EQ(names.size(), expected.size());
    for (const auto& name : names) {
        const HttpResponse r = testutil::parse_http(testutil::fixture(name));
        const auto o = classify_task_response(r, Lang::En);
        ASSERT_TRUE(o.error.has_value()) << name;
        EXPECT_EQ(o.error->kind, expected.at(name)) << name;
        EXPECT_EQ(o.error->httpStatus, r.status);
        EXPECT_FALSE(o.task.has_value());
    }
}

TEST(Response, GatewayHtmlMessageNamesStatusAndTitle)
{
    const auto o = classify_task_response(testutil::parse_http(testutil::fixture("error-gateway-502.http")), Lang::En);
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->httpStatus, 502);
    EXPECT_NE(o.error->message.find("web page"), std::string::npos);
    EXPECT_NE(o.error->message.find("502"), std::string::npos);
    EXPECT_NE(o.error->message.find("502 Bad Gateway"), std::string::npos);
    const auto zh = classify_task_response(testutil::parse_http(testutil::fixture("error-gateway-502.http")), Lang::Zh);
    EXPECT_NE(zh.error->message.find("网页"), std::string::npos);
}

TEST(Response, RelayNotFoundKeepsServerMessage)
{
    const auto o =
        classify_task_response(testutil::parse_http(testutil::fixture("error-relay-not-found.http")), Lang::En);
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->httpStatus, 400);
    EXPECT_NE(o.error->detail.find("task_no_found"), std::string::npos);
}

TEST(Response, AuthMessageExplainsHeaderStyle)
{
    const auto o = classify_task_response(testutil::parse_http(testutil::fixture("error-secret-401.http")), Lang::En);
    ASSERT_TRUE(o.error);
    EXPECT_NE(o.error->message.find("check the API key and the header style (Bearer / raw / mj-api-secret)"),
              std::string::npos);
    EXPECT_EQ(kind_of(resp(403, "")), "auth");
    const auto oa =
        classify_task_response(resp(401, R"j({"error":{"message":"Invalid token (request id: x)"}})j"), Lang::En);
    EXPECT_EQ(oa.error->kind, "auth");
    EXPECT_NE(oa.error->detail.find("Invalid token"), std::string::npos);
    EXPECT_NE(oa.error->message.find("Invalid token"), std::string::npos);
}

TEST(Response, NoAnswerIsNetworkOrTimeout)
{
    HttpResponse r;
    const auto o = classify_task_response(r, Lang::En);
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->kind, "network");
    EXPECT_EQ(o.error->httpStatus, 0);
    EXPECT_NE(o.error->message.find("CORS"), std::string::npos);
    EXPECT_NE(o.error->message.find("same-origin relay"), std::string::npos);
    r.timedOut = true;
    EXPECT_EQ(kind_of(r), "timeout");
    const auto zh = classify_task_response(HttpResponse{}, Lang::Zh);
    EXPECT_NE(zh.error->message.find("CORS"), std::string::npos);
    EXPECT_NE(zh.error->message, o.error->message);
}

TEST(Response, StatusCodes)
{
    EXPECT_EQ(kind_of(resp(404, "")), "not_found");
    EXPECT_EQ(kind_of(resp(404, "not here", "text/plain")), "not_found");
    EXPECT_EQ(kind_of(resp(500, R"({"message":"boom"})")), "server");
    EXPECT_EQ(kind_of(resp(503, "")), "server");
    EXPECT_EQ(kind_of(resp(418, "")), "http");
    EXPECT_EQ(kind_of(resp(400, R"({"description":"bad","code":4})")), "http");
    EXPECT_EQ(kind_of(resp(301, "")), "http");
    HttpResponse r = resp(429, R"({"error":{"message":"saturated"}})");
    r.retryAfterSeconds = 30;
    const auto o = classify_task_response(r, Lang::En);
    ASSERT_TRUE(o.error);
    EXPECT_EQ(o.error->kind, "rate_limited");
    EXPECT_EQ(o.error->retryAfterSeconds, 30);
    EXPECT_NE(o.error->message.find("30"), std::string::npos);
    EXPECT_EQ(o.error->detail, "saturated");
}

TEST(Response, ServerMessageTakenFromEnvelopes)
{
    auto detail = [](const std::string& body) {
        return classify_task_response(resp(500, body), Lang::En).error->detail;
    };
    EXPECT_EQ(detail(R"({"description":"upstream down","code":9})"), "upstream down");
    EXPECT_EQ(detail(R"({"error":{"message":"quota exceeded"}})"), "quota exceeded");
    EXPECT_EQ(detail(R"({"message":"oops"})"), "oops");
    EXPECT_EQ(detail("plain text failure"), "plain text failure");
    const std::string longBody(5000, 'x');
    EXPECT_LE(detail(longBody).size(), 300u);
}

TEST(Response, HtmlAnyStatus)
{
    EXPECT_EQ(kind_of(resp(200, "<!DOCTYPE html><html><title>Login</title></html>", "")), "html");
    EXPECT_EQ(kind_of(resp(200, "  \n<html>", "application/json")), "html");
    EXPECT_EQ(kind_of(resp(404, "{}", "text/html; charset=utf-8")), "html");
    const auto o = classify_task_response(resp(200, "<html><title>\n  Sign   in </title>", "text/html"), Lang::En);
    EXPECT_NE(o.error->message.find("Sign in"), std::string::npos) << o.error->message;
    EXPECT_NE(o.error->message.find("200"), std::string::npos);
}

TEST(Response, EmptyBodies)
{
    EXPECT_EQ(kind_of(resp(200, "")), "empty");
    EXPECT_EQ(kind_of(resp(200, " \r\n\t")), "empty");
    EXPECT_EQ(kind_of(resp(204, "")), "empty");
}

TEST(Response, MalformedAndTruncated)
{
    const auto m = classify_task_response(resp(200, "{\"id\": 1,, }"), Lang::En);
    ASSERT_TRUE(m.error);
    EXPECT_EQ(m.error->kind, "malformed_json");
    EXPECT_NE(m.error->detail.find("at byte 9"), std::string::npos) << m.error->detail;
    EXPECT_EQ(kind_of(resp(200, "hello")), "malformed_json");
    EXPECT_EQ(kind_of(resp(200, "{\"id\":\"1\"")), "truncated_json");
}

TEST(Response, TruncatedFixtureAtEveryLength)
{
    for (const char* name : {"dmxapi-imagine-success.json", "inprogress-imagine.json", "upscaled-success.json"}) {
        const std::string body = testutil::fixture(name);
        const size_t end = body.rfind('}');
        for (size_t n = 1; n <= end; ++n) {
            const auto o = classify_task_response(ok_json(body.substr(0, n)), Lang::En);
            ASSERT_TRUE(o.error.has_value()) << name << " " << n;
            EXPECT_TRUE(o.error->kind == "truncated_json" || o.error->kind == "malformed_json")
                << name << " " << n << " " << o.error->kind;
            EXPECT_EQ(o.error->kind, "truncated_json") << name << " " << n;
            EXPECT_TRUE(utf8_is_valid(o.error->detail));
        }
    }
    const std::string list = testutil::fixture("list-by-condition.json");
    for (size_t n = 1; n < list.rfind(']'); n += 7) {
        const auto o = classify_task_list_response(ok_json(list.substr(0, n)), Lang::En);
        ASSERT_TRUE(o.error.has_value()) << n;
        EXPECT_EQ(o.error->kind, "truncated_json") << n;
    }
}

TEST(Response, WrongShapes)
{
    struct Case {
        const char* body;
        const char* says;
    };
    for (const Case& c : {Case{"[1,2]", "array of 2"}, Case{"\"hi\"", "string"}, Case{"42", "number"},
                          Case{"null", "null"}, Case{"true", "boolean"}}) {
        const auto o = classify_task_response(ok_json(c.body), Lang::En);
        ASSERT_TRUE(o.error.has_value()) << c.body;
        EXPECT_EQ(o.error->kind, "wrong_shape") << c.body;
        EXPECT_NE(o.error->message.find(c.says), std::string::npos) << o.error->message;
    }
    const auto l = classify_task_list_response(ok_json(R"({"id":"1","status":"SUCCESS"})"), Lang::En);
    ASSERT_TRUE(l.error);
    EXPECT_EQ(l.error->kind, "wrong_shape");
}

TEST(Response, TwoHundredErrorEnvelopes)
{
    const auto nf = classify_task_response(ok_json(R"({"code":3,"description":"task_no_found"})"), Lang::En);
    ASSERT_TRUE(nf.error);
    EXPECT_EQ(nf.error->kind, "not_found");
    const auto e = classify_task_response(ok_json(R"({"code":4,"description":"参数错误"})"), Lang::En);
    ASSERT_TRUE(e.error);
    EXPECT_NE(e.error->message.find("参数错误"), std::string::npos);
    const auto oa = classify_task_response(ok_json(R"({"error":{"message":"invalid key","type":"x"}})"), Lang::En);
    ASSERT_TRUE(oa.error);
    EXPECT_NE(oa.error->message.find("invalid key"), std::string::npos);
    // code 1 or anything with an id or status is a task
    EXPECT_TRUE(classify_task_response(ok_json(R"({"code":1,"description":"成功"})"), Lang::En).task);
    EXPECT_TRUE(classify_task_response(ok_json(R"({"id":"5","code":4,"description":"x"})"), Lang::En).task);
    EXPECT_TRUE(classify_task_response(ok_json(R"({"status":"SUCCESS","error":{"message":"x"}})"), Lang::En).task);
    EXPECT_TRUE(classify_task_response(ok_json("{}"), Lang::En).task);
    const auto le = classify_task_list_response(ok_json(R"({"code":9,"description":"failed"})"), Lang::En);
    ASSERT_TRUE(le.error);
    EXPECT_NE(le.error->message.find("failed"), std::string::npos);
}

TEST(Response, ListSkipsNonObjects)
{
    const auto l = classify_task_list_response(ok_json(R"([{"id":"1"},2,"x",null,{"id":3}])"), Lang::En);
    ASSERT_TRUE(l.tasks);
    ASSERT_EQ(l.tasks->size(), 2u);
    EXPECT_EQ((*l.tasks)[1].id, "3");
    EXPECT_TRUE(classify_task_list_response(ok_json("[]"), Lang::En).tasks->empty());
}

TEST(Response, MessagesAreValidUtf8AndTranslated)
{
    const std::vector<HttpResponse> cases = {
        resp(0, ""),          resp(401, ""),   resp(404, ""),       resp(429, ""),
        resp(500, ""),        resp(418, ""),   resp(200, ""),       resp(200, "{x"),
        resp(200, "{\"a\":"), resp(200, "[]"), resp(502, "<html>"), resp(200, "{\"code\":9,\"description\":\"x\"}")};
    for (const auto& r : cases) {
        const auto en = classify_task_response(r, Lang::En);
        const auto zh = classify_task_response(r, Lang::Zh);
        ASSERT_TRUE(en.error && zh.error) << r.status << r.body;
        EXPECT_EQ(en.error->kind, zh.error->kind);
        EXPECT_NE(en.error->message, zh.error->message) << "untranslated: " << en.error->message;
        EXPECT_TRUE(utf8_is_valid(zh.error->message));
    }
    const auto bad = classify_task_response(resp(500, std::string("{\"message\":\"\xff\xfe\"}")), Lang::En);
    EXPECT_TRUE(utf8_is_valid(bad.error->detail));
    const auto bad2 = classify_task_response(resp(500, std::string("\xff\xfe plain")), Lang::En);
    EXPECT_TRUE(utf8_is_valid(bad2.error->detail));
}

TEST(Response, BigIdSurvivesClassification)
{
    const auto o =
        classify_task_response(ok_json(R"({"id":123456789012345678901234567,"status":"SUCCESS"})"), Lang::En);
    ASSERT_TRUE(o.task);
    EXPECT_EQ(o.task->id, "123456789012345678901234567");
}
