#include "app.h"

#include "poll_policy.h"
#include "task_json.h"
#include "utf8.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace core {

namespace {

using json = nlohmann::json;

std::string shown_id(const std::string& raw)
{
    std::string out;
    for (char c : utf8_sanitize(raw)) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7F) ? '?' : c;
    }
    return utf8_truncate(out, 64);
}

void mark_changed(AppState& s, const std::string& id)
{
    if (std::find(s.changedTaskIds.begin(), s.changedTaskIds.end(), id) == s.changedTaskIds.end())
        s.changedTaskIds.push_back(id);
}

PollInput poll_input(const AppState& s, const WatchedTask& w)
{
    PollInput in;
    in.hasData = w.task.has_value();
    in.terminal = w.task && is_terminal(parse_status(w.task->status));
    in.consecutiveErrors = w.consecutiveErrors;
    if (w.lastError) in.retryAfterSeconds = w.lastError->retryAfterSeconds;
    in.pollSeconds = s.config.pollSeconds;
    in.lastAttemptAt = w.lastAttemptAt;
    in.paused = s.paused;
    in.pageHidden = s.pageHidden;
    return in;
}

void reschedule(const AppState& s, WatchedTask& w, int64_t now)
{
    if (w.refreshRequested) {
        if (w.nextPollAt == 0 || w.nextPollAt > now) w.nextPollAt = now;
        return;
    }
    w.nextPollAt = next_poll_at(poll_input(s, w), now);
}

void reschedule_all(AppState& s, int64_t now)
{
    for (WatchedTask& w : s.tasks)
        if (!w.inFlight) reschedule(s, w, now);
}

bool same_error(const std::optional<ApiError>& a, const std::optional<ApiError>& b)
{
    if (a.has_value() != b.has_value()) return false;
    if (!a) return true;
    return a->kind == b->kind && a->message == b->message && a->detail == b->detail && a->httpStatus == b->httpStatus;
}

RequestLogEntry* find_log(AppState& s, uint64_t requestId)
{
    for (auto it = s.log.rbegin(); it != s.log.rend(); ++it)
        if (it->requestId == requestId) return &*it;
    return nullptr;
}

void push_log(AppState& s, RequestLogEntry e)
{
    s.log.push_back(std::move(e));
    if (s.log.size() > AppState::kMaxLog)
        s.log.erase(s.log.begin(), s.log.begin() + (s.log.size() - AppState::kMaxLog));
}

std::string error_text(const ApiError& e)
{
    if (e.detail.empty() || e.message.find(e.detail) != std::string::npos) return e.message;
    return e.message + " (" + e.detail + ")";
}

// Applies one answer (good or bad) to one watched task.
void apply_outcome(AppState& s, WatchedTask& w, const std::optional<Task>& task, const std::optional<ApiError>& err,
                   int64_t now)
{
    bool changed = false;
    if (task) {
        Task t = *task;
        if (!t.id.empty() && t.id != w.id)
            t.problems.push_back(
                FieldProblem{"id", "\"" + shown_id(w.id) + "\" (the id asked for)", "\"" + shown_id(t.id) + "\""});
        changed =
            !w.task || w.task->raw != t.raw || w.lastError.has_value() || w.task->problems.size() != t.problems.size();
        w.task = std::move(t);
        w.lastError.reset();
        w.fetchedAt = now;
        w.consecutiveErrors = 0;
    } else if (err) {
        changed = !same_error(w.lastError, err);
        w.lastError = err;
        w.consecutiveErrors++;
        app_add_error(s, now, err->kind, error_text(*err), w.id);
    }
    w.inFlight = false;
    reschedule(s, w, now);
    if (changed) mark_changed(s, w.id);
}

void split_ids(const std::string& raw, std::vector<std::string>& out)
{
    std::string token;
    auto flush = [&]() {
        if (!token.empty()) out.push_back(token);
        token.clear();
    };
    for (char c : raw) {
        if (c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            flush();
        else
            token += c;
    }
    flush();
}

json nullable(int64_t v)
{
    return v == 0 ? json(nullptr) : json(v);
}

} // namespace

