#!/bin/sh
# packaging/check-deb.sh BASE [DEB] — install certsh's package in a fresh Debian 12 root and try
# it as a new user would (as root: it uses chroot). BASE is a debootstrap (minbase) bookworm
# root, copied first (cp -a) so that it stays fresh; DEB defaults to build-deb/certsh_*.deb.
# Checks: apt-get installs it, `certsh run reminders` works from /, `man certsh` opens,
# `certsh test` passes. Exit 0 when all hold.
set -eu
base=$1
deb=${2:-$(ls "$(dirname "$0")"/../build-deb/certsh_*.deb | tail -n 1)}
root=$(mktemp -d /tmp/certsh-root.XXXXXX)
trap 'rm -rf "$root"' EXIT
cp -a "$base/." "$root/"
cp "$deb" "$root/tmp/certsh.deb"
chroot "$root" /bin/sh -eu -c '
  cd /
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq /tmp/certsh.deb > /tmp/apt.log 2>&1 || { cat /tmp/apt.log; exit 1; }
  echo "installed: $(certsh --version)"
  certsh init /root/register.db
  certsh --db /root/register.db --timeout 0 run demo-register --orgs 50
  certsh --db /root/register.db run reminders | head -n 3
  MANWIDTH=80 man certsh | head -n 1 | grep -q "CERTSH(1)" && echo "man certsh: opens"
  certsh test | tail -n 1 | tee /tmp/test.out
  grep -q " 0 failed" /tmp/test.out'
echo "check-deb: ok ($deb in a fresh copy of $base)"
