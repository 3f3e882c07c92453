// Relay mode against a second instance of the server acting as the upstream.
#include "server_harness.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace testsrv;
using nlohmann::json;

namespace {

const char* kKey = "sk-relay-UPSTREAM-KEY-9f8e7d6c5b4a";

std::string raw_http(int port, const std::string& request)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return "";
    send(fd, request.data(), request.size(), 0);
    std::string out;
    char buf[4096];
    timeval tv{3, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<size_t>(n));
    close(fd);
    return out;
}

} // namespace

TEST(Relay, ForwardsWithTheServerSideKeyAndNeverLeaksIt)
{
    ServerProcess up({"--port", "0", "--demo", "--speed", "40", "--auth", "bearer", "--key-env", "UP_KEY"},
                     {{"UP_KEY", kKey}});
    ASSERT_GT(up.port(), 0);
    // the upstream refuses callers without the key
    EXPECT_EQ(up.client()->Get("/mj/task/1764900000000001/fetch")->status, 401);

    std::string site = "/tmp/mj-relay-site-" + std::to_string(getpid());
    std::system(("mkdir -p " + site + " && printf '<html>relay</html>' > " + site + "/index.html").c_str());
    ServerProcess relay({"--port", "0", "--upstream", up.url(), "--key-env", "RELAY_KEY", "--root", site},
                        {{"RELAY_KEY", kKey}});
    ASSERT_GT(relay.port(), 0);
    auto c = relay.client();

    // The browser sends a wrong key: it is dropped and the relay's own key is used, so the upstream says 200.
    auto r = c->Get("/mj/task/1764900000000001/fetch",
                    {{"Authorization", "Bearer sk-browser-wrong"}, {"mj-api-secret", "browser"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(parse(r->body)["id"], "1764900000000001");
    EXPECT_EQ(r->body.find(kKey), std::string::npos);
    for (const auto& h : r->headers) EXPECT_EQ(h.second.find(kKey), std::string::npos) << h.first;

    // POST bodies and the /mj-fast prefix pass through
    json sub = post_json(*c, "/mj-fast/mj/submit/imagine", {{"prompt", "relayed cat"}});
    EXPECT_EQ(sub["code"], 1);
    json list = post_json(*c, "/mj/task/list-by-condition", {{"ids", {"1764900000000001"}}});
    EXPECT_EQ(list.size(), 1u);
    // upstream errors pass through (fault injected on the relay side here)
    EXPECT_EQ(c->Get("/_fault/429/mj/task/1764900000000001/fetch")->status, 429);
    // the page is served from the same origin
    EXPECT_EQ(c->Get("/")->body, "<html>relay</html>");

    // Everything that is not /mj* is refused, and the host is never taken from the request.
    EXPECT_EQ(c->Get("/img/1764900000000001/grid.png")->status, 404);
    EXPECT_EQ(c->Get("/etc/passwd")->status, 404);
    EXPECT_EQ(c->Get("/mjx/task/1/fetch")->status, 404);
    std::string abs = raw_http(relay.port(), "GET http://evil.example/mj/task/1764900000000001/fetch HTTP/1.1\r\n"
                                             "Host: evil.example\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(abs.find("HTTP/1.1 200"), std::string::npos) << abs.substr(0, 200);
    EXPECT_EQ(abs.find(kKey), std::string::npos);
    std::string host = raw_http(relay.port(), "GET /mj/task/1764900000000001/fetch HTTP/1.1\r\n"
                                              "Host: evil.example\r\nConnection: close\r\n\r\n");
    EXPECT_NE(host.find("HTTP/1.1 200"), std::string::npos); // went to the configured upstream anyway
    std::string connect = raw_http(relay.port(), "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n");
    EXPECT_EQ(connect.find("HTTP/1.1 200"), std::string::npos);

    relay.stop();
    up.stop();
    EXPECT_EQ(relay.log().find(kKey), std::string::npos);
    EXPECT_EQ(up.log().find(kKey), std::string::npos);
}

TEST(Relay, SecretHeaderStyleAndUnreachableUpstream)
{
    ServerProcess up({"--port", "0", "--demo", "--auth", "mj-api-secret", "--key-env", "UP_KEY", "--flavour", "java"},
                     {{"UP_KEY", kKey}});
    ServerProcess relay(
        {"--port", "0", "--upstream", up.url(), "--key-env", "RELAY_KEY", "--upstream-auth", "mj-api-secret"},
        {{"RELAY_KEY", kKey}});
    auto c = relay.client();
    EXPECT_EQ(c->Get("/mj/task/1764900000000001/fetch")->status, 200);
    up.stop();
    auto down = c->Get("/mj/task/1764900000000001/fetch");
    EXPECT_EQ(down->status, 502);
    EXPECT_EQ(down->body.find(kKey), std::string::npos);

    // the key that reaches the upstream is the relay's: a relay with a wrong key gets the upstream's 401
    ServerProcess up2({"--port", "0", "--demo", "--auth", "bearer", "--key-env", "UP_KEY"}, {{"UP_KEY", kKey}});
    ServerProcess wrong({"--port", "0", "--upstream", up2.url(), "--key-env", "RELAY_KEY"},
                        {{"RELAY_KEY", "sk-not-the-right-one"}});
    EXPECT_EQ(wrong.client()
                  ->Get("/mj/task/1764900000000001/fetch", {{"Authorization", std::string("Bearer ") + kKey}})
                  ->status,
              401);
}
