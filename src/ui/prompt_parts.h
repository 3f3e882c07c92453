// Splits a Midjourney prompt into its leading reference-image URLs, the text, and its "--" parameters.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ui {

struct PromptParts {
    std::vector<std::string> imageUrls;                      // leading http(s) URLs (reference images)
    std::string text;                                        // the words between the URLs and the parameters
    std::vector<std::pair<std::string, std::string>> params; // {"ar", "16:9"}, {"fast", ""}, {"no", "cats dogs"}
};

PromptParts split_prompt(const std::string& prompt);

// What a parameter does, in English (a ui string key), or nullptr for parameters we do not describe.
const char* describe_param(const std::string& name);

} // namespace ui
