// The inspector's views: draws the core state with Dear ImGui and returns what the user asked for. No I/O.
#pragma once

#include "core/app.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ui {

// Edit buffers and view choices that belong to the UI, not to the inspected data.
struct UiState {
    std::string idInput; // the task id box (may hold many ids)
    std::string baseUrl; // connection bar edits, applied with "Apply" / Enter
    std::string apiKey;
    int authIndex = 0; // core::AuthStyle as int
    bool showKey = false;
    bool connectionOpen = false;       // embed=1 folds the connection bar until the user opens it
    bool connectionDirty = false;      // edits not yet applied
    uint64_t syncedConfigRevision = 0; // when the core config changes from outside, buffers are reloaded
    bool initialized = false;
    // Added by the ui layer (not part of the original contract; platform code need not touch them).
    int pollSeconds = 3;       // connection bar edit of Config::pollSeconds
    bool rememberKey = false;  // connection bar edit of Config::rememberKey
    core::Config syncedConfig; // the core config the buffers were last loaded from
    int appliedTheme = -1;     // the theme draw_inspector last applied (-1: none yet)
    std::string rawJsonKey;    // cache of the selected task's pretty-printed raw JSON
    std::string rawJson;
};

// What the user did this frame. The platform turns these into core events and browser calls.
struct Intents {
    std::optional<std::string> open; // raw text of ids to watch (and select the first)
    std::optional<std::string> select;
    std::optional<std::string> refresh; // fetch this id now
    std::optional<std::string> remove;
    std::optional<core::Config> config;  // apply this configuration
    std::optional<std::string> copyText; // put on the system clipboard
    std::optional<std::string> openUrl;  // open in a new tab (the platform re-checks it is http(s))
    std::optional<bool> paused;
    std::optional<core::Lang> lang;
    std::optional<core::Theme> theme;
    bool clearErrors = false;
};

// Draws one full-viewport frame. `now` is ms since epoch (for ages and countdowns).
Intents draw_inspector(const core::AppState& s, UiState& ui, int64_t now);

// Colours and sizes for the theme; `scale` multiplies paddings and roundings (1 = CSS pixel units).
void apply_theme(core::Theme theme);

} // namespace ui
