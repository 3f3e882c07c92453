// Runs the inspector natively with no renderer (like ImGui's example_null): fonts, frames, clicks, typing.
#pragma once

#include "core/app.h"
#include "core/json_parse.h"
#include "core/response.h"
#include "core/task_json.h"
#include "ui/fonts.h"
#include "ui/inspector.h"
#include "ui/item_registry.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace uitest {

inline std::vector<unsigned char> read_bytes(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

inline std::string read_text(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

inline const char* kLatinFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline const char* kMonoFont = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
inline const char* kCjkFont = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
inline const char* kSeedPrompt = "这是一个视频截图，请生成对应的吉卜力风格的图片";
inline constexpr int64_t kNow = 1764830250000; // a little after the fixtures' tasks were submitted

inline core::Task task_from_file(const std::string& name)
{
    const core::JsonParseResult r = core::parse_json(read_text(std::string(FIXTURES_DIR) + "/" + name));
    EXPECT_TRUE(r.ok) << name << ": " << r.error;
    EXPECT_TRUE(r.value.is_object()) << name;
    return core::task_from_json(r.value);
}

// Every task of every *.json fixture (arrays contribute each element).
inline std::vector<core::Task> all_fixture_tasks()
{
    std::vector<core::Task> out;
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(FIXTURES_DIR))
        if (e.path().extension() == ".json") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
        const core::JsonParseResult r = core::parse_json(read_text(f));
        if (!r.ok) continue;
        if (r.value.is_object()) out.push_back(core::task_from_json(r.value));
        if (r.value.is_array())
            for (const auto& e : r.value)
                if (e.is_object()) out.push_back(core::task_from_json(e));
    }
    return out;
}

