// stdlib/documents.js — what a body sends out, composed from the register: the body's profile
// (body.get / body.set), certificate documents laid out as each scheme declares (its
// `certificate` section, stdlib/layout.js), and decision letters with the reasons, clauses and
// deadlines the register recorded. Each composer returns the document as data — its lines with
// the clause that requires each, and why — and documents.pdf(docs) writes them as one PDF to
// the command's output (-o FILE.pdf): `certsh certificate NUMBER -o FILE.pdf` does just that;
// documents.report('cnca', month) writes the month's report (.xlsx) and documents.registerPage()
// gives the public register page. In a batch job: certsh -o FILE run JOB.
'use strict';

var register = require('stdlib/register');
var layout = require('stdlib/layout');

var fail = require('stdlib/bands').fail; // fail(code, field, message) → an Error with .code and .field

// ---- the body's profile -----------------------------------------------------------------------

// toProfile(row) → the profile with the register's names in camelCase
function toProfile(r) {
  return { name: r.name, nameEn: r.name_en, address: r.address, approval: r.approval, registerUrl: r.register_url, phone: r.phone,
    website: r.website, signatory: r.signatory, changed: r.changed };
}

var body = {
  // body.get() → {name, nameEn, address, approval, registerUrl, phone, website, signatory, changed}, or null when not set
  get: function () {
    var r = core.body.get();
    return r ? toProfile(r) : null;
  },
  // body.set({name, nameEn, address, approval, registerUrl, phone, website, signatory}) → the profile:
  // what the body's certificates and letters print (CAS §6.7.1 1), CNAS C3.7.1 1)); approval is
  // its 批准号, registerUrl the pattern of a certificate's public entry, holding {number}
  set: function (o) { return toProfile(core.body.set(o)); },
  // body.url(number) → the public register entry of certificate number (what its QR code holds)
  url: function (number) { return profile().registerUrl.replace('{number}', encodeURIComponent(number)); }
};

// profile() → the body's profile; refused while it is not set
function profile() {
  var b = body.get();
  if (!b) throw fail('missing', 'body', "the body's profile is not set: certsh body --name NAME --address ADDRESS --approval 批准号 --url 'https://…#{number}' (or body.set({…}))");
  return b;
}

// ---- formatting -------------------------------------------------------------------------------

// zhDate('2026-11-20') → '2026年11月20日', as certificates and letters write dates
function zhDate(d) {
  if (!d) return '';
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? m[1] + '年' + m[2] + '月' + m[3] + '日' : d;
}

// footer(b) → the body's address and contacts at the foot of its documents
function footer(b) {
  return [b.name, b.address, '批准号：' + b.approval].concat(b.phone ? ['电话：' + b.phone] : [], b.website ? [b.website] : []).join('　');
}

// ---- certificates -------------------------------------------------------------------------------

// The events that (re)issue a certificate document: the first issue, and each change of what
// it prints (CFC §9.3: 换发证书). Renewals start a new cycle with a new issue date.
var ISSUES = ['certificate.issue', 'certificate.import', 'certificate.renew', 'certificate.change', 'certificate.downgrade', 'certificate.upgrade'];
var CHANGES = ['certificate.change', 'certificate.downgrade', 'certificate.upgrade'];

// editions(cert) → {edition, changed}: how many documents the certificate has had, and the date
// of the last change since the current issue date (null on a first issue of the cycle)
function editions(c) {
  var rows = sql("SELECT kind, effective FROM events WHERE subject = ? AND kind IN ('" + ISSUES.join("','") + "') ORDER BY seq", 'certificate:' + c.id);
  var changed = null;
  rows.forEach(function (r) { if (CHANGES.indexOf(r.kind) >= 0 && r.effective >= c.issued) changed = r.effective; });
  return { edition: rows.length, changed: changed };
}

// need(value, what, number, hint) → value; refused when it is empty (a required field the register lacks)
function need(v, what, number, hint) {
  if (v === null || v === undefined || v === '') throw fail('missing', what, 'certificate ' + number + ': ' + what + ' is required on the certificate but the register has none' + (hint ? '; ' + hint : ''));
  return v;
}

// sitesText(cert, org) → the service sites as the certificate lists them: each site record open on
// the issue date (name and address, the central function first), else the holder's address and
// how many sites it states (CAS §6.7.1 3) 服务提供场所的地址; DNI §5.5.1; CFC §9.2)
function sitesText(c, o) {
  var records = orgs.get(o.id).sitesOn(c.issued);
  if (records.length) return records.map(function (s) { return s.name + (s.address ? '：' + s.address : ''); }).join('；');
  return need(o.address, 'the address of the service sites', c.number, 'orgs.get(' + o.id + ').update({address})') + (o.sites > 1 ? '（共 ' + o.sites + ' 个服务场所）' : '');
}

