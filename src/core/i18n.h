// The UI's two languages. English text is the key; tr() returns the Chinese for it when the language is zh.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace core {

enum class Lang { En, Zh };

// Returns `english` itself for Lang::En or when no translation is known (never null).
const char* tr(Lang lang, const char* english);

// tr() of a template, then each "{}" in it replaced by the next of `args` (extra "{}" stay empty).
std::string tr_format(Lang lang, const char* english, const std::vector<std::string>& args);

// "zh", "zh-CN", "zh-Hant-TW" -> Zh; anything else (and "") -> En.
Lang lang_from_tag(const std::string& tag);
const char* lang_code(Lang lang); // "en" | "zh"

// One row of the translation table. Core's own strings (error messages) live in i18n.cpp; the UI's strings
// live in i18n_ui.cpp (owned by the ui layer's authors, but plain data, so core may link it).
struct TranslationPair {
    const char* en;
    const char* zh;
};
extern const TranslationPair kUiStrings[];
extern const size_t kUiStringsCount;

// Core's own table (error messages, button meanings), for tests and tools.
const TranslationPair* core_strings();
size_t core_strings_count();

// Every translated string, so the UI can make sure the font atlas has their glyphs.
std::vector<std::string> all_translations();

} // namespace core