WatchedTask* find_task(AppState& s, const std::string& id)
{
    for (WatchedTask& w : s.tasks)
        if (w.id == id) return &w;
    return nullptr;
}

const WatchedTask* find_task(const AppState& s, const std::string& id)
{
    for (const WatchedTask& w : s.tasks)
        if (w.id == id) return &w;
    return nullptr;
}

void app_open(AppState& s, const std::string& raw, int64_t now)
{
    std::vector<std::string> ids;
    split_ids(raw, ids);
    app_open_ids(s, ids, now);
}

void app_open_ids(AppState& s, const std::vector<std::string>& ids, int64_t now)
{
    std::string first;
    bool changed = false;
    for (const std::string& raw : ids) {
        auto id = clean_task_id(raw);
        if (!id) {
            if (raw.find_first_not_of(" \t\r\n,;") == std::string::npos) continue; // only separators
            app_add_error(s, now, "bad_input",
                          tr_format(s.config.lang,
                                    "Not a task id: '{}' (ids are at most 128 characters, without "
                                    "spaces or control characters)",
                                    {shown_id(raw)}));
            continue;
        }
        if (first.empty()) first = *id;
        if (find_task(s, *id)) continue;
        WatchedTask w;
        w.id = *id;
        w.nextPollAt = now;
        reschedule(s, w, now);
        s.tasks.push_back(std::move(w));
        changed = true;
    }
    if (!first.empty() && s.selectedId != first) {
        s.selectedId = first;
        changed = true;
    }
    if (changed) s.revision++;
}

void app_select(AppState& s, const std::string& id)
{
    if (!find_task(s, id) || s.selectedId == id) return;
    s.selectedId = id;
    s.revision++;
}

void app_remove(AppState& s, const std::string& idRef)
{
    const std::string id = idRef; // a copy: callers often pass a reference into the task being erased
    auto it = std::find_if(s.tasks.begin(), s.tasks.end(), [&](const WatchedTask& w) { return w.id == id; });
    if (it == s.tasks.end()) return;
    const size_t index = static_cast<size_t>(it - s.tasks.begin());
    s.tasks.erase(it);
    // A request in flight for it stays pending so its answer is recognised, and then ignored.
    for (PendingRequest& p : s.pending)
        p.taskIds.erase(std::remove(p.taskIds.begin(), p.taskIds.end(), id), p.taskIds.end());
    s.changedTaskIds.erase(std::remove(s.changedTaskIds.begin(), s.changedTaskIds.end(), id), s.changedTaskIds.end());
    if (s.selectedId == id) {
        if (s.tasks.empty())
            s.selectedId.clear();
        else
            s.selectedId = s.tasks[std::min(index, s.tasks.size() - 1)].id;
    }
    s.revision++;
}

void app_refresh_now(AppState& s, const std::string& id, int64_t now)
{
    WatchedTask* w = find_task(s, id);
    if (!w) return;
    w->refreshRequested = true;
    if (!w->inFlight) w->nextPollAt = now;
    s.revision++;
}

void app_set_paused(AppState& s, bool paused, int64_t now)
{
    if (s.paused == paused) return;
    s.paused = paused;
    reschedule_all(s, now);
    s.revision++;
}

void app_set_page_hidden(AppState& s, bool hidden, int64_t now)
{
    if (s.pageHidden == hidden) return;
    s.pageHidden = hidden;
    reschedule_all(s, now);
    s.revision++;
}

namespace {

std::string trim_key(const std::string& k)
{
    size_t b = 0, e = k.size();
    while (b < e && std::isspace(static_cast<unsigned char>(k[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(k[e - 1]))) --e;
    return k.substr(b, e - b);
}

bool header_safe(const std::string& v)
{
    for (char c : v) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7E) return false;
    }
    return true;
}

} // namespace

