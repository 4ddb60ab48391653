// stdlib/layout.js — the layout of a certificate as a scheme declares it (the `certificate`
// section of defineScheme): the fields the document requires, in its order, with the labels
// it writes and the clause that requires each; and the sentences it must carry (notes). The
// one list of the register's fields a layout may name; stdlib/documents.js fills them in.
//
//   certificate: { clause: '§6.7.1', title: '服务认证证书',
//     fields: [{ field: 'holder', label: '获证组织名称', clause: '§6.7.1 3)' }, …],
//     notes: [{ text: '本证书信息可在…查询', clause: '§6.7.1 10)' }] }
'use strict';

var bands = require('stdlib/bands');

// The fields a layout may name, each with what it shows (from the register or the scheme).
var FIELDS = {
  body: "the body's name (its profile: certsh body)",
  bodyAddress: "the body's address",
  approval: "the body's approval number 批准号",
  holder: "the holder's name",
  holderAddress: "the holder's address",
  uscc: "the holder's Unified Social Credit Code",
  sites: 'the addresses where the service is provided (the site records open on the issue date, else the holder\'s address and number of sites)',
  shops: 'the online shops: domain and platform (e-commerce)',
  scope: 'the scope certified',
  standard: 'the standards and rules the certification is against (the layout states them: value)',
  grade: "the grade as the scheme writes it, with its stars (e.g. 五星级 ★★★★★)",
  number: 'the certificate number',
  issued: 'the date of issue of the current cycle',
  expires: 'the last day of validity',
  validity: 'from the date of issue to the last day of validity',
  changed: 'the date the certificate was reissued after a change (none on a first issue)',
  signatory: "who signs for the body (its profile)"
};

// A certificate's status as the documents write it (CAS §9.3, CFC §9.5, DNI §6.7-6.9): what the
// public register and the reports show.
var STATUS_WORDS = { active: '有效', suspended: '暂停', withdrawn: '撤销', cancelled: '注销', expired: '过期' };

// schemeTitle(id, version) → the scheme's title at that version, else at the version in force,
// else its id (an imported certificate may name a version certsh does not hold): what documents
// print for a scheme
function schemeTitle(id, version) {
  try { return scheme(id + '@' + version).title; } catch (e) { /* not loaded: the one in force */ }
  try { return scheme(id).title; } catch (e2) { return id; }
}

// check(layout, field) → problems [{field, message}] of a certificate layout
function check(v, f) {
  var list = [];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [{ field: f, message: 'must be {clause, title, fields: [{field, label, clause}], notes: [{text, clause}]}' }];
  bands.checkClause(v, f, list);
  Object.keys(v).forEach(function (k) {
    if (['clause', 'title', 'fields', 'notes', 'text'].indexOf(k) < 0) list.push({ field: f + '.' + k, message: "unknown key '" + k + "' (known: clause, title, fields, notes, text)" });
  });
  if (typeof v.title !== 'string' || !v.title) list.push({ field: f + '.title', message: "must be the certificate's title as the document writes it" });
  if (!Array.isArray(v.fields) || !v.fields.length) list.push({ field: f + '.fields', message: 'must list the fields the document requires, in order: [{field, label, clause}]' });
  (v.fields || []).forEach(function (x, i) {
    var g = f + '.fields[' + i + ']';
    if (!x || typeof x !== 'object') { list.push({ field: g, message: 'must be {field, label, clause}' }); return; }
    bands.checkClause(x, g, list);
    if (!FIELDS[x.field]) list.push({ field: g + '.field', message: 'unknown field ' + JSON.stringify(x.field) + ' (known: ' + Object.keys(FIELDS).join(', ') + ')' });
    if (typeof x.label !== 'string' || !x.label) list.push({ field: g + '.label', message: 'must be the label as the document writes it' });
    if (x.field === 'standard' && (typeof x.value !== 'string' || !x.value)) list.push({ field: g + '.value', message: 'the standards are stated by the layout: value' });
    Object.keys(x).forEach(function (k) {
      if (['field', 'label', 'clause', 'value', 'text'].indexOf(k) < 0) list.push({ field: g + '.' + k, message: "unknown key '" + k + "' (known: field, label, clause, value, text)" });
    });
  });
  if (v.notes !== undefined && !Array.isArray(v.notes)) list.push({ field: f + '.notes', message: 'must list [{text, clause}]' });
  (v.notes || []).forEach(function (x, i) {
    bands.checkClause(x, f + '.notes[' + i + ']', list);
    if (!x || typeof x.text !== 'string' || !x.text) list.push({ field: f + '.notes[' + i + '].text', message: 'must be the sentence the certificate carries' });
  });
  return list;
}

exports.FIELDS = FIELDS;
exports.STATUS_WORDS = STATUS_WORDS;
exports.schemeTitle = schemeTitle;
exports.check = check;
