#include "server/options.h"

#include "server/faults.h"

#include <cstdlib>
#include <sstream>

namespace mjserver {

const char* flavour_name(Flavour f)
{
    switch (f) {
    case Flavour::Dmxapi:
        return "dmxapi";
    case Flavour::Java:
        return "java";
    case Flavour::Csharp:
        return "csharp";
    case Flavour::Relay:
        return "relay";
    }
    return "dmxapi";
}

bool parse_flavour(const std::string& s, Flavour& out)
{
    if (s == "dmxapi")
        out = Flavour::Dmxapi;
    else if (s == "java")
        out = Flavour::Java;
    else if (s == "csharp" || s == "c#")
        out = Flavour::Csharp;
    else if (s == "relay")
        out = Flavour::Relay;
    else
        return false;
    return true;
}

const char* auth_name(AuthMode a)
{
    switch (a) {
    case AuthMode::None:
        return "none";
    case AuthMode::Bearer:
        return "bearer";
    case AuthMode::Raw:
        return "raw";
    case AuthMode::MjApiSecret:
        return "mj-api-secret";
    }
    return "none";
}

bool parse_auth(const std::string& s, AuthMode& out)
{
    if (s == "none")
        out = AuthMode::None;
    else if (s == "bearer")
        out = AuthMode::Bearer;
    else if (s == "raw")
        out = AuthMode::Raw;
    else if (s == "mj-api-secret")
        out = AuthMode::MjApiSecret;
    else
        return false;
    return true;
}

namespace {

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep))
        if (!cur.empty()) out.push_back(cur);
    return out;
}

bool to_double(const std::string& s, double& out)
{
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return !s.empty() && end && *end == '\0';
}

bool to_int(const std::string& s, long long& out)
{
    char* end = nullptr;
    out = std::strtoll(s.c_str(), &end, 10);
    return !s.empty() && end && *end == '\0';
}

} // namespace

bool parse_fault_rates(const std::string& s, std::vector<std::pair<std::string, double>>& out, std::string& err)
{
    for (const auto& item : split(s, ',')) {
        auto eq = item.find('=');
        double p = 0;
        if (eq == std::string::npos || !to_double(item.substr(eq + 1), p) || p < 0 || p > 1) {
            err = "--fault-rate expects SPEC=PROBABILITY[,SPEC=PROBABILITY...], e.g. 429=0.05,500=0.02";
            return false;
        }
        std::string spec = item.substr(0, eq);
        FaultSpec parsed;
        if (!parse_fault_spec(spec, parsed)) {
            err = "unknown fault spec '" + spec + "' in --fault-rate";
            return false;
        }
        out.emplace_back(spec, p);
    }
    return true;
}

