#include "json_parse.h"

#include <utility>
#include <vector>

namespace core {

namespace {

using json = nlohmann::json;

// Deeper documents are refused: copying or printing a json value recurses, and real answers are shallow.
constexpr size_t kMaxDepth = 256;

bool is_integer_literal(const std::string& s)
{
    size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    if (i >= s.size()) return false;
    for (; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

// Builds the DOM itself (no exceptions anywhere on this path), turning oversized integers into digit strings.
class DomBuilder : public nlohmann::json_sax<json> {
public:
    explicit DomBuilder(json& root) : root_(root) {}

    bool null() override { return put(json(nullptr)); }
    bool boolean(bool v) override { return put(json(v)); }
    bool number_integer(number_integer_t v) override { return put(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return put(json(v)); }
    bool number_float(number_float_t v, const string_t& literal) override
    {
        // nlohmann hands an integer literal beyond 64 bits to us as a (lossy) double: keep its digits instead.
        if (is_integer_literal(literal)) return put(json(literal));
        return put(json(v));
    }
    bool string(string_t& v) override { return put(json(std::move(v))); }
    bool binary(binary_t& /*unused*/) override { return put(json(nullptr)); }

    bool start_object(std::size_t /*unused*/) override
    {
        if (stack_.size() >= kMaxDepth) return too_deep();
        json* slot = place(json(json::value_t::object));
        if (!slot) return false;
        stack_.push_back(slot);
        return true;
    }
    bool key(string_t& k) override
    {
        if (stack_.empty() || !stack_.back()->is_object()) return false;
        // operator[] on an object never throws; a repeated key keeps the last value (like nlohmann).
        keySlot_ = &(*stack_.back())[k];
        return true;
    }
    bool end_object() override
    {
        if (stack_.empty()) return false;
        stack_.pop_back();
        return true;
    }
    bool start_array(std::size_t /*unused*/) override
    {
        if (stack_.size() >= kMaxDepth) return too_deep();
        json* slot = place(json(json::value_t::array));
        if (!slot) return false;
        stack_.push_back(slot);
        return true;
    }
    bool end_array() override
    {
        if (stack_.empty()) return false;
        stack_.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& ex) override
    {
        failed_ = true;
        errorPosition_ = position;
        errorMessage_ = ex.what();
        return false;
    }

    bool failed() const { return failed_; }
    bool tooDeep() const { return tooDeep_; }
    size_t errorPosition() const { return errorPosition_; }
    const std::string& errorMessage() const { return errorMessage_; }

private:
    bool too_deep()
    {
        tooDeep_ = true;
        return false;
    }

    json* place(json&& v)
    {
        if (stack_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        json& top = *stack_.back();
        if (top.is_array()) {
            top.get_ref<json::array_t&>().push_back(std::move(v));
            return &top.get_ref<json::array_t&>().back();
        }
        if (top.is_object() && keySlot_) {
            json* slot = keySlot_;
            keySlot_ = nullptr;
            *slot = std::move(v);
            return slot;
        }
        return nullptr;
    }
    bool put(json&& v) { return place(std::move(v)) != nullptr; }

    json& root_;
    std::vector<json*> stack_;
    json* keySlot_ = nullptr;
    bool failed_ = false;
    bool tooDeep_ = false;
    size_t errorPosition_ = 0;
    std::string errorMessage_;
};

} // namespace

JsonParseResult parse_json(const std::string& text)
{
    JsonParseResult r;
    json root;
    DomBuilder builder(root);
    // strict: trailing garbage is an error. Comments are not JSON. Errors go to parse_error (no throw).
    const bool ok = json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json,
                                    /*strict=*/true, /*ignore_comments=*/false);
    if (ok && !builder.failed() && !builder.tooDeep()) {
        r.ok = true;
        r.value = std::move(root);
        return r;
    }
    r.ok = false;
    if (builder.tooDeep()) {
        r.error = "nesting deeper than " + std::to_string(kMaxDepth) + " levels";
        r.errorOffset = 0;
        return r;
    }
    // The lexer counts the end-of-input read as one more byte: an error past the last byte means the text ended
    // while a value was still open (a body cut off mid-way).
    const size_t pos = builder.errorPosition();
    r.truncated = pos > text.size();
    r.errorOffset = pos == 0 ? 0 : (pos > text.size() ? text.size() : pos - 1);
    r.error = builder.errorMessage();
    // nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, column 2: ...";
    // keep the part people can read.
    const std::string marker = ": ";
    const size_t at = r.error.find("] ");
    if (at != std::string::npos) r.error = r.error.substr(at + 2);
    (void)marker;
    if (r.error.empty()) r.error = "syntax error";
    return r;
}

} // namespace core
