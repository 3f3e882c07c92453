// libFuzzer entry: untrusted bytes through every core function that reads server answers or user input.
// Built with -fsanitize=fuzzer by scripts/fuzz.sh, and linked with replay_main.cpp for the unit tests.
#include "core/app.h"
#include "core/button_id.h"
#include "core/json_parse.h"
#include "core/request.h"
#include "core/response.h"
#include "core/task_json.h"
#include "core/url_params.h"
#include "core/utf8.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using json = nlohmann::json;

// Touch every part of a result so sanitizers see any bad memory, and make sure it can be printed.
size_t consume(const json& j)
{
    return j.dump(-1, ' ', false, json::error_handler_t::replace).size();
}

void check_task(const core::Task& t)
{
    consume(core::task_to_json(t));
    (void)core::progress_fraction(t);
    (void)core::is_terminal(core::parse_status(t.status));
    if (t.buttons)
        for (const auto& b : *t.buttons)
            if (b.customId) {
                const auto m = core::decode_button(*b.customId);
                (void)core::describe_button(m, core::Lang::Zh, *b.customId);
            }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);

    // JSON parsing and the Task mapping.
    const core::JsonParseResult parsed = core::parse_json(text);
    if (parsed.ok) {
        consume(parsed.value);
        if (parsed.value.is_object()) check_task(core::task_from_json(parsed.value));
        if (parsed.value.is_array())
            for (const json& e : parsed.value)
                if (e.is_object()) check_task(core::task_from_json(e));
        core::AppState cs;
        core::app_configure_json(cs, parsed.value, 1);
        consume(core::app_state_json(cs, true, 0));
    }

    // Response classification with several statuses and content types.
    static const int kStatuses[] = {0, 200, 204, 400, 401, 404, 429, 500, 502};
    static const char* const kTypes[] = {"application/json", "text/html; charset=utf-8", ""};
    for (int status : kStatuses) {
        for (const char* type : kTypes) {
            core::HttpResponse r;
            r.status = status;
            r.body = text;
            r.contentType = type;
            r.retryAfterSeconds = status == 429 ? std::optional<int>(int(size % 100)) : std::nullopt;
            r.timedOut = status == 0 && (size & 1);
            const auto o = core::classify_task_response(r, (size & 2) ? core::Lang::Zh : core::Lang::En);
            if (o.task) check_task(*o.task);
            if (o.error && !core::utf8_is_valid(o.error->message + o.error->detail)) __builtin_trap();
        }
    }
    {
        core::HttpResponse r;
        r.status = 200;
        r.body = text;
        const auto o = core::classify_task_list_response(r, core::Lang::En);
        if (o.tasks)
            for (const auto& t : *o.tasks) check_task(t);
    }

    // The app: open the bytes as ids, answer with the bytes, read the state.
    {
        core::AppState s;
        core::app_open(s, text.substr(0, 2048), 1000);
        auto reqs = core::app_take_due_requests(s, 1000);
        core::HttpResponse r;
        r.status = 200;
        r.body = text;
        for (const auto& q : reqs) core::app_on_response(s, q.id, r, 1500);
        core::app_on_response(s, 999999, r, 1600);
        if (!s.tasks.empty()) core::app_remove(s, s.tasks.front().id);
        consume(core::app_state_json(s, true, 1));
        (void)core::app_next_wakeup(s);
    }

    // URL parameters, ids, buttons and the UTF-8 helpers.
    const size_t half = size / 2;
    const core::UrlParams p = core::parse_url_params(text.substr(0, half), text.substr(half));
    core::Config c;
    if (p.base) c.baseUrl = *p.base;
    (void)core::build_share_url(text, c, p.taskIds);
    (void)core::redact_url(text);
    (void)core::normalize_base_url(text);
    (void)core::is_http_url(text);
    (void)core::clean_task_id(text);
    (void)core::url_encode_segment(text);
    (void)core::url_decode(text);
    const auto m = core::decode_button(text);
    (void)core::describe_button(m, core::Lang::En, text);
    (void)core::utf8_codepoints(text);
    if (!core::utf8_is_valid(core::utf8_sanitize(text))) __builtin_trap();
    for (size_t n : {size_t(0), size_t(1), size_t(3), size_t(7), size / 2})
        if (core::utf8_truncate(text, n).size() > n) __builtin_trap();
    return 0;
}
