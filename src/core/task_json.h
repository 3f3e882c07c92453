// Mapping between JSON and core::Task: tolerant of missing, null, empty and wrongly-typed fields. Never throws.
#pragma once

#include "task.h"

#include <nlohmann/json.hpp>

namespace core {

// `j` must be an object (callers check); anything else yields a Task with only `raw` set.
Task task_from_json(const nlohmann::json& j);

// The shape TaskInspector.state() reports for one task's data (absent fields are null).
nlohmann::json task_to_json(const Task& t);

} // namespace core
