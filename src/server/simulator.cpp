#include "server/simulator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <sstream>

namespace mjserver {

const int kProgressSteps[7] = {0, 15, 31, 46, 62, 78, 93};

namespace {

struct SystemClock : Clock {
    int64_t mono_ms() override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
    int64_t epoch_ms() override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
};

const char* kBannedReason =
    "[Banned prompt detected] Sorry! Our AI moderator thinks this prompt is probably against our community standards.";
const char* kTimeoutReason = "任务超时";
const char* kInvalidReason = "[Invalid parameter] Invalid value";
const char* kInstance = "1446000000000000000";

bool contains(const std::string& hay, const std::string& needle)
{
    return hay.find(needle) != std::string::npos;
}

std::string lower(std::string s)
{
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool is_grid_action(const std::string& a)
{
    return a == "IMAGINE" || a == "VARIATION" || a == "REROLL" || a == "BLEND" || a == "PAN" || a == "ZOOM" ||
           a == "LOW_VARIATION" || a == "HIGH_VARIATION" || a == "INPAINT" || a == "CUSTOM_ZOOM";
}

std::vector<std::string> split_by(const std::string& s, const std::string& sep)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t p = s.find(sep, start);
        out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
        if (p == std::string::npos) break;
        start = p + sep.size();
    }
    return out;
}

nlohmann::ordered_json button(const std::string& id, const std::string& emoji, const std::string& label)
{
    nlohmann::ordered_json b;
    b["customId"] = id;
    b["emoji"] = emoji;
    b["label"] = label;
    b["type"] = 2;
    b["style"] = 2;
    return b;
}

} // namespace

std::shared_ptr<Clock> system_clock()
{
    return std::make_shared<SystemClock>();
}

Snapshot compute_snapshot(const TaskRecord& t, int64_t now_mono, double speed, int64_t quantum_sim_ms)
{
    Snapshot s;
    if (!t.started) {
        s.status = "NOT_START";
        return s;
    }
    s.submit_epoch = t.t0_epoch;
    if (t.modal) {
        s.status = "MODAL";
        return s;
    }
    auto sim_of = [&](int64_t mono) {
        double sim = static_cast<double>(mono - t.t0_mono) * speed;
        if (quantum_sim_ms > 0) sim = std::floor(sim / static_cast<double>(quantum_sim_ms)) * quantum_sim_ms;
        return std::max(0.0, sim);
    };
    auto epoch_at = [&](double sim_ms) { return t.t0_epoch + static_cast<int64_t>(std::llround(sim_ms / speed)); };
    const double queue = static_cast<double>(t.queue_ms);
    const double run = static_cast<double>(std::max<int64_t>(1, t.run_ms));
    auto running_state = [&](double sim, Snapshot& out) {
        if (sim < std::min(300.0, queue)) {
            out.status = "NOT_START";
        } else if (sim < queue) {
            out.status = "SUBMITTED";
        } else {
            out.status = "IN_PROGRESS";
            int step = std::min(6, static_cast<int>((sim - queue) * 7.0 / run));
            out.progress = kProgressSteps[step];
            out.start_epoch = epoch_at(queue);
            if (t.preview && out.progress >= 31) out.image_kind = "preview";
        }
    };
    const double end = t.outcome == Outcome::Success ? queue + run : static_cast<double>(t.fail_at_ms);
    double sim = sim_of(now_mono);
    if (t.cancelled && now_mono >= t.cancel_mono) {
        double at = sim_of(t.cancel_mono);
        if (at < end) {
            running_state(at, s);
            s.status = "CANCEL";
            s.terminal = true;
            s.finish_epoch = t.t0_epoch + (t.cancel_mono - t.t0_mono);
            s.image_kind.clear();
            return s;
        }
    }
    if (sim < end) {
        running_state(sim, s);
        return s;
    }
    s.terminal = true;
    if (t.outcome == Outcome::Success) {
        s.status = "SUCCESS";
        s.progress = 100;
        s.start_epoch = epoch_at(queue);
        s.finish_epoch = epoch_at(queue + run);
        s.image_kind = is_grid_action(t.action) ? "grid" : "upscale";
        return s;
    }
    running_state(end, s);
    s.status = "FAILURE";
    s.image_kind.clear();
    s.start_epoch = epoch_at(std::min(queue, end));
    s.finish_epoch = epoch_at(end);
    s.fail_reason = t.outcome == Outcome::FailBanned    ? kBannedReason
                    : t.outcome == Outcome::FailTimeout ? kTimeoutReason
                                                        : kInvalidReason;
    return s;
}

