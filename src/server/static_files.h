// Serving the built site from --root: index.html for "/", MIME types (wasm, js, ttf ...), no-cache.
#pragma once

#include <string>

namespace httplib {
struct Response;
}

namespace mjserver {

std::string mime_type_for(const std::string& path);
// Resolves a request path inside root (rejecting ".." and hidden traversal); "" if it must not be served.
std::string resolve_static_path(const std::string& root, const std::string& request_path);
// Fills res (200 with the file, or 404). head = HEAD request (headers only).
void serve_static(const std::string& root, const std::string& request_path, httplib::Response& res);

} // namespace mjserver
