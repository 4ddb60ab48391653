#!/bin/sh
# packaging/build-deb.sh — build certsh's Debian package (cpack's DEB generator) in build-deb/:
#   packaging/build-deb.sh            → build-deb/certsh_VERSION_ARCH.deb (its path printed last)
# A release build installed under /usr: the binary, certsh(1), bash completion, the docs and
# the example jobs in /usr/share/doc/certsh. Needs what ./build.sh installs, and dpkg-dev.
set -eu
cd "$(dirname "$0")/.."
dir=build-deb
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr > /dev/null
cmake --build "$dir" -j "${JOBS:-2}" --target certsh manpage
(cd "$dir" && cpack -G DEB > cpack.log) || { cat "$dir/cpack.log" >&2; exit 1; }
ls "$dir"/certsh_*.deb