nlohmann::ordered_json buttons_for(const TaskRecord& t)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    const std::string& h = t.hash;
    const std::string& a = t.action;
    if (a == "DESCRIBE") {
        for (int i = 1; i <= 4; ++i)
            out.push_back(button("MJ::Job::PicReader::" + std::to_string(i), "", std::to_string(i)));
        out.push_back(button("MJ::Picread::Retry", "🔄", ""));
        out.push_back(button("MJ::Job::PicReader::all", "🎉", "Imagine all"));
    } else if (a.rfind("UPSCALE", 0) == 0) {
        const std::string solo = "::1::" + h + "::SOLO";
        out.push_back(button("MJ::JOB::upsample_v6_2x_subtle" + solo, "upscale_1", "Upscale (Subtle)"));
        out.push_back(button("MJ::JOB::upsample_v6_2x_creative" + solo, "upscale_1", "Upscale (Creative)"));
        out.push_back(button("MJ::JOB::low_variation" + solo, "🪄", "Vary (Subtle)"));
        out.push_back(button("MJ::JOB::high_variation" + solo, "🪄", "Vary (Strong)"));
        out.push_back(button("MJ::Inpaint::1::" + h + "::SOLO", "🖌️", "Vary (Region)"));
        out.push_back(button("MJ::Outpaint::50::1::" + h + "::SOLO", "🔍", "Zoom Out 2x"));
        out.push_back(button("MJ::Outpaint::75::1::" + h + "::SOLO", "🔍", "Zoom Out 1.5x"));
        out.push_back(button("MJ::CustomZoom::" + h, "🔍", "Custom Zoom"));
        out.push_back(button("MJ::JOB::pan_left" + solo, "⬅️", ""));
        out.push_back(button("MJ::JOB::pan_right" + solo, "➡️", ""));
        out.push_back(button("MJ::JOB::pan_up" + solo, "⬆️", ""));
        out.push_back(button("MJ::JOB::pan_down" + solo, "⬇️", ""));
        out.push_back(button("MJ::JOB::animate_high" + solo, "🎞️", "Animate (High motion)"));
        out.push_back(button("MJ::JOB::animate_low" + solo, "🎞️", "Animate (Low motion)"));
    } else if (is_grid_action(a)) {
        for (int i = 1; i <= 4; ++i)
            out.push_back(button("MJ::JOB::upsample::" + std::to_string(i) + "::" + h, "", "U" + std::to_string(i)));
        out.push_back(button("MJ::JOB::reroll::0::" + h + "::SOLO", "🔄", ""));
        for (int i = 1; i <= 4; ++i)
            out.push_back(button("MJ::JOB::variation::" + std::to_string(i) + "::" + h, "", "V" + std::to_string(i)));
    }
    return out;
}

Simulator::Simulator(const Options& opts, std::shared_ptr<Clock> clock)
    : opts_(opts), clock_(clock ? std::move(clock) : system_clock()), speed_(opts.speed),
      rng_(opts.seeded ? opts.seed : std::random_device{}())
{
}

size_t Simulator::size()
{
    std::lock_guard<std::mutex> lock(mu_);
    return tasks_.size();
}

