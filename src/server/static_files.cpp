#include "server/static_files.h"

#include "server/http.h"

#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace mjserver {

std::string mime_type_for(const std::string& path)
{
    static const struct {
        const char* ext;
        const char* type;
    } table[] = {
        {".html", "text/html; charset=utf-8"},
        {".htm", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".data", "application/octet-stream"},
        {".ttf", "font/ttf"},
        {".otf", "font/otf"},
        {".woff", "font/woff"},
        {".woff2", "font/woff2"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
        {".md", "text/markdown; charset=utf-8"},
    };
    for (const auto& e : table) {
        size_t n = std::char_traits<char>::length(e.ext);
        if (path.size() >= n && path.compare(path.size() - n, n, e.ext) == 0) return e.type;
    }
    return "application/octet-stream";
}

std::string resolve_static_path(const std::string& root, const std::string& request_path)
{
    if (root.empty() || request_path.empty() || request_path[0] != '/') return "";
    if (request_path.find('\0') != std::string::npos || request_path.find('\\') != std::string::npos) return "";
    // reject any ".." segment
    std::istringstream in(request_path);
    std::string seg;
    while (std::getline(in, seg, '/'))
        if (seg == "..") return "";
    std::string p = root + request_path;
    struct stat st {};
    if (stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        if (p.back() != '/') p += '/';
        p += "index.html";
    }
    if (stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return "";
    return p;
}

void serve_static(const std::string& root, const std::string& request_path, httplib::Response& res)
{
    std::string file = resolve_static_path(root, request_path);
    res.set_header("Cache-Control", "no-cache");
    if (file.empty()) {
        res.status = 404;
        res.set_content("404 not found: " + request_path + "\n", "text/plain; charset=utf-8");
        return;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    res.status = 200;
    res.set_content(ss.str(), mime_type_for(file).c_str());
}

} // namespace mjserver
