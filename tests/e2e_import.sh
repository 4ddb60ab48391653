#!/bin/bash
# certsh import / export end to end: UTF-8 with and without BOM, GBK as Chinese spreadsheet
# programs save it, Chinese headers, a bad file refused whole with every error listed by row,
# column and value and nothing imported, export as CSV (imported back identically), JSON and
# an offline HTML page. Usage: bash tests/e2e_import.sh CERTSH SOURCE_DIR
set -u
CERTSH=$1
SRC=$2
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
unset CERTSH_DB CERTSH_PATH
for d in a b c g g2 g3; do "$CERTSH" init $d.db > /dev/null; done
count() { sqlite3 "$1" "SELECT count(*) FROM $2"; }

# organisations: UTF-8 with a BOM and Chinese headers (one with a unit in brackets)
printf '\xef\xbb\xbf组织名称,统一社会信用代码,有效人数（人）,地址\n"杭州东方家电有限公司",91110000600037341L,120,"杭州市, 西湖区"\n' > bom.csv
"$CERTSH" --db a.db import orgs bom.csv 2> err.txt
check $? "a UTF-8 file with a BOM and Chinese headers imports ($(cat err.txt))"
[ "$(sqlite3 a.db "SELECT name || '|' || address || '|' || staff FROM orgs")" = "杭州东方家电有限公司|杭州市, 西湖区|120" ]
check $? "its Chinese text, quoted comma and number arrive intact"

# GBK, detected without --encoding, and given with it
orgs_csv 3 plain.csv
iconv -f UTF-8 -t GBK plain.csv > gbk.csv
cmp -s plain.csv gbk.csv; [ $? = 1 ]
check $? "the GBK file differs from its UTF-8 original (so detection is tested)"
"$CERTSH" --db g.db import orgs gbk.csv 2> err.txt && grep -q "gb18030" err.txt
check $? "a GBK file is detected and converted ($(cat err.txt))"
[ "$(sqlite3 g.db "SELECT name FROM orgs ORDER BY id LIMIT 1")" = "测试组织 1" ]
check $? "GBK Chinese text arrives as UTF-8"
"$CERTSH" --db g2.db import orgs gbk.csv --encoding gbk 2> /dev/null && [ "$(count g2.db orgs)" = 3 ]
check $? "--encoding gbk reads the same file"
"$CERTSH" --db g3.db import orgs gbk.csv --encoding utf-8 2> err.txt; rc=$?
[ $rc = 1 ] && grep -q "not valid UTF-8" err.txt && [ "$(count g3.db orgs)" = 0 ]
check $? "--encoding utf-8 on a GBK file is refused, naming the line and byte (exit $rc: $(head -c 200 err.txt))"

# a bad file: every bad row listed with row, column and value; nothing imported
cat > bad.csv <<'CSV'
name,uscc,staff
好组织,91110000600037341L,10
坏代码,911100006000373411,10
人数不对,91310000MA1FL8TQ2K,abc
,91440300MA5F0XYZ1P,5
重复,91110000600037341L,8
CSV
"$CERTSH" --db b.db import orgs bad.csv 2> err.txt; rc=$?
[ $rc = 1 ]
check $? "a bad file exits 1 (exit $rc)"
grep -q "row 3, column 2 (uscc): value '911100006000373411'" err.txt
check $? "the bad check character is named by row, column and value"
grep -q "row 4, column 3 (staff): 'abc' is not a whole number" err.txt
check $? "the bad number is named by row, column and value"
grep -q "row 4, column 2 (uscc): value '91310000MA1FL8TQ2K'" err.txt
check $? "a second bad cell of the same row is listed too"
grep -q "row 5" err.txt && grep -q "row 6.*already registered" err.txt
check $? "the blank name and the repeated code are listed too"
grep -q "nothing was imported" err.txt && [ "$(count b.db orgs)" = 0 ] && [ "$(count b.db events)" = 0 ]
check $? "nothing was imported and nothing logged (orgs $(count b.db orgs), events $(count b.db events))"
"$CERTSH" --db b.db import orgs bad.csv --max-errors 2 2> err.txt
grep -q "stopped at row 4 after 2 errors" err.txt
check $? "--max-errors stops the listing ($(tail -n 2 err.txt | head -n 1))"
printf 'name,uscc,staff,colour\nx,91110000600037341L,3,red\n' > unknown.csv
"$CERTSH" --db b.db import orgs unknown.csv 2> err.txt; rc=$?
[ $rc = 1 ] && grep -q "unknown column 'colour'" err.txt
check $? "an unknown header is refused, listing the known ones"
printf 'name,uscc,staff\n"unclosed,91110000600037341L,3\n' > quote.csv
"$CERTSH" --db b.db import orgs quote.csv 2> err.txt; rc=$?
[ $rc = 1 ] && grep -q "quoted field" err.txt && [ "$(count b.db orgs)" = 0 ]
check $? "a broken quote is refused ($(head -c 160 err.txt))"