std::string Simulator::new_id(Flavour as)
{
    for (;;) {
        ++counter_;
        uint64_t n;
        if (as == Flavour::Csharp) {
            // snowflake-like, above 2^53
            n = 1446000000000000000ULL +
                (opts_.seeded ? (opts_.seed % 1000) * 1000000000ULL + counter_
                              : static_cast<uint64_t>(clock_->epoch_ms() % 1000000000) * 1000 + counter_ % 1000);
        } else if (opts_.seeded) {
            n = 1765000000000000ULL + (opts_.seed % 1000) * 1000000ULL + counter_;
        } else {
            n = static_cast<uint64_t>(clock_->epoch_ms()) * 1000 + counter_ % 1000;
        }
        std::string id = std::to_string(n);
        if (!tasks_.count(id)) return id;
    }
}

std::string Simulator::new_hash()
{
    static const char* hex = "0123456789abcdef";
    std::string h;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) h += '-';
        h += hex[rng_() & 15];
    }
    return h;
}

Snapshot Simulator::snap_locked(const TaskRecord& t, int64_t now, Flavour as) const
{
    return compute_snapshot(t, now, speed_, as == Flavour::Relay ? 15000 : 0);
}

int Simulator::active_count(int64_t now)
{
    int n = 0;
    for (const auto& kv : tasks_) {
        const TaskRecord& t = kv.second;
        if (t.frozen || !t.started || t.modal) continue;
        if (!compute_snapshot(t, now, speed_).terminal) ++n;
    }
    return n;
}

TaskRecord Simulator::make_task(const std::string& action, const std::string& prompt, Flavour as)
{
    TaskRecord t;
    t.id = new_id(as);
    t.action = action;
    t.prompt = prompt;
    t.prompt_en = prompt;
    t.final_prompt = prompt;
    t.hash = new_hash();
    t.look = rng_();
    t.created_as = as;
    auto uni = [&](int64_t lo, int64_t hi) {
        return lo + static_cast<int64_t>(rng_() % static_cast<uint64_t>(hi - lo));
    };
    if (action.rfind("UPSCALE", 0) == 0) {
        t.queue_ms = uni(1000, 3000);
        t.run_ms = uni(6000, 12000);
    } else if (action == "DESCRIBE") {
        t.queue_ms = uni(1000, 2000);
        t.run_ms = uni(4000, 8000);
    } else if (action == "VIDEO") {
        t.queue_ms = uni(2000, 6000);
        t.run_ms = uni(60000, 90000);
    } else {
        t.queue_ms = uni(2000, 6000);
        t.run_ms = uni(30000, 50000);
        t.preview = (rng_() & 1) != 0;
    }
    std::string lp = lower(prompt);
    if (contains(lp, "timeout") || contains(prompt, "超时")) {
        t.outcome = Outcome::FailTimeout;
    } else if (contains(lp, "--invalid") || contains(lp, "--ar 0:0") || contains(lp, "--v 99")) {
        t.outcome = Outcome::FailInvalid;
    } else if (contains(lp, "fail-banned") || contains(lp, "moderation") || contains(prompt, "血腥")) {
        t.outcome = Outcome::FailBanned;
    } else if (opts_.task_failure_rate > 0 &&
               std::uniform_real_distribution<double>(0, 1)(rng_) < opts_.task_failure_rate) {
        t.outcome = static_cast<Outcome>(1 + rng_() % 3);
    }
    switch (t.outcome) {
    case Outcome::FailTimeout:
        t.fail_at_ms = t.queue_ms + t.run_ms * 55 / 100;
        break;
    case Outcome::FailInvalid:
        t.fail_at_ms = std::min<int64_t>(t.queue_ms, 800);
        break;
    case Outcome::FailBanned:
        t.fail_at_ms = t.queue_ms + 1500;
        break;
    case Outcome::Success:
        break;
    }
    char seed[16];
    std::snprintf(seed, sizeof seed, "%u", static_cast<unsigned>(rng_() % 4294967295ULL));
    t.seed_value = seed;
    t.started = true;
    t.t0_mono = clock_->mono_ms();
    t.t0_epoch = clock_->epoch_ms();
    if (action == "DESCRIBE") {
        t.descriptions = {
            "1️⃣ 一只橘猫坐在霓虹灯下的雨夜街道上，赛博朋克风格，电影感光影 --ar 16:9",
            "2️⃣ An orange tabby cat in a neon-lit alley at night, rain reflections, cyberpunk, cinematic --ar "
            "16:9",
            "3️⃣ A cat wearing a tiny raincoat, futuristic city background, digital painting --ar 16:9",
            "4️⃣ 雨中的城市与猫，蓝紫色调，高细节插画 --ar 16:9",
        };
    }
    return t;
}