void app_set_config(AppState& s, const Config& c, int64_t now)
{
    Config next = c;
    std::string why;
    auto base = normalize_base_url(c.baseUrl, &why);
    if (base) {
        next.baseUrl = *base;
    } else {
        next.baseUrl = s.config.baseUrl;
        app_add_error(s, now, "bad_input",
                      tr_format(c.lang, "The base URL was not applied: {}", {tr(c.lang, why.c_str())}));
    }
    // A pasted key often carries a line break; inside, only printable ASCII can travel in an HTTP header (the
    // browser would refuse the request and the user would see a misleading network error).
    next.apiKey = trim_key(c.apiKey);
    if (!header_safe(next.apiKey)) {
        next.apiKey = s.config.apiKey;
        app_add_error(s, now, "bad_input",
                      tr(c.lang, "The API key was not applied: it contains line breaks or characters other than "
                                 "printable ASCII, which an HTTP header cannot carry."));
    }
    next.pollSeconds = std::clamp(c.pollSeconds, 1, 3600);
    const bool connectionChanged =
        next.baseUrl != s.config.baseUrl || next.apiKey != s.config.apiKey || next.auth != s.config.auth;
    s.config = next;
    if (connectionChanged) {
        // A new server or key deserves a fresh try: forget the back-off of tasks that were failing.
        for (WatchedTask& w : s.tasks) {
            if (w.consecutiveErrors > 0) {
                w.consecutiveErrors = 0;
                w.lastAttemptAt = 0; // due now (unless paused or hidden)
            }
        }
    }
    reschedule_all(s, now);
    s.revision++;
}

void app_configure_json(AppState& s, const nlohmann::json& patch, int64_t now)
{
    const Lang lang = s.config.lang;
    if (!patch.is_object()) {
        app_add_error(s, now, "bad_input", tr(lang, "configure() expects an object such as {baseUrl, apiKey, auth}"));
        return;
    }
    Config c = s.config;
    auto bad = [&](const std::string& key, const char* expected) {
        app_add_error(
            s, now, "bad_input",
            tr_format(lang, "configure(): '{}' must be {}; it was ignored", {shown_id(key), tr(lang, expected)}));
    };
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const std::string& key = it.key();
        const json& v = it.value();
        if (key == "type") {
            continue; // postMessage envelopes carry {type:'task-inspector:configure', ...}
        } else if (key == "baseUrl" || key == "base") {
            if (v.is_null()) {
                c.baseUrl.clear();
            } else if (!v.is_string()) {
                bad(key, "a string (an http:// or https:// URL, or \"\" for this page's server)");
            } else {
                std::string why;
                auto b = normalize_base_url(v.get_ref<const std::string&>(), &why);
                if (b)
                    c.baseUrl = *b;
                else
                    app_add_error(s, now, "bad_input",
                                  tr_format(lang, "The base URL was not applied: {}", {tr(lang, why.c_str())}));
            }
        } else if (key == "apiKey") {
            if (v.is_null())
                c.apiKey.clear();
            else if (v.is_string())
                c.apiKey = v.get_ref<const std::string&>();
            else
                bad(key, "a string");
        } else if (key == "auth") {
            std::optional<AuthStyle> a;
            if (v.is_string()) a = auth_style_from_code(v.get_ref<const std::string&>());
            if (a)
                c.auth = *a;
            else
                bad(key, "\"bearer\", \"raw\" or \"mj-api-secret\"");
        } else if (key == "pollSeconds" || key == "poll") {
            bool ok = false;
            if (v.is_number()) {
                const double d = v.get<double>();
                if (std::isfinite(d) && d >= 1 && d <= 3600) {
                    c.pollSeconds = static_cast<int>(std::lround(d));
                    ok = true;
                }
            }
            if (!ok) bad(key, "a number of seconds from 1 to 3600");
        } else if (key == "lang") {
            bool ok = false;
            if (v.is_string()) {
                std::string l = v.get_ref<const std::string&>();
                for (char& ch : l) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                if (l.compare(0, 2, "zh") == 0 || l.compare(0, 2, "en") == 0) {
                    c.lang = lang_from_tag(l);
                    ok = true;
                }
            }
            if (!ok) bad(key, "\"zh\" or \"en\"");
        } else if (key == "theme") {
            std::optional<Theme> t;
            if (v.is_string()) t = theme_from_code(v.get_ref<const std::string&>());
            if (t)
                c.theme = *t;
            else
                bad(key, "\"dark\" or \"light\"");
        } else if (key == "embed" || key == "rememberKey") {
            std::optional<bool> b;
            if (v.is_boolean())
                b = v.get<bool>();
            else if (v.is_number_integer() && (v.get<int64_t>() == 0 || v.get<int64_t>() == 1))
                b = v.get<int64_t>() == 1;
            if (!b)
                bad(key, "true or false");
            else if (key == "embed")
                c.embed = *b;
            else
                c.rememberKey = *b;
        } else {
            app_add_error(s, now, "bad_input",
                          tr_format(lang, "configure(): unknown key '{}' was ignored", {shown_id(key)}));
        }
    }
    app_set_config(s, c, now);
}

