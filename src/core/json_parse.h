// Parsing untrusted text into JSON without exceptions, keeping integers too large for a double exact.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace core {

struct JsonParseResult {
    bool ok = false;
    bool truncated = false; // the text ended before the JSON did (a cut-off body)
    nlohmann::json value;   // valid when ok
    std::string error;      // parser message when !ok, e.g. "syntax error at byte 17"
    size_t errorOffset = 0;
};

// Integer literals beyond 64 bits (which nlohmann would round to a double) are kept as strings of their digits,
// so an id like 123456789012345678901234 survives exactly.
JsonParseResult parse_json(const std::string& text);

} // namespace core