void Simulator::add_demo_tasks()
{
    std::lock_guard<std::mutex> lock(mu_);
    auto base = [&](const std::string& id, const std::string& action) {
        TaskRecord t;
        t.id = id;
        t.action = action;
        t.look = std::hash<std::string>{}(id);
        t.hash = "6dc7beb8-8310-4fd4-b46c-" + id.substr(id.size() - 12);
        t.started = false;
        t.state = "demo";
        char seed[16];
        std::snprintf(seed, sizeof seed, "%u", static_cast<unsigned>(t.look % 4294967295ULL));
        t.seed_value = seed;
        return t;
    };
    const std::string cat = "一只在雨中的橘猫，赛博朋克风格 --ar 16:9 --v 6.1";
    const std::string cat_en = "An orange cat in the rain, cyberpunk style --ar 16:9 --v 6.1";
    {
        TaskRecord t = base("1764900000000001", "IMAGINE");
        t.prompt = cat;
        t.prompt_en = cat_en;
        t.final_prompt = cat_en + " --fast";
        t.description = "/imagine " + cat;
        t.queue_ms = 4000;
        t.run_ms = 40000;
        t.preview = true;
        tasks_[t.id] = t;
    }
    {
        TaskRecord t = base("1764900000000002", "IMAGINE");
        t.prompt = "血腥的战争场面，写实风格 --v 6.1";
        t.prompt_en = "A bloody war scene, photorealistic --v 6.1";
        t.final_prompt = t.prompt_en;
        t.description = "/imagine " + t.prompt;
        t.queue_ms = 2500;
        t.run_ms = 40000;
        t.outcome = Outcome::FailBanned;
        t.fail_at_ms = 4000;
        tasks_[t.id] = t;
    }
    {
        TaskRecord t = base("1764900000000003", "UPSCALE");
        t.prompt = cat;
        t.prompt_en = cat_en;
        t.final_prompt = cat_en + " --fast";
        t.description = "/up 1764900000000001 U2";
        t.parent_id = "1764900000000001";
        t.index = 2;
        t.look = std::hash<std::string>{}(t.parent_id);
        t.queue_ms = 1500;
        t.run_ms = 9000;
        tasks_[t.id] = t;
    }
    {
        TaskRecord t = base("1764900000000004", "DESCRIBE");
        t.description = "/describe 1764900000000004.png";
        t.queue_ms = 1000;
        t.run_ms = 6000;
        t.descriptions = {
            "1️⃣ 一只橘猫坐在霓虹灯下的雨夜街道上，赛博朋克风格，电影感光影 --ar 16:9",
            "2️⃣ An orange tabby cat in a neon-lit alley at night, rain reflections, cyberpunk, cinematic --ar "
            "16:9",
            "3️⃣ A cat wearing a tiny raincoat, futuristic city background, digital painting --ar 16:9",
            "4️⃣ 雨中的城市与猫，蓝紫色调，高细节插画 --ar 16:9",
        };
        tasks_[t.id] = t;
    }
}

