// When to ask the server about a task again: a pure function of time and past results (no clock inside).
#pragma once

#include <cstdint>
#include <optional>

namespace core {

struct PollInput {
    bool hasData = false;                 // a good answer was received at least once
    bool terminal = false;                // the last good answer had SUCCESS / FAILURE / CANCEL
    int consecutiveErrors = 0;            // failed attempts since the last good answer
    std::optional<int> retryAfterSeconds; // from the last error (429)
    int pollSeconds = 3;
    int64_t lastAttemptAt = 0; // ms epoch of the last request sent, 0 = never
    bool paused = false;       // the user paused live updates
    bool pageHidden = false;   // the browser tab is hidden
};

// Milliseconds epoch at which to poll next; 0 means "do not poll" (terminal, paused, hidden, or gave up).
// A task never fetched is due immediately (returns `now`). Errors back off exponentially from pollSeconds up
// to 5 minutes; a Retry-After longer than that wait is honoured.
int64_t next_poll_at(const PollInput& in, int64_t now);

constexpr int64_t kPollMaxBackoffMs = 5 * 60 * 1000; // the error back-off stops growing here
constexpr int kPollMaxRetryAfterSeconds = 3600;      // a longer Retry-After is clamped to an hour
constexpr int kPollGiveUpAfterErrors = 30;           // then next_poll_at returns 0 (the user can refresh)

} // namespace core
