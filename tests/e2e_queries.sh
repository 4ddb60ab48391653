#!/bin/bash
# tests/e2e_queries.sh — the analyst helpers (stdlib/queries.js) on a small register seeded with
# the sqlite3 shell (tests/queries_seed.sql), then checked by tests/queries_check.js: `bash e2e_queries.sh CERTSH SRC`.
set -eu
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB=$TMP/register.db
"$CERTSH" init "$DB" >/dev/null   # creates the tables
sqlite3 "$DB" < "$SRC/tests/queries_seed.sql"
"$CERTSH" --db "$DB" --as-of 2025-06-30 run "$SRC/tests/queries_check.js"
