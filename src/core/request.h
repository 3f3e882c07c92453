// Building the HTTP requests the inspector sends; pure functions of the configuration.
#pragma once

#include "i18n.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace core {

enum class AuthStyle { Bearer, Raw, MjApiSecret };
const char* auth_style_code(AuthStyle a); // "bearer" | "raw" | "mj-api-secret"
std::optional<AuthStyle> auth_style_from_code(const std::string& s);

enum class Theme { Dark, Light };
const char* theme_code(Theme t); // "dark" | "light"
// "dark" | "light" (case-insensitive); nullopt for anything else.
std::optional<Theme> theme_from_code(const std::string& s);

struct Config {
    std::string baseUrl; // "" means the page's own origin (requests go to "/mj/...")
    std::string apiKey;  // memory only unless rememberKey; never in a URL, log or error
    AuthStyle auth = AuthStyle::Bearer;
    int pollSeconds = 3; // 1..3600
    Lang lang = Lang::En;
    Theme theme = Theme::Dark;
    bool embed = false;
    bool rememberKey = false;
};

struct HttpRequest {
    std::string method; // "GET" | "POST"
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    int timeoutMs = 20000;
};

// "https://host/x/" -> "https://host/x"; "" stays "". Returns nullopt for anything that is not http(s) or empty,
// with a reason in *why when given.
std::optional<std::string> normalize_base_url(const std::string& base, std::string* why = nullptr);

// True for absolute http:// and https:// URLs only: the one kind of link the inspector ever opens.
bool is_http_url(const std::string& url);

// Percent-encodes every byte but letters, digits, "-._~" and the characters in `alsoSafe`.
std::string percent_encode(const std::string& s, const char* alsoSafe);

// Percent-encodes a path segment (task ids are user input).
std::string url_encode_segment(const std::string& s);

// Trims spaces and rejects ids that cannot be a task id (empty, control characters, over 128 bytes).
std::optional<std::string> clean_task_id(const std::string& raw);

HttpRequest build_fetch_request(const Config& c, const std::string& taskId);          // GET {base}/mj/task/{id}/fetch
HttpRequest build_list_request(const Config& c, const std::vector<std::string>& ids); // POST list-by-condition

// The URL as it may be shown or logged: userinfo and any key-like query parameter replaced by "***".
std::string redact_url(const std::string& url);

} // namespace core
