// Splits a Midjourney prompt into its leading reference-image URLs, the text, and its "--" parameters.
#include "ui/prompt_parts.h"

#include <cctype>

namespace ui {

namespace {

std::vector<std::string> words(const std::string& s)
{
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        size_t j = i;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

bool is_url(std::string w)
{
    if (w.size() > 2 && w.front() == '<' && w.back() == '>') w = w.substr(1, w.size() - 2);
    return w.rfind("http://", 0) == 0 || w.rfind("https://", 0) == 0;
}

// "--ar", "—ar" (an em dash typed by phones) are parameters; a lone "--" is not.
bool is_param(const std::string& w, std::string* name)
{
    std::string n;
    if (w.rfind("--", 0) == 0) {
        n = w.substr(2);
    } else if (w.rfind("\xE2\x80\x94", 0) == 0) {
        n = w.substr(3);
    } else {
        return false;
    }
    if (n.empty() || !std::isalpha(static_cast<unsigned char>(n[0]))) return false;
    *name = n;
    return true;
}

} // namespace

PromptParts split_prompt(const std::string& prompt)
{
    PromptParts p;
    const std::vector<std::string> ws = words(prompt);
    size_t i = 0;
    for (; i < ws.size() && is_url(ws[i]); ++i) {
        std::string u = ws[i];
        if (u.front() == '<') u = u.substr(1, u.size() - 2);
        p.imageUrls.push_back(u);
    }
    for (; i < ws.size(); ++i) {
        std::string name;
        if (is_param(ws[i], &name)) break;
        if (!p.text.empty()) p.text += ' ';
        p.text += ws[i];
    }
    while (i < ws.size()) {
        std::string name;
        is_param(ws[i], &name);
        std::string value;
        for (++i; i < ws.size(); ++i) {
            std::string next;
            if (is_param(ws[i], &next)) break;
            if (!value.empty()) value += ' ';
            value += ws[i];
        }
        p.params.emplace_back(name, value);
    }
    return p;
}

const char* describe_param(const std::string& name)
{
    std::string n;
    for (char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "ar" || n == "aspect") return "aspect ratio";
    if (n == "v" || n == "version") return "model version";
    if (n == "niji") return "Niji model (anime style)";
    if (n == "s" || n == "stylize") return "stylize strength";
    if (n == "q" || n == "quality") return "quality / render time";
    if (n == "c" || n == "chaos") return "chaos (variety of the grid)";
    if (n == "w" || n == "weird") return "weirdness";
    if (n == "seed") return "seed";
    if (n == "no") return "things to leave out";
    if (n == "iw") return "image prompt weight";
    if (n == "tile") return "seamless tiling";
    if (n == "style") return "style";
    if (n == "sref") return "style reference";
    if (n == "cref") return "character reference";
    if (n == "r" || n == "repeat") return "repeat the job";
    if (n == "fast") return "fast mode";
    if (n == "relax") return "relax mode";
    if (n == "turbo") return "turbo mode";
    if (n == "raw") return "raw style";
    return nullptr;
}

} // namespace ui