// "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n\r\nbody" -> the response the platform would hand over.
inline core::HttpResponse http_from_file(const std::string& name)
{
    const std::string text = read_text(std::string(FIXTURES_DIR) + "/" + name);
    core::HttpResponse r;
    size_t sep = text.find("\r\n\r\n");
    size_t bodyAt = sep == std::string::npos ? std::string::npos : sep + 4;
    if (sep == std::string::npos) {
        sep = text.find("\n\n");
        bodyAt = sep == std::string::npos ? text.size() : sep + 2;
    }
    const std::string head = text.substr(0, sep == std::string::npos ? text.size() : sep);
    r.body = bodyAt < text.size() ? text.substr(bodyAt) : std::string();
    const size_t sp = head.find(' ');
    if (sp != std::string::npos) r.status = std::atoi(head.c_str() + sp + 1);
    const size_t ct = head.find("Content-Type:");
    if (ct != std::string::npos) {
        size_t b = ct + 13;
        while (b < head.size() && head[b] == ' ') ++b;
        size_t e = head.find_first_of("\r\n", b);
        r.contentType = head.substr(b, e == std::string::npos ? std::string::npos : e - b);
        for (char& c : r.contentType) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return r;
}

inline core::WatchedTask watched(const core::Task& t, int64_t fetchedAt = kNow - 4000)
{
    core::WatchedTask w;
    w.id = t.id;
    w.task = t;
    w.fetchedAt = fetchedAt;
    w.lastAttemptAt = fetchedAt;
    return w;
}

// Takes every intent that is set in `b` into `a` (clicks span several frames).
inline void merge(ui::Intents& a, const ui::Intents& b)
{
    if (b.open) a.open = b.open;
    if (b.select) a.select = b.select;
    if (b.refresh) a.refresh = b.refresh;
    if (b.remove) a.remove = b.remove;
    if (b.config) a.config = b.config;
    if (b.copyText) a.copyText = b.copyText;
    if (b.openUrl) a.openUrl = b.openUrl;
    if (b.paused) a.paused = b.paused;
    if (b.lang) a.lang = b.lang;
    if (b.theme) a.theme = b.theme;
    a.clearErrors = a.clearErrors || b.clearErrors;
}

struct Harness {
    ImGuiContext* ctx = nullptr;
    ui::FontSources fonts;
    ui::GlyphSet glyphs;
    ui::UiState ui;
    core::AppState s;
    int64_t now = kNow;
    int atlasBuilds = 0;
    static constexpr int kEnterKey = 13;

    explicit Harness(ImVec2 size = ImVec2(1280, 800), bool withMono = true)
    {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = size;
        io.DeltaTime = 1.0f / 60.0f;
        io.KeyMap[ImGuiKey_Enter] = kEnterKey;
        fonts.latin = read_bytes(kLatinFont);
        fonts.cjk = read_bytes(kCjkFont);
        if (withMono) fonts.mono = read_bytes(kMonoFont);
        ui::item_registry_set_enabled(true);
        rebuild_fonts();
    }
    ~Harness() { ImGui::DestroyContext(ctx); }
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    void rebuild_fonts(float dpr = 1.0f)
    {
        ImGuiIO& io = ImGui::GetIO();
        ui::build_font_atlas(io.Fonts, fonts, glyphs, 15.0f, dpr);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        glyphs.dirty = false;
        ++atlasBuilds;
    }

    void add(const core::Task& t, bool select = false)
    {
        s.tasks.push_back(watched(t));
        if (select || s.selectedId.empty()) s.selectedId = t.id;
        ++s.revision;
    }

    // One frame, as the platform runs it: glyphs for the data, registry swap, NewFrame, draw, Render.
    ui::Intents frame()
    {
        for (const core::WatchedTask& w : s.tasks)
            if (w.task) glyphs.add_task(*w.task);
        for (const core::ErrorEntry& e : s.errors) glyphs.add_text(e.message);
        if (glyphs.dirty) rebuild_fonts();
        ui::item_registry_new_frame();
        ImGui::NewFrame();
        ui::Intents out = ui::draw_inspector(s, ui, now);
        // draw_inspector must leave every ImGui stack as it found it (asserts are compiled out in release).
        ImGuiContext& g = *ImGui::GetCurrentContext();
        EXPECT_EQ(g.CurrentWindowStack.Size, 1); // only ImGui's implicit "Debug" window
        EXPECT_EQ(g.ColorStack.Size, 0);
        EXPECT_EQ(g.StyleVarStack.Size, 0);
        EXPECT_EQ(g.FontStack.Size, 0);
        EXPECT_EQ(g.CurrentWindow->IDStack.Size, 1);
        EXPECT_EQ(g.CurrentWindow->DC.TreeDepth, 0);
        ImGui::Render();
        // With 16-bit indices (WebGL2 through ImGui's GL3 backend) a draw list past 64K vertices draws garbage.
        if (sizeof(ImDrawIdx) == 2) {
            const ImDrawData* dd = ImGui::GetDrawData();
            for (int i = 0; dd && i < dd->CmdListsCount; ++i) EXPECT_LT(dd->CmdLists[i]->VtxBuffer.Size, 1 << 16);
        }
        return out;
    }

    ui::Intents frames(int n)
    {
        ui::Intents all;
        for (int i = 0; i < n; ++i) merge(all, frame());
        return all;
    }

    const ui::RecordedItem* item(const std::string& id) { return ui::item_registry_find(id); }

    bool visible(const ui::RecordedItem* it)
    {
        return it && ui::item_registry_visible(static_cast<size_t>(it - ui::item_registry_items().data()));
    }

    // Scrolls the pane holding the item until the item is in view, as a user would with the scroll bar.
    void scroll_into_view(const std::string& id)
    {
        for (int attempt = 0; attempt < 5; ++attempt) {
            const ui::RecordedItem* it = item(id);
            if (!it || visible(it)) return;
            const float y = it->y + it->h * 0.5f;
            ImGuiContext& g = *ImGui::GetCurrentContext();
            ImGuiWindow* best = nullptr;
            int bestDepth = -1;
            for (ImGuiWindow* w : g.Windows) {
                // The innermost scrollable window that spans the item horizontally.
                if (!w->Active || w->ScrollMax.y <= 0.0f) continue;
                if (it->x < w->InnerRect.Min.x || it->x >= w->InnerRect.Max.x) continue;
                int depth = 0;
                for (ImGuiWindow* p = w->ParentWindow; p; p = p->ParentWindow) ++depth;
                if (depth > bestDepth) {
                    best = w;
                    bestDepth = depth;
                }
            }
            if (!best) return;
            ImGui::SetScrollY(best, best->Scroll.y + y - best->InnerRect.GetCenter().y);
            frames(2);
        }
    }

    // Moves the mouse to the centre of the item, presses and releases: returns the intents of those frames.
    ui::Intents click(const std::string& id)
    {
        // Tables settle their column widths over the first frames: look at the screen as it is now.
        frame();
        scroll_into_view(id);
        const ui::RecordedItem* it = item(id);
        EXPECT_NE(it, nullptr) << "no item ###" << id;
        if (!it) return ui::Intents{};
        return click_at(ImVec2(it->x + it->w * 0.5f, it->y + it->h * 0.5f));
    }

    ui::Intents click_at(ImVec2 p)
    {
        ImGuiIO& io = ImGui::GetIO();
        ui::Intents all;
        io.MousePos = p;
        merge(all, frame());
        io.MouseDown[0] = true;
        merge(all, frame());
        io.MouseDown[0] = false;
        merge(all, frame());
        merge(all, frame());
        return all;
    }

    ui::Intents type(const char* utf8)
    {
        ImGui::GetIO().AddInputCharactersUTF8(utf8);
        return frames(2);
    }

    ui::Intents press_enter()
    {
        ImGuiIO& io = ImGui::GetIO();
        ui::Intents all;
        io.KeysDown[kEnterKey] = true;
        merge(all, frame());
        io.KeysDown[kEnterKey] = false;
        merge(all, frame());
        return all;
    }
};

} // namespace uitest
