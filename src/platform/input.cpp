// Mouse, wheel, keyboard and focus from the DOM (emscripten/html5.h) into ImGui 1.86's per-frame input state.
//
// ImGui 1.86 samples io.MouseDown[] and io.KeysDown[] once per frame, so a press and release that arrive between
// two frames (a fast click, Playwright's mouse.click, a quick key tap) would never be seen. Every transition is
// queued and at most one is applied per frame; the loop keeps drawing until the queue is empty.
#include "platform.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cstring>
#include <deque>

namespace platform {

namespace {

// Indices into io.KeysDown[]: DOM keyCode values (all below 512).
enum DomKey {
    kTab = 9,
    kBackspace = 8,
    kEnter = 13,
    kEscape = 27,
    kSpace = 32,
    kPageUp = 33,
    kPageDown = 34,
    kEnd = 35,
    kHome = 36,
    kLeft = 37,
    kUp = 38,
    kRight = 39,
    kDown = 40,
    kInsert = 45,
    kDelete = 46,
    kA = 65,
    kC = 67,
    kV = 86,
    kX = 88,
    kY = 89,
    kZ = 90,
    kKeypadEnter = 300, // DOM uses 13 for both Enters; the numpad one is told apart by its location
};

struct Mods {
    bool ctrl = false, shift = false, alt = false, super = false;
};

struct QueuedInput {
    enum Kind { MousePos, MouseButton, Key, Chars, Paste } kind = MousePos;
    Mods mods;
    float x = 0, y = 0; // MousePos
    int index = 0;      // MouseButton: ImGui button; Key: KeysDown index
    bool down = false;
    std::string text; // Chars, Paste
};

// Pasted text goes to the text field active when the paste is applied (a click queued just before it may be
// what activates the field), flattened for single-line fields so a pasted column keeps its separators.
void apply_paste(ImGuiIO& io, const std::string& raw)
{
    const ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g || !io.WantTextInput) return;
    const bool multiline =
        g->InputTextState.ID == g->ActiveId && (g->InputTextState.Flags & ImGuiInputTextFlags_Multiline) != 0;
    if (multiline) {
        io.AddInputCharactersUTF8(raw.c_str());
        return;
    }
    std::string flat;
    flat.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
        flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    while (!flat.empty() && flat.back() == ' ') flat.pop_back();
    io.AddInputCharactersUTF8(flat.c_str());
}

std::string g_selector;
std::deque<QueuedInput> g_queue;
float g_wheelX = 0, g_wheelY = 0;
unsigned g_buttonsHeld = 0; // bit per ImGui button, as the DOM last told us
bool g_mouseInside = false;
bool g_keysHeld[512] = {};
const char* g_cursor = nullptr;

// True while keys belong to the inspector: its canvas or its text-entry helper has the focus.
// clang-format off
EM_JS(int, js_canvas_focused, (), {
    var a = document.activeElement;
    return (a && (a === Module['__tiCanvas'] || a === Module['__tiIme'])) ? 1 : 0;
});
// clang-format on

// An invisible textarea takes the focus while an ImGui text field is active. A canvas cannot host an input
// method, so without it Chinese IME composition, dead keys (´ + e) and on-screen keyboards would type nothing.
// Committed text reaches C++ through ti_text_input; focus moves between the two elements do not count as the
// inspector losing focus.
// clang-format off
EM_JS(void, js_install_ime, (), {
    var c = Module['__tiCanvas'];
    if (!c || !document.body) return;
    var ta = document.createElement('textarea');
    ta.setAttribute('aria-hidden', 'true');
    ta.setAttribute('autocomplete', 'off');
    ta.setAttribute('autocorrect', 'off');
    ta.setAttribute('autocapitalize', 'off');
    ta.setAttribute('spellcheck', 'false');
    ta.tabIndex = -1;
    ta.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;padding:0;border:0;margin:0;' +
                       'resize:none;overflow:hidden;white-space:pre;z-index:-1;pointer-events:none;font-size:16px;';
    document.body.appendChild(ta);
    Module['__tiIme'] = ta;
    function send(text) {
        if (!text) return;
        var n = lengthBytesUTF8(text) + 1;
        var p = _malloc(n);
        if (!p) return;
        stringToUTF8(text, p, n);
        Module['_ti_text_input'](p);
        _free(p);
    }
    ta.addEventListener('compositionend', function(e) { send(e.data || ""); ta.value = ""; });
    ta.addEventListener('input', function(e) {
        if (e.isComposing || e.inputType === 'insertCompositionText') return;
        if (e.inputType === 'insertText' || e.inputType === 'insertReplacementText') send(e.data || ta.value);
        ta.value = "";
    });
    function inside(el) { return el === c || el === ta; }
    function onIn(e) { if (!inside(e.relatedTarget)) Module['_ti_focus'](1); }
    function onOut(e) { if (!inside(e.relatedTarget)) Module['_ti_focus'](0); }
    c.addEventListener('focusin', onIn);
    ta.addEventListener('focusin', onIn);
    c.addEventListener('focusout', onOut);
    ta.addEventListener('focusout', onOut);
});
// clang-format on

// Moves the focus to the helper while ImGui wants text, and back to the canvas after.
// clang-format off
EM_JS(void, js_ime_follow, (int wantText), {
    var c = Module['__tiCanvas'], ta = Module['__tiIme'];
    if (!c || !ta) return;
    var a = document.activeElement;
    try {
        if (wantText && a === c) ta.focus({preventScroll: true});
        else if (!wantText && a === ta) c.focus({preventScroll: true});
    } catch (e) {}
});
// clang-format on

// Keeps the helper under the text cursor so the IME candidate window opens next to the field.
// clang-format off
EM_JS(void, js_ime_position, (int x, int y), {
    var c = Module['__tiCanvas'], ta = Module['__tiIme'];
    if (!c || !ta) return;
    var r = c.getBoundingClientRect();
    ta.style.left = (r.left + x) + 'px';
    ta.style.top = (r.top + y) + 'px';
});
// clang-format on

// clang-format off
EM_JS(void, js_canvas_focus, (), {
    var c = Module['__tiCanvas'];
    if (c && document.activeElement !== c) {
        try { c.focus({preventScroll: true}); } catch (e) { c.focus(); }
    }
});
// clang-format on

// Writes the canvas's client rectangle (left, top, width, height) into out[0..3].
// clang-format off
EM_JS(void, js_canvas_rect, (double* out), {
    var c = Module['__tiCanvas'];
    var r = c ? c.getBoundingClientRect() : {left: 0, top: 0, width: 0, height: 0};
    HEAPF64[(out >> 3) + 0] = r.left;
    HEAPF64[(out >> 3) + 1] = r.top;
    HEAPF64[(out >> 3) + 2] = r.width;
    HEAPF64[(out >> 3) + 3] = r.height;
});
// clang-format on

// clang-format off
EM_JS(void, js_install_canvas, (const char* selector), {
    var c = document.querySelector(UTF8ToString(selector));
    Module['__tiCanvas'] = c;
    if (!c) return;
    if (!c.hasAttribute('tabindex')) c.tabIndex = 0; // focusable, so keys can go to it and not the page
    c.style.outline = 'none';
    c.style.touchAction = 'none';
});
// clang-format on

// clang-format off
EM_JS(void, js_set_cursor, (const char* name), {
    var c = Module['__tiCanvas'];
    if (c) c.style.cursor = UTF8ToString(name);
});
// clang-format on

// clang-format off
EM_JS(int, js_is_mac, (), {
    var p = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || "";
    return /mac|iphone|ipad/i.test(p) ? 1 : 0;
});
// clang-format on

// Mouse and keyboard events carry the same four modifier flags.
template <class Event> Mods mods_of(const Event* e)
{
    Mods m;
    m.ctrl = e->ctrlKey;
    m.shift = e->shiftKey;
    m.alt = e->altKey;
    m.super = e->metaKey;
    return m;
}

// ImGui numbers buttons left, right, middle; the DOM numbers them left, middle, right.
int imgui_button(unsigned short domButton)
{
    switch (domButton) {
    case 0:
        return 0;
    case 1:
        return 2;
    case 2:
        return 1;
    case 3:
        return 3;
    case 4:
        return 4;
    default:
        return -1;
    }
}

void queue_pos(float x, float y, const Mods& m)
{
    // Consecutive moves collapse into one: only the last position matters.
    if (!g_queue.empty() && g_queue.back().kind == QueuedInput::MousePos) {
        g_queue.back().x = x;
        g_queue.back().y = y;
        g_queue.back().mods = m;
        return;
    }
    QueuedInput q;
    q.kind = QueuedInput::MousePos;
    q.x = x;
    q.y = y;
    q.mods = m;
    g_queue.push_back(q);
}

void queue_key(int k, bool down, const Mods& m)
{
    QueuedInput q;
    q.kind = QueuedInput::Key;
    q.index = k;
    q.down = down;
    q.mods = m;
    g_queue.push_back(q);
}

// Every typed character passes here, so this is where new glyphs (an IME's Chinese) reach the atlas.
void queue_chars(std::string text, const Mods& m)
{
    rt().glyphs.add_text(text);
    QueuedInput q;
    q.kind = QueuedInput::Chars;
    q.text = std::move(text);
    q.mods = m;
    g_queue.push_back(q);
}

// Shift, Control, Alt and the two Meta keys: alone they type nothing, but ImGui reads them for shift/ctrl+click.
bool is_modifier_key(unsigned long keyCode)
{
    return keyCode == 16 || keyCode == 17 || keyCode == 18 || keyCode == 91 || keyCode == 93;
}

void canvas_pos(const EmscriptenMouseEvent* e, float* x, float* y, bool* inside)
{
    double r[4];
    js_canvas_rect(r);
    *x = float(double(e->clientX) - r[0]);
    *y = float(double(e->clientY) - r[1]);
    *inside = *x >= 0 && *y >= 0 && *x < r[2] && *y < r[3];
}

// The pointer position, then the button transition, in order: a click between two frames is not lost.
void queue_button(const EmscriptenMouseEvent* e, int b, bool down)
{
    float x, y;
    bool inside;
    canvas_pos(e, &x, &y, &inside);
    queue_pos(x, y, mods_of(e));
    QueuedInput q;
    q.kind = QueuedInput::MouseButton;
    q.index = b;
    q.down = down;
    q.mods = mods_of(e);
    g_queue.push_back(q);
    if (down)
        g_buttonsHeld |= 1u << b;
    else
        g_buttonsHeld &= ~(1u << b);
}

EM_BOOL on_mouse_down(int, const EmscriptenMouseEvent* e, void*)
{
    const int b = imgui_button(e->button);
    if (b < 0) return EM_FALSE;
    js_canvas_focus(); // the default action is prevented below, so focus by hand
    queue_button(e, b, true);
    g_mouseInside = true;
    wake();
    return EM_TRUE; // no text selection or drag image from the canvas
}

// Registered on the document so a drag that ends outside the canvas still releases the button.
EM_BOOL on_mouse_up(int, const EmscriptenMouseEvent* e, void*)
{
    const int b = imgui_button(e->button);
    if (b < 0 || !(g_buttonsHeld & (1u << b))) return EM_FALSE;
    queue_button(e, b, false);
    wake();
    return EM_FALSE;
}

// Also on the document: moves outside the canvas matter only while dragging or when the mouse just left.
EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* e, void*)
{
    float x, y;
    bool inside;
    canvas_pos(e, &x, &y, &inside);
    if (inside || g_buttonsHeld) {
        queue_pos(x, y, mods_of(e));
        g_mouseInside = inside;
        wake(2);
    } else if (g_mouseInside) {
        g_mouseInside = false;
        queue_pos(-FLT_MAX, -FLT_MAX, mods_of(e));
        wake(2);
    }
    return EM_FALSE;
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent* e, void*)
{
    if (g_buttonsHeld) return EM_FALSE;
    g_mouseInside = false;
    queue_pos(-FLT_MAX, -FLT_MAX, mods_of(e));
    wake(2);
    return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*)
{
    // ImGui expects about 1.0 per notch; browsers report pixels (100 per notch), lines or pages.
    double scale = 1.0 / 100.0;
    if (e->deltaMode == DOM_DELTA_LINE)
        scale = 1.0 / 3.0;
    else if (e->deltaMode == DOM_DELTA_PAGE)
        scale = 1.0;
    float dx = float(-e->deltaX * scale), dy = float(-e->deltaY * scale);
    if (e->mouse.shiftKey && dx == 0) { // shift+wheel scrolls sideways
        dx = dy;
        dy = 0;
    }
    g_wheelX += dx;
    g_wheelY += dy;
    float x, y;
    bool inside;
    canvas_pos(&e->mouse, &x, &y, &inside);
    queue_pos(x, y, mods_of(&e->mouse));
    g_mouseInside = true;
    wake();
    return EM_TRUE; // the wheel scrolls the inspector, not the page behind it
}

