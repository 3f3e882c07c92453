#include "task_json.h"

#include "utf8.h"

#include <cmath>
#include <limits>

namespace core {

namespace {

using json = nlohmann::json;

std::string dump_safe(const json& v)
{
    return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

// "number 46", "array", "object", "boolean true" - what arrived, short.
std::string describe_value(const json& v)
{
    switch (v.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return std::string("boolean ") + (v.get<bool>() ? "true" : "false");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "number " + utf8_truncate(dump_safe(v), 40);
    case json::value_t::string:
        return "string \"" + utf8_truncate(utf8_sanitize(v.get_ref<const std::string&>()), 40) + "\"";
    case json::value_t::array:
        return "array";
    case json::value_t::object:
        return "object";
    default:
        return "binary";
    }
}

void add_problem(Task& t, const std::string& field, const std::string& expected, const json& got)
{
    t.problems.push_back(FieldProblem{field, expected, describe_value(got)});
}

const json* member(const json& obj, const char* name)
{
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(name);
    if (it == obj.end()) return nullptr;
    return &*it;
}

// Strings: missing/null/"" -> nullopt; other types -> nullopt + problem. Invalid UTF-8 is repaired.
std::optional<std::string> get_string(Task& t, const json& obj, const char* name, const std::string& path)
{
    const json* v = member(obj, name);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) {
        add_problem(t, path, "string", *v);
        return std::nullopt;
    }
    const std::string& s = v->get_ref<const std::string&>();
    if (s.empty()) return std::nullopt;
    return utf8_sanitize(s);
}

bool all_digits(const std::string& s, size_t from = 0)
{
    if (s.size() <= from) return false;
    for (size_t i = from; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

// Parses a decimal integer string (optional '-') into int64; false on overflow or non-digits.
bool parse_int64(const std::string& s, int64_t* out)
{
    const bool negative = !s.empty() && s[0] == '-';
    if (!all_digits(s, negative ? 1 : 0)) return false;
    uint64_t v = 0;
    const uint64_t limit =
        negative ? uint64_t(std::numeric_limits<int64_t>::max()) + 1 : uint64_t(std::numeric_limits<int64_t>::max());
    for (size_t i = negative ? 1 : 0; i < s.size(); ++i) {
        const uint64_t d = uint64_t(s[i] - '0');
        if (v > (limit - d) / 10) return false;
        v = v * 10 + d;
    }
    if (negative)
        *out =
            v == uint64_t(std::numeric_limits<int64_t>::max()) + 1 ? std::numeric_limits<int64_t>::min() : -int64_t(v);
    else
        *out = int64_t(v);
    return true;
}

// Integers: numbers (integral floats too) or strings of digits; zero is "absent" when zeroIsAbsent.
std::optional<int64_t> get_int(Task& t, const json& obj, const char* name, const std::string& path, bool zeroIsAbsent)
{
    const json* v = member(obj, name);
    if (!v || v->is_null()) return std::nullopt;
    int64_t out = 0;
    bool ok = false;
    if (v->is_number_integer() && !v->is_number_unsigned()) {
        out = v->get<int64_t>();
        ok = true;
    } else if (v->is_number_unsigned()) {
        const uint64_t u = v->get<uint64_t>();
        if (u <= uint64_t(std::numeric_limits<int64_t>::max())) {
            out = int64_t(u);
            ok = true;
        }
    } else if (v->is_number_float()) {
        const double d = v->get<double>();
        if (std::isfinite(d) && d >= -9.2e18 && d <= 9.2e18) {
            out = static_cast<int64_t>(d);
            ok = true;
        }
    } else if (v->is_string()) {
        const std::string& s = v->get_ref<const std::string&>();
        if (s.empty()) return std::nullopt;
        ok = parse_int64(s, &out);
    }
    if (!ok) {
        add_problem(t, path, "number", *v);
        return std::nullopt;
    }
    if (zeroIsAbsent && out == 0) return std::nullopt;
    return out;
}

Button button_from_json(Task& t, const json& b, const std::string& path)
{
    Button out;
    out.customId = get_string(t, b, "customId", path + ".customId");
    out.emoji = get_string(t, b, "emoji", path + ".emoji");
    out.label = get_string(t, b, "label", path + ".label");
    out.type = get_int(t, b, "type", path + ".type", false);
    out.style = get_int(t, b, "style", path + ".style", false);
    return out;
}

json opt(const std::optional<std::string>& v)
{
    return v ? json(*v) : json(nullptr);
}
json opt(const std::optional<int64_t>& v)
{
    return v ? json(*v) : json(nullptr);
}

} // namespace

Task task_from_json(const json& j)
{
    Task t;
    if (!j.is_object()) return t; // raw stays an empty object: callers only pass objects
    t.raw = j;

    if (const json* id = member(j, "id")) {
        if (id->is_string()) {
            t.id = utf8_sanitize(id->get_ref<const std::string&>());
        } else if (id->is_number_unsigned()) {
            t.id = std::to_string(id->get<uint64_t>());
        } else if (id->is_number_integer()) {
            t.id = std::to_string(id->get<int64_t>());
        } else if (!id->is_null()) {
            add_problem(t, "id", "string", *id);
        }
    }
    t.action = get_string(t, j, "action", "action");
    t.status = get_string(t, j, "status", "status");

    if (const json* p = member(j, "progress")) {
        if (p->is_string()) {
            if (!p->get_ref<const std::string&>().empty()) t.progress = utf8_sanitize(p->get_ref<const std::string&>());
        } else if (p->is_number()) {
            add_problem(t, "progress", "string", *p);
            double d = p->get<double>();
            if (std::isfinite(d)) {
                std::string s = dump_safe(*p);
                if (p->is_number_float() && d == std::floor(d) && std::fabs(d) < 1e15)
                    s = std::to_string(static_cast<int64_t>(d));
                t.progress = s + "%";
            }
        } else if (!p->is_null()) {
            add_problem(t, "progress", "string", *p);
        }
    }
    t.prompt = get_string(t, j, "prompt", "prompt");
    t.promptEn = get_string(t, j, "promptEn", "promptEn");
    t.description = get_string(t, j, "description", "description");
    t.state = get_string(t, j, "state", "state");
    t.submitTime = get_int(t, j, "submitTime", "submitTime", true);
    t.startTime = get_int(t, j, "startTime", "startTime", true);
    t.finishTime = get_int(t, j, "finishTime", "finishTime", true);
    t.imageUrl = get_string(t, j, "imageUrl", "imageUrl");
    t.imageWidth = get_int(t, j, "imageWidth", "imageWidth", true);
    t.imageHeight = get_int(t, j, "imageHeight", "imageHeight", true);
    t.failReason = get_string(t, j, "failReason", "failReason");

    if (const json* b = member(j, "buttons")) {
        if (b->is_array()) {
            std::vector<Button> buttons;
            buttons.reserve(b->size());
            size_t index = 0;
            for (const json& e : *b) {
                const std::string path = "buttons[" + std::to_string(index) + "]";
                if (e.is_object())
                    buttons.push_back(button_from_json(t, e, path));
                else
                    add_problem(t, path, "object", e);
                ++index;
            }
            t.buttons = std::move(buttons);
        } else if (!b->is_null()) {
            add_problem(t, "buttons", "array", *b);
        }
    }
    if (const json* p = member(j, "properties")) {
        if (p->is_object())
            t.properties = *p;
        else if (!p->is_null())
            add_problem(t, "properties", "object", *p);
    }
    t.botType = get_string(t, j, "botType", "botType");
    t.mode = get_string(t, j, "mode", "mode");
    t.customId = get_string(t, j, "customId", "customId");
    t.proxy = get_string(t, j, "proxy", "proxy");
    t.maskBase64 = get_string(t, j, "maskBase64", "maskBase64");
    return t;
}

json task_to_json(const Task& t)
{
    json j = json::object();
    j["id"] = t.id.empty() ? json(nullptr) : json(t.id);
    j["action"] = opt(t.action);
    j["status"] = opt(t.status);
    j["progress"] = opt(t.progress);
    j["prompt"] = opt(t.prompt);
    j["promptEn"] = opt(t.promptEn);
    j["description"] = opt(t.description);
    j["state"] = opt(t.state);
    j["submitTime"] = opt(t.submitTime);
    j["startTime"] = opt(t.startTime);
    j["finishTime"] = opt(t.finishTime);
    j["imageUrl"] = opt(t.imageUrl);
    j["imageWidth"] = opt(t.imageWidth);
    j["imageHeight"] = opt(t.imageHeight);
    j["failReason"] = opt(t.failReason);
    if (t.buttons) {
        json arr = json::array();
        for (const Button& b : *t.buttons) {
            json o = json::object();
            o["customId"] = opt(b.customId);
            o["label"] = opt(b.label);
            o["emoji"] = opt(b.emoji);
            arr.push_back(std::move(o));
        }
        j["buttons"] = std::move(arr);
    } else {
        j["buttons"] = nullptr;
    }
    j["properties"] = t.properties.is_object() ? t.properties : json::object();
    json problems = json::array();
    for (const FieldProblem& p : t.problems)
        problems.push_back(json{{"field", p.field}, {"expected", p.expected}, {"got", p.got}});
    j["problems"] = std::move(problems);
    return j;
}

} // namespace core
