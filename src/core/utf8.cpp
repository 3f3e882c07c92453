#include "utf8.h"

namespace core {

namespace {

// Decodes one codepoint at s[i]; returns the number of bytes consumed (>= 1) and sets *ok.
size_t decode_one(const std::string& s, size_t i, uint32_t* cp, bool* ok)
{
    const size_t n = s.size();
    const auto b0 = static_cast<unsigned char>(s[i]);
    *ok = false;
    *cp = 0xFFFD;
    if (b0 < 0x80) {
        *cp = b0;
        *ok = true;
        return 1;
    }
    size_t len = 0;
    uint32_t c = 0;
    uint32_t minValue = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        c = b0 & 0x1Fu;
        minValue = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        c = b0 & 0x0Fu;
        minValue = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        c = b0 & 0x07u;
        minValue = 0x10000;
    } else {
        return 1; // continuation byte or invalid lead byte
    }
    for (size_t k = 1; k < len; ++k) {
        if (i + k >= n) return k; // truncated sequence: consume what we saw
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0u) != 0x80u) return k; // not a continuation: resync at this byte
        c = (c << 6) | (b & 0x3Fu);
    }
    if (c < minValue || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return len;
    *cp = c;
    *ok = true;
    return len;
}

} // namespace

void utf8_append(std::string& out, uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::vector<uint32_t> utf8_codepoints(const std::string& s)
{
    std::vector<uint32_t> out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        uint32_t cp = 0;
        bool ok = false;
        i += decode_one(s, i, &cp, &ok);
        out.push_back(ok ? cp : 0xFFFDu);
    }
    return out;
}

bool utf8_is_valid(const std::string& s)
{
    size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        uint32_t cp = 0;
        bool ok = false;
        i += decode_one(s, i, &cp, &ok);
        if (!ok) return false;
    }
    return true;
}

std::string utf8_sanitize(const std::string& s)
{
    if (utf8_is_valid(s)) return s;
    std::string out;
    out.reserve(s.size() + 8);
    size_t i = 0;
    while (i < s.size()) {
        uint32_t cp = 0;
        bool ok = false;
        const size_t used = decode_one(s, i, &cp, &ok);
        if (ok)
            out.append(s, i, used);
        else
            utf8_append(out, 0xFFFD);
        i += used;
    }
    return out;
}

std::string utf8_truncate(const std::string& s, size_t maxBytes)
{
    if (s.size() <= maxBytes) return s;
    static const char kEllipsis[] = "\xE2\x80\xA6"; // U+2026
    const size_t ellipsisLen = sizeof(kEllipsis) - 1;
    size_t cut = maxBytes >= ellipsisLen ? maxBytes - ellipsisLen : maxBytes;
    // Back up to the start of a character (at most 3 continuation bytes).
    size_t back = 0;
    while (cut > 0 && back < 4 && (static_cast<unsigned char>(s[cut]) & 0xC0u) == 0x80u) {
        --cut;
        ++back;
    }
    std::string out = s.substr(0, cut);
    if (maxBytes >= ellipsisLen) out += kEllipsis;
    return out;
}

} // namespace core
