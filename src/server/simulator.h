// The simulated task store: tasks, their lifecycle as a pure function of elapsed time, submissions,
// actions, modals and cancels. Thread-safe (one mutex); time comes from an injected clock.
#pragma once

#include "server/options.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace mjserver {

struct Clock {
    virtual ~Clock() = default;
    virtual int64_t mono_ms() = 0;  // monotonic, for the lifecycle
    virtual int64_t epoch_ms() = 0; // wall clock, for submitTime & co.
};
std::shared_ptr<Clock> system_clock();

// A clock tests move by hand.
struct ManualClock : Clock {
    int64_t mono = 1000000, epoch = 1764900000000;
    int64_t mono_ms() override { return mono; }
    int64_t epoch_ms() override { return epoch + (mono - 1000000); }
    void advance(int64_t ms) { mono += ms; }
};

enum class Outcome { Success, FailBanned, FailTimeout, FailInvalid };

struct TaskRecord {
    std::string id;
    std::string action = "IMAGINE";
    std::string prompt, prompt_en, description, state, final_prompt;
    std::string mode = "FAST";
    std::string bot_type = "MID_JOURNEY";
    std::string parent_id;
    int index = 0;     // quadrant an upscale/variation came from (1..4)
    std::string hash;  // messageHash (uuid-like)
    uint64_t look = 0; // colours of the rendered images
    Outcome outcome = Outcome::Success;
    int64_t queue_ms = 3000; // simulated ms in NOT_START+SUBMITTED
    int64_t run_ms = 30000;  // simulated ms in IN_PROGRESS
    int64_t fail_at_ms = 0;  // simulated ms after t0 at which a failing task fails
    bool preview = false;    // IN_PROGRESS carries a preview image from 31 %
    bool started = false;    // lifecycle clock running (demo tasks start at their first fetch)
    int64_t t0_mono = 0, t0_epoch = 0;
    bool modal = false; // waiting for /mj/submit/modal
    bool cancelled = false;
    int64_t cancel_mono = 0;
    Flavour created_as = Flavour::Dmxapi;
    std::vector<std::string> descriptions; // DESCRIBE results
    std::string seed_value;
    // fixtures: served exactly as loaded
    bool frozen = false;
    nlohmann::ordered_json raw;
};

struct Snapshot {
    std::string status; // NOT_START SUBMITTED MODAL IN_PROGRESS SUCCESS FAILURE CANCEL
    int progress = 0;
    int64_t submit_epoch = 0, start_epoch = 0, finish_epoch = 0;
    bool terminal = false;
    std::string fail_reason;
    std::string image_kind; // "", "grid", "upscale", "preview"
};

extern const int kProgressSteps[7]; // 0 15 31 46 62 78 93

// Pure: the state of a task at monotonic time now, lifecycle sped up by speed.
// quantum_sim_ms > 0 samples time like a relay polling its upstream (progress jumps).
Snapshot compute_snapshot(const TaskRecord& t, int64_t now_mono, double speed, int64_t quantum_sim_ms = 0);

struct SubmitResult {
    int http_status = 200;
    int code = 1;
    std::string description;
    std::string result; // task id or ""
    nlohmann::ordered_json properties = nullptr;
};

class Simulator {
public:
    Simulator(const Options& opts, std::shared_ptr<Clock> clock);

    void add_demo_tasks();
    // Loads *.json fixtures; returns how many tasks were loaded; errors go to err (per file).
    int load_fixtures(const std::string& dir, std::string& err);

    // Looks a task up and (demo tasks) starts its clock. False if unknown.
    bool get(const std::string& id, TaskRecord& out, Snapshot& snap, Flavour as);
    std::vector<std::pair<TaskRecord, Snapshot>> get_many(const std::vector<std::string>& ids, Flavour as);
    std::vector<std::pair<TaskRecord, Snapshot>> list_all(Flavour as, size_t limit);

    SubmitResult submit(const std::string& action, const std::string& prompt, const std::string& state,
                        const std::string& mode, Flavour as);
    SubmitResult action(const std::string& task_id, const std::string& custom_id, const std::string& mode, bool remix,
                        Flavour as);
    SubmitResult modal(const std::string& task_id, const std::string& prompt);
    SubmitResult cancel(const std::string& task_id);
    SubmitResult image_seed(const std::string& task_id);

    double speed() const { return speed_; }
    Clock& clock() { return *clock_; }
    size_t size();

private:
    std::string new_id(Flavour as);
    std::string new_hash();
    int active_count(int64_t now);
    Snapshot snap_locked(const TaskRecord& t, int64_t now, Flavour as) const;
    TaskRecord make_task(const std::string& action, const std::string& prompt, Flavour as);
    SubmitResult admit_locked(TaskRecord t, int active);

    Options opts_;
    std::shared_ptr<Clock> clock_;
    double speed_;
    std::mutex mu_;
    std::mt19937_64 rng_;
    uint64_t counter_ = 0;
    std::map<std::string, TaskRecord> tasks_;
};

// Buttons a successful task of this action offers (empty for others).
nlohmann::ordered_json buttons_for(const TaskRecord& t);

} // namespace mjserver