int Simulator::load_fixtures(const std::string& dir, std::string& err)
{
    DIR* d = opendir(dir.c_str());
    if (!d) {
        err = "cannot open fixtures directory " + dir;
        return 0;
    }
    std::vector<std::string> files;
    while (dirent* e = readdir(d)) {
        std::string name = e->d_name;
        if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) files.push_back(name);
    }
    closedir(d);
    std::sort(files.begin(), files.end());
    int loaded = 0;
    std::lock_guard<std::mutex> lock(mu_);
    auto add = [&](const nlohmann::ordered_json& j) {
        if (!j.is_object() || !j.contains("id")) return;
        const auto& id = j["id"];
        std::string sid = id.is_string() ? id.get<std::string>() : id.is_number_integer() ? id.dump() : "";
        if (sid.empty() || tasks_.count(sid)) return;
        TaskRecord t;
        t.id = sid;
        t.frozen = true;
        t.started = true;
        t.raw = j;
        if (j.contains("action") && j["action"].is_string()) t.action = j["action"].get<std::string>();
        tasks_[sid] = std::move(t);
        ++loaded;
    };
    for (const auto& f : files) {
        std::ifstream in(dir + "/" + f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        auto j = nlohmann::ordered_json::parse(ss.str(), nullptr, false);
        if (j.is_discarded()) continue;
        if (j.is_array())
            for (const auto& e : j) add(e);
        else
            add(j);
    }
    return loaded;
}

bool Simulator::get(const std::string& id, TaskRecord& out, Snapshot& snap, Flavour as)
{
    std::lock_guard<std::mutex> lock(mu_);
    auto it = tasks_.find(id);
    if (it == tasks_.end()) return false;
    int64_t now = clock_->mono_ms();
    TaskRecord& t = it->second;
    if (!t.started) {
        t.started = true;
        t.t0_mono = now;
        t.t0_epoch = clock_->epoch_ms();
    }
    out = t;
    snap = t.frozen ? Snapshot{} : snap_locked(t, now, as);
    return true;
}

std::vector<std::pair<TaskRecord, Snapshot>> Simulator::get_many(const std::vector<std::string>& ids, Flavour as)
{
    std::vector<std::pair<TaskRecord, Snapshot>> out;
    for (const auto& id : ids) {
        TaskRecord t;
        Snapshot s;
        if (get(id, t, s, as)) out.emplace_back(std::move(t), s);
    }
    return out;
}

std::vector<std::pair<TaskRecord, Snapshot>> Simulator::list_all(Flavour as, size_t limit)
{
    std::lock_guard<std::mutex> lock(mu_);
    int64_t now = clock_->mono_ms();
    std::vector<std::pair<TaskRecord, Snapshot>> out;
    for (auto it = tasks_.rbegin(); it != tasks_.rend() && out.size() < limit; ++it)
        out.emplace_back(it->second, it->second.frozen ? Snapshot{} : snap_locked(it->second, now, as));
    return out;
}

namespace {

SubmitResult result(int code, const std::string& desc, const std::string& id = "")
{
    SubmitResult r;
    r.code = code;
    r.description = desc;
    r.result = id;
    return r;
}

} // namespace

SubmitResult Simulator::submit(const std::string& action, const std::string& prompt, const std::string& state,
                               const std::string& mode, Flavour as)
{
    std::lock_guard<std::mutex> lock(mu_);
    if (action == "IMAGINE" && prompt.empty()) return result(4, "prompt不能为空");
    for (const auto& w : opts_.banned_words) {
        if (!w.empty() && contains(lower(prompt), lower(w))) {
            SubmitResult r = result(24, "可能包含敏感词");
            r.properties = {{"promptEn", prompt}, {"bannedWord", w}};
            return r;
        }
    }
    int64_t now = clock_->mono_ms();
    int active = active_count(now);
    if (active >= opts_.queue_size) return result(23, "队列已满，请稍后尝试");
    TaskRecord t = make_task(action, prompt, as);
    t.state = state;
    if (!mode.empty()) t.mode = mode;
    if (action == "IMAGINE")
        t.description = "/imagine " + prompt;
    else if (action == "DESCRIBE")
        t.description = "/describe " + t.id + ".png";
    else if (action == "BLEND")
        t.description = "/blend " + t.id;
    if (action != "IMAGINE") t.final_prompt = t.prompt;
    return admit_locked(std::move(t), active);
}

