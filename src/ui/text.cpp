// The UI's words: translation of every visible string, and formatting of times, durations and sizes.
#include "ui/text.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace ui {

namespace {
core::Lang g_lang = core::Lang::En;
bool g_record = false;
std::set<std::string> g_keys;

void record(const char* english)
{
    if (g_record) g_keys.insert(english);
}
} // namespace

void set_frame_lang(core::Lang lang)
{
    g_lang = lang;
}
core::Lang frame_lang()
{
    return g_lang;
}

const char* T(const char* english)
{
    record(english);
    return core::tr(g_lang, english);
}

std::string tf(const char* englishFormat, ...)
{
    const char* fmt = T(englishFormat);
    char buf[512];
    va_list args;
    va_start(args, englishFormat);
    const int n = std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    if (n < 0) return std::string();
    return std::string(buf, static_cast<size_t>(n) < sizeof buf ? static_cast<size_t>(n) : sizeof buf - 1);
}

std::string lid(const char* english, const char* id)
{
    return std::string(T(english)) + "###" + id;
}
std::string lid_raw(const std::string& visible, const std::string& id)
{
    return visible + "###" + id;
}

void text_record_keys(bool on)
{
    g_record = on;
    if (on) g_keys.clear();
}
const std::set<std::string>& text_recorded_keys()
{
    return g_keys;
}

std::string format_local_time(int64_t msEpoch)
{
    const std::time_t t = static_cast<std::time_t>(msEpoch / 1000);
    std::tm tmv{};
    if (!localtime_r(&t, &tmv)) return std::to_string(msEpoch);
    char buf[64];
    const size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tmv);
    return std::string(buf, n);
}

std::string format_duration(int64_t ms)
{
    const char* sign = ms < 0 ? "-" : "";
    const int64_t a = ms < 0 ? -ms : ms;
    std::string body;
    if (a < 1000) {
        body = tf("%d ms", static_cast<int>(a));
    } else if (a < 60 * 1000) {
        body = tf("%.1f s", static_cast<double>(a) / 1000.0);
    } else if (a < 3600 * 1000) {
        body = tf("%d min %d s", static_cast<int>(a / 60000), static_cast<int>((a / 1000) % 60));
    } else if (a < 86400LL * 1000) {
        body = tf("%d h %d min", static_cast<int>(a / 3600000), static_cast<int>((a / 60000) % 60));
    } else {
        body = tf("%d d %d h", static_cast<int>(a / 86400000LL), static_cast<int>((a / 3600000) % 24));
    }
    return sign + body;
}

std::string format_ago(int64_t thenMs, int64_t nowMs)
{
    const int64_t d = nowMs - thenMs;
    const int64_t a = d < 0 ? -d : d;
    if (a < 5000) return T("just now");
    const int s = static_cast<int>(a / 1000);
    if (d > 0) {
        if (s < 60) return tf("%d s ago", s);
        if (s < 3600) return tf("%d min ago", s / 60);
        if (s < 86400) return tf("%d h ago", s / 3600);
        return tf("%d d ago", s / 86400);
    }
    if (s < 60) return tf("in %d s", s);
    if (s < 3600) return tf("in %d min", s / 60);
    if (s < 86400) return tf("in %d h", s / 3600);
    return tf("in %d d", s / 86400);
}

std::string format_countdown(int64_t targetMs, int64_t nowMs)
{
    const int64_t left = targetMs - nowMs;
    if (left <= 0) return T("now");
    const int s = static_cast<int>((left + 999) / 1000); // "in 3 s" until the third second has fully passed
    if (s < 60) return tf("in %d s", s);
    return format_ago(targetMs, nowMs);
}

} // namespace ui
