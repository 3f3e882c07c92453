// Relay mode: forwards /mj* calls to the single configured upstream, attaching the key server-side.
// The upstream host comes only from --upstream, never from the request; browser auth headers are dropped;
// the key is scrubbed from anything that comes back.
#pragma once

#include "server/options.h"

#include <string>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace mjserver {

struct Upstream {
    std::string scheme_host_port; // "https://www.dmxapi.cn" or "http://127.0.0.1:8081"
    std::string base_path;        // "" or "/some/prefix" (no trailing slash)
};

bool parse_upstream(const std::string& url, Upstream& out, std::string& err);

// True for paths the relay may forward: /mj/..., /mj-fast/mj/..., /mj-relax/mj/..., /mj-turbo/mj/...
bool relayable_path(const std::string& path);

// Replaces every occurrence of key in text with "***".
std::string scrub(std::string text, const std::string& key);

// path: what to ask the upstream for (already stripped of /_fault and /_flavour prefixes);
// query: the query string to forward ("" or "a=b&c=d", without fault/flavour parameters).
void relay_request(const Options& opts, const Upstream& up, const httplib::Request& req, const std::string& path,
                   const std::string& query, httplib::Response& res);

} // namespace mjserver