void set_focus(bool focused)
{
    if (!focused) {
        // Keys held when focus left will never see their keyup here.
        for (QueuedInput& q : g_queue)
            if (q.kind == QueuedInput::Key) q.down = false;
        std::memset(g_keysHeld, 0, sizeof g_keysHeld);
    }
    ImGui::GetIO().AddFocusEvent(focused);
    wake();
}

void ime_set_pos(int x, int y)
{
    js_ime_position(x, y);
}

int key_index(const EmscriptenKeyboardEvent* e)
{
    switch (e->keyCode) {
    case 13:
        return e->location == DOM_KEY_LOCATION_NUMPAD ? kKeypadEnter : kEnter;
    case kTab:
    case kBackspace:
    case kEscape:
    case kSpace:
    case kPageUp:
    case kPageDown:
    case kEnd:
    case kHome:
    case kLeft:
    case kUp:
    case kRight:
    case kDown:
    case kInsert:
    case kDelete:
        return int(e->keyCode);
    case kA:
    case kC:
    case kV:
    case kX:
    case kY:
    case kZ:
        // Letters matter to ImGui only as shortcuts; typed letters arrive as characters.
        return (e->ctrlKey || e->metaKey) ? int(e->keyCode) : -1;
    default:
        return -1;
    }
}

