// Command-line options of the demo / test server and their parsing (no I/O besides the env lookup).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace mjserver {

enum class Flavour { Dmxapi, Java, Csharp, Relay };
enum class AuthMode { None, Bearer, Raw, MjApiSecret };

const char* flavour_name(Flavour f);
bool parse_flavour(const std::string& s, Flavour& out);
const char* auth_name(AuthMode a);
bool parse_auth(const std::string& s, AuthMode& out);

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;          // 0 = any free port
    std::string root;         // static site directory ("" = none)
    std::string fixtures_dir; // frozen tasks loaded from *.json
    double speed = 1.0;       // lifecycle speed-up factor
    uint64_t seed = 0;        // RNG seed
    bool seeded = false;      // --seed given: deterministic ids, outcomes, image signatures
    Flavour flavour = Flavour::Dmxapi;
    AuthMode auth = AuthMode::None; // what the simulated API expects from callers
    std::string key_env;            // env var holding the key (never the key itself)
    std::string key;                // resolved key; never printed or logged
    bool cors = true;
    bool image_cors = true;
    int image_lifetime_s = 86400;
    bool demo = false;
    bool remix = false;                                      // variation/reroll/pan answer 21 (modal)
    std::vector<std::pair<std::string, double>> fault_rates; // spec -> probability per API request
    std::vector<std::string> banned_words{"违禁词", "bannedword"};
    int queue_concurrency = 3; // tasks running at once before new ones get code 22
    int queue_size = 10;       // active tasks at which new submissions get code 23
    double task_failure_rate = 0.0;
    int threads = 64;
    bool log = true;
    // relay mode
    std::string upstream; // https://host[:port][/base]
    AuthMode upstream_auth = AuthMode::Bearer;
    int upstream_timeout_s = 30;
};

struct ParseResult {
    bool ok = false;
    bool help = false;
    std::string error;
    Options options;
};

using EnvLookup = std::function<const char*(const char*)>;

ParseResult parse_options(const std::vector<std::string>& args, const EnvLookup& env);
bool parse_fault_rates(const std::string& s, std::vector<std::pair<std::string, double>>& out, std::string& err);
std::string usage();

} // namespace mjserver
