#!/usr/bin/env bash
# System libraries the app and its tests need on Debian/Ubuntu: Qt's runtime (offscreen and xcb),
# Xvfb for the desktop run, a CJK font for Korean and Chinese screenshots, poppler for PDF checks.
# Installs what is missing when run as root (or with password-less sudo); otherwise prints the
# command to run and fails, so that nothing half-works later.
set -euo pipefail

packages=(
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1
  xvfb xauth fonts-noto-cjk poppler-utils binutils
  libxcb1 libxcb-render0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-glx0
  libwayland-client0 libwayland-cursor0 libwayland-egl1 weston
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "sysdeps: not a Debian-based system; install Qt 6's runtime libraries and Xvfb yourself." >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "sysdeps: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "sysdeps: run as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