// The event's `key` when it is one printable character (UTF-8), else "".
std::string printable_key(const EmscriptenKeyboardEvent* e)
{
    const unsigned char* k = reinterpret_cast<const unsigned char*>(e->key);
    const size_t n = strnlen(e->key, sizeof e->key);
    if (n == 0) return "";
    size_t len = 1;
    if (k[0] >= 0xF0)
        len = 4;
    else if (k[0] >= 0xE0)
        len = 3;
    else if (k[0] >= 0xC0)
        len = 2;
    else if (k[0] < 0x20 || k[0] == 0x7F)
        return "";
    if (len != n) return ""; // "Enter", "ArrowLeft", "Dead", ...
    return std::string(e->key, n);
}

EM_BOOL on_key_down(int, const EmscriptenKeyboardEvent* e, void*)
{
    if (!js_canvas_focused()) return EM_FALSE; // the host page's own fields keep their keys
    const ImGuiIO& io = ImGui::GetIO();
    // Input still queued (a click that will activate a text field) counts as wanting the keys: tests and fast
    // typists click and type within one frame.
    bool pending = false;
    for (const QueuedInput& q : g_queue) pending = pending || q.kind == QueuedInput::MouseButton;
    const bool wantText = io.WantTextInput || pending;
    const bool wantKeys = io.WantCaptureKeyboard || wantText;
    const bool shortcut = e->ctrlKey || e->metaKey;
    const Mods m = mods_of(e);

    // Paste comes through the DOM 'paste' event (it carries the system clipboard); keep its default action.
    if (shortcut && e->keyCode == kV) return EM_FALSE;

    const int k = key_index(e);
    if (k >= 0) {
        if (!g_keysHeld[k]) {
            g_keysHeld[k] = true;
            queue_key(k, true, m);
        }
        if (k == kSpace && !shortcut) queue_chars(" ", m); // Space is both a navigation key and a character
        wake();
        if (shortcut) return wantText ? EM_TRUE : EM_FALSE; // Ctrl+C etc. outside a text field stay the browser's
        return wantKeys ? EM_TRUE : EM_FALSE;
    }

    // Ctrl+Alt is AltGr on Windows layouts, which does type characters.
    const std::string ch = (shortcut && !(e->ctrlKey && e->altKey)) ? std::string() : printable_key(e);
    if (!ch.empty()) {
        // Queued even when no field is active yet: ImGui drops characters no field takes.
        queue_chars(ch, m);
        wake();
        return wantText ? EM_TRUE : EM_FALSE; // no keypress default (space scrolling the page) while typing
    }
    // Modifiers alone still matter to ImGui (shift+click, ctrl+click).
    if (is_modifier_key(e->keyCode)) {
        queue_pos(ImGui::GetIO().MousePos.x, ImGui::GetIO().MousePos.y, m);
        wake(1);
    }
    return EM_FALSE;
}

