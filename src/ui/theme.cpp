// The light and dark themes: ImGui's stock palettes with calmer accents, readable contrast and rounded frames.
#include "ui/inspector.h"

#include <imgui.h>

namespace ui {

void apply_theme(core::Theme theme)
{
    ImGuiStyle style;
    if (theme == core::Theme::Light) {
        ImGui::StyleColorsLight(&style);
    } else {
        ImGui::StyleColorsDark(&style);
    }
    // Sizes are CSS pixels: the platform scales the whole UI with FontGlobalScale and the framebuffer scale.
    style.WindowPadding = ImVec2(10, 8);
    style.FramePadding = ImVec2(7, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.CellPadding = ImVec2(6, 3);
    style.ScrollbarSize = 13;
    style.GrabMinSize = 10;
    style.WindowRounding = 0;
    style.ChildRounding = 4;
    style.FrameRounding = 4;
    style.PopupRounding = 4;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 4;
    style.TabRounding = 4;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = 1;

    ImVec4* c = style.Colors;
    if (theme == core::Theme::Light) {
        c[ImGuiCol_Text] = ImVec4(0.10f, 0.11f, 0.13f, 1.00f);
        c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.44f, 0.48f, 1.00f);
        c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.00f);
        c[ImGuiCol_ChildBg] = ImVec4(1.00f, 1.00f, 1.00f, 1.00f);
        c[ImGuiCol_Border] = ImVec4(0.78f, 0.80f, 0.84f, 1.00f);
        c[ImGuiCol_FrameBg] = ImVec4(1.00f, 1.00f, 1.00f, 1.00f);
        c[ImGuiCol_FrameBgHovered] = ImVec4(0.90f, 0.94f, 1.00f, 1.00f);
        c[ImGuiCol_FrameBgActive] = ImVec4(0.84f, 0.90f, 1.00f, 1.00f);
        c[ImGuiCol_Button] = ImVec4(0.88f, 0.91f, 0.96f, 1.00f);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.76f, 0.84f, 0.97f, 1.00f);
        c[ImGuiCol_ButtonActive] = ImVec4(0.62f, 0.74f, 0.95f, 1.00f);
        c[ImGuiCol_Header] = ImVec4(0.84f, 0.89f, 0.97f, 1.00f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.76f, 0.84f, 0.97f, 1.00f);
        c[ImGuiCol_HeaderActive] = ImVec4(0.66f, 0.77f, 0.96f, 1.00f);
        c[ImGuiCol_TableHeaderBg] = ImVec4(0.91f, 0.92f, 0.95f, 1.00f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0.00f, 0.00f, 0.10f, 0.03f);
        c[ImGuiCol_FrameBg].w = 1.0f;
    } else {
        c[ImGuiCol_Text] = ImVec4(0.90f, 0.91f, 0.93f, 1.00f);
        c[ImGuiCol_TextDisabled] = ImVec4(0.55f, 0.57f, 0.62f, 1.00f);
        c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.00f);
        c[ImGuiCol_ChildBg] = ImVec4(0.13f, 0.14f, 0.16f, 1.00f);
        c[ImGuiCol_Border] = ImVec4(0.26f, 0.28f, 0.32f, 1.00f);
        c[ImGuiCol_FrameBg] = ImVec4(0.17f, 0.18f, 0.21f, 1.00f);
        c[ImGuiCol_FrameBgHovered] = ImVec4(0.22f, 0.24f, 0.29f, 1.00f);
        c[ImGuiCol_FrameBgActive] = ImVec4(0.25f, 0.29f, 0.36f, 1.00f);
        c[ImGuiCol_Button] = ImVec4(0.22f, 0.30f, 0.44f, 1.00f);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.28f, 0.40f, 0.60f, 1.00f);
        c[ImGuiCol_ButtonActive] = ImVec4(0.32f, 0.47f, 0.72f, 1.00f);
        c[ImGuiCol_Header] = ImVec4(0.22f, 0.30f, 0.44f, 0.80f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.27f, 0.37f, 0.55f, 0.80f);
        c[ImGuiCol_HeaderActive] = ImVec4(0.31f, 0.44f, 0.66f, 1.00f);
        c[ImGuiCol_TableHeaderBg] = ImVec4(0.17f, 0.18f, 0.21f, 1.00f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(1.00f, 1.00f, 1.00f, 0.03f);
    }
    ImGui::GetStyle() = style;
}

} // namespace ui
