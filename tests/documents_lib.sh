# tests/documents_lib.sh — what the tests of what a body sends out share (e2e_documents,
# e2e_report, e2e_browser); sourced, not run. The caller sets CERTSH and SRC; this gives a
# scratch folder (removed at exit), ART (build/artefacts, kept), PY (Debian's python3, with
# Debian's modules), C (certsh on r.db as of 2026-11-20) and these helpers.
. "$SRC/tests/rel_lib.sh"
ART="$(cd "$(dirname "$CERTSH")" && pwd)/artefacts"
mkdir -p "$ART"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
unset CERTSH_DB
PY=/usr/bin/python3
C() { "$CERTSH" --db r.db --as-of 2026-11-20 "$@"; }

# need TOOL… -- PACKAGES: fail (never skip) when a tool the test needs is missing.
need() {
  local tools=() p
  while [ $# -gt 0 ] && [ "$1" != -- ]; do tools+=("$1"); shift; done
  shift
  for p in "${tools[@]}"; do
    command -v "$p" > /dev/null || { echo "FAIL: $p is missing ($*: ./build.sh test installs them)"; exit 1; }
  done
}

# need_module MODULE PACKAGE: fail when Debian's python3 lacks the module.
need_module() { $PY -c "import $1" 2> /dev/null || { echo "FAIL: python3 module $1 is missing ($2: ./build.sh test installs it)"; exit 1; }; }

# demo_register: the demo register of 60 organisations as of 2026-11-20 in r.db.
demo_register() {
  "$CERTSH" init r.db > /dev/null
  C --timeout 0 run "$SRC/examples/demo-register.js" --orgs 60 > demo.out 2>&1; check $? "demo register (60 orgs)"
}

# body_profile: the body's profile its documents print.
body_profile() {
  C body --name 示例认证机构有限公司 --address '北京市朝阳区示例路1号' --approval CNCA-R-2026-001 \
    --url 'https://cert.example.cn/register.html#{number}' --signatory 张三 > body.out 2>&1; check $? "body profile set"
}

# suspend_one: suspend the first active certificate on 2026-11-20 (its scheme's first cause); prints its number.
suspend_one() {
  C -e "var c = certificates.list({status: 'active'})[0]; c.suspend({cause: c.rules().causes('suspension')[0].code, date: '2026-11-20'}).number"
}