ParseResult parse_options(const std::vector<std::string>& args, const EnvLookup& env)
{
    ParseResult r;
    Options& o = r.options;
    std::string upstream_auth_given;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto need = [&](std::string& v) {
            if (i + 1 >= args.size()) {
                r.error = a + " needs a value";
                return false;
            }
            v = args[++i];
            return true;
        };
        std::string v;
        long long n = 0;
        double d = 0;
        if (a == "-h" || a == "--help") {
            r.help = true;
            r.ok = true;
            return r;
        } else if (a == "--port") {
            if (!need(v)) return r;
            if (!to_int(v, n) || n < 0 || n > 65535) return r.error = "--port expects 0..65535", r;
            o.port = static_cast<int>(n);
        } else if (a == "--host") {
            if (!need(v)) return r;
            o.host = v;
        } else if (a == "--root") {
            if (!need(v)) return r;
            o.root = v;
        } else if (a == "--fixtures") {
            if (!need(v)) return r;
            o.fixtures_dir = v;
        } else if (a == "--speed") {
            if (!need(v)) return r;
            if (!to_double(v, d) || d <= 0 || d > 1e6) return r.error = "--speed expects a positive number", r;
            o.speed = d;
        } else if (a == "--seed") {
            if (!need(v)) return r;
            if (!to_int(v, n) || n < 0) return r.error = "--seed expects a non-negative integer", r;
            o.seed = static_cast<uint64_t>(n);
            o.seeded = true;
        } else if (a == "--flavour" || a == "--flavor") {
            if (!need(v)) return r;
            if (!parse_flavour(v, o.flavour)) return r.error = "--flavour expects dmxapi|java|csharp|relay", r;
        } else if (a == "--auth") {
            if (!need(v)) return r;
            if (!parse_auth(v, o.auth)) return r.error = "--auth expects none|bearer|raw|mj-api-secret", r;
        } else if (a == "--key-env") {
            if (!need(v)) return r;
            o.key_env = v;
        } else if (a == "--no-cors") {
            o.cors = false;
        } else if (a == "--image-no-cors") {
            o.image_cors = false;
        } else if (a == "--image-lifetime") {
            if (!need(v)) return r;
            if (!to_int(v, n) || n < 0) return r.error = "--image-lifetime expects seconds", r;
            o.image_lifetime_s = static_cast<int>(n);
        } else if (a == "--demo") {
            o.demo = true;
        } else if (a == "--remix") {
            o.remix = true;
        } else if (a == "--fault-rate") {
            if (!need(v)) return r;
            if (!parse_fault_rates(v, o.fault_rates, r.error)) return r;
        } else if (a == "--banned-words") {
            if (!need(v)) return r;
            o.banned_words = split(v, ',');
        } else if (a == "--queue-concurrency") {
            if (!need(v)) return r;
            if (!to_int(v, n) || n < 1) return r.error = "--queue-concurrency expects >= 1", r;
            o.queue_concurrency = static_cast<int>(n);
        } else if (a == "--queue-size") {
            if (!need(v)) return r;
            if (!to_int(v, n) || n < 1) return r.error = "--queue-size expects >= 1", r;
            o.queue_size = static_cast<int>(n);
        } else if (a == "--task-failure-rate") {
            if (!need(v)) return r;
            if (!to_double(v, d) || d < 0 || d > 1) return r.error = "--task-failure-rate expects 0..1", r;
            o.task_failure_rate = d;
        } else if (a == "--threads") {
            if (!need(v)) return r;
            if (!to_int(v, n) || n < 1 || n > 4096) return r.error = "--threads expects 1..4096", r;
            o.threads = static_cast<int>(n);
        } else if (a == "--quiet") {
            o.log = false;
        } else if (a == "--upstream") {
            if (!need(v)) return r;
            o.upstream = v;
        } else if (a == "--upstream-auth") {
            if (!need(v)) return r;
            upstream_auth_given = v;
            if (!parse_auth(v, o.upstream_auth) || o.upstream_auth == AuthMode::None)
                return r.error = "--upstream-auth expects bearer|raw|mj-api-secret", r;
        } else if (a == "--upstream-timeout") {
            if (!need(v)) return r;
            if (!to_int(v, n) || n < 1 || n > 3600) return r.error = "--upstream-timeout expects seconds", r;
            o.upstream_timeout_s = static_cast<int>(n);
        } else if (a.rfind("--", 0) == 0 && a.find('=') != std::string::npos) {
            r.error = "write options as '--name value', not '" + a + "'";
            return r;
        } else {
            r.error = "unknown argument '" + a + "' (see --help)";
            return r;
        }
    }
    bool need_key = o.auth != AuthMode::None || !o.upstream.empty();
    if (need_key) {
        if (o.key_env.empty()) {
            r.error = o.upstream.empty() ? "--auth needs --key-env NAME (the environment variable holding the key)"
                                         : "--upstream needs --key-env NAME (the environment variable holding the key)";
            return r;
        }
        const char* k = env ? env(o.key_env.c_str()) : nullptr;
        if (!k || !*k) {
            r.error = "environment variable " + o.key_env + " is not set or empty";
            return r;
        }
        o.key = k;
    }
    if (!o.upstream.empty() && o.upstream.rfind("https://", 0) != 0 && o.upstream.rfind("http://", 0) != 0) {
        r.error = "--upstream expects an http:// or https:// URL";
        return r;
    }
    r.ok = true;
    return r;
}

std::string usage()
{
    return R"(mj-demo-server: a simulator of the Midjourney proxy API, with fault injection and a key-holding relay.

Usage: mj-demo-server [options]
  --port N               listen port (0 = pick a free one; default 8080)
  --host ADDR            listen address (default 127.0.0.1)
  --root DIR             also serve the built site from DIR (index.html for /)
  --fixtures DIR         serve every task object (or array of them) in DIR/*.json, frozen, by id
  --demo                 create the demo tasks 1764900000000001..4 (clock starts at first fetch)
  --speed X              lifecycle speed-up factor (default 1; tests use ~20)
  --seed N               deterministic ids, outcomes and image signatures
  --flavour NAME         dmxapi | java | csharp | relay (default dmxapi); per request: X-Mj-Flavour,
                         ?flavour=NAME or the path prefix /_flavour/NAME/
  --auth MODE            none | bearer | raw | mj-api-secret (default none)
  --key-env NAME         environment variable holding the key (the key is never a CLI argument)
  --no-cors              send no CORS headers at all
  --image-no-cors        the image host sends no CORS headers
  --image-lifetime S     signed image URLs expire S seconds after the task finished (default 86400)
  --fault-rate LIST      random faults for soak runs, e.g. 429=0.05,500=0.02,latency-300=0.1
  --banned-words LIST    comma list; a prompt containing one is refused with code 24
  --queue-concurrency N  running tasks before new submissions are queued (code 22; default 3)
  --queue-size N         active tasks at which submissions are refused (code 23; default 10)
  --task-failure-rate P  probability that a submitted task ends in FAILURE (default 0)
  --remix                variation/reroll/pan buttons open a remix modal (code 21)
  --threads N            worker threads (default 64)
  --quiet                no request log
Relay mode (forwards /mj* to one upstream, adding the key server-side):
  --upstream URL         e.g. https://www.dmxapi.cn (with --key-env NAME)
  --upstream-auth MODE   bearer | raw | mj-api-secret (default bearer)
  --upstream-timeout S   read timeout towards the upstream (default 30)
Fault specs (header X-Mj-Fault, query ?fault=, or path prefix /_fault/SPEC/; join with +):
  latency-MS 429 500 502 html200 empty truncated malformed wrongtypes array string null slow huge drop
  401 notfound cors
)";
}

} // namespace mjserver