EM_BOOL on_key_up(int, const EmscriptenKeyboardEvent* e, void*)
{
    const Mods m = mods_of(e);
    int k = key_index(e);
    if (k < 0 && (e->keyCode == kA || e->keyCode == kC || e->keyCode == kV || e->keyCode == kX || e->keyCode == kY ||
                  e->keyCode == kZ))
        k = int(e->keyCode); // the modifier may have been released first
    if (k >= 0 && g_keysHeld[k]) {
        g_keysHeld[k] = false;
        queue_key(k, false, m);
        wake();
        return EM_FALSE;
    }
    if (is_modifier_key(e->keyCode)) {
        if (js_canvas_focused()) {
            queue_pos(ImGui::GetIO().MousePos.x, ImGui::GetIO().MousePos.y, m);
            wake(1);
        }
    }
    return EM_FALSE;
}

void apply_mods(ImGuiIO& io, const Mods& m)
{
    io.KeyCtrl = m.ctrl;
    io.KeyShift = m.shift;
    io.KeyAlt = m.alt;
    io.KeySuper = m.super;
}

} // namespace

void input_install(const std::string& selector)
{
    g_selector = selector;
    js_install_canvas(selector.c_str());
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Tab] = kTab;
    io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kRight;
    io.KeyMap[ImGuiKey_UpArrow] = kUp;
    io.KeyMap[ImGuiKey_DownArrow] = kDown;
    io.KeyMap[ImGuiKey_PageUp] = kPageUp;
    io.KeyMap[ImGuiKey_PageDown] = kPageDown;
    io.KeyMap[ImGuiKey_Home] = kHome;
    io.KeyMap[ImGuiKey_End] = kEnd;
    io.KeyMap[ImGuiKey_Insert] = kInsert;
    io.KeyMap[ImGuiKey_Delete] = kDelete;
    io.KeyMap[ImGuiKey_Backspace] = kBackspace;
    io.KeyMap[ImGuiKey_Space] = kSpace;
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeyMap[ImGuiKey_Escape] = kEscape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = kKeypadEnter;
    io.KeyMap[ImGuiKey_A] = kA;
    io.KeyMap[ImGuiKey_C] = kC;
    io.KeyMap[ImGuiKey_V] = kV;
    io.KeyMap[ImGuiKey_X] = kX;
    io.KeyMap[ImGuiKey_Y] = kY;
    io.KeyMap[ImGuiKey_Z] = kZ;
    io.ConfigMacOSXBehaviors = js_is_mac() != 0; // Cmd is the shortcut key there

    const char* c = selector.c_str();
    emscripten_set_mousedown_callback(c, nullptr, EM_FALSE, on_mouse_down);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_mouse_up);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_mouse_move);
    emscripten_set_mouseleave_callback(c, nullptr, EM_FALSE, on_mouse_leave);
    emscripten_set_wheel_callback(c, nullptr, EM_FALSE, on_wheel);
    js_install_ime();
    io.ImeSetInputScreenPosFn = ime_set_pos;
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_key_down);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_key_up);
}

