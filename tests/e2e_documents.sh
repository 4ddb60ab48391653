#!/bin/bash
# Certificate documents (issue 16): on a small demo register with the body's profile set,
# `certsh certificate NUMBER -o FILE.pdf` writes for each scheme a PDF whose text (pdftotext)
# holds every field of the scheme's layout in the document's order with the register's values,
# whose fonts (pdffonts) are the embedded Noto CJK subsets and nothing else (no missing glyph
# drawn from a fallback font), whose QR code (zbarimg on a pdftoppm rendering, kept in
# build/artefacts/) decodes to the certificate's public register URL; a reissued certificate
# shows its edition and, under CFC §9.3, 换证日期; refusals name what is wrong.
# Needs poppler-utils and zbar-tools (./build.sh test installs them): fails without them.
# Usage: bash tests/e2e_documents.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
. "$SRC/tests/documents_lib.sh"
need pdftotext pdffonts pdftoppm pdfinfo zbarimg -- poppler-utils, zbar-tools
demo_register

# the profile: refused until it is set, then set from the command line
C certificate CAS-SV-2022-00001 -o none.pdf 2> e.txt; [ $? = 1 ] && grep -q "profile is not set" e.txt && [ ! -e none.pdf ]
check $? "no certificate without the body's profile, and no file left: $(cat e.txt)"
C body --nme x 2> e.txt; [ $? = 2 ] && grep -q "unknown option '--nme'" e.txt; check $? "a misspelt body option is a usage error"
body_profile
C body --url 'ftp://x' 2> e.txt; [ $? = 1 ] && grep -q "registerUrl 'ftp://x' must be an http(s) URL holding {number}" e.txt
check $? "a register URL without {number} is refused naming the field"

# one active certificate of each scheme
for scheme in cas-service dni-aftersales cfc-sc14 example-ecommerce; do
  n=$(C -e "sql(\"SELECT min(number) n FROM certificates WHERE status = 'active' AND scheme = '$scheme'\")[0].n")
  C certificate "$n" -o $scheme.pdf 2> out.txt; check $? "$scheme: certificate $n written: $(cat out.txt)"
  pdftotext -layout $scheme.pdf $scheme.txt
  # the layout's labels in order, each with its value from the register (independently read by SQL)
  C --json -e "JSON.stringify({layout: scheme('$scheme').certificateLayout(), row: sql(\"SELECT c.*, o.name AS holder, o.uscc AS uscc, o.address AS address FROM certificates c JOIN orgs o ON o.id = c.org_id WHERE number = '$n'\")[0]})" > want.json
  $PY - $scheme.txt want.json <<'PY'
import json, re, sys
text = re.sub(r'\s+', '', open(sys.argv[1]).read())
want = json.loads(json.loads(open(sys.argv[2]).read()))
row, at, bad = want['row'], 0, []
zh = lambda d: '%s年%s月%s日' % tuple(d.split('-'))
value = {'holder': row['holder'], 'uscc': row['uscc'], 'holderAddress': row['address'], 'sites': row['address'],
         'scope': row['scope'], 'number': row['number'], 'issued': zh(row['issued']), 'expires': zh(row['expires']),
         'validity': zh(row['issued']) + '至' + zh(row['expires']), 'body': '示例认证机构有限公司',
         'bodyAddress': '北京市朝阳区示例路1号', 'signatory': '张三', 'grade': row['grade'] or ''}
for f in want['layout']['fields']:
    if f['field'] == 'changed': continue
    label = re.sub(r'\s+', '', f['label'])
    i = text.find(label, at)
    if i < 0: bad.append('label %s not found after position %d' % (f['label'], at)); continue
    v = re.sub(r'\s+', '', f.get('value') or value.get(f['field'], ''))
    if f['field'] == 'shops':
        v = ''.join('%s（%s）' % (s['domain'], s['platform']) for s in json.loads(row['shops']))[:20]
    j = text.find(v[:12], i)
    if j < 0: bad.append('value of %s (%s) not found after its label' % (f['field'], v))
    at = i + len(label)
for n in want['layout'].get('notes', []):
    if re.sub(r'\s+', '', n['text'])[:30] not in text: bad.append('note missing: ' + n['text'])
if bad: print('\n'.join(bad))
sys.exit(1 if bad else 0)
PY
  check $? "$scheme: every field of the layout in order with the register's value"
  fonts=$(pdffonts $scheme.pdf | tail -n +3)
  echo "$fonts" | awk '{print $1}' | grep -v -q 'Noto.*CJK'; [ $? = 1 ] && ! echo "$fonts" | awk '$(NF-4) != "yes"' | grep -q .
  check $? "$scheme: only Noto CJK fonts, all embedded: $fonts"
  pdftoppm -r 110 -png -singlefile $scheme.pdf "$ART/certificate-$scheme"
  qr=$(zbarimg -q --raw "$ART/certificate-$scheme.png" 2>/dev/null)
  [ "$qr" = "https://cert.example.cn/register.html#$n" ]; check $? "$scheme: the QR code decodes to the register entry ($qr)"
done

