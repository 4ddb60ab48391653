#!/bin/bash
# The public register page in a real browser (issue 14): Debian's chromium, driven by
# chromium-driver through python3-selenium, opens `certsh export certificates --format html`
# of a small demo register and checks: statuses in Chinese as the documents write them, live
# (a suspended certificate reads 暂停, also when its QR code's anchor is opened); search; the
# status filter; sorting by a column both ways; no id, code or date split across lines at a
# narrow width; print styles that hide the controls; no person's name (deciders, auditors) on
# the page. A screenshot is kept in build/artefacts/register.png.
# Needs chromium, chromium-driver, python3-selenium (./build.sh test installs them): fails without them.
# Usage: bash tests/e2e_browser.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
. "$SRC/tests/documents_lib.sh"
need chromium chromedriver -- chromium, chromium-driver
need_module selenium python3-selenium
demo_register
body_profile
# one more suspension, recorded on the page's date, so that the filter has rows to show
suspend_one > suspended.txt
check $? "certificate $(cat suspended.txt) suspended"
C export certificates --format html register.html 2> out.txt; check $? "export certificates --format html: $(cat out.txt)"
sqlite3 r.db "SELECT DISTINCT name FROM people" > people.txt
sqlite3 -json r.db "SELECT number, status, expires FROM certificates" > certs.json
timeout 180 $PY - "$WORK/register.html" "$(cat suspended.txt)" certs.json people.txt "$ART/register.png" 2>&1 <<'PY'
import json, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

page, suspended, certs, people, shot = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3])), open(sys.argv[4]).read().split(), sys.argv[5]
WORDS = {'active': '有效', 'suspended': '暂停', 'withdrawn': '撤销', 'cancelled': '注销', 'expired': '过期'}
fails = 0
def check(ok, what):
    global fails
    print(('ok   ' if ok else 'FAIL ') + what)
    fails += 0 if ok else 1
o = Options()
for a in ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--window-size=900,1000', '--lang=zh-CN']:
    o.add_argument(a)
d = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=o)
try:
    d.get('file://' + page)
    heads = [h.text for h in d.find_elements(By.CSS_SELECTOR, '#register thead th')]
    col = {h: i for i, h in enumerate(heads)}
    def visible():
        return [r for r in d.find_elements(By.CSS_SELECTOR, '#register tbody tr') if r.is_displayed()]
    def cells(rows, h):
        return [r.find_elements(By.TAG_NAME, 'td')[col[h]].text for r in rows]
    check(d.find_element(By.TAG_NAME, 'html').get_attribute('lang') == 'zh-CN', 'the page is zh-CN')
    rows = visible()
    check(len(rows) == len(certs), 'every certificate is a row (%d of %d)' % (len(rows), len(certs)))
    live = {c['number']: WORDS['expired' if c['status'] == 'active' and c['expires'] < '2026-11-20' else c['status']] for c in certs}
    shown = dict(zip(cells(rows, '证书编号'), cells(rows, '证书状态')))
    check(shown == live, 'each status in Chinese, as the register has it on the page date')
    text = d.find_element(By.TAG_NAME, 'body').text
    named = [p for p in people if p in text]
    check(not named, 'no person of the register named on the page (deciders, auditors): %s' % named[:3])
    # search
    q = d.find_element(By.ID, 'q')
    q.send_keys(suspended)
    d.implicitly_wait(0)
    import time; time.sleep(0.5)
    rows = visible()
    check(cells(rows, '证书编号') == [suspended], 'searching a number shows that certificate alone')
    q.clear(); q.send_keys(' '); time.sleep(0.5)
    # the status filter
    Select(d.find_element(By.ID, 'status')).select_by_value('暂停')
    rows = visible()
    want = sorted(n for n, s in live.items() if s == '暂停')
    check(sorted(cells(rows, '证书编号')) == want and len(want) >= 1, 'the filter 暂停 shows the %d suspended certificates' % len(want))
    Select(d.find_element(By.ID, 'status')).select_by_value('')
    # sorting by 有效期至, both ways
    h = d.find_elements(By.CSS_SELECTOR, '#register thead th')[col['有效期至']]
    h.click()
    got = cells(visible(), '有效期至')
    check(got == sorted(got) and h.get_attribute('aria-sort') == 'ascending', 'a click sorts by 有效期至 ascending')
    h.click()
    got = cells(visible(), '有效期至')
    check(got == sorted(got, reverse=True) and h.get_attribute('aria-sort') == 'descending', 'a second click sorts descending')
    # no id, code or date split across lines (900 px wide)
    split = d.execute_script('''var out=[];document.querySelectorAll('#register td.whole').forEach(function(td){
      if(!td.textContent)return;var r=document.createRange();r.selectNodeContents(td);
      var tops={};Array.prototype.forEach.call(r.getClientRects(),function(x){tops[Math.round(x.top)]=1;});
      if(Object.keys(tops).length>1)out.push(td.textContent);});return out;''')
    check(split == [], 'no number, code or date wraps: %s' % split[:3])
    d.set_window_size(1400, 1000)
    d.execute_script('window.scrollTo(0, 0)')
    d.save_screenshot(shot)
    # the anchor a certificate's QR code opens: its row, with its live status
    d.get('file://' + page + '#' + suspended)
    time.sleep(0.3)
    row = d.find_element(By.ID, suspended)
    check(row.is_displayed() and row.find_elements(By.TAG_NAME, 'td')[col['证书状态']].text == '暂停' and
          d.execute_script('return document.querySelector(":target") === arguments[0]', row), 'the anchor #%s shows the row, 暂停' % suspended)
    # print styles: the controls are not printed
    d.execute_cdp_cmd('Emulation.setEmulatedMedia', {'media': 'print'})
    check(not d.find_element(By.CLASS_NAME, 'controls').is_displayed(), 'print hides the search box and the filter')
finally:
    d.quit()
sys.exit(1 if fails else 0)
PY
check $? "the register page in chromium"
[ -s "$ART/register.png" ]; check $? "screenshot kept in $ART/register.png"
[ $fails = 0 ] && echo "e2e_browser: ok"
exit $((fails > 0))
