#include "task.h"

#include <cctype>

namespace core {

Status parse_status(const std::optional<std::string>& status)
{
    if (!status || status->empty()) return Status::Absent;
    std::string s;
    s.reserve(status->size());
    for (char c : *status) s += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (s == "NOT_START") return Status::NotStart;
    if (s == "SUBMITTED") return Status::Submitted;
    if (s == "MODAL") return Status::Modal;
    if (s == "IN_PROGRESS") return Status::InProgress;
    if (s == "FAILURE") return Status::Failure;
    if (s == "SUCCESS") return Status::Success;
    if (s == "CANCEL") return Status::Cancel;
    return Status::Unknown;
}

bool is_terminal(Status s)
{
    return s == Status::Success || s == Status::Failure || s == Status::Cancel;
}

std::optional<double> progress_fraction(const Task& t)
{
    if (!t.progress) return std::nullopt;
    const std::string& p = *t.progress;
    size_t i = 0;
    while (i < p.size() && (p[i] == ' ' || p[i] == '\t')) ++i;
    double value = 0;
    bool digits = false;
    while (i < p.size() && p[i] >= '0' && p[i] <= '9') {
        if (value < 1e6) value = value * 10 + (p[i] - '0');
        digits = true;
        ++i;
    }
    if (i < p.size() && p[i] == '.') {
        ++i;
        double scale = 0.1;
        while (i < p.size() && p[i] >= '0' && p[i] <= '9') {
            value += (p[i] - '0') * scale;
            scale /= 10;
            digits = true;
            ++i;
        }
    }
    if (!digits) return std::nullopt;
    while (i < p.size() && p[i] == ' ') ++i;
    if (i < p.size() && p[i] == '%') ++i;
    while (i < p.size() && p[i] == ' ') ++i;
    if (i != p.size()) return std::nullopt;
    double f = value / 100.0;
    if (f < 0) f = 0;
    if (f > 1) f = 1;
    return f;
}

} // namespace core