# a reissue (CFC §9.3): the scope changes, the document says so and dates the change
n=$(C -e "sql(\"SELECT min(number) n FROM certificates WHERE status = 'active' AND scheme = 'cfc-sc14'\")[0].n")
ed=$(C -e "documents.certificate('$n').edition")
C -e "certificates.byNumber('$n').change({scope: '家用电器的销售、配送、安装及售后服务'}).scope" > /dev/null; check $? "scope of $n changed"
C certificate "$n" -o reissued.pdf 2> /dev/null && pdftotext -layout reissued.pdf reissued.txt
grep -q "第$((ed + 1))版" <(tr -d ' ' < reissued.txt) && grep -q '换证日期 *2026年11月20日' reissued.txt && grep -q '家用电器的销售' reissued.txt
check $? "the reissue is edition $((ed + 1)) and shows 换证日期 2026年11月20日"
# a suspended certificate gets no document; a number that does not exist is refused
s=$(C -e "sql(\"SELECT min(number) n FROM certificates WHERE status = 'suspended'\")[0].n")
if [ "$s" = null ]; then s=$n; C -e "certificates.byNumber('$n').suspend({cause: 'other', date: '2026-11-20'}).status" > /dev/null 2>&1 || C -e "var c = certificates.byNumber('$n'); c.suspend({cause: c.rules().causes('suspension')[0].code, date: '2026-11-20'}).status" > /dev/null; fi
C certificate "$s" -o s.pdf 2> e.txt; [ $? = 1 ] && grep -q "is suspended since" e.txt; check $? "a suspended certificate gets no document: $(cat e.txt)"
C certificate NO-SUCH-1 -o x.pdf 2> e.txt; [ $? = 1 ] && grep -q 'no certificate numbered "NO-SUCH-1"' e.txt; check $? "an unknown number is refused"
C certificate 2> e.txt; [ $? = 2 ]; check $? "certificate without a number is a usage error"
# a range: every active certificate issued in 2025, one page each
want=$(C -e "sql(\"SELECT count(*) n FROM certificates WHERE status = 'active' AND issued BETWEEN '2025-01-01' AND '2025-12-31'\")[0].n")
C certificate --from 2025-01-01 --to 2025-12-31 -o range.pdf 2> /dev/null
[ "$(pdfinfo range.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')" = "$want" ]; check $? "a range of issue dates gives one page per certificate ($want)"

# letters: the suspension just recorded, with its start and limit (CAS §9.3.2.3), cause and clause
read -r until cause <<< "$(sqlite3 -separator " " r.db "SELECT status_until, status_cause FROM certificates WHERE number = '$s'")"
C letter suspension "$s" -o suspension.pdf 2> out.txt && pdftotext -layout suspension.pdf suspension.txt
zh() { echo "$1" | sed -E 's/^([0-9]{4})-([0-9]{2})-([0-9]{2})$/\1年\2月\3日/'; }
grep -q '暂停认证证书通知书' suspension.txt && grep -q "暂停期限 *自2026年11月20日起至$(zh "$until")止" suspension.txt && grep -qF "${cause:0:12}" suspension.txt
check $? "the suspension letter states its start, its limit $until and the cause recorded: $(cat out.txt)"
pdftoppm -r 80 -png -singlefile suspension.pdf "$ART/letter-suspension"
# a non-acceptance: the reason and the scheme's notice period (DNI §5.2.1: 15 days)
case=$(C -e "var base = '91110108' + '765432109', o = orgs.create({name: '测试申请组织', uscc: base + uscc.check(base + '0').expected, staff: 10, address: '北京市海淀区示例路2号'});
  cases.apply({org: o, scheme: 'dni-aftersales', scope: '家用电器的售后服务', date: '2026-11-10'}).reject({reason: '申请材料不全：缺少营业执照', date: '2026-11-12'}).id")
C letter non-acceptance "$case" -o rejected.pdf 2> out.txt && pdftotext -layout rejected.pdf rejected.txt
grep -q '不予受理通知书' rejected.txt && grep -q '申请材料不全：缺少营业执照' rejected.txt && grep -q '2026年11月27日前送达（§5.2.1）' rejected.txt
check $? "the non-acceptance letter gives the reason and the notice date of DNI §5.2.1: $(cat out.txt)"
C letter refusal "$case" -o x.pdf 2> e.txt; [ $? = 1 ] && grep -q "case $case is rejected, not refused" e.txt; check $? "a refusal letter only for a refused case"
C letter withdrawl "$s" -o x.pdf 2> e.txt; [ $? = 1 ] && grep -q 'unknown kind "withdrawl"' e.txt; check $? "a misspelt letter kind is refused"
# the same documents from a batch job, to the file -o names
"$CERTSH" --db r.db --as-of 2026-11-20 -o job.pdf run "$SRC/examples/documents.js" letter suspension "$s" 2> e.txt && pdftotext job.pdf - | grep -q '暂停认证证书通知书'
check $? "examples/documents.js writes the letter as a batch job: $(cat e.txt)"
"$CERTSH" --db r.db run "$SRC/examples/documents.js" letter suspension "$s" < /dev/null > /dev/null 2>&1; [ $? = 0 ]
check $? "a job's document may go to a pipe"
C verify > /dev/null; check $? "the record log is sound"
[ $fails = 0 ] && echo "e2e_documents: ok"
exit $((fails > 0))