void input_queue_paste(const std::string& utf8)
{
    QueuedInput q;
    q.kind = QueuedInput::Paste;
    q.text = utf8;
    const ImGuiIO& io = ImGui::GetIO();
    q.mods.ctrl = false;
    q.mods.shift = io.KeyShift;
    q.mods.alt = false;
    q.mods.super = false;
    g_queue.push_back(q);
    wake();
}

bool input_apply_queued()
{
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel += g_wheelY;
    io.MouseWheelH += g_wheelX;
    g_wheelX = g_wheelY = 0;

    // Characters and moves are applied freely; the first button or key transition ends this frame's share,
    // so ImGui sees every press and release, in order, each in its own frame.
    while (!g_queue.empty()) {
        const QueuedInput q = g_queue.front();
        g_queue.pop_front();
        apply_mods(io, q.mods);
        switch (q.kind) {
        case QueuedInput::MousePos:
            io.MousePos = ImVec2(q.x, q.y);
            break;
        case QueuedInput::Chars:
            io.AddInputCharactersUTF8(q.text.c_str());
            break;
        case QueuedInput::Paste:
            apply_paste(io, q.text);
            break;
        case QueuedInput::MouseButton:
            io.MouseDown[q.index] = q.down;
            return !g_queue.empty();
        case QueuedInput::Key:
            io.KeysDown[q.index] = q.down;
            return !g_queue.empty();
        }
    }
    return false;
}

