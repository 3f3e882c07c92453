// stb_image_write, included as a system header so its code does not trip our warning flags.
#pragma once
#pragma GCC system_header
#include <stb/stb_image_write.h>
