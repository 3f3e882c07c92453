#include "poll_policy.h"

#include <algorithm>

namespace core {

int64_t next_poll_at(const PollInput& in, int64_t now)
{
    if (in.paused || in.pageHidden) return 0;
    if (in.hasData && in.terminal) return 0;
    if (in.consecutiveErrors >= kPollGiveUpAfterErrors) return 0;
    if (in.lastAttemptAt == 0 && in.consecutiveErrors == 0) return now; // never asked: due now

    const int64_t pollMs = int64_t(std::clamp(in.pollSeconds, 1, 3600)) * 1000;
    const int64_t base = in.lastAttemptAt != 0 ? in.lastAttemptAt : now;
    if (in.consecutiveErrors <= 0) return base + pollMs;

    // pollSeconds, 2x, 4x, ... up to 5 minutes (or pollSeconds itself when that is longer).
    const int64_t cap = std::max<int64_t>(kPollMaxBackoffMs, pollMs);
    int64_t wait = pollMs;
    for (int i = 1; i < in.consecutiveErrors && wait < cap; ++i) wait *= 2;
    wait = std::min(wait, cap);
    if (in.retryAfterSeconds && *in.retryAfterSeconds > 0) {
        const int64_t asked = int64_t(std::min(*in.retryAfterSeconds, kPollMaxRetryAfterSeconds)) * 1000;
        wait = std::max(wait, asked);
    }
    return base + wait;
}

} // namespace core
