#include "server/relay.h"

#include "server/http.h"

#include <nlohmann/json.hpp>

namespace mjserver {

bool parse_upstream(const std::string& url, Upstream& out, std::string& err)
{
    std::string rest;
    std::string scheme;
    if (url.rfind("https://", 0) == 0)
        scheme = "https://", rest = url.substr(8);
    else if (url.rfind("http://", 0) == 0)
        scheme = "http://", rest = url.substr(7);
    else
        return err = "upstream must start with http:// or https://", false;
    size_t slash = rest.find('/');
    std::string hostport = rest.substr(0, slash);
    std::string path = slash == std::string::npos ? "" : rest.substr(slash);
    if (hostport.empty() || hostport.find('@') != std::string::npos || path.find('?') != std::string::npos ||
        path.find('#') != std::string::npos)
        return err = "upstream must be scheme://host[:port][/path] without user info, query or fragment", false;
    for (char c : hostport)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']'))
            return err = "upstream host has invalid characters", false;
    while (!path.empty() && path.back() == '/') path.pop_back();
    out.scheme_host_port = scheme + hostport;
    out.base_path = path;
    return true;
}

bool relayable_path(const std::string& path)
{
    if (path.find("..") != std::string::npos) return false;
    if (path.rfind("/mj/", 0) == 0) return true;
    for (const char* p : {"/mj-fast/mj/", "/mj-relax/mj/", "/mj-turbo/mj/"})
        if (path.rfind(p, 0) == 0) return true;
    return false;
}

std::string scrub(std::string text, const std::string& key)
{
    if (key.size() < 4) return text;
    size_t pos = 0;
    while ((pos = text.find(key, pos)) != std::string::npos) {
        text.replace(pos, key.size(), "***");
        pos += 3;
    }
    return text;
}

void relay_request(const Options& opts, const Upstream& up, const httplib::Request& req, const std::string& path,
                   const std::string& query, httplib::Response& res)
{
    auto fail = [&](int status, const std::string& msg) {
        nlohmann::json j{{"error", {{"message", msg}, {"type", "relay_error"}}}};
        res.status = status;
        res.set_content(j.dump(), "application/json");
    };
    if (!relayable_path(path)) return fail(404, "the relay only forwards /mj/* calls");

    httplib::Client cli(up.scheme_host_port);
    cli.set_connection_timeout(10, 0);
    cli.set_read_timeout(opts.upstream_timeout_s, 0);
    cli.set_write_timeout(opts.upstream_timeout_s, 0);
    cli.set_follow_location(false);
    cli.set_keep_alive(false);
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    cli.enable_server_certificate_verification(true);
#endif
    httplib::Headers headers;
    switch (opts.upstream_auth) {
    case AuthMode::Bearer:
        headers.emplace("Authorization", "Bearer " + opts.key);
        break;
    case AuthMode::Raw:
        headers.emplace("Authorization", opts.key);
        break;
    case AuthMode::MjApiSecret:
        headers.emplace("mj-api-secret", opts.key);
        break;
    case AuthMode::None:
        break;
    }
    headers.emplace("Accept", "application/json");
    headers.emplace("User-Agent", "mj-demo-server-relay/1");
    std::string target = up.base_path + path + (query.empty() ? "" : "?" + query);
    std::string ctype = req.get_header_value("Content-Type");
    if (ctype.empty()) ctype = "application/json";

    httplib::Result r = req.method == "POST" ? cli.Post(target.c_str(), headers, req.body, ctype.c_str())
                                             : cli.Get(target.c_str(), headers);
    if (!r) {
        fail(502, "upstream unreachable: " + httplib::to_string(r.error()));
        return;
    }
    res.status = r->status;
    std::string body = scrub(r->body, opts.key);
    std::string rtype = r->get_header_value("Content-Type");
    res.set_content(std::move(body), rtype.empty() ? "application/json" : scrub(rtype, opts.key).c_str());
    if (r->status == 401 && r->body.empty()) res.body.clear();
    for (const char* h : {"Retry-After", "X-Request-Id"})
        if (r->has_header(h)) res.set_header(h, scrub(r->get_header_value(h), opts.key));
}

} // namespace mjserver
