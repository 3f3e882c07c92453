#!/usr/bin/env bash
# Installs everything the project needs on a Debian 12 machine; safe to run again (does nothing twice).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deps="$root/.deps"
mkdir -p "$deps"

sudo_cmd=""
if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi

packages=(
  build-essential cmake clang-format pkg-config xz-utils ca-certificates
  emscripten                      # em++ 3.1.6, clang/lld/binaryen
  nlohmann-json3-dev              # JSON for core
  libcpp-httplib-dev libssl-dev   # demo server, relay (HTTPS upstream)
  libstb-dev                      # PNG writing for simulated images
  googletest libgtest-dev libbenchmark-dev
  chromium                        # headless browser for end-to-end tests
  fonts-droid-fallback            # CJK glyphs for the UI and data
  fonts-dejavu-core               # Latin glyphs
  fonttools                       # pyftsubset: the Latin font subset embedded in the page
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then missing+=(nodejs npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Dear ImGui 1.86 sources come from Debian's source package (libimgui-dev has no .cpp files).
if [ ! -f "$deps/imgui/imgui.cpp" ]; then
  tmp="$(mktemp -d)"
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$tmp/src.sources"
  mkdir -p "$tmp/lists/partial"; chmod 755 "$tmp"
  aptopts=(-o Dir::Etc::SourceList="$tmp/src.sources" -o Dir::Etc::SourceParts=/dev/null
           -o Dir::State::Lists="$tmp/lists")
  apt-get "${aptopts[@]}" update -qq
  (cd "$tmp" && apt-get "${aptopts[@]}" source --download-only imgui >/dev/null)
  orig="$(ls "$tmp"/imgui_*.orig.tar.* | head -n1)"
  rm -rf "$deps/imgui" && mkdir -p "$deps/imgui"
  tar -xf "$orig" -C "$deps/imgui" --strip-components=1
  rm -rf "$tmp"
  echo "setup: Dear ImGui sources in $deps/imgui"
fi

# nlohmann/json alone on the emscripten include path (-I/usr/include would pull in glibc headers).
if [ ! -e "$deps/include/nlohmann/json.hpp" ]; then
  mkdir -p "$deps/include"
  ln -sfn /usr/include/nlohmann "$deps/include/nlohmann"
fi

# Browser driver for the end-to-end tests (uses Debian's chromium, never downloads a browser).
if [ ! -d "$root/node_modules/playwright-core" ]; then
  (cd "$root" && npm install --no-audit --no-fund --loglevel=error)
fi
echo "setup: ok"
