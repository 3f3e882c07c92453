// The UI's words: translation of every visible string, and formatting of times, durations and sizes.
#pragma once

#include "core/i18n.h"

#include <cstdint>
#include <set>
#include <string>

namespace ui {

// The language of the frame being drawn (set once per frame by draw_inspector).
void set_frame_lang(core::Lang lang);
core::Lang frame_lang();

// core::tr in the frame's language. `english` must be a key of core::kUiStrings (tests check that).
const char* T(const char* english);
// printf with a translated format string, e.g. tf("%d min ago", 3).
std::string tf(const char* englishFormat, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
// "Visible label###stable-id": the visible part is translated, the id survives the language switch.
std::string lid(const char* english, const char* id);
std::string lid_raw(const std::string& visible, const std::string& id);

// Tests: remember every English key passed to T()/tf()/lid() so they can be checked against the table.
void text_record_keys(bool on);
const std::set<std::string>& text_recorded_keys();

// "2025-05-13 18:33:43" in the local time zone.
std::string format_local_time(int64_t msEpoch);
// "850 ms", "39.2 s", "3 min 12 s", "2 h 5 min", "3 d 4 h"; negative durations keep their sign.
std::string format_duration(int64_t ms);
// "just now", "3 min ago", "in 5 s".
std::string format_ago(int64_t thenMs, int64_t nowMs);
// "in 3 s" (seconds rounded up) for a moment ahead, "now" once it has come: the poll countdown.
std::string format_countdown(int64_t targetMs, int64_t nowMs);

} // namespace ui