# people and certificates, then the public register out and back in
printf '姓名,角色,注册号,注册日期,注册有效期至\n张三,审核员、技术专家,CCAA-1,2024-01-01,2027-01-01\n李四,决定人员,,,\n' > people.csv
"$CERTSH" --db a.db import people people.csv 2> err.txt
check $? "people import with Chinese role names ($(cat err.txt))"
[ "$(sqlite3 a.db "SELECT roles FROM people WHERE name = '张三'")" = '["auditor","expert"]' ]
check $? "roles 审核员、技术专家 become auditor and expert"
cat > certs.csv <<'CSV'
证书编号,统一社会信用代码,认证方案,方案版本,认证范围,等级,发证日期,有效期至,证书状态,状态日期,决定人员
CAS-2024-0001,91110000600037341L,cas-service,2024,家用电器的销售及售后服务,五星级,2024-03-01,2027-02-28,有效,,李四
CAS-2024-0002,91110000600037341L,cas-service,2024,电梯的维修服务,,2024-05-01,2027-04-30,暂停,2024-09-01,李四
CSV
"$CERTSH" --db a.db import certificates certs.csv 2> err.txt
check $? "certificates import, holders found by USCC ($(cat err.txt))"
[ "$(sqlite3 a.db "SELECT status || '|' || status_date FROM certificates WHERE number = 'CAS-2024-0002'")" = "suspended|2024-09-01" ]
check $? "a certificate imported as 暂停 is suspended from its status date"
"$CERTSH" --db a.db verify > /dev/null
check $? "the record log of the imports verifies"

"$CERTSH" --db a.db export certificates out.csv 2> err.txt
check $? "export certificates to a file ($(cat err.txt))"
head -n 1 out.csv | grep -q "^number,holder,uscc,scheme,version,scope,shops,grade,stars,status,issued,expires,status_date,status_cause,status_clause,status_code,status_until,deciders"
check $? "the CSV header names the public register's columns"
"$CERTSH" --db c.db import orgs bom.csv 2> /dev/null && "$CERTSH" --db c.db import people people.csv 2> /dev/null &&
  "$CERTSH" --db c.db import certificates out.csv 2> /dev/null && "$CERTSH" --db c.db export certificates | cmp -s - out.csv
check $? "the exported CSV imports into a new register and exports identically"
"$CERTSH" --db a.db export certificates --format json > out.json
/usr/bin/python3 -c 'import json,sys; d=json.load(open("out.json")); assert len(d)==2 and d[0]["holder"]=="杭州东方家电有限公司" and d[1]["status"]=="suspended", d'
check $? "the JSON export parses, Chinese intact"
"$CERTSH" --db a.db export certificates --format html > out.html
grep -q '<input id="q" type="search"' out.html && grep -q "<td>CAS-2024-0002</td>" out.html && ! grep -q "http" out.html
check $? "the HTML page holds the rows and a search box, and needs no network"
"$CERTSH" --db a.db export nothing 2> /dev/null; [ $? = 2 ]
check $? "export of an unknown kind is a usage error"
finish
