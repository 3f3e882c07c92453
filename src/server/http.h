// The one place that includes cpp-httplib (Debian's libcpp-httplib-dev: a split header plus a shared library).
#pragma once
#pragma GCC system_header
#include <httplib.h>