SubmitResult Simulator::action(const std::string& task_id, const std::string& custom_id, const std::string& mode,
                               bool remix, Flavour as)
{
    std::lock_guard<std::mutex> lock(mu_);
    auto it = tasks_.find(task_id);
    if (it == tasks_.end()) return result(3, "关联任务不存在或已失效");
    const TaskRecord parent = it->second;
    int64_t now = clock_->mono_ms();
    std::string parent_prompt = parent.prompt;
    bool offered = false;
    if (parent.frozen) {
        const auto& raw = parent.raw;
        if (raw.contains("prompt") && raw["prompt"].is_string()) parent_prompt = raw["prompt"].get<std::string>();
        bool ok = raw.contains("status") && raw["status"] == "SUCCESS";
        if (!ok) return result(4, "关联任务状态错误");
        if (raw.contains("buttons") && raw["buttons"].is_array())
            for (const auto& b : raw["buttons"])
                if (b.is_object() && b.contains("customId") && b["customId"] == custom_id) offered = true;
    } else {
        if (compute_snapshot(parent, now, speed_).status != "SUCCESS") return result(4, "关联任务状态错误");
        for (const auto& b : buttons_for(parent))
            if (b["customId"] == custom_id) offered = true;
    }
    if (!offered) return result(4, "customId无效: 该任务没有这个按钮");

    auto parts = split_by(custom_id, "::");
    std::string action = "IMAGINE";
    std::string desc;
    int index = 0;
    bool needs_modal = false;
    std::string kind = parts.size() > 2 ? parts[2] : "";
    if (parts.size() > 1 && parts[1] == "JOB") {
        if (parts.size() > 3) index = std::atoi(parts[3].c_str());
        if (kind == "upsample")
            action = "UPSCALE", desc = "/up " + task_id + " U" + parts[3];
        else if (kind == "variation")
            action = "VARIATION", desc = "/variation " + task_id + " V" + parts[3];
        else if (kind == "reroll")
            action = "REROLL", desc = "/reroll " + task_id;
        else if (kind.rfind("upsample_", 0) == 0)
            action = "UPSCALE", desc = "/" + kind + " " + task_id;
        else if (kind == "low_variation")
            action = "LOW_VARIATION", desc = "/vary subtle " + task_id;
        else if (kind == "high_variation")
            action = "HIGH_VARIATION", desc = "/vary strong " + task_id;
        else if (kind.rfind("pan_", 0) == 0)
            action = "PAN", desc = "/" + kind + " " + task_id;
        else if (kind.rfind("animate_", 0) == 0)
            action = "VIDEO", desc = "/" + kind + " " + task_id;
        else
            return result(4, "customId无效");
        if (remix && (action == "VARIATION" || action == "REROLL" || action == "PAN" || action == "LOW_VARIATION" ||
                      action == "HIGH_VARIATION"))
            needs_modal = true;
    } else if (parts.size() > 1 && parts[1] == "Outpaint") {
        action = "ZOOM";
        desc = "/zoom " + task_id;
    } else if (parts.size() > 1 && parts[1] == "CustomZoom") {
        action = "CUSTOM_ZOOM";
        desc = "/zoom custom " + task_id;
        needs_modal = true;
    } else if (parts.size() > 1 && parts[1] == "Inpaint") {
        action = "INPAINT";
        desc = "/vary region " + task_id;
        needs_modal = true;
    } else if (parts.size() > 2 && parts[1] == "Job" && parts[2] == "PicReader") {
        action = "IMAGINE";
        std::string which = parts.size() > 3 ? parts[3] : "1";
        int n = which == "all" ? 1 : std::max(1, std::min(4, std::atoi(which.c_str())));
        if (n - 1 < static_cast<int>(parent.descriptions.size())) {
            parent_prompt = parent.descriptions[static_cast<size_t>(n - 1)];
            // drop the "1️⃣ " marker
            size_t sp = parent_prompt.find(' ');
            if (sp != std::string::npos && sp < 10) parent_prompt = parent_prompt.substr(sp + 1);
        }
        desc = "/imagine " + parent_prompt;
    } else if (parts.size() > 1 && parts[1] == "Picread") {
        action = "DESCRIBE";
        desc = "/describe " + task_id;
    } else {
        return result(4, "customId无效");
    }

    int active = active_count(now);
    if (!needs_modal && active >= opts_.queue_size) return result(23, "队列已满，请稍后尝试");
    TaskRecord t = make_task(action, parent_prompt, as);
    t.parent_id = task_id;
    t.index = index;
    t.description = desc;
    t.look = parent.frozen ? std::hash<std::string>{}(task_id) : parent.look;
    if (action == "VARIATION" || action == "REROLL" || action == "PAN" || action == "ZOOM")
        t.look ^= t.hash.size() * 7919 + rng_();
    if (!mode.empty()) t.mode = mode;
    if (needs_modal) {
        t.modal = true;
        SubmitResult r = result(21, "窗口等待", t.id);
        r.properties = {{"finalPrompt", parent_prompt}, {"remix", remix}};
        tasks_[t.id] = std::move(t);
        return r;
    }
    return admit_locked(std::move(t), active);
}

