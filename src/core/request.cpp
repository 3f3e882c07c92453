#include "request.h"

#include "utf8.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstring>

namespace core {

namespace {

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string trim(const std::string& s)
{
    size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool starts_with_ci(const std::string& s, const char* prefix)
{
    size_t i = 0;
    for (; prefix[i]; ++i) {
        if (i >= s.size()) return false;
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    }
    return true;
}

// Length of "http://" or "https://" at the start of s (case-insensitive), 0 when neither.
size_t http_scheme_length(const std::string& s)
{
    if (starts_with_ci(s, "https://")) return 8;
    if (starts_with_ci(s, "http://")) return 7;
    return 0;
}

bool has_control_or_space(const std::string& s)
{
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F || u == ' ') return true;
    }
    return false;
}

// The host part must be non-empty and made of sane characters.
bool host_ok(const std::string& url, size_t schemeLen)
{
    size_t end = url.find_first_of("/?#", schemeLen);
    if (end == std::string::npos) end = url.size();
    std::string authority = url.substr(schemeLen, end - schemeLen);
    const size_t at = authority.rfind('@');
    if (at != std::string::npos) authority = authority.substr(at + 1);
    if (authority.empty()) return false;
    if (authority[0] == ':') return false;
    for (char c : authority) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '\\' || c == '<' || c == '>' || c == '"') return false;
    }
    return true;
}

std::string clean_header_value(const std::string& v)
{
    std::string out;
    out.reserve(v.size());
    for (char c : v) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) continue; // CR/LF would split the header
        out += c;
    }
    return trim(out);
}

void add_common_headers(const Config& c, HttpRequest& r)
{
    r.headers.emplace_back("Accept", "application/json");
    const std::string key = clean_header_value(c.apiKey);
    if (key.empty()) return;
    switch (c.auth) {
    case AuthStyle::Bearer:
        if (starts_with_ci(key, "bearer ")) {
            const std::string rest = trim(key.substr(7));
            if (!rest.empty()) r.headers.emplace_back("Authorization", "Bearer " + rest);
        } else {
            r.headers.emplace_back("Authorization", "Bearer " + key);
        }
        break;
    case AuthStyle::Raw:
        r.headers.emplace_back("Authorization", key);
        break;
    case AuthStyle::MjApiSecret:
        r.headers.emplace_back("mj-api-secret", key);
        break;
    }
}

std::string base_or_empty(const Config& c)
{
    // The configuration is validated when set; normalise again so a bad value can never leak into a URL.
    auto b = normalize_base_url(c.baseUrl);
    return b ? *b : std::string();
}

bool key_like_param(const std::string& rawName)
{
    const std::string n = lower(rawName);
    static const char* const kExact[] = {"key",          "apikey",     "api_key",  "api-key", "token", "secret",
                                         "access_token", "auth_token", "password", "pass",    "sig",   "signature"};
    for (const char* e : kExact)
        if (n == e) return true;
    return n.find("key") != std::string::npos || n.find("token") != std::string::npos ||
           n.find("secret") != std::string::npos || n.find("password") != std::string::npos;
}

} // namespace

const char* auth_style_code(AuthStyle a)
{
    switch (a) {
    case AuthStyle::Bearer:
        return "bearer";
    case AuthStyle::Raw:
        return "raw";
    case AuthStyle::MjApiSecret:
        return "mj-api-secret";
    }
    return "bearer";
}

std::optional<AuthStyle> auth_style_from_code(const std::string& s)
{
    const std::string l = lower(trim(s));
    if (l == "bearer") return AuthStyle::Bearer;
    if (l == "raw") return AuthStyle::Raw;
    if (l == "mj-api-secret" || l == "mj_api_secret" || l == "mjapisecret") return AuthStyle::MjApiSecret;
    return std::nullopt;
}

const char* theme_code(Theme t)
{
    return t == Theme::Light ? "light" : "dark";
}

std::optional<Theme> theme_from_code(const std::string& s)
{
    const std::string l = lower(trim(s));
    if (l == "dark") return Theme::Dark;
    if (l == "light") return Theme::Light;
    return std::nullopt;
}