// fieldValue(f, cert, org, body, ed) → the text of layout field f, or null when it does not apply
function fieldValue(f, c, o, b, ed) {
  switch (f.field) {
    case 'body': return b.name;
    case 'bodyAddress': return b.address;
    case 'approval': return b.approval;
    case 'holder': return o.name;
    case 'holderAddress': return need(o.address, "the holder's address", c.number, 'orgs.get(' + o.id + ').update({address})');
    case 'uscc': return o.uscc;
    case 'sites': return sitesText(c, o);
    case 'shops': return need((c.shops || []).map(function (s) { return s.domain + '（' + s.platform + '）'; }).join('；'), 'the online shops', c.number);
    case 'scope': return c.scope;
    case 'standard': return f.value;
    case 'grade': return c.grade ? c.grade + (c.stars ? ' ' + new Array(c.stars + 1).join('★') : '') : null;
    case 'number': return c.number;
    case 'issued': return zhDate(c.issued);
    case 'expires': return zhDate(c.expires);
    case 'validity': return zhDate(c.issued) + ' 至 ' + zhDate(c.expires);
    case 'changed': return ed.changed ? zhDate(ed.changed) : null;
    case 'signatory': return need(b.signatory, 'the signatory', c.number, "body.set({signatory: '…'})");
  }
  throw fail('invalid', 'field', 'unknown certificate field ' + f.field + ' (known: ' + Object.keys(layout.FIELDS).join(', ') + ')');
}

// certificateOf(x) → the Certificate x names (number, id or record); not-found otherwise
function certificateOf(x) {
  var c = typeof x === 'string' ? register.certificates.byNumber(x) : register.certificates.get(x);
  if (!c) throw fail('not-found', 'number', 'no certificate numbered ' + JSON.stringify(x));
  return c;
}

// certificate(number) → the certificate document {kind, number, title, header, subtitle, lines:
// [{label, value, clause}], notes, qr, footer, edition, changed, why}: the fields of its scheme's
// layout in the document's order, each from the register; only for an active certificate
function certificate(x) {
  var c = certificateOf(x), s = c.rules(), b = profile(), o = c.org();
  if (c.status !== 'active') throw fail('refused', 'status', 'certificate ' + c.number + ' is ' + c.status + ' since ' + c.statusDate + ': a certificate document is issued only while it is active');
  if (typeof s.certificateLayout !== 'function') throw fail('unsupported', 'certificate', s + ' declares no certificate layout (its `certificate` section)');
  var l = s.certificateLayout(), ed = editions(c), lines = [], why = [];
  function cite(clause, text) { return { scheme: s.id, version: s.version, clause: clause, text: text }; }
  why.push(cite(l.clause, 'the certificate\'s contents, in the order the document lists them' + (l.text ? ': ' + l.text : '')));
  l.fields.forEach(function (f) {
    var v = fieldValue(f, c, o, b, ed);
    if (v === null) return;
    lines.push({ label: f.label, value: String(v), clause: f.clause });
    why.push(cite(f.clause, f.label + ': ' + v));
  });
  var notes = (l.notes || []).map(function (n) { why.push(cite(n.clause, n.text)); return n.text; });
  return { kind: 'certificate', number: c.number, scheme: s.id, version: s.version, header: b.name, title: l.title,
    subtitle: ed.edition > 1 ? '第 ' + ed.edition + ' 版' + (ed.changed ? '　换发证书，换证日期 ' + zhDate(ed.changed) : '') : null,
    lines: lines, notes: notes, qr: body.url(c.number), qrCaption: '扫码查询证书状态', footer: footer(b),
    edition: ed.edition, changed: ed.changed, why: why };
}

// certificates({numbers, from, to, status}) → the certificate documents of the numbers given, or
// of every active certificate issued from..to (dates, both included), in number order
function certificates(o) {
  o = o || {};
  Object.keys(o).forEach(function (k) { if (['numbers', 'from', 'to'].indexOf(k) < 0) throw fail('invalid', k, "documents.certificates: unknown option '" + k + "' (known: numbers, from, to)"); });
  var numbers = o.numbers || sql("SELECT number FROM certificates WHERE status = 'active' AND issued >= ? AND issued <= ? ORDER BY number",
    o.from || '0000-01-01', o.to || '9999-12-31').map(function (r) { return r.number; });
  if (!numbers.length) throw fail('not-found', 'numbers', 'documents.certificates: no active certificate issued from ' + (o.from || 'the start') + ' to ' + (o.to || 'now'));
  return numbers.map(certificate);
}

