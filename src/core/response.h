// Turns an HTTP answer (or its absence) into a task, a task list, or a user-readable error.
#pragma once

#include "i18n.h"
#include "task.h"

#include <optional>
#include <string>
#include <vector>

namespace core {

// What the platform layer hands back for one request; status 0 means no HTTP answer at all.
struct HttpResponse {
    int status = 0;
    std::string body;
    std::string contentType;              // lower-cased, parameters kept ("application/json; charset=utf-8")
    std::optional<int> retryAfterSeconds; // from a Retry-After header
    bool timedOut = false;                // the platform gave up waiting
};

// Error kinds, stable strings: they appear in state().errors[].kind and tests rely on them.
//   "network"       no answer (connection refused, CORS refusal, DNS) - status 0
//   "timeout"       no answer in time
//   "auth"          HTTP 401/403
//   "not_found"     HTTP 404, or a relay's task_no_found envelope
//   "rate_limited"  HTTP 429
//   "server"        HTTP 5xx with a JSON or empty body
//   "http"          any other non-2xx status
//   "html"          an HTML page where JSON was expected (any status)
//   "empty"         2xx with an empty body
//   "malformed_json" the body is not JSON
//   "truncated_json" the body is JSON cut off before its end
//   "wrong_shape"   valid JSON of the wrong shape (array/string/null/number where an object was expected, ...)
//   "bad_input"     something the user, URL or embedding page gave us was unusable
struct ApiError {
    std::string kind;
    std::string message; // for people, in the UI language; never contains the API key
    int httpStatus = 0;  // 0 when there was no HTTP answer
    std::string detail;  // extra text for the UI: server's own message, parser position, body excerpt
    std::optional<int> retryAfterSeconds;
};

struct TaskOutcome {
    std::optional<Task> task; // set on success
    std::optional<ApiError> error;
};

struct TaskListOutcome {
    std::optional<std::vector<Task>> tasks;
    std::optional<ApiError> error;
};

// GET /mj/task/{id}/fetch
TaskOutcome classify_task_response(const HttpResponse& r, Lang lang);
// POST /mj/task/list-by-condition (an array of tasks; non-object elements are skipped)
TaskListOutcome classify_task_list_response(const HttpResponse& r, Lang lang);

} // namespace core
