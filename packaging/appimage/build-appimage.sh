#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Recipe (not run in CI: the tools below are downloads that this project's machines cannot fetch).
# Builds Lipa Till-<version>-x86_64.AppImage with linuxdeploy and its Qt plugin, on a machine that has
# them on PATH (https://github.com/linuxdeploy/linuxdeploy, linuxdeploy-plugin-qt).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build-appimage"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DLIPA_BUILD_TESTS=OFF
cmake --build "$build" -j2
DESTDIR="$build/AppDir" cmake --install "$build"
# The SQLite driver and the xcb platform are plugins: name them, or the AppImage cannot open a journal.
export EXTRA_QT_PLUGINS="sqldrivers;platforms"
linuxdeploy --appdir "$build/AppDir" \
    --desktop-file "$build/AppDir/usr/share/applications/io.github.lipa_till.LipaTill.desktop" \
    --icon-file "$root/resources/icons/hicolor/256x256/apps/lipa-till.png" \
    --plugin qt --output appimage
