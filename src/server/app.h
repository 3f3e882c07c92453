// The server: wires static files, the simulated API (or the relay), images, faults, CORS, auth and the
// request log onto one cpp-httplib server. Usable in-process (tests, bench) and from main.cpp.
#pragma once

#include "server/faults.h"
#include "server/images.h"
#include "server/options.h"
#include "server/relay.h"
#include "server/simulator.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace mjserver {

class App {
public:
    explicit App(Options opts, std::shared_ptr<Clock> clock = nullptr);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Binds (port 0 = a free port), loads fixtures / demo tasks, and serves on a background thread.
    bool start(std::string& err);
    int port() const { return port_; }
    std::string base_url() const;
    std::string demo_url() const; // "" unless --demo and --root
    void stop();                  // idempotent; joins the server thread
    Simulator& simulator() { return sim_; }
    uint64_t requests_served() const { return served_.load(); }

private:
    void handle(const httplib::Request& req, httplib::Response& res);
    void handle_api(const httplib::Request& req, httplib::Response& res, const std::string& path,
                    const std::string& mode, Flavour flavour, const std::string& forward_path, FaultSpec& fault);
    void simulate(const httplib::Request& req, httplib::Response& res, const std::string& path, const std::string& mode,
                  Flavour flavour);
    void handle_image(const httplib::Request& req, httplib::Response& res, const std::string& path);
    bool authorized(const httplib::Request& req) const;
    std::string image_base(const httplib::Request& req) const;
    std::string pick_random_fault();
    void log_line(const httplib::Request& req, const httplib::Response& res);

    Options opts_;
    Simulator sim_;
    UrlSigner signer_;
    PngCache pngs_;
    Upstream upstream_;
    bool relay_ = false;
    std::unique_ptr<httplib::Server> svr_;
    int listen_sock_ = -1;
    std::thread thread_;
    int port_ = 0;
    std::atomic<bool> stopped_{false};
    std::atomic<uint64_t> served_{0};
    std::mutex rng_mu_;
    std::mt19937_64 fault_rng_;
    std::mutex log_mu_;
    std::mutex huge_mu_;
    std::string huge_cache_key_, huge_cache_;
};

} // namespace mjserver
