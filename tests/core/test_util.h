// Helpers shared by the core tests: reading fixtures and raw HTTP answers.
#pragma once

#include "core/response.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace testutil {

inline std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::string fixture(const std::string& name)
{
    return read_file(std::string(FIXTURES_DIR) + "/" + name);
}

inline std::vector<std::string> fixture_names(const std::string& ext)
{
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(FIXTURES_DIR))
        if (e.path().extension() == ext) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

// "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n\r\nbody" -> HttpResponse (CRLF or LF).
inline core::HttpResponse parse_http(const std::string& raw)
{
    core::HttpResponse r;
    size_t pos = 0;
    auto next_line = [&](std::string& line) {
        if (pos >= raw.size()) return false;
        size_t end = raw.find('\n', pos);
        if (end == std::string::npos) end = raw.size();
        line = raw.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        pos = end + 1;
        return true;
    };
    std::string line;
    if (next_line(line)) {
        const size_t sp = line.find(' ');
        if (sp != std::string::npos) r.status = std::atoi(line.c_str() + sp + 1);
    }
    while (next_line(line) && !line.empty()) {
        const size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        if (name == "content-type") {
            for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            r.contentType = value;
        } else if (name == "retry-after") {
            r.retryAfterSeconds = std::atoi(value.c_str());
        }
    }
    r.body = pos < raw.size() ? raw.substr(pos) : std::string();
    return r;
}

inline core::HttpResponse ok_json(const std::string& body)
{
    core::HttpResponse r;
    r.status = 200;
    r.contentType = "application/json";
    r.body = body;
    return r;
}

} // namespace testutil
