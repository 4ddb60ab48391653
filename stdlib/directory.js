// stdlib/directory.js — the public register of certificates (ISO/IEC 17065 §4.6 publicly
// available information, §7.8 the directory of certified products) as one static HTML page in
// Chinese: each certificate under a stable anchor (#NUMBER, what its QR code points to) with its
// live status as the documents write it (有效, 暂停, 撤销, 注销, 过期); sortable columns, a status
// filter and a search box that work offline; print styles; and only what a public directory
// shows — no deciders, auditors, causes' texts or internal ids.
'use strict';

var layout = require('stdlib/layout');

// The columns: header, the query's column, and whether the value is kept on one line (whole:
// ids, codes, dates, never split) or wraps (cls text: names, scopes; shops: long domains).
var COLUMNS = [
  { header: '证书编号', from: 'number', whole: true },
  { header: '获证组织', from: 'holder', cls: 'text' },
  { header: '统一社会信用代码', from: 'uscc', whole: true },
  { header: '认证项目', from: 'scheme', cls: 'text' },
  { header: '认证范围', from: 'scope', cls: 'text' },
  { header: '网店（平台）', from: 'shops', cls: 'shops' },
  { header: '等级', from: 'grade', whole: true },
  { header: '证书状态', from: 'status', whole: true },
  { header: '发证日期', from: 'issued', whole: true },
  { header: '有效期至', from: 'expires', whole: true },
  { header: '状态日期', from: 'status_date', whole: true },
  { header: '暂停期限至', from: 'until', whole: true }
];

// rows(asOf) → the certificates as the public sees them on asOf: an active certificate past its
// last day of validity shows 过期 even before the register records the expiry
function rows(asOf) {
  var titles = {};
  return sql("SELECT c.number, o.name AS holder, o.uscc, c.scheme, c.version, c.scope, c.grade, c.stars, c.issued, c.expires," +
    " CASE WHEN c.status = 'active' AND c.expires < ?1 THEN 'expired' ELSE c.status END AS status," +
    " CASE WHEN c.status = 'active' AND c.expires < ?1 THEN c.expires ELSE c.status_date END AS status_date," +
    " CASE WHEN c.status = 'suspended' THEN c.status_until END AS until," +
    " (SELECT group_concat(json_extract(value, '$.domain') || '（' || json_extract(value, '$.platform') || '）', '；') FROM json_each(c.shops)) AS shops" +
    " FROM certificates c JOIN orgs o ON o.id = c.org_id ORDER BY c.number", asOf).map(function (r) {
    var k = r.scheme + '@' + r.version;
    r.scheme = titles[k] || (titles[k] = layout.schemeTitle(r.scheme, r.version));
    r.grade = r.grade ? r.grade + (r.stars ? ' ' + new Array(r.stars + 1).join('★') : '') : '';
    r.status = layout.STATUS_WORDS[r.status];
    return r;
  });
}

