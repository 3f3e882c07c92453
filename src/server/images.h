// PNG rendering (2x2 grids with numbered quadrants, single upscales, progress previews) and the signed
// image URLs (ex= expiry, is= issue time, hm= HMAC-SHA256) the simulated tasks point at.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace mjserver {

constexpr int kGridSize = 512;   // grid PNG is kGridSize x kGridSize, quadrants of half that
constexpr int kSingleSize = 512; // upscale PNG

std::string render_grid_png(uint64_t look);
std::string render_single_png(uint64_t look, int quadrant);  // quadrant 1..4 (0 = "describe" picture)
std::string render_preview_png(uint64_t look, int progress); // a noisy, dim grid

class UrlSigner {
public:
    explicit UrlSigner(std::string secret) : secret_(std::move(secret)) {}
    // "/img/{id}/{kind}.png?ex=..&is=..&hm=..&" (Discord-style, with the trailing &)
    std::string signed_path(const std::string& path, int64_t ex_s, int64_t is_s) const;
    bool verify(const std::string& path, const std::string& ex_hex, const std::string& is_hex,
                const std::string& hm) const;

private:
    std::string mac(const std::string& path, const std::string& ex_hex, const std::string& is_hex) const;
    std::string secret_;
};

// A small bounded cache of rendered PNGs (rendering takes milliseconds; pollers ask many times).
class PngCache {
public:
    template <class F> std::string get(const std::string& key, F render)
    {
        {
            std::lock_guard<std::mutex> lock(mu_);
            auto it = map_.find(key);
            if (it != map_.end()) return it->second;
        }
        std::string png = render();
        std::lock_guard<std::mutex> lock(mu_);
        if (map_.size() > 256) map_.clear();
        map_[key] = png;
        return png;
    }

private:
    std::mutex mu_;
    std::map<std::string, std::string> map_;
};

} // namespace mjserver
