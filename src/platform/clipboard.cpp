// The system clipboard: ImGui's copy goes to navigator.clipboard (execCommand fallback); paste arrives through
// the DOM 'paste' event, which is the only way a page may read the clipboard without a permission prompt.
#include "platform.h"

#include <emscripten.h>

#include <imgui.h>

namespace platform {

namespace {

std::string g_clipboard;
constexpr size_t kMaxPaste = 1 << 20; // a pasted spreadsheet column, not a novel

// clang-format off
EM_JS(void, js_write_clipboard, (const char* utf8), {
    var text = UTF8ToString(utf8);
    function fallback() {
        // execCommand needs a selected editable element; put focus back where it was afterwards.
        var active = document.activeElement;
        var ta = document.createElement('textarea');
        ta.value = text;
        ta.setAttribute('readonly', "");
        ta.style.position = 'fixed';
        ta.style.left = '-9999px';
        ta.style.top = '0';
        document.body.appendChild(ta);
        ta.select();
        try { document.execCommand('copy'); } catch (e) {}
        document.body.removeChild(ta);
        if (active && active.focus) { try { active.focus({preventScroll: true}); } catch (e) {} }
    }
    try {
        if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(text).catch(fallback);
        } else {
            fallback();
        }
    } catch (e) {
        fallback();
    }
});
// clang-format on

// The paste listener feeds text to C++ only while the inspector has the focus: its canvas, or the text-entry
// helper that holds the focus while an ImGui text field is active (the usual case for Ctrl+V).
// clang-format off
EM_JS(void, js_install_paste, (), {
    document.addEventListener('paste', function(e) {
        var c = Module['__tiCanvas'];
        var a = document.activeElement;
        if (!c || (a !== c && a !== Module['__tiIme'])) return;
        var text = "";
        try { text = (e.clipboardData || window.clipboardData).getData('text') || ""; } catch (err) { return; }
        if (!text) return;
        e.preventDefault();
        if (Module['__tiPaste']) Module['__tiPaste'](text);
    });
});
// clang-format on

void set_clipboard_fn(void*, const char* text)
{
    clipboard_write(text ? text : "");
}

const char* get_clipboard_fn(void*)
{
    return g_clipboard.c_str();
}

} // namespace

void clipboard_install()
{
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = set_clipboard_fn;
    io.GetClipboardTextFn = get_clipboard_fn;
    io.ClipboardUserData = nullptr;
    js_install_paste();
}

void clipboard_write(const std::string& text)
{
    g_clipboard = text;
    js_write_clipboard(g_clipboard.c_str());
}

const std::string& clipboard_last()
{
    return g_clipboard;
}

void clipboard_paste(const std::string& raw)
{
    std::string text = raw.size() > kMaxPaste ? raw.substr(0, kMaxPaste) : raw;
    g_clipboard = text;
    rt().glyphs.add_text(text);
    input_queue_paste(text);
}

} // namespace platform
