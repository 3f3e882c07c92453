// Sends core's HTTP requests with emscripten_fetch and hands every outcome (answer or none) back to core.
//
// A fetch is closed only inside its own callback: in Emscripten 3.1.6 closing one in flight does not cancel it
// and its callback would later run on freed memory. Nothing here logs headers: they carry the API key.
#include "platform.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/fetch.h>

#include <cctype>
#include <cstdlib>
#include <cstring>

namespace platform {

namespace {

// Everything emscripten_fetch may still read while the request is in flight, kept alive until its callback.
struct InFlight {
    uint64_t requestId = 0;
    std::string body;
    std::vector<std::string> headerStore;
    std::vector<const char*> headerPtrs; // name, value, ..., nullptr
    int timeoutMs = 0;
    double startedAt = 0; // perf_ms()
};

// Header names must be tokens and values printable ASCII: XMLHttpRequest throws on anything else, and a throw
// from inside emscripten_fetch would leave the request in flight forever.
bool header_ok(const std::string& name, const std::string& value)
{
    if (name.empty() || name.size() > 256 || value.size() > 16384) return false;
    for (unsigned char c : name)
        if (!(std::isalnum(c) || std::strchr("!#$%&'*+-.^_`|~", c))) return false;
    for (unsigned char c : value)
        if (!(c == '\t' || (c >= 0x20 && c < 0x7F))) return false;
    return true;
}

// clang-format off
EM_JS(int, js_url_ok, (const char* url), {
    try { new URL(UTF8ToString(url), document.baseURI); return 1; } catch (e) { return 0; }
});
// clang-format on

// Seconds until an HTTP-date, or -1.
// clang-format off
EM_JS(double, js_seconds_until, (const char* httpDate), {
    var t = Date.parse(UTF8ToString(httpDate));
    return isNaN(t) ? -1 : Math.max(0, Math.ceil((t - Date.now()) / 1000));
});
// clang-format on

std::string lower(std::string s)
{
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s)
{
    size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r')) --b;
    return s.substr(a, b - a);
}

void read_headers(emscripten_fetch_t* f, core::HttpResponse& out)
{
    const size_t len = emscripten_fetch_get_response_headers_length(f);
    if (len == 0 || len > (1u << 20)) return;
    std::string raw(len + 1, '\0');
    emscripten_fetch_get_response_headers(f, &raw[0], raw.size());
    raw.resize(std::strlen(raw.c_str()));
    size_t pos = 0;
    while (pos < raw.size()) {
        size_t end = raw.find('\n', pos);
        if (end == std::string::npos) end = raw.size();
        const std::string line = raw.substr(pos, end - pos);
        pos = end + 1;
        const size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        const std::string name = lower(trim(line.substr(0, colon)));
        const std::string value = trim(line.substr(colon + 1));
        if (name == "content-type") {
            out.contentType = lower(value);
        } else if (name == "retry-after" && !value.empty()) {
            bool digits = value.size() <= 9;
            for (char c : value) digits = digits && std::isdigit(static_cast<unsigned char>(c));
            if (digits) {
                out.retryAfterSeconds = std::atoi(value.c_str());
            } else {
                const double s = js_seconds_until(value.c_str());
                if (s >= 0 && s < 1e7) out.retryAfterSeconds = int(s);
            }
        }
    }
}

void deliver(uint64_t requestId, const core::HttpResponse& resp)
{
    Runtime& r = rt();
    core::app_on_response(r.app, requestId, resp, now_ms());
    pump();
    wake(2);
}

// A request that never left: answered on the next turn of the event loop, so core is never re-entered while it
// is still handing out requests.
void on_refused(void* p)
{
    const uint64_t* id = static_cast<uint64_t*>(p);
    const uint64_t requestId = *id;
    delete id;
    deliver(requestId, core::HttpResponse{}); // status 0: core ends the request as a failure
}

void deliver_later(uint64_t requestId)
{
    emscripten_set_timeout(on_refused, 0, new uint64_t(requestId));
}

void on_done(emscripten_fetch_t* f)
{
    InFlight* inf = static_cast<InFlight*>(f->userData);
    core::HttpResponse resp;
    resp.status = f->status;
    if (f->data && f->numBytes > 0) resp.body.assign(f->data, size_t(f->numBytes)); // copy before close
    read_headers(f, resp);
    const double elapsed = perf_ms() - inf->startedAt;
    // XHR reports a timeout, a CORS refusal and a refused connection all as status 0; only time tells them apart.
    resp.timedOut = resp.status == 0 && inf->timeoutMs > 0 && elapsed >= double(inf->timeoutMs) * 0.98;
    const uint64_t id = inf->requestId;
    emscripten_fetch_close(f); // inside the callback: the request is finished
    delete inf;
    deliver(id, resp);
}

} // namespace

void fetch_send(const core::OutgoingRequest& req)
{
    Runtime& r = rt();
    const core::HttpRequest& h = req.http;
    std::string problem;
    if (!js_url_ok(h.url.c_str())) problem = "The request URL is not valid; check the base URL.";
    for (const auto& kv : h.headers)
        if (problem.empty() && !header_ok(kv.first, kv.second))
            problem = "The API key (or a request header) contains characters a browser cannot send; "
                      "only printable ASCII is allowed.";
    if (!problem.empty()) {
        core::app_add_error(r.app, now_ms(), "bad_input", core::tr(r.app.config.lang, problem.c_str()));
        deliver_later(req.id);
        return;
    }

    InFlight* inf = new InFlight;
    inf->requestId = req.id;
    inf->body = h.body;
    inf->timeoutMs = h.timeoutMs > 0 ? h.timeoutMs : 20000;
    inf->startedAt = perf_ms();
    inf->headerStore.reserve(h.headers.size() * 2);
    for (const auto& kv : h.headers) {
        inf->headerStore.push_back(kv.first);
        inf->headerStore.push_back(kv.second);
    }
    for (const std::string& s : inf->headerStore) inf->headerPtrs.push_back(s.c_str());
    inf->headerPtrs.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    const std::string method = h.method.empty() ? "GET" : h.method;
    std::strncpy(attr.requestMethod, method.c_str(), sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;
    attr.timeoutMSecs = static_cast<unsigned long>(inf->timeoutMs);
    attr.requestHeaders = inf->headerPtrs.data();
    if (!inf->body.empty()) {
        attr.requestData = inf->body.data();
        attr.requestDataSize = inf->body.size();
    }
    attr.userData = inf;
    attr.onsuccess = on_done;
    attr.onerror = on_done; // non-2xx answers land here too; core classifies status and body
    if (!emscripten_fetch(&attr, h.url.c_str())) {
        const uint64_t id = inf->requestId;
        delete inf;
        deliver_later(id);
    }
}

} // namespace platform
