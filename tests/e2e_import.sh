#!/bin/bash
# certsh import / export end to end: UTF-8 with and without BOM, GBK as Chinese spreadsheet
# programs save it, Chinese headers, a bad file refused whole with every error listed by row,
# column and value and nothing imported, export as CSV (imported back identically), JSON and
# an offline HTML page. Usage: bash tests/e2e_import.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
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

# a row refused after its organisation was written (its event, refused by a trigger made for the
# test) leaves nothing behind for the rows after it: a later row with its code is no repeat
"$CERTSH" init t.db > /dev/null
sqlite3 t.db "CREATE TRIGGER boom BEFORE INSERT ON events WHEN NEW.payload LIKE '%\"二号\"%' BEGIN SELECT RAISE(ABORT, 'boom'); END"
cat > late.csv <<'CSV'
name,uscc,staff
一号,91110000000000001H,3
二号,91110000000000002L,3
三号,91110000000000003P,x
四号,91110000000000002L,3
五号,91110000000000004T,3
CSV
"$CERTSH" --db t.db import orgs late.csv 2> err.txt; rc=$?
[ $rc = 1 ] && [ "$(grep -c '^late.csv: row' err.txt)" = 2 ] && grep -q "^late.csv: row 3: record log: boom" err.txt &&
  grep -q "^late.csv: row 4, column 3 (staff): 'x' is not a whole number" err.txt && [ "$(count t.db orgs)" = 0 ]
check $? "a row failing after it was written is listed once and undone for the rows after it (exit $rc: $(cat err.txt))"
"$CERTSH" --db t.db import orgs late.csv --max-errors 1 2> err.txt; rc=$?
[ $rc = 1 ] && [ "$(grep -c '^late.csv: row' err.txt)" = 1 ] && grep -q "stopped at row 3 after 1 errors" err.txt
check $? "and --max-errors 1 stops there (exit $rc: $(cat err.txt))"
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

# long cells are never cut: 400 shops (about 12 KB) arrive whole, as JSON SQLite builds; a role
# named 300 times counts once
python3 -c "
shops = '; '.join('shop%d.example.cn@天猫' % i for i in range(400))
print('name,uscc,staff,shops'); print('杭州网店有限公司,91330106MA2B0QXR7D,20,\"%s\"' % shops)" > long.csv
"$CERTSH" init l.db > /dev/null
"$CERTSH" --db l.db import orgs long.csv 2> err.txt
[ "$(sqlite3 l.db "SELECT json_array_length(shops) || ' ' || json_extract(shops, '\$[399].domain') FROM orgs")" = "400 shop399.example.cn" ]
check $? "a 400-shop cell is imported whole ($(head -c 200 err.txt))"
python3 -c "print('姓名,角色'); print('王五,\"' + '、'.join(['审核员'] * 300) + '\"')" > roles.csv
"$CERTSH" --db l.db import people roles.csv 2> err.txt
[ "$(sqlite3 l.db "SELECT roles FROM people WHERE name = '王五'")" = '["auditor"]' ]
check $? "a role named 300 times is one role ($(head -c 200 err.txt))"

# people and certificates, then the public register out and back in
printf '姓名,角色,注册号,注册日期,注册有效期至\n张三,审核员、技术专家,CCAA-1,2024-01-01,2027-01-01\n李四,决定人员,,,\n' > people.csv
"$CERTSH" --db a.db import people people.csv 2> err.txt
check $? "people import with Chinese role names ($(cat err.txt))"
[ "$(sqlite3 a.db "SELECT roles FROM people WHERE name = '张三'")" = '["auditor","expert"]' ]
check $? "roles 审核员、技术专家 become auditor and expert"
cat > certs.csv <<'CSV'
证书编号,统一社会信用代码,认证方案,方案版本,认证范围,等级,发证日期,有效期至,证书状态,状态日期,原因代码,决定人员
CAS-2024-0001,91110000600037341L,cas-service,1,家用电器的销售及售后服务,五星级,2024-03-01,2027-02-28,有效,,,李四
CAS-2024-0002,91110000600037341L,cas-service,1,电梯的维修服务,,2024-05-01,2027-04-30,暂停,2024-09-01,voluntary,李四
CSV
# the scheme's workflow checks each new certificate first (its import transition): a version the
# scheme does not have, and a suspension without one of CAS §9.3.2.1's cause codes, are refused
sed -e 's/cas-service,1,家用/cas-service,2024,家用/' -e 's/,voluntary,/,,/' certs.csv > certs-bad.csv
"$CERTSH" --db a.db import certificates certs-bad.csv 2> err.txt
check $([ $? = 1 ] && grep -q "row 2, column 4.*cas-service has no version \"2024\"" err.txt && grep -q "row 3, column 11.*cause" err.txt && echo 0 || echo 1) \
  "an unknown version and an uncoded suspension are refused, naming row and column ($(head -c 600 err.txt))"
