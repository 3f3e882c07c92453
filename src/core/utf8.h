// Small UTF-8 helpers: decoding codepoints (for the font atlas) and repairing invalid sequences for display.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace core {

// Decodes `s` into codepoints; invalid bytes become U+FFFD. Never reads past the end.
std::vector<uint32_t> utf8_codepoints(const std::string& s);

// Appends the UTF-8 encoding of codepoint `cp` (callers pass valid scalar values).
void utf8_append(std::string& out, uint32_t cp);

// `s` with every invalid sequence replaced by U+FFFD, so nothing downstream sees broken UTF-8.
std::string utf8_sanitize(const std::string& s);

// At most `maxBytes` bytes of `s`, cut on a character boundary, with "…" appended when cut.
std::string utf8_truncate(const std::string& s, size_t maxBytes);

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or codepoints above U+10FFFF).
bool utf8_is_valid(const std::string& s);

} // namespace core
