// Decodes a Midjourney button customId ("MJ::JOB::upsample::2::hash") into what the button does.
#pragma once

#include "i18n.h"

#include <string>

namespace core {

struct ButtonMeaning {
    std::string kind;        // stable code: "upscale", "variation", "reroll", "upscale_subtle", "upscale_creative",
                             // "upscale_2x", "upscale_4x", "vary_subtle", "vary_strong", "vary_region", "zoom_out",
                             // "custom_zoom", "pan", "animate", "describe_pick", "describe_all", "describe_retry",
                             // "unknown"
    int index = 0;           // 1-4 for grid buttons and PicReader picks; 0 otherwise
    std::string detail;      // "left"/"right"/"up"/"down" for pan, "2x"/"1.5x" for zoom, "high"/"low" for animate
    bool needsModal = false; // CustomZoom, Inpaint: the server will ask for more input
    std::string hash;        // the message hash inside the id, "" when none
};

ButtonMeaning decode_button(const std::string& customId);

// "Upscale 2", "Vary (Strong)", "Zoom Out 1.5x", "Pan left", ... in the UI language; the raw id for unknown.
std::string describe_button(const ButtonMeaning& m, Lang lang, const std::string& customId);

} // namespace core