void app_add_error(AppState& s, int64_t now, const std::string& kind, const std::string& message,
                   const std::string& taskId)
{
    ErrorEntry e;
    e.at = now;
    e.kind = kind;
    e.message = utf8_truncate(utf8_sanitize(message), 1000);
    e.taskId = taskId;
    s.errors.push_back(std::move(e));
    while (s.errors.size() > AppState::kMaxErrors) {
        s.errors.erase(s.errors.begin());
        if (s.errorsReported > 0) s.errorsReported--;
    }
    s.revision++;
}

std::vector<OutgoingRequest> app_take_due_requests(AppState& s, int64_t now)
{
    std::vector<OutgoingRequest> out;
    size_t inFlight = 0;
    for (const WatchedTask& w : s.tasks)
        if (w.inFlight) inFlight++;

    // Due tasks, the selected one first (the user is looking at it).
    std::vector<WatchedTask*> due;
    for (WatchedTask& w : s.tasks) {
        if (w.inFlight) continue;
        reschedule(s, w, now);
        if (w.refreshRequested || (w.nextPollAt != 0 && w.nextPollAt <= now)) {
            if (w.id == s.selectedId)
                due.insert(due.begin(), &w);
            else
                due.push_back(&w);
        }
    }

    // Batching goes here: when several tasks are due and the server supports list-by-condition, one
    // RequestKind::ListTasks request (build_list_request) can ask for them all; app_on_response already
    // understands ListTasks answers. Until then every task gets its own GET /mj/task/{id}/fetch.
    for (WatchedTask* w : due) {
        if (inFlight >= AppState::kMaxInFlight) break;
        OutgoingRequest r;
        r.id = s.nextRequestId++;
        r.http = build_fetch_request(s.config, w->id);

        PendingRequest p;
        p.id = r.id;
        p.kind = RequestKind::FetchTask;
        p.taskIds = {w->id};
        p.sentAt = now;
        s.pending.push_back(std::move(p));

        RequestLogEntry e;
        e.requestId = r.id;
        e.at = now;
        e.method = r.http.method;
        e.url = redact_url(r.http.url);
        push_log(s, std::move(e));

        w->inFlight = true;
        w->refreshRequested = false;
        w->lastAttemptAt = now;
        inFlight++;
        out.push_back(std::move(r));
    }
    if (!out.empty()) s.revision++;
    return out;
}

