// Reads the page's URL parameters (query or hash) into configuration and ids, and writes share links.
#pragma once

#include "request.h"

#include <optional>
#include <string>
#include <vector>

namespace core {

struct UrlParams {
    std::optional<std::string> base;
    std::vector<std::string> taskIds;
    std::optional<Lang> lang;
    std::optional<Theme> theme;
    std::optional<int> pollSeconds;
    std::optional<AuthStyle> auth;
    bool embed = false;
    std::vector<std::string> problems; // human-readable, one per unusable parameter (a key in the URL is one)
};

// `search` is location.search ("?a=1&b=2" or ""), `hash` is location.hash ("#a=1" or ""). Hash values win.
// The API key is never taken from the URL: a key-like parameter is reported as a problem and ignored.
UrlParams parse_url_params(const std::string& search, const std::string& hash);

// pageUrl without its query/hash + "?base=..&task=..&lang=..&theme=..&poll=..&auth=.." (never the key).
std::string build_share_url(const std::string& pageUrl, const Config& c, const std::vector<std::string>& ids);

std::string url_decode(const std::string& s); // '+' is a space; bad escapes are kept literally

} // namespace core
