#include "server/app.h"

#include "server/faults.h"
#include "server/flavour.h"
#include "server/http.h"
#include "server/static_files.h"

#include <openssl/crypto.h>
#include <sys/socket.h>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace mjserver {

namespace {

using Steady = std::chrono::steady_clock;
thread_local Steady::time_point t_request_start;
thread_local std::string t_tags;

const char* kSampleTaskId = "1764900000000001";

bool take_prefix(std::string& path, const char* prefix, std::string& segment)
{
    size_t n = std::char_traits<char>::length(prefix);
    if (path.compare(0, n, prefix) != 0) return false;
    size_t slash = path.find('/', n);
    segment = path.substr(n, slash == std::string::npos ? std::string::npos : slash - n);
    path = slash == std::string::npos ? "/" : path.substr(slash);
    return true;
}

bool equal_secret(const std::string& a, const std::string& b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

void set_answer(httplib::Response& res, const Answer& a)
{
    res.status = a.status;
    if (a.body.empty() && a.content_type.empty()) {
        res.body.clear();
        return;
    }
    res.set_content(a.body, a.content_type.c_str());
}

void set_json(httplib::Response& res, int status, const std::string& body)
{
    res.status = status;
    res.set_content(body, "application/json");
}

std::vector<std::string> split_path(const std::string& p)
{
    std::vector<std::string> out;
    size_t start = 1;
    while (start <= p.size()) {
        size_t slash = p.find('/', start);
        out.push_back(p.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return out;
}

std::string sample_task_body()
{
    TaskRecord t;
    t.id = kSampleTaskId;
    t.prompt = "一只在雨中的橘猫，赛博朋克风格 --ar 16:9 --v 6.1";
    t.prompt_en = "An orange cat in the rain, cyberpunk style --ar 16:9 --v 6.1";
    t.final_prompt = t.prompt_en;
    t.description = "/imagine " + t.prompt;
    t.hash = "6dc7beb8-8310-4fd4-b46c-716b422ddffc";
    t.started = true;
    t.t0_epoch = 1764900000000;
    Snapshot s = compute_snapshot(t, t.t0_mono + 10000000, 1.0);
    return render_task_body(t, s, Flavour::Dmxapi, nullptr);
}

} // namespace

App::App(Options opts, std::shared_ptr<Clock> clock)
    : opts_(std::move(opts)), sim_(opts_, std::move(clock)),
      signer_(opts_.seeded ? "mj-demo-seed-" + std::to_string(opts_.seed)
                           : std::to_string(std::random_device{}()) + std::to_string(std::random_device{}())),
      fault_rng_(opts_.seeded ? opts_.seed ^ 0x9e3779b97f4a7c15ULL : std::random_device{}())
{
}

App::~App()
{
    stop();
}

std::string App::base_url() const
{
    std::string host = opts_.host == "0.0.0.0" || opts_.host == "::" ? "127.0.0.1" : opts_.host;
    return "http://" + host + ":" + std::to_string(port_);
}

std::string App::demo_url() const
{
    if (!opts_.demo || opts_.root.empty()) return "";
    return base_url() + "/?task=1764900000000001,1764900000000002,1764900000000003,1764900000000004";
}

bool App::start(std::string& err)
{
    if (!opts_.upstream.empty()) {
        if (!parse_upstream(opts_.upstream, upstream_, err)) return false;
        relay_ = true;
    }
    if (!opts_.fixtures_dir.empty()) {
        std::string ferr;
        sim_.load_fixtures(opts_.fixtures_dir, ferr);
        if (!ferr.empty()) return err = ferr, false;
    }
    if (opts_.demo) sim_.add_demo_tasks();

    svr_ = std::make_unique<httplib::Server>();
    const size_t threads = static_cast<size_t>(opts_.threads);
    svr_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    svr_->set_keep_alive_max_count(1000);
    svr_->set_keep_alive_timeout(5);
    svr_->set_read_timeout(30, 0);
    svr_->set_write_timeout(30, 0);
    svr_->set_payload_max_length(64u << 20);
    auto h = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
    svr_->Get(".*", h);
    svr_->Post(".*", h);
    svr_->Put(".*", h);
    svr_->Delete(".*", h);
    svr_->Patch(".*", h);
    svr_->Options(".*", h);
    svr_->set_logger([this](const httplib::Request& req, const httplib::Response& res) { log_line(req, res); });
    // Keep the listening socket so its backlog can be raised after bind (see below).
    svr_->set_socket_options([this](socket_t sock) {
        httplib::default_socket_options(sock);
        listen_sock_ = sock;
    });

    if (opts_.port == 0) {
        port_ = svr_->bind_to_any_port(opts_.host.c_str());
        if (port_ <= 0) return err = "cannot bind " + opts_.host, false;
    } else {
        if (!svr_->bind_to_port(opts_.host.c_str(), opts_.port))
            return err = "cannot bind " + opts_.host + ":" + std::to_string(opts_.port), false;
        port_ = opts_.port;
    }
    // 200+ pollers connect at once and httplib listens with a backlog of 5, which drops handshakes (seconds of
    // SYN retries); Linux lets a second listen() on the bound socket raise it.
    if (listen_sock_ >= 0) ::listen(listen_sock_, 1024);
    thread_ = std::thread([this] { svr_->listen_after_bind(); });
    return true;
}

void App::stop()
{
    if (stopped_.exchange(true)) return;
    if (svr_) svr_->stop();
    if (thread_.joinable()) thread_.join();
}

void App::log_line(const httplib::Request& req, const httplib::Response& res)
{
    served_.fetch_add(1, std::memory_order_relaxed);
    if (!opts_.log) return;
    double ms = std::chrono::duration<double, std::milli>(Steady::now() - t_request_start).count();
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char ts[32];
    std::strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
    // Only method, path (never the query, never headers), status and latency: the key cannot appear here.
    std::string path = relay_ ? scrub(req.path, opts_.key) : req.path;
    if (path.size() > 200) path = path.substr(0, 200) + "...";
    std::lock_guard<std::mutex> lock(log_mu_);
    std::fprintf(stderr, "%s %s %s %d %.1fms%s\n", ts, req.method.c_str(), path.c_str(), res.status, ms,
                 t_tags.c_str());
}

std::string App::pick_random_fault()
{
    if (opts_.fault_rates.empty()) return "";
    std::lock_guard<std::mutex> lock(rng_mu_);
    double x = std::uniform_real_distribution<double>(0, 1)(fault_rng_);
    for (const auto& fr : opts_.fault_rates) {
        if (x < fr.second) return fr.first;
        x -= fr.second;
    }
    return "";
}

bool App::authorized(const httplib::Request& req) const
{
    if (opts_.auth == AuthMode::None) return true;
    const std::string auth = req.get_header_value("Authorization");
    const std::string secret = req.get_header_value("mj-api-secret");
    switch (opts_.auth) {
    case AuthMode::Bearer:
        if (auth.size() > 7 && (auth.compare(0, 7, "Bearer ") == 0 || auth.compare(0, 7, "bearer ") == 0))
            return equal_secret(auth.substr(7), opts_.key);
        return false;
    case AuthMode::Raw:
        return equal_secret(auth, opts_.key) || equal_secret(secret, opts_.key);
    case AuthMode::MjApiSecret:
        return equal_secret(secret, opts_.key);
    case AuthMode::None:
        break;
    }
    return true;
}

std::string App::image_base(const httplib::Request& req) const
{
    std::string host = req.get_header_value("Host");
    bool ok = !host.empty() && host.size() < 200;
    for (char c : host)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']'))
            ok = false;
    return "http://" + (ok ? host : "127.0.0.1:" + std::to_string(port_));
}

void App::handle(const httplib::Request& req, httplib::Response& res)
{
    t_request_start = Steady::now();
    t_tags.clear();
    std::string path = req.path;
    FaultSpec fault;
    Flavour flavour = opts_.flavour;
    std::string seg;
    bool bad_prefix = false;
    for (;;) {
        if (take_prefix(path, "/_fault/", seg)) {
            FaultSpec f;
            if (!parse_fault_spec(seg, f)) bad_prefix = true;
            merge_fault(fault, f);
        } else if (take_prefix(path, "/_flavour/", seg)) {
            if (!parse_flavour(seg, flavour)) bad_prefix = true;
        } else {
            break;
        }
    }
    for (const std::string& s : {req.get_header_value("X-Mj-Fault"), req.get_param_value("fault")}) {
        if (s.empty()) continue;
        FaultSpec f;
        if (!parse_fault_spec(s, f)) bad_prefix = true;
        merge_fault(fault, f);
    }
    for (const std::string& s : {req.get_header_value("X-Mj-Flavour"), req.get_param_value("flavour")})
        if (!s.empty() && !parse_flavour(s, flavour)) bad_prefix = true;

    const bool image = path.rfind("/img/", 0) == 0;
    const bool cors = opts_.cors && !fault.has(FaultKind::NoCors) && (!image || opts_.image_cors);
    if (cors) {
        res.set_header("Access-Control-Allow-Origin", "*");
        res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        res.set_header("Access-Control-Allow-Headers",
                       "Authorization, mj-api-secret, Content-Type, X-Mj-Fault, X-Mj-Flavour");
        res.set_header("Access-Control-Expose-Headers", "Retry-After");
        res.set_header("Access-Control-Max-Age", "600");
    }
    if (bad_prefix) {
        res.status = 400;
        res.set_content("unknown fault or flavour spec; faults: " + fault_spec_names() +
                            "; flavours: dmxapi, java, csharp, relay\n",
                        "text/plain; charset=utf-8");
        return;
    }
    if (req.method == "OPTIONS") {
        res.status = 204;
        return;
    }
    std::string mode;
    std::string api_path = path;
    for (const char* m : {"/mj-fast", "/mj-relax", "/mj-turbo"}) {
        size_t n = std::char_traits<char>::length(m);
        if (api_path.compare(0, n, m) == 0 && api_path.compare(n, 4, "/mj/") == 0) {
            mode = m == std::string("/mj-fast") ? "FAST" : m == std::string("/mj-relax") ? "RELAX" : "TURBO";
            api_path = api_path.substr(n);
        }
    }
    if (api_path.rfind("/mj/", 0) == 0 || api_path == "/mj") {
        handle_api(req, res, api_path, mode, flavour, path, fault);
        return;
    }
    if (relay_ && path.rfind("/mj", 0) == 0) {
        set_json(res, 404, R"({"error":{"message":"the relay only forwards /mj/* calls","type":"relay_error"}})");
        return;
    }
    if (image && !relay_) {
        handle_image(req, res, path);
        return;
    }
    if ((req.method == "GET" || req.method == "HEAD") && !opts_.root.empty()) {
        serve_static(opts_.root, path, res);
        return;
    }
    res.status = 404;
    res.set_content(relay_ ? "not found (this relay forwards /mj/* only)\n" : "not found\n", "text/plain");
}

void App::handle_api(const httplib::Request& req, httplib::Response& res, const std::string& path,
                     const std::string& mode, Flavour flavour, const std::string& forward_path, FaultSpec& fault)
{
    if (fault.empty()) {
        std::string random = pick_random_fault();
        if (!random.empty()) parse_fault_spec(random, fault);
    }
    if (!fault.empty()) t_tags += " fault";
    if (relay_) t_tags += " relay";
    if (fault.latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(fault.latency_ms));

    FaultKind pk{};
    const bool has_primary = fault.primary(pk);
    auto path_id = [&]() {
        auto parts = split_path(path);
        return parts.size() >= 4 && parts[1] == "task" ? parts[2] : std::string(kSampleTaskId);
    };
    if (has_primary) {
        switch (pk) {
        case FaultKind::TooMany:
            res.set_header("Retry-After", "2");
            set_json(
                res, 429,
                R"j({"error":{"message":"当前分组上游负载已饱和，请稍后再试 (simulated 429)","type":"upstream_error"}})j");
            return;
        case FaultKind::Html500:
            res.status = 500;
            res.set_content(html_500_body(), "text/html");
            return;
        case FaultKind::Html502:
            res.status = 502;
            res.set_content(html_502_body(), "text/html");
            return;
        case FaultKind::Html200:
            res.status = 200;
            res.set_content(html_200_body(), "text/html; charset=utf-8");
            return;
        case FaultKind::Empty:
            set_json(res, 200, "");
            return;
        case FaultKind::Malformed:
            set_json(res, 200, malformed_body());
            return;
        case FaultKind::Array:
            set_json(res, 200, "[1,2]");
            return;
        case FaultKind::String:
            set_json(res, 200, "\"ok\"");
            return;
        case FaultKind::Null:
            set_json(res, 200, "null");
            return;
        case FaultKind::WrongTypes:
            set_json(res, 200, wrong_types_body(path_id()));
            return;
        case FaultKind::Unauthorized:
            set_answer(res, unauthorized_answer(flavour));
            return;
        case FaultKind::NotFound:
            set_answer(res, task_not_found_answer(Flavour::Relay));
            return;
        case FaultKind::Drop:
            drop_connection(req);
            res.status = 444; // never sent: logged only
            return;
        default:
            break; // truncated, slow, huge reshape the normal answer below
        }
    }

    if (relay_) {
        httplib::Params params = req.params;
        params.erase("fault");
        params.erase("flavour");
        relay_request(opts_, upstream_, req, forward_path, httplib::detail::params_to_query_str(params), res);
    } else if (!authorized(req)) {
        set_answer(res, unauthorized_answer(flavour));
    } else {
        simulate(req, res, path, mode, flavour);
    }

    if (!has_primary) return;
    std::string ctype = res.get_header_value("Content-Type");
    if (pk == FaultKind::Truncated) {
        bool usable = res.status == 200 && res.body.size() > 20;
        std::string body = truncated_body(usable ? res.body : sample_task_body());
        set_json(res, 200, body);
    } else if (pk == FaultKind::Huge) {
        bool usable = res.status == 200 && !res.body.empty() && res.body[0] == '{';
        std::string src = usable ? res.body : sample_task_body();
        std::lock_guard<std::mutex> lock(huge_mu_);
        if (huge_cache_key_ != src) {
            huge_cache_ = huge_body(src, 30u << 20);
            huge_cache_key_ = src;
        }
        set_json(res, 200, huge_cache_);
    } else if (pk == FaultKind::Slow) {
        std::string body = std::move(res.body);
        res.body.clear();
        set_slow_body(res, std::move(body), ctype.empty() ? "application/json" : ctype, 3000);
    }
}

void App::simulate(const httplib::Request& req, httplib::Response& res, const std::string& path,
                   const std::string& mode, Flavour flavour)
{
    const std::string base = image_base(req);
    const int lifetime = opts_.image_lifetime_s;
    ImageUrlFn url = [this, base, lifetime](const std::string& id, const std::string& kind, int64_t ref_ms) {
        int64_t now_s = sim_.clock().epoch_ms() / 1000;
        int64_t is_s = ref_ms > 0 ? ref_ms / 1000 : now_s;
        return base + signer_.signed_path("/img/" + id + "/" + kind + ".png", is_s + lifetime, is_s);
    };
    auto parts = split_path(path); // "mj", "task", id, "fetch"
    const std::string& method = req.method;
    const bool get = method == "GET" || method == "HEAD";
    auto body_json = [&]() { return nlohmann::json::parse(req.body.empty() ? "{}" : req.body, nullptr, false); };
    auto str_field = [](const nlohmann::json& j, const char* k) {
        return j.is_object() && j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
    };
    auto id_field = [](const nlohmann::json& j, const char* k) {
        if (!j.is_object() || !j.contains(k)) return std::string();
        if (j[k].is_string()) return j[k].get<std::string>();
        if (j[k].is_number_integer()) return j[k].dump();
        return std::string();
    };

    if (parts.size() == 4 && parts[1] == "task" && parts[3] == "fetch" && get) {
        TaskRecord t;
        Snapshot s;
        if (!sim_.get(parts[2], t, s, flavour)) return set_answer(res, task_not_found_answer(flavour));
        return set_json(res, 200, render_task_body(t, s, flavour, url));
    }
    if (parts.size() == 4 && parts[1] == "task" && parts[3] == "image-seed" && get) {
        return set_json(res, 200, render_submit(sim_.image_seed(parts[2]), flavour).dump());
    }
    if (parts.size() == 4 && parts[1] == "task" && parts[3] == "cancel" && method == "POST") {
        return set_json(res, 200, render_submit(sim_.cancel(parts[2]), flavour).dump());
    }
    if (parts.size() == 3 && parts[1] == "task" && (parts[2] == "list-by-condition" || parts[2] == "list-by-ids") &&
        method == "POST") {
        auto j = body_json();
        if (j.is_discarded() || !j.is_object())
            return set_answer(res, bad_request_answer(flavour, "请求体不是有效的JSON"));
        std::vector<std::string> ids;
        if (j.contains("ids") && j["ids"].is_array())
            for (const auto& e : j["ids"]) {
                if (e.is_string())
                    ids.push_back(e.get<std::string>());
                else if (e.is_number_integer())
                    ids.push_back(e.dump());
            }
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        for (const auto& ts : sim_.get_many(ids, flavour))
            arr.push_back(render_task(ts.first, ts.second, flavour, url));
        return set_json(res, 200, arr.dump());
    }
    if (parts.size() == 3 && parts[1] == "task" && parts[2] == "list" && get) {
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        for (const auto& ts : sim_.list_all(flavour, 200))
            arr.push_back(render_task(ts.first, ts.second, flavour, url));
        return set_json(res, 200, arr.dump());
    }
    if (parts.size() == 3 && parts[1] == "submit" && method == "POST") {
        auto j = body_json();
        if (j.is_discarded() || !j.is_object())
            return set_answer(res, bad_request_answer(flavour, "请求体不是有效的JSON"));
        const std::string& what = parts[2];
        SubmitResult r;
        if (what == "imagine") {
            r = sim_.submit("IMAGINE", str_field(j, "prompt"), str_field(j, "state"), mode, flavour);
        } else if (what == "describe") {
            r = sim_.submit("DESCRIBE", "", str_field(j, "state"), mode, flavour);
        } else if (what == "blend") {
            r = sim_.submit("BLEND", "", str_field(j, "state"), mode, flavour);
        } else if (what == "action") {
            std::string task_id = id_field(j, "taskId");
            std::string custom = str_field(j, "customId");
            if (task_id.empty() || custom.empty())
                return set_answer(res, bad_request_answer(flavour, "taskId和customId不能为空"));
            bool remix = opts_.remix || req.get_param_value("remix") == "1";
            r = sim_.action(task_id, custom, mode, remix, flavour);
        } else if (what == "modal") {
            std::string task_id = id_field(j, "taskId");
            if (task_id.empty()) return set_answer(res, bad_request_answer(flavour, "taskId不能为空"));
            r = sim_.modal(task_id, str_field(j, "prompt"));
        } else {
            return set_answer(res, no_route_answer(flavour, method, path));
        }
        return set_json(res, 200, render_submit(r, flavour).dump());
    }
    set_answer(res, no_route_answer(flavour, method, path));
}

void App::handle_image(const httplib::Request& req, httplib::Response& res, const std::string& path)
{
    auto parts = split_path(path); // "img", id, "kind.png"
    auto forbid = [&](const char* msg) {
        res.status = 403;
        res.set_content(msg, "text/plain");
    };
    if (parts.size() != 3 || parts[2].size() < 5 || parts[2].compare(parts[2].size() - 4, 4, ".png") != 0)
        return forbid("This content is no longer available.");
    const std::string ex = req.get_param_value("ex"), is = req.get_param_value("is"), hm = req.get_param_value("hm");
    if (ex.empty() || hm.empty() || !signer_.verify(path, ex, is, hm)) return forbid("Invalid signature.");
    long long ex_s = std::strtoll(ex.c_str(), nullptr, 16);
    if (sim_.clock().epoch_ms() / 1000 > ex_s) return forbid("This content is no longer available.");
    TaskRecord t;
    Snapshot s;
    if (!sim_.get(parts[1], t, s, Flavour::Dmxapi)) return forbid("This content is no longer available.");
    const std::string kind = parts[2].substr(0, parts[2].size() - 4);
    std::string png = pngs_.get(t.id + "/" + kind, [&]() -> std::string {
        if (kind == "grid") return render_grid_png(t.look);
        if (kind == "describe") return render_single_png(t.look, 0);
        if (kind.rfind("upscale-", 0) == 0) return render_single_png(t.look, std::atoi(kind.c_str() + 8));
        if (kind.rfind("preview-", 0) == 0) return render_preview_png(t.look, std::atoi(kind.c_str() + 8));
        return "";
    });
    if (png.empty()) return forbid("This content is no longer available.");
    res.status = 200;
    res.set_header("Cache-Control", "private, max-age=3600");
    res.set_content(std::move(png), "image/png");
}

} // namespace mjserver
