// How each server flavour shapes a task, a submit result, and its error answers (401, not found, bad route).
#pragma once

#include "server/options.h"
#include "server/simulator.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace mjserver {

// (task id, kind, reference epoch ms) -> absolute signed image URL. kind: "grid", "upscale-N",
// "preview-PP", "describe". The reference time is the finish time (or now for previews).
using ImageUrlFn = std::function<std::string(const std::string&, const std::string&, int64_t)>;

nlohmann::ordered_json render_task(const TaskRecord& t, const Snapshot& s, Flavour f, const ImageUrlFn& url);
std::string render_task_body(const TaskRecord& t, const Snapshot& s, Flavour f, const ImageUrlFn& url);
nlohmann::ordered_json render_submit(const SubmitResult& r, Flavour f);

struct Answer {
    int status = 200;
    std::string body;
    std::string content_type = "application/json";
};

Answer unauthorized_answer(Flavour f);
Answer task_not_found_answer(Flavour f);
Answer no_route_answer(Flavour f, const std::string& method, const std::string& path);
Answer bad_request_answer(Flavour f, const std::string& message);

} // namespace mjserver
