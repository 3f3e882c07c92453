// The inspector's views (one file each), drawn by draw_inspector in this order. Internal to the ui layer.
#pragma once

#include "ui/inspector.h"

#include <imgui.h>

namespace ui {

struct ViewContext {
    const core::AppState& s;
    UiState& ui;
    Intents& out;
    int64_t now;
};

void draw_connection_bar(ViewContext& v); // connection_bar.cpp
void draw_task_input(ViewContext& v);     // task_input.cpp
void draw_error_log(ViewContext& v);      // error_panel.cpp
void draw_request_log(ViewContext& v);    // request_log.cpp
void draw_task_list(ViewContext& v);      // task_list.cpp
void draw_detail(ViewContext& v);         // detail_view.cpp

// An error kind of core/response.h in words (error_panel.cpp).
const char* error_kind_text(const std::string& kind);

// The monospace font (index 1 of the atlas) when one was loaded, else the default font.
ImFont* mono_font();

} // namespace ui
