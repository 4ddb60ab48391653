#!/bin/sh
# build.sh — the two commands of the README.
#   ./build.sh          install what is missing, build, and run the reminder job on the
#                       default database (creating it with `certsh init` and building the demo
#                       register first when it is missing or empty)
#   ./build.sh test     build normally and with ASan+UBSan, and run every test in both
#   ./build.sh test --extended   also the long tests (crash, concurrency, fuzzing, valgrind)
set -eu
cd "$(dirname "$0")"
ROOT=$(pwd)
JOBS=${JOBS:-2}

# Debian packages certsh builds and runs with (one per line of the same kind).
PACKAGES="build-essential cmake pkg-config
  duktape-dev libsqlite3-dev nettle-dev libedit-dev libcsv-dev
  sqlite3 python3
  libcairo2-dev libpango1.0-dev fonts-noto-cjk libqrencode-dev libxlsxwriter-dev
  libdqlite-dev"
# Debian packages only the tests need (the tools that look at what certsh writes).
TEST_PACKAGES="tmux valgrind clang libclang-rt-14-dev python3-icalendar
  poppler-utils zbar-tools python3-openpyxl chromium chromium-driver python3-selenium
  go-dqlite iproute2"

# missing_packages LIST…: the packages of LIST that are not installed.
missing_packages() {
  out=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out="$out $p"
  done
  echo "$out"
}

# install_dependencies LIST…: install what of LIST is missing (as root), or say how.
install_dependencies() {
  # shellcheck disable=SC2068
  missing=$(missing_packages $@)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "build.sh: installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "build.sh: these Debian packages are missing; as root run:" >&2
    echo "  apt-get install -y$missing" >&2
    exit 1
  fi
}

# ensure_localhost: the browser test drives chromium through chromedriver at "localhost"; a
# minimal root (debootstrap minbase) has no /etc/hosts to resolve it, so as root add the
# loopback lines a Debian installation has, and say so; otherwise say what is missing.
ensure_localhost() {
  getent hosts localhost > /dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "build.sh: 'localhost' does not resolve (no /etc/hosts); adding the loopback lines to /etc/hosts" >&2
    printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >> /etc/hosts
  else
    echo "build.sh: 'localhost' does not resolve; the browser test needs it (as root: echo '127.0.0.1 localhost' >> /etc/hosts)" >&2
  fi
}

# build DIR [cmake options…]: configure once, then build.
build() {
  dir=$1; shift
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  fi
  cmake --build "$dir" -j "$JOBS"
}

case "${1:-run}" in
  run)
    # shellcheck disable=SC2086
    install_dependencies $PACKAGES
    build build
    db=${CERTSH_DB:-certsh.db}
    if [ "$db" != :memory: ] && [ ! -e "$db" ]; then
      ./build/certsh init "$db"   # the only command that creates a register
    fi
    if [ "$(./build/certsh --db "$db" -e "sql('select count(*) n from events')[0].n")" = 0 ]; then
      echo "build.sh: $db is empty; building the demo register (examples/demo-register.js)" >&2
      ./build/certsh --db "$db" --timeout 0 run examples/demo-register.js
    fi
    ./build/certsh --db "$db" run examples/reminders.js
    ;;
  test)
    # shellcheck disable=SC2086
    install_dependencies $PACKAGES $TEST_PACKAGES
    ensure_localhost
    extended=${2:-}
    build build
    build build-asan -DCERTSH_SANITIZE=ON
    status=0
    echo "== tests (release build)"
    CERTSH_EXTENDED=$([ "$extended" = --extended ] && echo 1 || echo 0) \
      ctest --test-dir build --output-on-failure -j "$JOBS" || status=1
    echo "== tests (AddressSanitizer + UndefinedBehaviorSanitizer build)"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      LSAN_OPTIONS=suppressions=$ROOT/tests/lsan.supp:print_suppressions=0 \
      ctest --test-dir build-asan --output-on-failure -j "$JOBS" || status=1
    if [ $status = 0 ]; then echo "build.sh test: all suites passed"; else echo "build.sh test: FAILURES above"; fi
    exit $status
    ;;
  *)
    echo "usage: ./build.sh [run | test [--extended]]" >&2
    exit 2
    ;;
esac
