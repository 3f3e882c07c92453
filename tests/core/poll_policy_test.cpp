#include "core/poll_policy.h"

#include <gtest/gtest.h>

using namespace core;

namespace {

// A fake clock: tests move time by hand.
struct FakeClock {
    int64_t now = 1'700'000'000'000;
    void advance(int64_t ms) { now += ms; }
};

} // namespace

TEST(PollPolicy, NeverFetchedIsDueNow)
{
    FakeClock clock;
    PollInput in;
    EXPECT_EQ(next_poll_at(in, clock.now), clock.now);
}

TEST(PollPolicy, PollsEveryPollSecondsAfterLastAttempt)
{
    FakeClock clock;
    PollInput in;
    in.hasData = true;
    in.pollSeconds = 3;
    in.lastAttemptAt = clock.now;
    clock.advance(1000);
    EXPECT_EQ(next_poll_at(in, clock.now), in.lastAttemptAt + 3000);
    in.pollSeconds = 0; // clamped to 1 s
    EXPECT_EQ(next_poll_at(in, clock.now), in.lastAttemptAt + 1000);
    in.pollSeconds = 99999; // clamped to an hour
    EXPECT_EQ(next_poll_at(in, clock.now), in.lastAttemptAt + 3600 * 1000);
}

TEST(PollPolicy, TerminalPausedHiddenDoNotPoll)
{
    FakeClock clock;
    PollInput in;
    in.hasData = true;
    in.lastAttemptAt = clock.now;
    in.terminal = true;
    EXPECT_EQ(next_poll_at(in, clock.now), 0);
    in.terminal = false;
    in.paused = true;
    EXPECT_EQ(next_poll_at(in, clock.now), 0);
    in.paused = false;
    in.pageHidden = true;
    EXPECT_EQ(next_poll_at(in, clock.now), 0);
    in.pageHidden = false;
    EXPECT_GT(next_poll_at(in, clock.now), clock.now);
}

TEST(PollPolicy, ErrorsBackOffExponentiallyToFiveMinutes)
{
    FakeClock clock;
    PollInput in;
    in.pollSeconds = 3;
    in.lastAttemptAt = clock.now;
    int64_t previous = 0;
    for (int errors = 1; errors <= 12; ++errors) {
        in.consecutiveErrors = errors;
        const int64_t wait = next_poll_at(in, clock.now) - in.lastAttemptAt;
        EXPECT_GE(wait, previous) << errors;
        EXPECT_LE(wait, kPollMaxBackoffMs) << errors;
        previous = wait;
    }
    in.consecutiveErrors = 1;
    EXPECT_EQ(next_poll_at(in, clock.now) - in.lastAttemptAt, 3000);
    in.consecutiveErrors = 2;
    EXPECT_EQ(next_poll_at(in, clock.now) - in.lastAttemptAt, 6000);
    in.consecutiveErrors = 3;
    EXPECT_EQ(next_poll_at(in, clock.now) - in.lastAttemptAt, 12000);
    in.consecutiveErrors = 20;
    EXPECT_EQ(next_poll_at(in, clock.now) - in.lastAttemptAt, kPollMaxBackoffMs);
    in.consecutiveErrors = kPollGiveUpAfterErrors;
    EXPECT_EQ(next_poll_at(in, clock.now), 0);
}

TEST(PollPolicy, RetryAfterIsHonouredWhenLonger)
{
    FakeClock clock;
    PollInput in;
    in.hasData = true;
    in.lastAttemptAt = clock.now;
    in.consecutiveErrors = 1;
    in.retryAfterSeconds = 60;
    EXPECT_EQ(next_poll_at(in, clock.now), in.lastAttemptAt + 60000);
    in.retryAfterSeconds = 1; // shorter than the back-off: the back-off wins
    EXPECT_EQ(next_poll_at(in, clock.now), in.lastAttemptAt + 3000);
    in.retryAfterSeconds = 1'000'000'000; // absurd values are clamped
    EXPECT_EQ(next_poll_at(in, clock.now), in.lastAttemptAt + int64_t(kPollMaxRetryAfterSeconds) * 1000);
}

TEST(PollPolicy, SimulatedLifecycleWithFakeClock)
{
    FakeClock clock;
    PollInput in;
    in.pollSeconds = 2;
    int polls = 0;
    // poll until "terminal" after 5 good answers, advancing the clock to each due time
    for (int step = 0; step < 100; ++step) {
        const int64_t due = next_poll_at(in, clock.now);
        if (due == 0) break;
        ASSERT_GE(due, clock.now - 2000);
        if (due > clock.now) clock.advance(due - clock.now);
        in.lastAttemptAt = clock.now;
        in.hasData = true;
        ++polls;
        in.terminal = polls >= 5;
    }
    EXPECT_EQ(polls, 5);
    EXPECT_EQ(clock.now, 1'700'000'000'000 + 4 * 2000);
}
