#include "server/images.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include "server/stb_write.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace mjserver {

namespace {

// 5x7 glyphs, one byte per row, low 5 bits, MSB left.
const uint8_t kDigits[10][7] = {
    {0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E}, {0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E},
    {0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F}, {0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E},
    {0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02}, {0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E},
    {0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E}, {0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08},
    {0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E}, {0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C},
};
const uint8_t kGlyphU[7] = {0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E};
const uint8_t kGlyphPct[7] = {0x18, 0x19, 0x02, 0x04, 0x08, 0x13, 0x03};

struct Image {
    int w, h;
    std::vector<uint8_t> px; // RGB
    Image(int width, int height) : w(width), h(height), px(static_cast<size_t>(width * height * 3), 0) {}
    void set(int x, int y, uint8_t r, uint8_t g, uint8_t b)
    {
        if (x < 0 || y < 0 || x >= w || y >= h) return;
        size_t i = static_cast<size_t>((y * w + x) * 3);
        px[i] = r, px[i + 1] = g, px[i + 2] = b;
    }
};

void hue_rgb(double hue, double light, uint8_t& r, uint8_t& g, uint8_t& b)
{
    // simple HSV with s = 0.6
    double h6 = (hue - static_cast<int>(hue)) * 6.0;
    int sector = static_cast<int>(h6);
    double f = h6 - sector, v = light, p = v * 0.4, q = v * (1 - 0.6 * f), t = v * (1 - 0.6 * (1 - f));
    double rr = v, gg = t, bb = p;
    switch (sector % 6) {
    case 0:
        rr = v, gg = t, bb = p;
        break;
    case 1:
        rr = q, gg = v, bb = p;
        break;
    case 2:
        rr = p, gg = v, bb = t;
        break;
    case 3:
        rr = p, gg = q, bb = v;
        break;
    case 4:
        rr = t, gg = p, bb = v;
        break;
    case 5:
        rr = v, gg = p, bb = q;
        break;
    }
    r = static_cast<uint8_t>(std::clamp(rr, 0.0, 1.0) * 255);
    g = static_cast<uint8_t>(std::clamp(gg, 0.0, 1.0) * 255);
    b = static_cast<uint8_t>(std::clamp(bb, 0.0, 1.0) * 255);
}

void fill_panel(Image& img, int x0, int y0, int size, uint64_t look, int quadrant)
{
    double base = static_cast<double>((look >> (quadrant * 8)) & 0xFF) / 255.0;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            double hue = base + 0.25 * (static_cast<double>(x + y) / (2.0 * size));
            double light = 0.55 + 0.4 * static_cast<double>(size - y) / size;
            uint8_t r, g, b;
            hue_rgb(hue, light, r, g, b);
            img.set(x0 + x, y0 + y, r, g, b);
        }
    }
}

void draw_glyph(Image& img, const uint8_t* glyph, int x0, int y0, int scale)
{
    for (int row = 0; row < 7; ++row)
        for (int col = 0; col < 5; ++col)
            if (glyph[row] & (0x10 >> col))
                for (int dy = 0; dy < scale; ++dy)
                    for (int dx = 0; dx < scale; ++dx) {
                        int x = x0 + col * scale + dx, y = y0 + row * scale + dy;
                        // white with a dark outline effect: darker border pixels
                        bool edge = dx == 0 || dy == 0 || dx == scale - 1 || dy == scale - 1;
                        uint8_t v = edge ? 40 : 255;
                        img.set(x, y, v, v, v);
                    }
}

void draw_text(Image& img, const std::vector<const uint8_t*>& glyphs, int cx, int cy, int scale)
{
    int width = static_cast<int>(glyphs.size()) * 6 * scale - scale;
    int x = cx - width / 2, y = cy - 7 * scale / 2;
    for (const uint8_t* g : glyphs) {
        draw_glyph(img, g, x, y, scale);
        x += 6 * scale;
    }
}

void write_cb(void* ctx, void* data, int size)
{
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<size_t>(size));
}

std::string encode(const Image& img)
{
    std::string out;
    stbi_write_png_to_func(write_cb, &out, img.w, img.h, 3, img.px.data(), img.w * 3);
    return out;
}

Image grid_image(uint64_t look)
{
    Image img(kGridSize, kGridSize);
    const int half = kGridSize / 2;
    for (int q = 0; q < 4; ++q) {
        int x0 = (q % 2) * half, y0 = (q / 2) * half;
        fill_panel(img, x0, y0, half, look, q + 1);
        draw_text(img, {kDigits[q + 1]}, x0 + half / 2, y0 + half / 2, 14);
    }
    for (int i = 0; i < kGridSize; ++i)
        for (int d = -2; d < 2; ++d) {
            img.set(half + d, i, 20, 20, 24);
            img.set(i, half + d, 20, 20, 24);
        }
    return img;
}

} // namespace

std::string render_grid_png(uint64_t look)
{
    return encode(grid_image(look));
}

std::string render_single_png(uint64_t look, int quadrant)
{
    Image img(kSingleSize, kSingleSize);
    int q = std::clamp(quadrant, 0, 4);
    fill_panel(img, 0, 0, kSingleSize, look, q == 0 ? 5 : q);
    if (q > 0)
        draw_text(img, {kGlyphU, kDigits[q]}, kSingleSize / 2, kSingleSize / 2, 18);
    else
        draw_text(img, {kDigits[0]}, kSingleSize / 2, kSingleSize / 2, 18);
    return encode(img);
}

std::string render_preview_png(uint64_t look, int progress)
{
    Image img = grid_image(look);
    uint64_t x = look | 1;
    double keep = std::clamp(progress, 0, 100) / 100.0;
    for (size_t i = 0; i < img.px.size(); ++i) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double noise = static_cast<double>(x & 0xFF);
        img.px[i] = static_cast<uint8_t>(keep * img.px[i] * 0.7 + (1 - keep) * noise * 0.5);
    }
    int p = std::clamp(progress, 0, 99);
    std::vector<const uint8_t*> text;
    if (p >= 10) text.push_back(kDigits[p / 10]);
    text.push_back(kDigits[p % 10]);
    text.push_back(kGlyphPct);
    draw_text(img, text, kGridSize / 2, kGridSize / 2, 10);
    return encode(img);
}

std::string UrlSigner::mac(const std::string& path, const std::string& ex_hex, const std::string& is_hex) const
{
    std::string msg = path + "|" + ex_hex + "|" + is_hex;
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
         reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), out, &len);
    static const char* hex = "0123456789abcdef";
    std::string s;
    for (unsigned int i = 0; i < len; ++i) {
        s += hex[out[i] >> 4];
        s += hex[out[i] & 15];
    }
    return s;
}

std::string UrlSigner::signed_path(const std::string& path, int64_t ex_s, int64_t is_s) const
{
    char ex[32], is[32];
    std::snprintf(ex, sizeof ex, "%llx", static_cast<unsigned long long>(std::max<int64_t>(0, ex_s)));
    std::snprintf(is, sizeof is, "%llx", static_cast<unsigned long long>(std::max<int64_t>(0, is_s)));
    return path + "?ex=" + ex + "&is=" + is + "&hm=" + mac(path, ex, is) + "&";
}

bool UrlSigner::verify(const std::string& path, const std::string& ex_hex, const std::string& is_hex,
                       const std::string& hm) const
{
    std::string want = mac(path, ex_hex, is_hex);
    return hm.size() == want.size() && CRYPTO_memcmp(hm.data(), want.data(), want.size()) == 0;
}

} // namespace mjserver
