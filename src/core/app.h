// The inspector's whole state and the events that change it. Platform code feeds events in (with the time);
// UI code reads the state and returns intents. Nothing here does I/O or reads a clock.
#pragma once

#include "request.h"
#include "response.h"
#include "task.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace core {

struct ErrorEntry {
    int64_t at = 0;      // ms epoch
    std::string kind;    // see response.h
    std::string message; // for people; never contains the key
    std::string taskId;  // "" when not about one task
};

struct RequestLogEntry {
    uint64_t requestId = 0;
    int64_t at = 0; // when sent
    std::string method;
    std::string url;        // redacted
    int status = 0;         // 0 = no answer (yet)
    int64_t latencyMs = -1; // -1 while in flight
    size_t bytes = 0;
    std::string error; // error kind, "" when fine
};

struct WatchedTask {
    std::string id;
    std::optional<Task> task;          // last good data; kept while errors come and go
    std::optional<ApiError> lastError; // cleared by the next good answer
    int64_t fetchedAt = 0;             // ms epoch of the last good answer
    int64_t lastAttemptAt = 0;
    int consecutiveErrors = 0;
    bool inFlight = false;
    int64_t nextPollAt = 0; // 0 = not scheduled
    std::string parentId;   // the task whose button created this one ("" for none)
    // The user asked for a fetch: due on the next take, even when paused or terminal.
    bool refreshRequested = false;
};

enum class RequestKind { FetchTask, ListTasks };

struct PendingRequest {
    uint64_t id = 0;
    RequestKind kind = RequestKind::FetchTask;
    std::vector<std::string> taskIds;
    int64_t sentAt = 0;
};

// A request the platform must send; `id` comes back with the answer.
struct OutgoingRequest {
    uint64_t id = 0;
    HttpRequest http;
};

struct AppState {
    Config config;
    std::vector<WatchedTask> tasks; // in the order they were added
    std::string selectedId;
    std::vector<ErrorEntry> errors;   // oldest first, at most kMaxErrors
    std::vector<RequestLogEntry> log; // oldest first, at most kMaxLog
    std::vector<PendingRequest> pending;
    uint64_t nextRequestId = 1;
    bool paused = false;
    bool pageHidden = false;
    uint64_t revision = 0;                   // bumped by every change; the platform redraws when it moves
    std::vector<std::string> changedTaskIds; // tasks whose data or error changed since the platform last took them
    size_t errorsReported = 0;               // how many of `errors` the platform has announced (events)

    static constexpr size_t kMaxErrors = 200;
    static constexpr size_t kMaxLog = 500;
    // At most this many requests in flight; further due tasks are sent by a later take.
    static constexpr size_t kMaxInFlight = 8;
};

WatchedTask* find_task(AppState& s, const std::string& id);
const WatchedTask* find_task(const AppState& s, const std::string& id);

// Adds errors for unusable ids (kind "bad_input"); watches the rest (once each) and selects the first.
// `raw` may hold many ids separated by commas, spaces, tabs or newlines (a pasted spreadsheet column).
void app_open(AppState& s, const std::string& raw, int64_t now);
void app_open_ids(AppState& s, const std::vector<std::string>& ids, int64_t now);
void app_select(AppState& s, const std::string& id);
void app_remove(AppState& s, const std::string& id);
void app_refresh_now(AppState& s, const std::string& id, int64_t now); // the user asked: fetch on the next take
void app_set_paused(AppState& s, bool paused, int64_t now);
void app_set_page_hidden(AppState& s, bool hidden, int64_t now);

// Replaces the configuration (the base URL is validated; a bad one becomes an error and is not applied).
void app_set_config(AppState& s, const Config& c, int64_t now);
// Applies TaskInspector.configure({...}) / postMessage configure: unknown keys and bad values become errors.
void app_configure_json(AppState& s, const nlohmann::json& patch, int64_t now);

void app_add_error(AppState& s, int64_t now, const std::string& kind, const std::string& message,
                   const std::string& taskId = "");

// Requests due at `now` (marks their tasks in flight and logs them). Call every frame / timer tick.
std::vector<OutgoingRequest> app_take_due_requests(AppState& s, int64_t now);
// The answer to request `requestId` (unknown ids are ignored: e.g. the task was removed meanwhile).
void app_on_response(AppState& s, uint64_t requestId, const HttpResponse& r, int64_t now);

// Earliest time a request will be due (ms epoch), 0 when nothing is scheduled: the platform sets a timer.
int64_t app_next_wakeup(const AppState& s);

// TaskInspector.state(): {ready, baseUrl, selectedId, framesRendered, paused, tasks:[...], errors:[...], log:[...]}.
nlohmann::json app_state_json(const AppState& s, bool ready, uint64_t framesRendered);
// One watched task as reported in state().tasks and the 'task' event.
nlohmann::json watched_task_json(const WatchedTask& w);

} // namespace core
