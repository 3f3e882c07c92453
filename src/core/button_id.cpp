#include "button_id.h"

#include <cctype>
#include <vector>

namespace core {

namespace {

std::vector<std::string> split_parts(const std::string& s)
{
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t at = s.find("::", start);
        if (at == std::string::npos) {
            parts.push_back(s.substr(start));
            break;
        }
        parts.push_back(s.substr(start, at - start));
        start = at + 2;
        if (parts.size() > 64) break; // garbage: no real id has this many parts
    }
    return parts;
}

bool eq_ci(const std::string& a, const char* b)
{
    size_t i = 0;
    for (; b[i]; ++i) {
        if (i >= a.size()) return false;
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return i == a.size();
}

bool starts_with(const std::string& s, const char* prefix)
{
    return s.compare(0, std::char_traits<char>::length(prefix), prefix) == 0;
}

bool contains(const std::string& s, const char* part)
{
    return s.find(part) != std::string::npos;
}

// "1".."4" -> 1..4; anything else (including huge numbers) -> 0.
int small_index(const std::string& s)
{
    if (s.size() != 1 || s[0] < '1' || s[0] > '4') return 0;
    return s[0] - '0';
}

std::string part(const std::vector<std::string>& p, size_t i)
{
    return i < p.size() ? p[i] : std::string();
}

ButtonMeaning unknown()
{
    ButtonMeaning m;
    m.kind = "unknown";
    return m;
}

ButtonMeaning decode_job(const std::vector<std::string>& p)
{
    ButtonMeaning m;
    const std::string& kind = p[2];
    const std::string number = part(p, 3);
    m.hash = part(p, 4);
    if (kind == "upsample" || kind == "variation") {
        m.index = small_index(number);
        if (m.index == 0) return unknown();
        m.kind = kind == "upsample" ? "upscale" : "variation";
        return m;
    }
    if (kind == "reroll") {
        m.kind = "reroll";
        return m;
    }
    if (eq_ci(kind, "PicReader")) {
        m.hash.clear();
        if (eq_ci(number, "all")) {
            m.kind = "describe_all";
            return m;
        }
        m.index = small_index(number);
        if (m.index == 0) return unknown();
        m.kind = "describe_pick";
        return m;
    }
    if (starts_with(kind, "upsample_")) {
        if (contains(kind, "subtle"))
            m.kind = "upscale_subtle";
        else if (contains(kind, "creative"))
            m.kind = "upscale_creative";
        else if (contains(kind, "4x"))
            m.kind = "upscale_4x";
        else if (contains(kind, "2x"))
            m.kind = "upscale_2x";
        else
            return unknown();
        return m;
    }
    if (kind == "low_variation") {
        m.kind = "vary_subtle";
        return m;
    }
    if (kind == "high_variation") {
        m.kind = "vary_strong";
        return m;
    }
    if (starts_with(kind, "pan_")) {
        const std::string dir = kind.substr(4);
        if (dir != "left" && dir != "right" && dir != "up" && dir != "down") return unknown();
        m.kind = "pan";
        m.detail = dir;
        return m;
    }
    if (kind == "animate_high" || kind == "animate_low") {
        m.kind = "animate";
        m.detail = kind.substr(8);
        return m;
    }
    return unknown();
}

} // namespace

ButtonMeaning decode_button(const std::string& customId)
{
    if (customId.empty() || customId.size() > 4096) return unknown();
    const std::vector<std::string> p = split_parts(customId);
    if (p.size() < 2 || !eq_ci(p[0], "MJ")) return unknown();
    const std::string& family = p[1];
    if (eq_ci(family, "JOB")) {
        if (p.size() < 3 || p[2].empty()) return unknown();
        return decode_job(p);
    }
    if (family == "Outpaint") {
        ButtonMeaning m;
        const std::string scale = part(p, 2);
        if (scale == "50")
            m.detail = "2x";
        else if (scale == "75")
            m.detail = "1.5x";
        else
            return unknown();
        m.kind = "zoom_out";
        m.hash = part(p, 4);
        return m;
    }
    if (family == "CustomZoom") {
        ButtonMeaning m;
        m.kind = "custom_zoom";
        m.needsModal = true;
        m.hash = part(p, 2);
        return m;
    }
    if (family == "Inpaint") {
        ButtonMeaning m;
        m.kind = "vary_region";
        m.needsModal = true;
        m.hash = part(p, 3);
        return m;
    }
    if (eq_ci(family, "Picread") && eq_ci(part(p, 2), "Retry")) {
        ButtonMeaning m;
        m.kind = "describe_retry";
        return m;
    }
    return unknown();
}

std::string describe_button(const ButtonMeaning& m, Lang lang, const std::string& customId)
{
    const std::string idx = std::to_string(m.index);
    const std::string& k = m.kind;
    if (k == "upscale") return tr_format(lang, "Upscale {}", {idx});
    if (k == "variation") return tr_format(lang, "Variation {}", {idx});
    if (k == "reroll") return tr(lang, "Reroll");
    if (k == "upscale_subtle") return tr(lang, "Upscale (Subtle)");
    if (k == "upscale_creative") return tr(lang, "Upscale (Creative)");
    if (k == "upscale_2x") return tr(lang, "Upscale 2x");
    if (k == "upscale_4x") return tr(lang, "Upscale 4x");
    if (k == "vary_subtle") return tr(lang, "Vary (Subtle)");
    if (k == "vary_strong") return tr(lang, "Vary (Strong)");
    if (k == "vary_region") return tr(lang, "Vary (Region)");
    if (k == "zoom_out") {
        if (m.detail == "2x") return tr(lang, "Zoom Out 2x");
        if (m.detail == "1.5x") return tr(lang, "Zoom Out 1.5x");
        return tr_format(lang, "Zoom Out {}", {m.detail});
    }
    if (k == "custom_zoom") return tr(lang, "Custom Zoom");
    if (k == "pan") {
        if (m.detail == "left") return tr(lang, "Pan left");
        if (m.detail == "right") return tr(lang, "Pan right");
        if (m.detail == "up") return tr(lang, "Pan up");
        if (m.detail == "down") return tr(lang, "Pan down");
    }
    if (k == "animate") {
        if (m.detail == "high") return tr(lang, "Animate (High motion)");
        if (m.detail == "low") return tr(lang, "Animate (Low motion)");
    }
    if (k == "describe_pick") return tr_format(lang, "Describe: use prompt {}", {idx});
    if (k == "describe_all") return tr(lang, "Describe: use all prompts");
    if (k == "describe_retry") return tr(lang, "Describe: retry");
    return customId;
}

} // namespace core
