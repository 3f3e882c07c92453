#include "core/request.h"

#include <gtest/gtest.h>

using namespace core;

namespace {

std::string header(const HttpRequest& r, const std::string& name)
{
    for (const auto& h : r.headers)
        if (h.first == name) return h.second;
    return "<none>";
}

} // namespace

TEST(Request, NormalizeBaseUrl)
{
    EXPECT_EQ(normalize_base_url("https://www.dmxapi.cn/"), "https://www.dmxapi.cn");
    EXPECT_EQ(normalize_base_url("  https://host/x///  "), "https://host/x");
    EXPECT_EQ(normalize_base_url("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
    EXPECT_EQ(normalize_base_url("HTTPS://Host.Example"), "https://Host.Example");
    EXPECT_EQ(normalize_base_url(""), "");
    EXPECT_EQ(normalize_base_url("   "), "");
    std::string why;
    for (const char* bad :
         {"javascript:alert(1)", "data:text/html,x", "ftp://host", "//host", "host.com", "file:///etc", "https://",
          "https:///path", "http://a b", "https://h?x=1", "https://h#f", "/mj"}) {
        why.clear();
        EXPECT_FALSE(normalize_base_url(bad, &why).has_value()) << bad;
        EXPECT_FALSE(why.empty()) << bad;
    }
}

TEST(Request, IsHttpUrl)
{
    EXPECT_TRUE(is_http_url("https://cdn.discordapp.com/a.png?ex=1"));
    EXPECT_TRUE(is_http_url("http://x"));
    EXPECT_FALSE(is_http_url("javascript:alert(1)"));
    EXPECT_FALSE(is_http_url("https://"));
    EXPECT_FALSE(is_http_url("data:image/png;base64,AAAA"));
    EXPECT_FALSE(is_http_url("https://a b"));
    EXPECT_FALSE(is_http_url(""));
}

TEST(Request, FetchRequestUrlAndHeadersPerAuthStyle)
{
    Config c;
    c.baseUrl = "https://www.dmxapi.cn";
    c.apiKey = "sk-abc";
    HttpRequest r = build_fetch_request(c, "1747132423020537");
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.url, "https://www.dmxapi.cn/mj/task/1747132423020537/fetch");
    EXPECT_EQ(header(r, "Authorization"), "Bearer sk-abc");
    EXPECT_EQ(header(r, "mj-api-secret"), "<none>");
    EXPECT_EQ(header(r, "Content-Type"), "<none>");
    EXPECT_TRUE(r.body.empty());
    EXPECT_EQ(r.url.find("sk-abc"), std::string::npos);

    c.apiKey = "Bearer sk-abc";
    EXPECT_EQ(header(build_fetch_request(c, "1"), "Authorization"), "Bearer sk-abc");
    c.apiKey = "bearer   sk-abc ";
    EXPECT_EQ(header(build_fetch_request(c, "1"), "Authorization"), "Bearer sk-abc");

    c.apiKey = "tok";
    c.auth = AuthStyle::Raw;
    EXPECT_EQ(header(build_fetch_request(c, "1"), "Authorization"), "tok");
    c.auth = AuthStyle::MjApiSecret;
    r = build_fetch_request(c, "1");
    EXPECT_EQ(header(r, "mj-api-secret"), "tok");
    EXPECT_EQ(header(r, "Authorization"), "<none>");

    c.apiKey = "";
    r = build_fetch_request(c, "1");
    EXPECT_EQ(header(r, "mj-api-secret"), "<none>");
    EXPECT_EQ(header(r, "Authorization"), "<none>");
    c.apiKey = "  ";
    c.auth = AuthStyle::Bearer;
    EXPECT_EQ(header(build_fetch_request(c, "1"), "Authorization"), "<none>");
    c.apiKey = "a\r\nX-Evil: 1";
    EXPECT_EQ(header(build_fetch_request(c, "1"), "Authorization"), "Bearer aX-Evil: 1");
}

TEST(Request, SameOriginAndEncodedIds)
{
    Config c;
    EXPECT_EQ(build_fetch_request(c, "12 3/../x").url, "/mj/task/12%203%2F..%2Fx/fetch");
    c.baseUrl = "https://h/prefix/";
    EXPECT_EQ(build_fetch_request(c, "7").url, "https://h/prefix/mj/task/7/fetch");
    c.baseUrl = "javascript:alert(1)"; // never validated -> same origin, never a javascript: URL
    EXPECT_EQ(build_fetch_request(c, "7").url, "/mj/task/7/fetch");
    EXPECT_EQ(url_encode_segment("猫"), "%E7%8C%AB");
    EXPECT_EQ(url_encode_segment("a-b_c.d~e"), "a-b_c.d~e");
}

TEST(Request, ListRequest)
{
    Config c;
    c.baseUrl = "https://h";
    c.apiKey = "k";
    const HttpRequest r = build_list_request(c, {"1", "2"});
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.url, "https://h/mj/task/list-by-condition");
    EXPECT_EQ(header(r, "Content-Type"), "application/json");
    EXPECT_EQ(header(r, "Authorization"), "Bearer k");
    EXPECT_EQ(r.body, R"({"ids":["1","2"]})");
    EXPECT_EQ(build_list_request(c, {}).body, R"({"ids":[]})");
}

TEST(Request, CleanTaskId)
{
    EXPECT_EQ(clean_task_id("  1747132423020537\n"), "1747132423020537");
    EXPECT_EQ(clean_task_id("\"1747\""), "1747");
    EXPECT_FALSE(clean_task_id("").has_value());
    EXPECT_FALSE(clean_task_id("   ").has_value());
    EXPECT_FALSE(clean_task_id("12\x01"
                               "3")
                     .has_value());
    EXPECT_FALSE(clean_task_id("12 3").has_value());
    EXPECT_FALSE(clean_task_id(std::string(129, '1')).has_value());
    EXPECT_TRUE(clean_task_id(std::string(128, '1')).has_value());
    EXPECT_FALSE(clean_task_id("\xff\xfe").has_value());
}

TEST(Request, RedactUrl)
{
    EXPECT_EQ(redact_url("https://user:pw@host/mj/task/1/fetch"), "https://***@host/mj/task/1/fetch");
    EXPECT_EQ(redact_url("https://host/x?key=sk-1&task=2&api_key=z#token=q"),
              "https://host/x?key=***&task=2&api_key=***#token=***");
    EXPECT_EQ(redact_url("/mj/task/1/fetch"), "/mj/task/1/fetch");
    EXPECT_EQ(redact_url("https://host/a?x=1"), "https://host/a?x=1");
    EXPECT_EQ(redact_url("https://h/?apiKey=sk-secret").find("sk-secret"), std::string::npos);
}

TEST(Request, Codes)
{
    EXPECT_STREQ(auth_style_code(AuthStyle::MjApiSecret), "mj-api-secret");
    EXPECT_EQ(auth_style_from_code("mj-api-secret"), AuthStyle::MjApiSecret);
    EXPECT_EQ(auth_style_from_code("Bearer"), AuthStyle::Bearer);
    EXPECT_EQ(auth_style_from_code("raw"), AuthStyle::Raw);
    EXPECT_FALSE(auth_style_from_code("basic").has_value());
    EXPECT_STREQ(theme_code(Theme::Light), "light");
    EXPECT_EQ(theme_from_code("dark"), Theme::Dark);
    EXPECT_FALSE(theme_from_code("blue").has_value());
}
