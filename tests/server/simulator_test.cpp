// Unit tests of the lifecycle (a pure function of time), option parsing and fault specs.
#include "server/faults.h"
#include "server/flavour.h"
#include "server/options.h"
#include "server/relay.h"
#include "server/simulator.h"

#include <gtest/gtest.h>

#include <set>

using namespace mjserver;

TEST(Lifecycle, StepsThroughQueueProgressAndSuccess)
{
    TaskRecord t;
    t.id = "1764900000000099";
    t.started = true;
    t.t0_mono = 0;
    t.t0_epoch = 1764900000000;
    t.queue_ms = 2000;
    t.run_ms = 7000;
    EXPECT_EQ(compute_snapshot(t, 100, 1.0).status, "NOT_START");
    EXPECT_EQ(compute_snapshot(t, 1000, 1.0).status, "SUBMITTED");
    std::set<int> seen;
    for (int64_t ms = 2000; ms < 9000; ms += 250) {
        Snapshot s = compute_snapshot(t, ms, 1.0);
        EXPECT_EQ(s.status, "IN_PROGRESS");
        EXPECT_EQ(s.start_epoch, 1764900002000);
        seen.insert(s.progress);
    }
    EXPECT_EQ(seen, (std::set<int>{0, 15, 31, 46, 62, 78, 93}));
    Snapshot done = compute_snapshot(t, 9000, 1.0);
    EXPECT_EQ(done.status, "SUCCESS");
    EXPECT_EQ(done.progress, 100);
    EXPECT_EQ(done.finish_epoch, 1764900009000);
    EXPECT_EQ(done.image_kind, "grid");
    // --speed 10: the same at a tenth of the time, and the timestamps follow real time
    Snapshot fast = compute_snapshot(t, 900, 10.0);
    EXPECT_EQ(fast.status, "SUCCESS");
    EXPECT_EQ(fast.finish_epoch, 1764900000900);
}

TEST(Lifecycle, FailuresCancelAndRelaySampling)
{
    TaskRecord t;
    t.started = true;
    t.queue_ms = 1000;
    t.run_ms = 10000;
    t.outcome = Outcome::FailTimeout;
    t.fail_at_ms = 6500;
    Snapshot s = compute_snapshot(t, 7000, 1.0);
    EXPECT_EQ(s.status, "FAILURE");
    EXPECT_EQ(s.fail_reason, "任务超时");
    EXPECT_TRUE(s.terminal);
    t.outcome = Outcome::FailBanned;
    EXPECT_NE(compute_snapshot(t, 7000, 1.0).fail_reason.find("Banned prompt"), std::string::npos);

    TaskRecord c;
    c.started = true;
    c.queue_ms = 1000;
    c.run_ms = 10000;
    c.cancelled = true;
    c.cancel_mono = 3000;
    EXPECT_EQ(compute_snapshot(c, 2000, 1.0).status, "IN_PROGRESS");
    EXPECT_EQ(compute_snapshot(c, 20000, 1.0).status, "CANCEL");

    TaskRecord r;
    r.started = true;
    r.queue_ms = 2000;
    r.run_ms = 30000;
    // a relay polling every 15 s still shows the start of the task after 14 s
    EXPECT_EQ(compute_snapshot(r, 14000, 1.0, 15000).status, "NOT_START");
    EXPECT_EQ(compute_snapshot(r, 16000, 1.0, 15000).status, "IN_PROGRESS");
}

TEST(Lifecycle, SimulatorWithManualClockStartsDemoTasksOnFirstFetch)
{
    auto clock = std::make_shared<ManualClock>();
    Options o;
    o.seeded = true;
    Simulator sim(o, clock);
    sim.add_demo_tasks();
    clock->advance(60000);
    TaskRecord t;
    Snapshot s;
    ASSERT_TRUE(sim.get("1764900000000001", t, s, Flavour::Dmxapi));
    EXPECT_EQ(s.status, "NOT_START"); // the clock started just now, not at creation
    clock->advance(100000);
    ASSERT_TRUE(sim.get("1764900000000001", t, s, Flavour::Dmxapi));
    EXPECT_EQ(s.status, "SUCCESS");
    EXPECT_EQ(buttons_for(t).size(), 9u);
}

TEST(Options, ParsesFlagsAndReadsTheKeyFromTheEnvironmentOnly)
{
    auto env = [](const char* n) -> const char* { return std::string(n) == "MJ_KEY" ? "sk-test-123456" : nullptr; };
    auto r = parse_options({"--port", "0", "--speed", "20", "--flavour", "java", "--auth", "bearer", "--key-env",
                            "MJ_KEY", "--no-cors", "--fault-rate", "429=0.05,500=0.02"},
                           env);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.options.port, 0);
    EXPECT_EQ(r.options.flavour, Flavour::Java);
    EXPECT_EQ(r.options.key, "sk-test-123456");
    EXPECT_FALSE(r.options.cors);
    ASSERT_EQ(r.options.fault_rates.size(), 2u);
    EXPECT_FALSE(parse_options({"--auth", "bearer"}, env).ok);
    EXPECT_FALSE(parse_options({"--auth", "bearer", "--key-env", "NOPE"}, env).ok);
    EXPECT_FALSE(parse_options({"--fault-rate", "teapot=0.5"}, env).ok);
    EXPECT_FALSE(parse_options({"--bogus"}, env).ok);
}

TEST(Faults, SpecsParseAndCombine)
{
    FaultSpec f;
    ASSERT_TRUE(parse_fault_spec("latency-150+truncated", f));
    EXPECT_EQ(f.latency_ms, 150);
    FaultKind k;
    ASSERT_TRUE(f.primary(k));
    EXPECT_EQ(k, FaultKind::Truncated);
    for (const char* s : {"429", "500", "502", "html200", "empty", "truncated", "malformed", "wrongtypes", "array",
                          "string", "null", "slow", "huge", "drop", "401", "notfound", "cors", "latency-0"})
        EXPECT_TRUE(parse_fault_spec(s, f)) << s;
    EXPECT_FALSE(parse_fault_spec("latency-x", f));
    EXPECT_FALSE(parse_fault_spec("", f));
    EXPECT_EQ(truncated_body("{\"a\":\"bcdef\"}").size(), 6u);
}

TEST(Relay, OnlyMjPathsAndTheKeyIsScrubbed)
{
    EXPECT_TRUE(relayable_path("/mj/task/1/fetch"));
    EXPECT_TRUE(relayable_path("/mj-fast/mj/submit/imagine"));
    EXPECT_FALSE(relayable_path("/admin"));
    EXPECT_FALSE(relayable_path("/mj/../etc/passwd"));
    EXPECT_FALSE(relayable_path("http://evil.example/mj/task/1/fetch"));
    EXPECT_EQ(scrub("a sk-secret b sk-secret", "sk-secret"), "a *** b ***");
    Upstream u;
    std::string err;
    EXPECT_TRUE(parse_upstream("https://www.dmxapi.cn/", u, err));
    EXPECT_EQ(u.scheme_host_port, "https://www.dmxapi.cn");
    EXPECT_FALSE(parse_upstream("https://user:pw@evil.example", u, err));
    EXPECT_FALSE(parse_upstream("ftp://x", u, err));
}
