#include "server/faults.h"

#include "server/http.h"

#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <chrono>
#include <cstdlib>
#include <dirent.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <thread>

namespace mjserver {

bool FaultSpec::has(FaultKind k) const
{
    for (auto x : kinds)
        if (x == k) return true;
    return false;
}

bool FaultSpec::primary(FaultKind& out) const
{
    for (auto x : kinds) {
        if (x == FaultKind::Latency || x == FaultKind::NoCors) continue;
        out = x;
        return true;
    }
    return false;
}

namespace {

bool parse_one(const std::string& t, FaultSpec& out)
{
    static const struct {
        const char* name;
        FaultKind kind;
    } table[] = {
        {"429", FaultKind::TooMany},         {"500", FaultKind::Html500},
        {"502", FaultKind::Html502},         {"html502", FaultKind::Html502},
        {"html500", FaultKind::Html500},     {"html200", FaultKind::Html200},
        {"empty", FaultKind::Empty},         {"truncated", FaultKind::Truncated},
        {"malformed", FaultKind::Malformed}, {"wrongtypes", FaultKind::WrongTypes},
        {"array", FaultKind::Array},         {"string", FaultKind::String},
        {"null", FaultKind::Null},           {"slow", FaultKind::Slow},
        {"huge", FaultKind::Huge},           {"drop", FaultKind::Drop},
        {"401", FaultKind::Unauthorized},    {"notfound", FaultKind::NotFound},
        {"cors", FaultKind::NoCors},
    };
    for (const auto& e : table) {
        if (t == e.name) {
            out.kinds.push_back(e.kind);
            return true;
        }
    }
    if (t.rfind("latency-", 0) == 0 && t.size() > 8 && t.size() < 15) {
        char* end = nullptr;
        long ms = std::strtol(t.c_str() + 8, &end, 10);
        if (*end != '\0' || ms < 0 || ms > 600000) return false;
        out.kinds.push_back(FaultKind::Latency);
        out.latency_ms += static_cast<int>(ms);
        return true;
    }
    return false;
}

} // namespace

bool parse_fault_spec(const std::string& text, FaultSpec& out)
{
    FaultSpec spec;
    if (text.empty() || text.size() > 200) return false;
    size_t start = 0;
    while (start <= text.size()) {
        size_t plus = text.find('+', start);
        // a literal '+' may arrive as ' ' after query decoding
        size_t space = text.find(' ', start);
        if (space != std::string::npos && (plus == std::string::npos || space < plus)) plus = space;
        std::string part = text.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
        if (!parse_one(part, spec)) return false;
        if (plus == std::string::npos) break;
        start = plus + 1;
    }
    out = spec;
    return true;
}

void merge_fault(FaultSpec& into, const FaultSpec& other)
{
    for (auto k : other.kinds) into.kinds.push_back(k);
    into.latency_ms += other.latency_ms;
}

std::string fault_spec_names()
{
    return "latency-MS, 429, 500, 502, html200, empty, truncated, malformed, wrongtypes, array, string, null, "
           "slow, huge, drop, 401, notfound, cors (combine with +)";
}

std::string html_500_body()
{
    return "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head><body>"
           "<h1>Internal Server Error</h1><p>The server encountered an internal error and was unable to complete "
           "your request.</p><hr><address>mj-demo-server (simulated fault)</address></body></html>\n";
}

std::string html_502_body()
{
    return "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr>"
           "<center>nginx</center></body></html>";
}

std::string html_200_body()
{
    return "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>系统维护中</title></head>"
           "<body><h1>系统维护中 / Under maintenance</h1><p>请稍后再试。Please try again later.</p></body></html>\n";
}

std::string malformed_body()
{
    return "{\"id\": \"1764900000000001\", \"status\": \"IN_PROGRESS\", \"progress\": \"46%\", "
           "\"prompt\": \"unterminated, \"buttons\": [,], }";
}

std::string wrong_types_body(const std::string& id)
{
    nlohmann::ordered_json j;
    j["id"] = nlohmann::json::object({{"value", id}});
    j["action"] = 42;
    j["status"] = nlohmann::json::array({"SUCCESS"});
    j["progress"] = 46;
    j["prompt"] = nlohmann::json::array({"一只", "猫"});
    j["promptEn"] = false;
    j["description"] = nlohmann::json::object({{"text", "/imagine"}});
    j["state"] = 7;
    j["submitTime"] = "1764900000000";
    j["startTime"] = nlohmann::json::object({{"ms", 1764900001000LL}});
    j["finishTime"] = nlohmann::json::array({1764900040000LL});
    j["imageUrl"] = 12345;
    j["imageWidth"] = "wide";
    j["imageHeight"] = nlohmann::json::array();
    j["failReason"] = nlohmann::json::array({"nope"});
    j["buttons"] = nlohmann::json::object({{"customId", "MJ::JOB::upsample::1::x"}});
    j["properties"] = "not an object";
    j["botType"] = 3.5;
    j["mode"] = nlohmann::json::array();
    return j.dump();
}

std::string huge_body(const std::string& task_json, size_t target_bytes)
{
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(task_json, nullptr, false);
    if (!j.is_object()) j = nlohmann::ordered_json::object({{"id", "1764900000000001"}, {"status", "SUCCESS"}});
    std::string base = j.contains("prompt") && j["prompt"].is_string() ? j["prompt"].get<std::string>() : "";
    static const std::string chunk = "一只在雨中的橘猫，赛博朋克风格 a very long prompt ";
    std::string prompt;
    prompt.reserve(target_bytes + chunk.size());
    prompt += base;
    while (prompt.size() < target_bytes) prompt += chunk;
    j["prompt"] = std::move(prompt);
    return j.dump();
}

std::string truncated_body(const std::string& body)
{
    if (body.size() < 2) return "{\"id\":";
    // Cut on a UTF-8 boundary so the text itself stays readable.
    size_t cut = body.size() / 2;
    while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
    return body.substr(0, cut);
}

void set_slow_body(httplib::Response& res, std::string body, const std::string& content_type, int total_ms)
{
    auto data = std::make_shared<std::string>(std::move(body));
    const size_t pieces = 10;
    const size_t piece = data->size() / pieces + 1;
    const int pause = total_ms / static_cast<int>(pieces);
    res.set_content_provider(data->size(), content_type,
                             [data, piece, pause](size_t offset, size_t length, httplib::DataSink& sink) {
                                 if (offset > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pause));
                                 size_t n = std::min(piece, length);
                                 return sink.write(data->data() + offset, n);
                             });
}

bool drop_connection(const httplib::Request& req)
{
    // cpp-httplib does not hand the socket to handlers: find it among our descriptors by its two ends.
    DIR* dir = opendir("/proc/self/fd");
    if (!dir) return false;
    bool done = false;
    while (dirent* e = readdir(dir)) {
        char* end = nullptr;
        long fd = std::strtol(e->d_name, &end, 10);
        if (*end != '\0' || fd < 0) continue;
        struct stat st {};
        if (fstat(static_cast<int>(fd), &st) != 0 || !S_ISSOCK(st.st_mode)) continue;
        sockaddr_storage peer{}, local{};
        socklen_t plen = sizeof(peer), llen = sizeof(local);
        if (getpeername(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&peer), &plen) != 0) continue;
        if (getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&local), &llen) != 0) continue;
        auto port_of = [](const sockaddr_storage& a) -> int {
            if (a.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in*>(&a)->sin_port);
            if (a.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&a)->sin6_port);
            return -1;
        };
        if (port_of(peer) == req.remote_port && port_of(local) == req.local_port) {
            ::shutdown(static_cast<int>(fd), SHUT_RDWR);
            done = true;
            break;
        }
    }
    closedir(dir);
    return done;
}

} // namespace mjserver
