// Test harness: runs the built mj-demo-server binary on port 0 on 127.0.0.1 and talks HTTP to it.
#pragma once

#include "server/http.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

namespace testsrv {

inline std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class ServerProcess {
public:
    // env: extra "NAME=value" entries for the child (how keys reach it).
    explicit ServerProcess(std::vector<std::string> args, std::vector<std::pair<std::string, std::string>> env = {})
    {
        static int counter = 0;
        log_path_ = "/tmp/mj-server-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".log";
        int out[2];
        if (pipe(out) != 0) return;
        pid_ = fork();
        if (pid_ == 0) {
            dup2(out[1], 1);
            close(out[0]);
            close(out[1]);
            FILE* err = std::fopen(log_path_.c_str(), "w");
            if (err) dup2(fileno(err), 2);
            for (const auto& kv : env) setenv(kv.first.c_str(), kv.second.c_str(), 1);
            std::vector<char*> argv;
            std::string bin = DEMO_SERVER_BIN;
            argv.push_back(bin.data());
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(bin.c_str(), argv.data());
            _exit(127);
        }
        close(out[1]);
        out_ = fdopen(out[0], "r");
        char line[512];
        while (out_ && std::fgets(line, sizeof line, out_)) {
            std::string l = line;
            first_lines_.push_back(l);
            if (l.rfind("listening on http://127.0.0.1:", 0) == 0) {
                port_ = std::atoi(l.c_str() + std::string("listening on http://127.0.0.1:").size());
                break;
            }
        }
    }
    ~ServerProcess() { stop(); }

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::string next_stdout_line()
    {
        char line[512];
        return out_ && std::fgets(line, sizeof line, out_) ? std::string(line) : std::string();
    }
    std::string log() const { return read_file(log_path_); }
    const std::vector<std::string>& first_lines() const { return first_lines_; }

    // SIGTERM and wait; returns the exit status (or -1).
    int stop()
    {
        if (pid_ <= 0) return -1;
        kill(pid_, SIGTERM);
        int status = 0;
        for (int i = 0; i < 100; ++i) {
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = 0;
                if (out_) std::fclose(out_), out_ = nullptr;
                return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        pid_ = 0;
        if (out_) std::fclose(out_), out_ = nullptr;
        return -2;
    }

    std::unique_ptr<httplib::Client> client() const
    {
        auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
        c->set_read_timeout(20, 0);
        c->set_connection_timeout(5, 0);
        return c;
    }

private:
    pid_t pid_ = 0;
    FILE* out_ = nullptr;
    int port_ = 0;
    std::string log_path_;
    std::vector<std::string> first_lines_;
};

inline nlohmann::json parse(const std::string& s)
{
    return nlohmann::json::parse(s, nullptr, false);
}

inline nlohmann::json get_json(httplib::Client& c, const std::string& path, const httplib::Headers& h = {})
{
    auto r = c.Get(path.c_str(), h);
    if (!r) return nlohmann::json();
    return parse(r->body);
}

inline nlohmann::json post_json(httplib::Client& c, const std::string& path, const nlohmann::json& body,
                                const httplib::Headers& h = {})
{
    auto r = c.Post(path.c_str(), h, body.dump(), "application/json");
    if (!r) return nlohmann::json();
    return parse(r->body);
}

// Polls fetch until the task is terminal (or timeout); returns every answer seen.
inline std::vector<nlohmann::json> poll_until_done(httplib::Client& c, const std::string& prefix, const std::string& id,
                                                   int timeout_ms = 10000, const httplib::Headers& h = {})
{
    std::vector<nlohmann::json> seen;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
        auto j = get_json(c, prefix + "/mj/task/" + id + "/fetch", h);
        seen.push_back(j);
        if (j.is_object() && j.contains("status") && j["status"].is_string()) {
            std::string s = j["status"];
            if (s == "SUCCESS" || s == "FAILURE" || s == "CANCEL") break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return seen;
}

} // namespace testsrv
