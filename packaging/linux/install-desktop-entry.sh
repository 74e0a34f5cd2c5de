#!/bin/sh
# Adds the estimator to the desktop's application menu for the current user: copies the .desktop
# file and the icon under ~/.local/share with Exec pointing at this folder. Run it once from the
# unpacked folder; the app itself also starts by double-clicking ./trtc-estimator.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps"
cp "$here/trtc-estimator.png" "$data/icons/hicolor/256x256/apps/trtc-estimator.png"
sed -e "s|^Exec=.*|Exec=\"$here/trtc-estimator\" %f|" \
    -e "s|^Icon=.*|Icon=$data/icons/hicolor/256x256/apps/trtc-estimator.png|" \
    "$here/trtc-estimator.desktop" > "$data/applications/trtc-estimator.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "installed $data/applications/trtc-estimator.desktop"