std::optional<std::string> normalize_base_url(const std::string& base, std::string* why)
{
    auto fail = [&](const char* reason) -> std::optional<std::string> {
        if (why) *why = reason;
        return std::nullopt;
    };
    std::string b = trim(base);
    if (b.empty()) return std::string();
    if (!utf8_is_valid(b)) return fail("the base URL is not valid text");
    const size_t schemeLen = http_scheme_length(b);
    if (schemeLen == 0) return fail("the base URL must start with http:// or https://");
    if (has_control_or_space(b)) return fail("the base URL contains spaces or control characters");
    if (b.find_first_of("?#") != std::string::npos) return fail("the base URL must not contain ? or #");
    if (!host_ok(b, schemeLen)) return fail("the base URL has no host name");
    while (b.size() > schemeLen && b.back() == '/') b.pop_back();
    // Lower-case the scheme so "HTTPS://x" and "https://x" are the same base.
    for (size_t i = 0; i < schemeLen; ++i) b[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(b[i])));
    if (b.size() <= schemeLen) return fail("the base URL has no host name");
    return b;
}

bool is_http_url(const std::string& url)
{
    const size_t schemeLen = http_scheme_length(url);
    if (schemeLen == 0) return false;
    if (has_control_or_space(url)) return false;
    return host_ok(url, schemeLen);
}

std::string percent_encode(const std::string& s, const char* alsoSafe)
{
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size() * 3);
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        const bool safe = std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~' ||
                          (c != '\0' && std::strchr(alsoSafe, c) != nullptr);
        if (safe) {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0x0F];
        }
    }
    return out;
}

std::string url_encode_segment(const std::string& s)
{
    return percent_encode(s, "");
}

std::optional<std::string> clean_task_id(const std::string& raw)
{
    std::string s = trim(raw);
    // A pasted JSON string or spreadsheet cell may keep its quotes.
    while (s.size() >= 2 && ((s.front() == '"' && s.back() == '"') || (s.front() == '\'' && s.back() == '\'')))
        s = trim(s.substr(1, s.size() - 2));
    if (s.empty() || s.size() > 128) return std::nullopt;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F || u == ' ') return std::nullopt;
    }
    if (!utf8_is_valid(s)) return std::nullopt;
    return s;
}

HttpRequest build_fetch_request(const Config& c, const std::string& taskId)
{
    HttpRequest r;
    r.method = "GET";
    r.url = base_or_empty(c) + "/mj/task/" + url_encode_segment(taskId) + "/fetch";
    add_common_headers(c, r);
    return r;
}

HttpRequest build_list_request(const Config& c, const std::vector<std::string>& ids)
{
    HttpRequest r;
    r.method = "POST";
    r.url = base_or_empty(c) + "/mj/task/list-by-condition";
    add_common_headers(c, r);
    r.headers.emplace_back("Content-Type", "application/json");
    nlohmann::json body = nlohmann::json::object();
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& id : ids) arr.push_back(utf8_sanitize(id));
    body["ids"] = std::move(arr);
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

std::string redact_url(const std::string& url)
{
    std::string out = url;
    // userinfo: scheme://user:pass@host -> scheme://***@host
    const size_t schemeEnd = out.find("://");
    if (schemeEnd != std::string::npos) {
        const size_t authStart = schemeEnd + 3;
        size_t authEnd = out.find_first_of("/?#", authStart);
        if (authEnd == std::string::npos) authEnd = out.size();
        const size_t at = out.rfind('@', authEnd == 0 ? 0 : authEnd - 1);
        if (at != std::string::npos && at >= authStart && at < authEnd)
            out = out.substr(0, authStart) + "***" + out.substr(at);
    }
    // key-like query (and fragment) parameters
    const size_t q = out.find_first_of("?#");
    if (q == std::string::npos) return out;
    std::string result = out.substr(0, q + 1);
    size_t i = q + 1;
    while (i <= out.size()) {
        size_t end = out.find_first_of("&#", i);
        if (end == std::string::npos) end = out.size();
        const std::string part = out.substr(i, end - i);
        const size_t eq = part.find('=');
        if (eq != std::string::npos && key_like_param(part.substr(0, eq)))
            result += part.substr(0, eq) + "=***";
        else
            result += part;
        if (end < out.size()) result += out[end];
        i = end + 1;
    }
    return result;
}

} // namespace core