// Stores a new task: code 22 with its place in the queue when the simulated workers are busy (the wait grows with
// it), else code 1.
SubmitResult Simulator::admit_locked(TaskRecord t, int active)
{
    SubmitResult r;
    if (active >= opts_.queue_concurrency) {
        int ahead = active - opts_.queue_concurrency + 1;
        t.queue_ms += ahead * t.run_ms / 2;
        if (t.outcome != Outcome::Success) t.fail_at_ms += ahead * t.run_ms / 2;
        r = result(22, "排队中，前面还有" + std::to_string(ahead) + "个任务", t.id);
        r.properties = {{"numberOfQueues", ahead}, {"discordInstanceId", kInstance}};
    } else {
        r = result(1, "提交成功", t.id);
        r.properties = {{"discordInstanceId", kInstance}, {"discordChannelId", kInstance}};
    }
    tasks_[t.id] = std::move(t);
    return r;
}

SubmitResult Simulator::modal(const std::string& task_id, const std::string& prompt)
{
    std::lock_guard<std::mutex> lock(mu_);
    auto it = tasks_.find(task_id);
    if (it == tasks_.end()) return result(3, "任务不存在");
    TaskRecord& t = it->second;
    if (!t.modal) return result(4, "任务不在等待窗口状态");
    t.modal = false;
    t.t0_mono = clock_->mono_ms();
    t.t0_epoch = clock_->epoch_ms();
    if (!prompt.empty()) {
        t.prompt = prompt;
        t.prompt_en = prompt;
        t.final_prompt = prompt;
    }
    SubmitResult r = result(1, "提交成功", t.id);
    r.properties = {{"discordInstanceId", kInstance}};
    return r;
}

SubmitResult Simulator::cancel(const std::string& task_id)
{
    std::lock_guard<std::mutex> lock(mu_);
    auto it = tasks_.find(task_id);
    if (it == tasks_.end()) return result(3, "任务不存在");
    TaskRecord& t = it->second;
    int64_t now = clock_->mono_ms();
    if (t.frozen || compute_snapshot(t, now, speed_).terminal) return result(9, "任务已结束，无法取消");
    if (!t.started) {
        t.started = true;
        t.t0_mono = now;
        t.t0_epoch = clock_->epoch_ms();
    }
    t.modal = false;
    t.cancelled = true;
    t.cancel_mono = now;
    return result(1, "取消成功", t.id);
}

SubmitResult Simulator::image_seed(const std::string& task_id)
{
    std::lock_guard<std::mutex> lock(mu_);
    auto it = tasks_.find(task_id);
    if (it == tasks_.end()) return result(3, "任务不存在");
    const TaskRecord& t = it->second;
    if (t.frozen) {
        if (t.raw.contains("status") && t.raw["status"] == "SUCCESS")
            return result(1, "成功", std::to_string(std::hash<std::string>{}(t.id) % 4294967295ULL));
        return result(4, "任务未完成");
    }
    if (compute_snapshot(t, clock_->mono_ms(), speed_).status != "SUCCESS") return result(4, "任务未完成");
    return result(1, "成功", t.seed_value);
}

} // namespace mjserver
