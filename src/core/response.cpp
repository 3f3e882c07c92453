#include "response.h"

#include "json_parse.h"
#include "task_json.h"
#include "utf8.h"

#include <cctype>

namespace core {

namespace {

using json = nlohmann::json;

constexpr size_t kDetailMax = 300;

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

size_t skip_ws_and_bom(const std::string& s)
{
    size_t i = 0;
    if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF && static_cast<unsigned char>(s[1]) == 0xBB &&
        static_cast<unsigned char>(s[2]) == 0xBF)
        i = 3;
    while (i < s.size() && is_space(s[i])) ++i;
    return i;
}

bool blank(const std::string& s)
{
    return skip_ws_and_bom(s) >= s.size();
}

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool looks_like_html(const HttpResponse& r)
{
    if (lower(r.contentType).find("text/html") != std::string::npos) return true;
    const size_t i = skip_ws_and_bom(r.body);
    return i < r.body.size() && r.body[i] == '<';
}

std::string collapse_spaces(const std::string& s)
{
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string html_title(const std::string& body)
{
    const std::string l = lower(body.substr(0, 64 * 1024));
    const size_t open = l.find("<title");
    if (open == std::string::npos) return "";
    const size_t gt = l.find('>', open);
    if (gt == std::string::npos) return "";
    const size_t close = l.find("</title", gt);
    if (close == std::string::npos) return "";
    return utf8_truncate(utf8_sanitize(collapse_spaces(body.substr(gt + 1, close - gt - 1))), 120);
}

std::string excerpt(const std::string& body)
{
    return utf8_truncate(utf8_sanitize(collapse_spaces(body.substr(0, 4 * kDetailMax))), kDetailMax);
}

// The server's own message from an error envelope: description, error.message, error (string), message.
std::string envelope_message(const json& j)
{
    if (!j.is_object()) return "";
    auto str = [&](const json& o, const char* k) -> std::string {
        auto it = o.find(k);
        if (it != o.end() && it->is_string()) return it->get_ref<const std::string&>();
        return "";
    };
    std::string m = str(j, "description");
    if (m.empty()) {
        auto it = j.find("error");
        if (it != j.end()) {
            if (it->is_object())
                m = str(*it, "message");
            else if (it->is_string())
                m = it->get_ref<const std::string&>();
        }
    }
    if (m.empty()) m = str(j, "message");
    if (m.empty()) m = str(j, "msg");
    return utf8_truncate(utf8_sanitize(collapse_spaces(m)), kDetailMax);
}

bool starts_with_task_no_found(const std::string& m)
{
    std::string l = lower(m);
    size_t i = 0;
    while (i < l.size() && is_space(l[i])) ++i;
    return l.compare(i, 13, "task_no_found") == 0 || l.compare(i, 14, "task_not_found") == 0;
}

bool has_usable_string_or_number(const json& j, const char* k)
{
    auto it = j.find(k);
    if (it == j.end()) return false;
    if (it->is_string()) return !it->get_ref<const std::string&>().empty();
    return it->is_number();
}

// {code, description} with code != 1, or {error: {message}} / {error: "..."}: an error envelope, not a task.
bool is_error_envelope(const json& j)
{
    if (!j.is_object()) return false;
    if (has_usable_string_or_number(j, "id") || has_usable_string_or_number(j, "status")) return false;
    auto err = j.find("error");
    if (err != j.end()) {
        if (err->is_object() && err->contains("message")) return true;
        if (err->is_string() && !err->get_ref<const std::string&>().empty()) return true;
    }
    auto code = j.find("code");
    if (code != j.end() && j.contains("description")) {
        if (code->is_number()) return code->get<double>() != 1.0;
        if (code->is_string()) return code->get_ref<const std::string&>() != "1";
        return true;
    }
    return false;
}

int envelope_code(const json& j)
{
    auto code = j.find("code");
    if (code != j.end() && code->is_number_integer()) {
        const int64_t c = code->get<int64_t>();
        if (c > -100000 && c < 100000) return static_cast<int>(c);
    }
    return 0;
}

std::string what_arrived(const json& v, Lang lang)
{
    switch (v.type()) {
    case json::value_t::array:
        return tr_format(lang, "an array of {} elements", {std::to_string(v.size())});
    case json::value_t::string:
        return tr_format(lang, "a string ({})", {utf8_truncate(utf8_sanitize(v.get_ref<const std::string&>()), 80)});
    case json::value_t::null:
        return tr(lang, "null");
    case json::value_t::boolean:
        return tr_format(lang, "a boolean ({})", {v.get<bool>() ? "true" : "false"});
    case json::value_t::object:
        return tr(lang, "an object");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return tr_format(lang, "a number ({})", {v.dump(-1, ' ', false, json::error_handler_t::replace)});
    default:
        return tr(lang, "binary data");
    }
}

ApiError make(const HttpResponse& r, const char* kind, std::string message, std::string detail)
{
    ApiError e;
    e.kind = kind;
    e.message = utf8_sanitize(message);
    e.httpStatus = r.status;
    e.detail = utf8_truncate(utf8_sanitize(detail), kDetailMax);
    e.retryAfterSeconds = r.retryAfterSeconds;
    return e;
}

// Failures that do not depend on what the caller expected: no answer, HTML, HTTP errors, empty and bad JSON.
// On success (nothing wrong yet) returns nullopt and fills *parsed with the JSON value.
std::optional<ApiError> common_checks(const HttpResponse& r, Lang lang, json* parsed)
{
    const std::string status = std::to_string(r.status);
    if (r.status <= 0) {
        if (r.timedOut)
            return make(r, "timeout",
                        tr(lang, "The server did not answer in time. It may be overloaded or unreachable; the "
                                 "inspector will try again."),
                        "");
        return make(r, "network",
                    tr(lang, "No answer from the server: the connection failed or the browser blocked it. If the "
                             "server does not allow this page's origin (CORS), the browser refuses the answer. Check "
                             "the base URL, or use the same-origin relay (serve the inspector from the demo server "
                             "and leave the base URL empty)."),
                    "");
    }
    if (looks_like_html(r)) {
        const std::string title = html_title(r.body);
        std::string msg =
            title.empty()
                ? tr_format(lang, "The server answered with a web page instead of JSON (HTTP {}).", {status})
                : tr_format(lang, "The server answered with a web page instead of JSON (HTTP {}): {}", {status, title});
        return make(r, "html", msg, title.empty() ? excerpt(r.body) : title);
    }

    const bool ok2xx = r.status >= 200 && r.status < 300;
    if (!ok2xx) {
        std::string serverMessage;
        if (!blank(r.body)) {
            JsonParseResult p = parse_json(r.body);
            if (p.ok) serverMessage = envelope_message(p.value);
            if (serverMessage.empty()) serverMessage = excerpt(r.body);
        }
        const bool noFound = starts_with_task_no_found(serverMessage);
        const char* kind = "http";
        std::string msg;
        if (r.status == 401 || r.status == 403) {
            kind = "auth";
            msg = tr_format(lang,
                            "The server refused the API key (HTTP {}): check the API key and the header style "
                            "(Bearer / raw / mj-api-secret).",
                            {status});
        } else if (r.status == 404 || noFound) {
            kind = "not_found";
            msg = tr_format(lang, "Task not found (HTTP {}): check the task id and that it belongs to this server.",
                            {status});
        } else if (r.status == 429) {
            kind = "rate_limited";
            msg = r.retryAfterSeconds ? tr_format(lang, "Too many requests (HTTP 429): the server asks to wait {} s.",
                                                  {std::to_string(*r.retryAfterSeconds)})
                                      : std::string(tr(lang, "Too many requests (HTTP 429): polling more slowly."));
        } else if (r.status >= 500 && r.status < 600) {
            kind = "server";
            msg = tr_format(lang, "The server had an error (HTTP {}).", {status});
        } else {
            msg = tr_format(lang, "The server answered HTTP {}.", {status});
        }
        if (!serverMessage.empty()) msg += " " + tr_format(lang, "Server says: {}", {serverMessage});
        return make(r, kind, msg, serverMessage);
    }

    if (blank(r.body))
        return make(r, "empty", tr_format(lang, "The server answered HTTP {} with an empty body.", {status}), "");

    JsonParseResult p = parse_json(r.body);
    if (!p.ok) {
        const std::string offset = std::to_string(p.errorOffset);
        if (p.truncated)
            return make(r, "truncated_json",
                        tr_format(lang, "The answer was cut off before the JSON ended ({} bytes received).",
                                  {std::to_string(r.body.size())}),
                        tr_format(lang, "at byte {}: {}", {offset, p.error}));
        return make(r, "malformed_json", tr(lang, "The answer is not valid JSON."),
                    tr_format(lang, "at byte {}: {}", {offset, p.error}) + " | " + excerpt(r.body));
    }
    *parsed = std::move(p.value);
    return std::nullopt;
}

ApiError envelope_error(const HttpResponse& r, Lang lang, const json& j)
{
    const std::string serverMessage = envelope_message(j);
    const int code = envelope_code(j);
    if (starts_with_task_no_found(serverMessage) || code == 3)
        return make(
            r, "not_found",
            tr(lang, "Task not found: check the task id and that it belongs to this server.") +
                (serverMessage.empty() ? std::string() : " " + tr_format(lang, "Server says: {}", {serverMessage})),
            serverMessage);
    return make(r, "server",
                serverMessage.empty()
                    ? std::string(tr(lang, "The server reported an error instead of a task."))
                    : tr_format(lang, "The server reported an error instead of a task: {}", {serverMessage}),
                serverMessage);
}

} // namespace

TaskOutcome classify_task_response(const HttpResponse& r, Lang lang)
{
    TaskOutcome out;
    json j;
    if (auto e = common_checks(r, lang, &j)) {
        out.error = std::move(e);
        return out;
    }
    if (!j.is_object()) {
        out.error = make(r, "wrong_shape",
                         tr_format(lang, "Expected a task object, but the server sent {}.", {what_arrived(j, lang)}),
                         excerpt(r.body));
        return out;
    }
    if (is_error_envelope(j)) {
        out.error = envelope_error(r, lang, j);
        return out;
    }
    out.task = task_from_json(j);
    return out;
}

TaskListOutcome classify_task_list_response(const HttpResponse& r, Lang lang)
{
    TaskListOutcome out;
    json j;
    if (auto e = common_checks(r, lang, &j)) {
        out.error = std::move(e);
        return out;
    }
    if (j.is_object() && is_error_envelope(j)) {
        out.error = envelope_error(r, lang, j);
        return out;
    }
    if (!j.is_array()) {
        out.error = make(r, "wrong_shape",
                         tr_format(lang, "Expected a list of tasks, but the server sent {}.", {what_arrived(j, lang)}),
                         excerpt(r.body));
        return out;
    }
    std::vector<Task> tasks;
    tasks.reserve(j.size());
    for (const json& e : j)
        if (e.is_object()) tasks.push_back(task_from_json(e));
    out.tasks = std::move(tasks);
    return out;
}

} // namespace core
