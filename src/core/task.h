// The Midjourney task as the inspector understands it: every field of ../shared/spec/API.md, each optional.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace core {

// A field the server sent with a type we did not expect; kept so the UI can say so instead of hiding it.
struct FieldProblem {
    std::string field;    // e.g. "progress" or "buttons[2].customId"
    std::string expected; // e.g. "string"
    std::string got;      // e.g. "number 46"
};

struct Button {
    std::optional<std::string> customId;
    std::optional<std::string> emoji;
    std::optional<std::string> label;
    std::optional<int64_t> type;
    std::optional<int64_t> style;
};

// Missing, null, "" and wrongly-typed fields are all std::nullopt ("the server did not say").
struct Task {
    std::string id; // exact digits even when sent as a number above 2^53; "" when absent
    std::optional<std::string> action;
    std::optional<std::string> status;
    std::optional<std::string> progress; // as sent, e.g. "46%"
    std::optional<std::string> prompt;
    std::optional<std::string> promptEn;
    std::optional<std::string> description;
    std::optional<std::string> state;
    std::optional<int64_t> submitTime; // ms since epoch; 0 is treated as absent
    std::optional<int64_t> startTime;
    std::optional<int64_t> finishTime;
    std::optional<std::string> imageUrl;
    std::optional<int64_t> imageWidth; // 0 is treated as absent ("unknown")
    std::optional<int64_t> imageHeight;
    std::optional<std::string> failReason;
    std::optional<std::vector<Button>> buttons;           // present-but-empty is an empty vector
    nlohmann::json properties = nlohmann::json::object(); // always an object (empty when absent)
    std::optional<std::string> botType;
    std::optional<std::string> mode;
    std::optional<std::string> customId;
    std::optional<std::string> proxy;
    std::optional<std::string> maskBase64;

    nlohmann::json raw = nlohmann::json::object(); // the object exactly as received, unknown fields included
    std::vector<FieldProblem> problems;            // fields present with an unexpected type
};

enum class Status { Absent, NotStart, Submitted, Modal, InProgress, Failure, Success, Cancel, Unknown };

Status parse_status(const std::optional<std::string>& status);
bool is_terminal(Status s);                             // Success, Failure, Cancel
std::optional<double> progress_fraction(const Task& t); // "46%" -> 0.46; nullopt when absent or unparseable

} // namespace core
