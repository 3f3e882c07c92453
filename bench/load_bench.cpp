// Bounded load benchmark (not a test): N concurrent pollers against an in-process demo server on loopback
// for S seconds; prints requests/s, p50/p99 latency and errors. Usage: load_bench [--pollers 200] [--seconds 60]
#include "server/app.h"
#include "server/http.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv)
{
    int pollers = 200;
    int seconds = 60;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--pollers")
            pollers = std::clamp(std::atoi(argv[i + 1]), 1, 1000);
        else if (a == "--seconds")
            seconds = std::clamp(std::atoi(argv[i + 1]), 1, 300);
    }
    mjserver::Options o;
    o.port = 0;
    o.host = "127.0.0.1";
    o.demo = true;
    o.log = false;
    o.speed = 1;
    o.seeded = true;
    o.seed = 1;
    o.threads = pollers + 16; // one worker per keep-alive connection
    o.queue_size = 1000000;
    mjserver::App app(o);
    std::string err;
    if (!app.start(err)) {
        std::fprintf(stderr, "load_bench: %s\n", err.c_str());
        return 1;
    }
    // some simulated tasks besides the demo ones
    std::vector<std::string> ids = {"1764900000000001", "1764900000000002", "1764900000000003", "1764900000000004"};
    {
        httplib::Client c("127.0.0.1", app.port());
        for (int i = 0; i < 16; ++i) {
            auto r = c.Post("/mj/submit/imagine", R"({"prompt":"bench cat )" + std::to_string(i) + R"("})",
                            "application/json");
            if (r && r->status == 200) {
                auto pos = r->body.find("\"result\":\"");
                if (pos != std::string::npos) ids.push_back(r->body.substr(pos + 10, 16));
            }
        }
    }
    std::printf("load_bench: %d pollers, %d s, loopback port %d, %zu tasks\n", pollers, seconds, app.port(),
                ids.size());
    std::fflush(stdout);

    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::seconds(seconds);
    std::vector<std::vector<float>> lat(static_cast<size_t>(pollers));
    std::atomic<long> errors{0};
    std::vector<std::thread> threads;
    for (int p = 0; p < pollers; ++p) {
        threads.emplace_back([&, p] {
            httplib::Client c("127.0.0.1", app.port());
            c.set_keep_alive(true);
            c.set_read_timeout(10, 0);
            auto& mine = lat[static_cast<size_t>(p)];
            mine.reserve(100000);
            size_t k = static_cast<size_t>(p);
            while (Clock::now() < deadline && mine.size() < 2000000) {
                const std::string& id = ids[k++ % ids.size()];
                auto t0 = Clock::now();
                auto r = (k % 8 == 0)
                             ? c.Post("/mj/task/list-by-condition", R"({"ids":[")" + id + R"("]})", "application/json")
                             : c.Get(("/mj/task/" + id + "/fetch").c_str());
                auto ms = std::chrono::duration<float, std::milli>(Clock::now() - t0).count();
                if (!r || r->status != 200 || r->body.empty()) errors.fetch_add(1);
                mine.push_back(ms);
            }
        });
    }
    auto start = Clock::now();
    for (auto& t : threads) t.join();
    double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    app.stop();
    std::vector<float> all;
    for (auto& v : lat) all.insert(all.end(), v.begin(), v.end());
    std::sort(all.begin(), all.end());
    auto pct = [&](double q) {
        return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<size_t>(q * all.size()))];
    };
    std::printf("requests: %zu in %.1f s = %.0f req/s\n", all.size(), elapsed, all.size() / elapsed);
    std::printf("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", pct(0.50), pct(0.99),
                all.empty() ? 0.0 : all.back());
    std::printf("errors: %ld\n", errors.load());
    return errors.load() == 0 ? 0 : 3;
}
