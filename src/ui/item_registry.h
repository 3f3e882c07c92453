// Records every interactive ImGui item (id, label, rectangle) each frame through ImGui's test-engine hooks,
// so tests (native and in the browser) can find and click widgets by their label.
#pragma once

#include <string>
#include <vector>

namespace ui {

struct RecordedItem {
    unsigned int id = 0;
    std::string label;                // the label as passed to ImGui (with any "##id" part)
    float x = 0, y = 0, w = 0, h = 0; // in ImGui coordinates (CSS pixels in the browser)
    int statusFlags = 0;
};

void item_registry_set_enabled(bool on);                // turns the hooks on for the current ImGui context
void item_registry_new_frame();                         // call right before ImGui::NewFrame()
const std::vector<RecordedItem>& item_registry_items(); // the items of the last completed frame
std::string item_registry_json();                       // [{id,label,x,y,w,h,visible}] for the browser test hooks

// Added by the ui layer: whether item `i` of item_registry_items() was inside its window's visible area
// (its rectangle is then clipped to that area), and the item whose label ends with "###<idSuffix>".
bool item_registry_visible(size_t i);
const RecordedItem* item_registry_find(const std::string& idSuffix);
// Names the next item before it is submitted: widgets scrolled out of view (which ImGui never labels, it
// skips them) and widgets without a label hook (combos) are still found by their "###id".
void item_registry_name_next(const char* label);

} // namespace ui