void input_update_cursor()
{
    const char* name = "default";
    switch (ImGui::GetMouseCursor()) {
    case ImGuiMouseCursor_None:
        name = "none";
        break;
    case ImGuiMouseCursor_Arrow:
        name = "default";
        break;
    case ImGuiMouseCursor_TextInput:
        name = "text";
        break;
    case ImGuiMouseCursor_ResizeAll:
        name = "move";
        break;
    case ImGuiMouseCursor_ResizeNS:
        name = "ns-resize";
        break;
    case ImGuiMouseCursor_ResizeEW:
        name = "ew-resize";
        break;
    case ImGuiMouseCursor_ResizeNESW:
        name = "nesw-resize";
        break;
    case ImGuiMouseCursor_ResizeNWSE:
        name = "nwse-resize";
        break;
    case ImGuiMouseCursor_Hand:
        name = "pointer";
        break;
    case ImGuiMouseCursor_NotAllowed:
        name = "not-allowed";
        break;
    default:
        break;
    }
    js_ime_follow(ImGui::GetIO().WantTextInput ? 1 : 0);
    if (name != g_cursor) {
        g_cursor = name;
        js_set_cursor(name);
    }
}

} // namespace platform

extern "C" {

// Text committed in the IME helper (composition, dead keys, on-screen keyboards, insertText).
EMSCRIPTEN_KEEPALIVE void ti_text_input(const char* utf8)
{
    if (!utf8) return;
    platform::queue_chars(std::string(utf8, strnlen(utf8, 1 << 16)), platform::Mods{});
    platform::wake();
}

// The inspector (canvas or IME helper) gained or lost the keyboard focus.
EMSCRIPTEN_KEEPALIVE void ti_focus(int focused)
{
    platform::set_focus(focused != 0);
}

} // extern "C"