// esc(text) → text with HTML's special characters escaped
function esc(s) {
  return String(s === null || s === undefined ? '' : s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

var STYLE = [
  'body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:1.5em;color:#222}',
  'h1{font-size:1.5em;margin:.2em 0}.meta{color:#555;margin:.3em 0 1em}',
  '.controls{display:flex;flex-wrap:wrap;gap:1em;align-items:center;margin:.8em 0}',
  'input,select{font-size:1em;padding:.3em}input[type=search]{width:24em;max-width:100%}',
  'table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top;font-size:.9em}',
  'th{background:#f0f0f0;position:sticky;top:0;cursor:pointer;user-select:none;white-space:nowrap}',
  'th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}',
  'td.whole{white-space:nowrap}td.text{min-width:7em}td.shops{min-width:9em;overflow-wrap:anywhere}tr:target td{background:#fff6bf}',
  'td.s-暂停{color:#b45309;font-weight:bold}td.s-撤销,td.s-注销,td.s-过期{color:#b91c1c}td.s-有效{color:#15803d}',
  '@media print{.controls,#count{display:none}th{position:static;background:#eee}body{margin:0;font-size:10pt}',
  ' thead{display:table-header-group}tr{break-inside:avoid}th[aria-sort]::after{content:""}a{color:inherit;text-decoration:none}}'
].join('\n');

// The page's own script (ES5, no network): search, status filter, sort, and an anchor always shown.
var SCRIPT = [
  '(function(){',
  'var q=document.getElementById("q"),st=document.getElementById("status"),c=document.getElementById("count"),',
  ' t=document.getElementById("register"),body=t.tBodies[0],heads=t.tHead.rows[0].cells,timer=null;',
  'function filter(){var w=q.value.toLowerCase().split(/\\s+/).filter(Boolean),s=st.value,n=0,rows=body.rows;',
  ' for(var i=0;i<rows.length;i++){var r=rows[i],txt=r.textContent.toLowerCase(),ok=!s||r.getAttribute("data-status")===s;',
  '  for(var k=0;k<w.length&&ok;k++)ok=txt.indexOf(w[k])>=0;',
  '  if(location.hash&&r.id===decodeURIComponent(location.hash.slice(1)))ok=true;',
  '  r.style.display=ok?"":"none";if(ok)n++;}',
  ' c.textContent="显示 "+n+" / "+rows.length+" 张证书";}',
  'function sort(col){var h=heads[col],dir=h.getAttribute("aria-sort")==="ascending"?-1:1;',
  ' for(var i=0;i<heads.length;i++)heads[i].removeAttribute("aria-sort");',
  ' h.setAttribute("aria-sort",dir>0?"ascending":"descending");',
  ' var rows=Array.prototype.slice.call(body.rows);',
  ' rows.sort(function(a,b){var x=a.cells[col].textContent,y=b.cells[col].textContent;return (x<y?-1:x>y?1:0)*dir||(a.id<b.id?-1:1);});',
  ' for(var j=0;j<rows.length;j++)body.appendChild(rows[j]);}',
  'for(var i=0;i<heads.length;i++)(function(i){heads[i].addEventListener("click",function(){sort(i);});})(i);',
  'q.addEventListener("input",function(){clearTimeout(timer);timer=setTimeout(filter,120);});',
  'st.addEventListener("change",filter);window.addEventListener("hashchange",filter);filter();',
  '})();'
].join('\n');

// page({asOf, title}) → the HTML page of the public register on asOf (default today)
function page(o) {
  o = o || {};
  var on = o.asOf || today(), b = core.body.get(), list = rows(on), counts = {};
  list.forEach(function (r) { counts[r.status] = (counts[r.status] || 0) + 1; });
  var title = o.title || (b ? b.name + ' ' : '') + '认证证书公开查询';
  var h = ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head>', '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">', '<title>' + esc(title) + '</title>',
    '<style>', STYLE, '</style>', '</head>', '<body>', '<h1>' + esc(title) + '</h1>',
    '<p class="meta">证书状态截至 <time datetime="' + esc(on) + '">' + esc(on) + '</time>，共 ' + list.length + ' 张证书' +
      (b ? '。认证机构：' + esc(b.name) + '（批准号 ' + esc(b.approval) + '）' : '') + '</p>',
    '<div class="controls"><label>搜索 <input id="q" type="search" placeholder="证书编号、组织名称、统一社会信用代码、范围…"></label>',
    '<label>证书状态 <select id="status"><option value="">全部</option>' + Object.keys(layout.STATUS_WORDS).map(function (k) {
      var w = layout.STATUS_WORDS[k];
      return '<option value="' + w + '">' + w + '（' + (counts[w] || 0) + '）</option>';
    }).join('') + '</select></label><span id="count"></span></div>',
    '<table id="register">', '<thead><tr>' + COLUMNS.map(function (c) { return '<th scope="col">' + esc(c.header) + '</th>'; }).join('') + '</tr></thead>', '<tbody>'];
  list.forEach(function (r) {
    h.push('<tr id="' + esc(r.number) + '" data-status="' + esc(r.status) + '">' + COLUMNS.map(function (c) {
      var v = esc(r[c.from]);
      if (c.from === 'number') v = '<a href="#' + esc(encodeURIComponent(r.number)) + '">' + v + '</a>';
      var cls = (c.whole ? 'whole' : c.cls || '') + (c.from === 'status' ? ' s-' + esc(r.status) : '');
      return '<td' + (cls ? ' class="' + cls.trim() + '"' : '') + '>' + v + '</td>';
    }).join('') + '</tr>');
  });
  h.push('</tbody>', '</table>', '<script>', SCRIPT, '</script>', '</body>', '</html>');
  return h.join('\n');
}

exports.COLUMNS = COLUMNS;
exports.rows = rows;
exports.page = page;