void app_on_response(AppState& s, uint64_t requestId, const HttpResponse& r, int64_t now)
{
    auto pit =
        std::find_if(s.pending.begin(), s.pending.end(), [&](const PendingRequest& p) { return p.id == requestId; });
    if (pit == s.pending.end()) return;
    const PendingRequest p = *pit;
    s.pending.erase(pit);

    const Lang lang = s.config.lang;
    std::string errorKind;
    if (p.kind == RequestKind::FetchTask) {
        TaskOutcome o = classify_task_response(r, lang);
        if (o.error) errorKind = o.error->kind;
        for (const std::string& id : p.taskIds)
            if (WatchedTask* w = find_task(s, id)) apply_outcome(s, *w, o.task, o.error, now);
    } else {
        TaskListOutcome o = classify_task_list_response(r, lang);
        if (o.error) errorKind = o.error->kind;
        for (const std::string& id : p.taskIds) {
            WatchedTask* w = find_task(s, id);
            if (!w) continue;
            if (o.error) {
                apply_outcome(s, *w, std::nullopt, o.error, now);
                continue;
            }
            const Task* found = nullptr;
            for (const Task& t : *o.tasks)
                if (t.id == id) found = &t;
            if (found) {
                apply_outcome(s, *w, *found, std::nullopt, now);
            } else {
                ApiError e;
                e.kind = "not_found";
                e.httpStatus = r.status;
                e.message = tr(lang, "Task not found: the server's list did not include it.");
                apply_outcome(s, *w, std::nullopt, e, now);
            }
        }
    }

    if (RequestLogEntry* e = find_log(s, requestId)) {
        e->status = r.status;
        e->latencyMs = std::max<int64_t>(0, now - p.sentAt);
        e->bytes = r.body.size();
        e->error = errorKind;
    }
    s.revision++;
}

int64_t app_next_wakeup(const AppState& s)
{
    int64_t best = 0;
    for (const WatchedTask& w : s.tasks) {
        if (w.inFlight) continue;
        if (w.nextPollAt != 0 && (best == 0 || w.nextPollAt < best)) best = w.nextPollAt;
    }
    return best;
}

json watched_task_json(const WatchedTask& w)
{
    json j = w.task ? task_to_json(*w.task) : task_to_json(Task{});
    j["id"] = w.id;
    if (!w.task) j["buttons"] = nullptr;
    if (w.lastError) {
        json e = json::object();
        e["kind"] = w.lastError->kind;
        e["message"] = w.lastError->message;
        e["httpStatus"] = w.lastError->httpStatus;
        e["detail"] = w.lastError->detail;
        e["retryAfterSeconds"] = w.lastError->retryAfterSeconds ? json(*w.lastError->retryAfterSeconds) : json(nullptr);
        j["lastError"] = std::move(e);
    } else {
        j["lastError"] = nullptr;
    }
    j["fetchedAt"] = nullable(w.fetchedAt);
    j["inFlight"] = w.inFlight;
    j["nextPollAt"] = nullable(w.nextPollAt);
    j["parentId"] = w.parentId.empty() ? json(nullptr) : json(w.parentId);
    return j;
}

json app_state_json(const AppState& s, bool ready, uint64_t framesRendered)
{
    json j = json::object();
    j["ready"] = ready;
    j["baseUrl"] = s.config.baseUrl;
    j["selectedId"] = s.selectedId.empty() ? json(nullptr) : json(s.selectedId);
    j["framesRendered"] = framesRendered;
    j["paused"] = s.paused;
    j["lang"] = lang_code(s.config.lang);
    j["theme"] = theme_code(s.config.theme);
    j["pollSeconds"] = s.config.pollSeconds;
    j["auth"] = auth_style_code(s.config.auth);
    json tasks = json::array();
    for (const WatchedTask& w : s.tasks) tasks.push_back(watched_task_json(w));
    j["tasks"] = std::move(tasks);
    json errors = json::array();
    for (const ErrorEntry& e : s.errors)
        errors.push_back(json{{"at", e.at},
                              {"kind", e.kind},
                              {"message", e.message},
                              {"taskId", e.taskId.empty() ? json(nullptr) : json(e.taskId)}});
    j["errors"] = std::move(errors);
    json log = json::array();
    for (const RequestLogEntry& e : s.log)
        log.push_back(json{{"method", e.method},
                           {"url", e.url},
                           {"status", e.status},
                           {"latencyMs", e.latencyMs < 0 ? json(nullptr) : json(e.latencyMs)},
                           {"bytes", e.bytes},
                           {"error", e.error.empty() ? json(nullptr) : json(e.error)}});
    j["log"] = std::move(log);
    return j;
}

} // namespace core
