#include "url_params.h"

#include "utf8.h"

#include <algorithm>
#include <cctype>

namespace core {

namespace {

int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Share links keep ':' '/' ',' readable (base URLs and id lists); everything else is escaped.
std::string query_encode(const std::string& s)
{
    return percent_encode(s, ":/,");
}

// A short, printable version of a user-supplied value for a problem message.
std::string shown(const std::string& v)
{
    std::string out;
    for (char c : utf8_sanitize(v)) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7F) ? '?' : c;
    }
    return utf8_truncate(out, 60);
}

bool is_key_param(const std::string& name)
{
    const std::string n = lower(name);
    return n == "key" || n == "apikey" || n == "api_key" || n == "api-key" || n == "token" || n == "secret" ||
           n == "mj-api-secret" || n == "authorization" || n == "access_token";
}

struct Pair {
    std::string key;
    std::string value;
    bool hasValue = false;
};

std::vector<Pair> split_query(std::string q)
{
    if (!q.empty() && (q[0] == '?' || q[0] == '#')) q.erase(0, 1);
    // "#/route?x=1" style hashes: the parameters follow the '?'.
    const size_t qm = q.find('?');
    if (qm != std::string::npos) q = q.substr(qm + 1);
    std::vector<Pair> out;
    size_t i = 0;
    while (i <= q.size()) {
        size_t end = q.find('&', i);
        if (end == std::string::npos) end = q.size();
        const std::string part = q.substr(i, end - i);
        if (!part.empty()) {
            Pair p;
            const size_t eq = part.find('=');
            p.key = url_decode(part.substr(0, eq));
            if (eq != std::string::npos) {
                p.value = url_decode(part.substr(eq + 1));
                p.hasValue = true;
            }
            out.push_back(std::move(p));
        }
        i = end + 1;
    }
    return out;
}

std::string trim(const std::string& s)
{
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

void apply(UrlParams& out, const std::vector<Pair>& pairs, bool& keyReported)
{
    bool tasksSeen = false;
    for (const Pair& p : pairs) {
        const std::string name = lower(p.key);
        const std::string v = trim(p.value);
        if (is_key_param(p.key)) {
            if (!keyReported)
                out.problems.push_back("the API key is never read from the URL: parameter '" + shown(p.key) +
                                       "' was ignored (enter the key in the connection bar)");
            keyReported = true;
        } else if (name == "base") {
            std::string why;
            auto b = normalize_base_url(v, &why);
            if (b)
                out.base = *b;
            else
                out.problems.push_back("base: " + why + " ('" + shown(v) + "' ignored)");
        } else if (name == "task" || name == "tasks" || name == "id") {
            if (!tasksSeen) out.taskIds.clear(); // a later source (the hash) replaces the earlier list
            tasksSeen = true;
            std::string token;
            auto flush = [&]() {
                if (token.empty()) return;
                auto id = clean_task_id(token);
                if (!id)
                    out.problems.push_back("task: '" + shown(token) + "' is not a task id");
                else if (std::find(out.taskIds.begin(), out.taskIds.end(), *id) == out.taskIds.end())
                    out.taskIds.push_back(*id);
                token.clear();
            };
            for (char c : v) {
                if (c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
                    flush();
                else
                    token += c;
            }
            flush();
        } else if (name == "lang") {
            const std::string l = lower(v);
            if (l == "zh" || l.compare(0, 3, "zh-") == 0 || l.compare(0, 3, "zh_") == 0)
                out.lang = Lang::Zh;
            else if (l == "en" || l.compare(0, 3, "en-") == 0 || l.compare(0, 3, "en_") == 0)
                out.lang = Lang::En;
            else
                out.problems.push_back("lang: '" + shown(v) + "' is not zh or en");
        } else if (name == "theme") {
            auto t = theme_from_code(v);
            if (t)
                out.theme = *t;
            else
                out.problems.push_back("theme: '" + shown(v) + "' is not dark or light");
        } else if (name == "poll") {
            bool digits = !v.empty() && v.size() <= 9;
            for (char c : v)
                if (c < '0' || c > '9') digits = false;
            const long n = digits ? std::stol(v) : 0;
            if (digits && n >= 1 && n <= 3600)
                out.pollSeconds = static_cast<int>(n);
            else
                out.problems.push_back("poll: '" + shown(v) + "' is not a number of seconds from 1 to 3600");
        } else if (name == "auth") {
            auto a = auth_style_from_code(v);
            if (a)
                out.auth = *a;
            else
                out.problems.push_back("auth: '" + shown(v) + "' is not bearer, raw or mj-api-secret");
        } else if (name == "embed") {
            const std::string l = lower(v);
            if (!p.hasValue || l == "1" || l == "true" || l == "yes" || l.empty())
                out.embed = true;
            else if (l == "0" || l == "false" || l == "no")
                out.embed = false;
            else
                out.problems.push_back("embed: '" + shown(v) + "' is not 1 or 0");
        }
        // Other parameters (utm_*, the host page's own) are none of our business.
    }
}

} // namespace

std::string url_decode(const std::string& s)
{
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

UrlParams parse_url_params(const std::string& search, const std::string& hash)
{
    UrlParams out;
    bool keyReported = false;
    apply(out, split_query(search), keyReported);
    apply(out, split_query(hash), keyReported);
    return out;
}

std::string build_share_url(const std::string& pageUrl, const Config& c, const std::vector<std::string>& ids)
{
    std::string base = pageUrl.substr(0, pageUrl.find_first_of("?#"));
    std::string q;
    auto add = [&](const char* k, const std::string& v) {
        q += q.empty() ? '?' : '&';
        q += k;
        q += '=';
        q += query_encode(v);
    };
    auto b = normalize_base_url(c.baseUrl);
    if (b && !b->empty()) add("base", *b);
    std::string joined;
    for (const auto& id : ids) {
        auto clean = clean_task_id(id);
        if (!clean) continue;
        if (!joined.empty()) joined += ',';
        joined += *clean;
    }
    if (!joined.empty()) add("task", joined);
    add("lang", lang_code(c.lang));
    add("theme", theme_code(c.theme));
    add("poll", std::to_string(std::clamp(c.pollSeconds, 1, 3600)));
    add("auth", auth_style_code(c.auth));
    if (c.embed) add("embed", "1");
    return base + q;
}

} // namespace core