[ "$(sqlite3 a.db "SELECT count(*) FROM certificates")" = 0 ]
check $? "and nothing of the file was imported"
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
grep -q '<input id="q" type="search"' out.html && grep -q '<tr id="CAS-2024-0002" data-status="暂停">' out.html && ! grep -q "http" out.html
check $? "the HTML page holds the rows and a search box, and needs no network"
"$CERTSH" --db a.db export nothing 2> /dev/null; [ $? = 2 ]
check $? "export of an unknown kind is a usage error"

# issue 11, family 5: one byte form for text outside the BMP, whichever way it came in
for d in u1 u2 u3; do "$CERTSH" init $d.db > /dev/null; done
"$CERTSH" --db u1.db -e "var b = '91110000600037341'; core.org.create({ name: '😀家电𠀀组织', uscc: b + uscc.check(b + '0').expected, staff: 3, address: '杭州 🏠' })" > /dev/null
[ "$(sqlite3 u1.db "SELECT hex(name) || ' ' || hex(address) FROM orgs")" = "$(printf '😀家电𠀀组织' | od -An -tx1 | tr -d ' \n' | tr a-f A-F) $(printf '杭州 🏠' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" ]
check $? "a name and an address outside the BMP given through the API are stored as UTF-8"
"$CERTSH" --db u1.db -e "sqlPrint('SELECT name, address, staff, uscc FROM orgs'); ''" | head -n 1 > u1.txt
python3 -c 'open("u1.txt", "rb").read().decode("utf-8")' && grep -q '😀家电𠀀组织' u1.txt
check $? "what a script prints of it is valid UTF-8"
printf 'name,address,staff,uscc
' > u.csv; cat u1.txt >> u.csv
"$CERTSH" --db u2.db import orgs u.csv 2> err.txt && [ "$(sqlite3 u2.db 'SELECT hex(name) FROM orgs')" = "$(sqlite3 u1.db 'SELECT hex(name) FROM orgs')" ]
check $? "and it imports back with the same bytes ($(cat err.txt))"
out=$("$CERTSH" --db u2.db -e "var o = sql('SELECT name FROM orgs')[0]; [o.name === '😀家电𠀀组织', o.name.length, sql('SELECT count(*) AS n FROM orgs WHERE name = ?', ['😀家电𠀀组织'])[0].n].join(' ')")
[ "$out" = "true 8 1" ]; check $? "read back, the name equals the script's literal, is 8 UTF-16 units long, and finds itself ($out)"
# a CSV mixing UTF-8 and GBK rows is refused naming the rows, not read as GB18030
{ printf 'name,uscc,staff
杭州一号,91110000600037341L,3
'; printf '杭州二号,91110000600037342J,3
' | iconv -f utf-8 -t gbk; } > mixed.csv
"$CERTSH" --db u3.db import orgs mixed.csv 2> err.txt; rc=$?
[ $rc = 1 ] && grep -q "mixes encodings: line 2 is UTF-8 but line 3 is not" err.txt && [ "$(count u3.db orgs)" = 0 ]
check $? "a CSV mixing UTF-8 and GBK rows is refused, naming the lines ($(head -1 err.txt))"
{ printf 'name,uscc,staff
'; printf '杭州二号,91110000600037342J,3
' | iconv -f utf-8 -t gbk; printf '杭州一号,91110000600037341L,3
'; } > mixed2.csv
"$CERTSH" --db u3.db import orgs mixed2.csv 2> err.txt; rc=$?
[ $rc = 1 ] && grep -q "mixes encodings: line 3 is UTF-8 but line 2 is not" err.txt; check $? "also with the GBK row first ($(head -1 err.txt))"
"$CERTSH" --db u3.db import orgs mixed.csv --encoding gbk 2> err.txt; rc=$?
[ $rc = 1 ] && grep -q "mixes encodings" err.txt; check $? "and when --encoding gbk is given"
# shops cells are validated as the API validates them (family 6)
printf 'name,uscc,staff,shops
杭州一号,91110000600037341L,3,"[1,""a"",null]"
' > shops.csv
"$CERTSH" --db u3.db import orgs shops.csv 2> err.txt; rc=$?
[ $rc = 1 ] && grep -q "shops\[0\] must be {domain, platform}" err.txt; check $? "a shops cell [1,'a',null] is refused ($(head -1 err.txt))"
python3 -c 'print("name,uscc,staff,shops\n杭州一号,91110000600037341L,3,\"" + "[" * 1500 + "]" * 1500 + "\"")' > deep.csv
"$CERTSH" --db u3.db import orgs deep.csv 2> err.txt; rc=$?
[ $rc = 1 ] && grep -q "nests deeper than 32 levels" err.txt && [ "$(count u3.db orgs)" = 0 ]
check $? "a 1,500-level nested shops cell is refused ($(head -c 120 err.txt))"
finish
