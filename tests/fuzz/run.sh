#!/bin/bash
# Extended-mode fuzzing (issue 6): build the libFuzzer targets with clang in BUILD_DIR/fuzz and
# run each for FUZZ_SECONDS (default 60) from its seed corpus; fails on any crash, leak,
# sanitizer report or timeout, leaving the input in BUILD_DIR/fuzz/artifacts/ (copy it to
# tests/fuzz/regressions/<target>/ to make it a regression test). Exit 77 (skipped) outside
# extended mode or without clang. Usage: bash tests/fuzz/run.sh SOURCE_DIR BUILD_DIR
set -u
SRC=$1 OUT=$2/fuzz
[ "${CERTSH_EXTENDED:-0}" = 1 ] || { echo "fuzz: extended mode only (CERTSH_EXTENDED=1)"; exit 77; }
command -v clang > /dev/null || { echo "fuzz: clang is not installed"; exit 77; }
SECONDS_EACH=${FUZZ_SECONDS:-60}
if [ ! -f "$OUT/CMakeCache.txt" ]; then
  CC=clang cmake -S "$SRC" -B "$OUT" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCERTSH_FUZZ=ON > /dev/null || exit 1
fi
cmake --build "$OUT" -j "${JOBS:-2}" --target fuzz_csv fuzz_script fuzz_json fuzz_bind fuzz_verify > "$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
mkdir -p "$OUT/artifacts"
status=0
for t in csv script json bind verify; do
  corpus=$OUT/corpus/$t
  mkdir -p "$corpus"
  seeds=""; [ $t = script ] && seeds="$SRC/stdlib $SRC/schemes" # the library's own scripts seed it too
  "$OUT/tests/fuzz/fuzz_$t" -close_fd_mask=3 -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$OUT/artifacts/$t-" "$corpus" "$SRC/tests/fuzz/corpus/$t" $seeds > "$OUT/$t.log" 2>&1
  rc=$?
  stats=$(grep -E '^#[0-9]+' "$OUT/$t.log" | tail -1)
  echo "fuzz_$t: ${SECONDS_EACH} s, exit $rc, last status: $stats"
  if [ $rc != 0 ]; then status=1; grep -E -A 30 'ERROR|runtime error' "$OUT/$t.log" | head -40; fi
done
exit $status