// ---- writing ------------------------------------------------------------------------------------

// pdf(docs) → the number of pages written: the documents (one or a list) as one PDF on the
// command's output (-o FILE.pdf)
function pdf(docs) {
  if (!Array.isArray(docs)) docs = [docs];
  return document.pdf(docs.map(function (d) {
    return { header: d.header, title: d.title, subtitle: d.subtitle || undefined, lines: (d.lines || []).map(function (x) { return { label: x.label, value: x.value }; }),
      paragraphs: d.paragraphs || [], notes: d.notes || [], qr: d.qr || undefined, qrCaption: d.qrCaption || undefined, footer: d.footer };
  }));
}

// letter(kind, subject, {date}) → a decision letter as data (stdlib/letters.js)
function letter(kind, subject, o) { return require('stdlib/letters').letter(kind, subject, o); }

// report(kind, {month | from, to, all, dryRun}) → the period's report to a regulator written as
// .xlsx and recorded (stdlib/reports.js: cnca, iaf, statistics); a month given as text is {month}
function report(kind, o) {
  return require('stdlib/reports').report(kind, typeof o === 'string' ? { month: o } : o);
}

// registerPage({asOf, title}) → the public register as one HTML page (stdlib/directory.js)
function registerPage(o) { return require('stdlib/directory').page(o); }

exports.body = body;
exports.report = report;
exports.registerPage = registerPage;
exports.footer = footer;
exports.letter = letter;
exports.zhDate = zhDate;
exports.certificate = certificate;
exports.certificates = certificates;
exports.pdf = pdf;

// ---- the command line (repl/document.c): opts as parsed there --------------------------------

var command = {
  // certsh body [--name …]: show the profile, or set the fields given
  body: function (opts) {
    if (Object.keys(opts).length) body.set(opts);
    var b = body.get();
    if (!b) return "body: the profile is not set; certsh body --name NAME --address ADDRESS --approval 批准号 --url 'https://…#{number}'";
    return Object.keys(b).map(function (k) { return k + ': ' + b[k]; }).join('\n');
  },
  // certsh certificate NUMBER… | --from D --to D
  certificate: function (opts) {
    if (opts.numbers.length && (opts.from || opts.to)) throw fail('usage', 'numbers', 'certsh certificate NUMBER... | --from DATE [--to DATE]: numbers or dates, not both');
    if (!opts.numbers.length && !opts.from) throw fail('usage', 'numbers', 'certsh certificate NUMBER... | --from DATE [--to DATE] [-o FILE.pdf]');
    var docs = certificates(opts.numbers.length ? { numbers: opts.numbers } : { from: opts.from, to: opts.to });
    pdf(docs);
    return 'certificate: ' + docs.length + ' document' + (docs.length === 1 ? '' : 's') + ' written';
  },
  // certsh letter KIND NUMBER|CASE [--date D]
  letter: function (opts) {
    if (opts.args.length !== 2) throw fail('usage', 'kind', 'certsh letter ' + Object.keys(require('stdlib/letters').KINDS).join('|') + ' NUMBER|CASE-ID [--date DATE] [-o FILE.pdf]');
    var d = letter(opts.args[0], opts.args[1], opts.date ? { date: opts.date } : {});
    pdf(d);
    return 'letter: ' + d.title + ' (' + d.subtitle + ') written';
  },
  // certsh report cnca|iaf|statistics --month YYYY-MM | --from D --to D [--all] [--dry-run]
  report: function (opts) {
    if (opts.args.length !== 1) throw fail('usage', 'kind', 'certsh report cnca|iaf|statistics [--month YYYY-MM | --from D --to D] [--all] [--dry-run] [-o FILE.xlsx]');
    var r = report(opts.args[0], { month: opts.month, from: opts.from, to: opts.to, all: !!opts.all, dryRun: !!opts.dryRun });
    return 'report ' + r.kind + ' ' + r.period + ': ' + r.rows + ' rows (' + r.sheets.join(', ') + ')' + (r.skipped ? ', ' + r.skipped + ' reported before left out' : '') +
      (r.recorded ? '; recorded in the log' : opts.dryRun ? '; dry run, nothing recorded' : '; nothing new to record');
  },
  // certsh export certificates --format html: the public register page
  registerPage: function () { print(registerPage({})); }
};
exports.command = command;
