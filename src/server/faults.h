// Fault specs (latency-MS, 429, 500, 502, html200, empty, truncated, malformed, wrongtypes, array, string,
// null, slow, huge, drop, 401, notfound, cors; combined with '+') and the canned bodies they answer with.
#pragma once

#include <string>
#include <vector>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace mjserver {

enum class FaultKind {
    Latency,
    TooMany,
    Html500,
    Html502,
    Html200,
    Empty,
    Truncated,
    Malformed,
    WrongTypes,
    Array,
    String,
    Null,
    Slow,
    Huge,
    Drop,
    Unauthorized,
    NotFound,
    NoCors,
};

struct FaultSpec {
    std::vector<FaultKind> kinds;
    int latency_ms = 0;
    bool has(FaultKind k) const;
    bool empty() const { return kinds.empty(); }
    // The fault that replaces or reshapes the answer (everything but latency and cors), if any.
    bool primary(FaultKind& out) const;
};

// Parses "429", "latency-250", "latency-100+truncated". False on anything unknown.
bool parse_fault_spec(const std::string& text, FaultSpec& out);
void merge_fault(FaultSpec& into, const FaultSpec& other);
std::string fault_spec_names();

std::string html_500_body();
std::string html_502_body(); // byte-for-byte the nginx page of fixtures/error-gateway-502.http
std::string html_200_body();
std::string malformed_body();
std::string wrong_types_body(const std::string& id);
// A valid task JSON of about target_bytes, made big by a giant prompt.
std::string huge_body(const std::string& task_json, size_t target_bytes);
// Half of a body (cut inside the JSON, so it never parses).
std::string truncated_body(const std::string& body);

// Makes the response trickle its body in ~10 pieces over total_ms.
void set_slow_body(httplib::Response& res, std::string body, const std::string& content_type, int total_ms);

// Shuts the client's socket down (no status line is ever sent). True if the socket was found.
bool drop_connection(const httplib::Request& req);

} // namespace mjserver
