// Records every ImGui item (id, label, rectangle) through ImGui's test-engine hooks, so tests can click widgets.
#include "ui/item_registry.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <cstdarg>
#include <unordered_map>

namespace ui {

namespace {

struct Registry {
    std::vector<RecordedItem> current;         // items of the frame being built
    std::unordered_map<ImGuiID, size_t> index; // id -> position in `current`
    std::vector<RecordedItem> last;            // the last completed frame
    std::vector<bool> currentVisible, lastVisible;
    std::unordered_map<ImGuiID, std::string> names; // labels announced for this frame's items
};

Registry& reg()
{
    static Registry r;
    return r;
}

} // namespace

void item_registry_set_enabled(bool on)
{
    if (ImGuiContext* ctx = ImGui::GetCurrentContext()) ctx->TestEngineHookItems = on;
}

void item_registry_new_frame()
{
    Registry& r = reg();
    r.last.swap(r.current);
    r.lastVisible.swap(r.currentVisible);
    r.current.clear();
    r.currentVisible.clear();
    r.index.clear();
    r.names.clear();
}

void item_registry_name_next(const char* label)
{
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx || !ctx->TestEngineHookItems || !ctx->CurrentWindow) return;
    // GetID() treats "###" exactly as the widgets do, so this is the id the widget will get.
    reg().names[ImGui::GetID(label)] = label;
}

const std::vector<RecordedItem>& item_registry_items()
{
    return reg().last;
}

bool item_registry_visible(size_t i)
{
    const Registry& r = reg();
    return i < r.lastVisible.size() ? r.lastVisible[i] : false;
}

const RecordedItem* item_registry_find(const std::string& idSuffix)
{
    for (const RecordedItem& it : reg().last) {
        const size_t p = it.label.rfind("###");
        if (p != std::string::npos && it.label.compare(p + 3, std::string::npos, idSuffix) == 0) return &it;
    }
    return nullptr;
}

std::string item_registry_json()
{
    const Registry& r = reg();
    nlohmann::json arr = nlohmann::json::array();
    for (size_t i = 0; i < r.last.size(); ++i) {
        const RecordedItem& it = r.last[i];
        arr.push_back({{"id", it.id},
                       {"label", it.label},
                       {"x", it.x},
                       {"y", it.y},
                       {"w", it.w},
                       {"h", it.h},
                       {"visible", i < r.lastVisible.size() && r.lastVisible[i]}});
    }
    return arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace ui

// ---- The hooks ImGui calls when compiled with IMGUI_ENABLE_TEST_ENGINE (see imgui_internal.h).

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id)
{
    ui::Registry& r = ui::reg();
    // The part of the item inside its window's visible area: what a click can actually reach.
    ImRect visible = bb;
    bool isVisible = true;
    if (ctx && ctx->CurrentWindow) {
        const ImRect clip = ctx->CurrentWindow->ClipRect;
        visible.ClipWithFull(clip);
        isVisible = visible.GetWidth() > 0.0f && visible.GetHeight() > 0.0f && !ctx->CurrentWindow->SkipItems;
    }
    if (!isVisible) visible = bb;
    ui::RecordedItem item;
    item.id = id;
    item.x = visible.Min.x;
    item.y = visible.Min.y;
    item.w = visible.GetWidth();
    item.h = visible.GetHeight();
    auto found = r.index.find(id);
    if (found != r.index.end()) {
        // Submitted twice in one frame (e.g. a child window's nav rect): keep the label, update the rect.
        ui::RecordedItem& old = r.current[found->second];
        item.label = old.label;
        item.statusFlags = old.statusFlags;
        old = item;
        r.currentVisible[found->second] = isVisible;
        return;
    }
    auto named = r.names.find(id);
    if (named != r.names.end()) item.label = named->second;
    r.index.emplace(id, r.current.size());
    r.current.push_back(std::move(item));
    r.currentVisible.push_back(isVisible);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags)
{
    ui::Registry& r = ui::reg();
    auto found = r.index.find(id);
    if (found == r.index.end()) return; // no ItemAdd this frame: nothing to click
    ui::RecordedItem& item = r.current[found->second];
    if (label && (label[0] || item.label.empty())) item.label = label;
    item.statusFlags = static_cast<int>(flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id)
{
    const ui::Registry& r = ui::reg();
    auto found = r.index.find(id);
    if (found != r.index.end()) return r.current[found->second].label.c_str();
    for (const ui::RecordedItem& it : r.last)
        if (it.id == id) return it.label.c_str();
    return nullptr;
}
