// stdlib/bands.js — declarative rule tables a scheme writes as object literals: band tables
// with open-ended continuation ("+1 per further 600", "follow the progression"), rounding to a
// stated step, grade bands with the document's words, and the audit-time rule built on them.
// check*(spec, field) return problems [{field, message}]; the other functions compute, taking
// cite(clause, text) → a why step of the calling scheme.
'use strict';

// fail(code, field, message) → an Error with .code and .field, as the bindings throw.
function fail(code, field, message) {
  var e = new Error(message);
  e.code = code;
  e.field = field;
  return e;
}

// isNum(x) → true for a finite number (x - x is 0 for those and NaN for NaN and ±Infinity: no
// call to isFinite, issue 17)
function isNum(x) { return typeof x === 'number' && x - x === 0; }

// fmt(n) → n for a why text: at most 4 decimals, no trailing zeros ('0.6667', '1.5', '11')
// (a whole number below 9e11, the common case, is its own text: no rounding call)
// (and a positive half, 3.5, is its whole part and '.5': printing a fraction takes 7,000
// instructions, issue 17)
function fmt(n) {
  if (typeof n === 'number' && n < 9e11 && n > -9e11) {
    if (n % 1 === 0) return '' + n;
    if (n > 0 && (n * 2) % 1 === 0) return ''.concat(n - 0.5, '.5');
  }
  return '' + Math.round(n * 10000) / 10000;
}

// round(x, step, mode) → x rounded to a multiple of step; mode 'up', 'down' or 'nearest'
// (halves go up). A tiny tolerance keeps 3 × 0.1 from rounding up past 0.3.
function round(x, step, mode) {
  if (typeof x !== 'number' || x - x !== 0) throw fail('invalid', 'value', 'round(x, step, mode): x must be a number, got ' + x);
  if (typeof step !== 'number' || step - step !== 0 || step <= 0) throw fail('invalid', 'step', 'round(x, step, mode): step must be a positive number, got ' + step);
  var q = x / step, eps = 1e-9, n;
  if (mode === 'up') n = Math.ceil(q - eps);
  else if (mode === 'down') n = Math.floor(q + eps);
  else if (mode === 'nearest') n = Math.floor(q + 0.5 + eps);
  else throw fail('invalid', 'mode', "round(x, step, mode): mode must be 'up', 'down' or 'nearest', got " + mode);
  return Math.round(n * step * 1e9) / 1e9;
}

// fields(o, known, required, fn) → o, refusing a field not in known (a misspelt field must not be
// ignored) and a required one that is missing, naming the field. Plain loops, no callbacks: it
// runs on every rule call (issue 17: a callback costs as much as the rest of a check)
function fields(o, known, required, fn) {
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw fail('invalid', 'input', fn + ': give an object {' + known.join(', ') + '}, got ' + JSON.stringify(o));
  var keys = Object.keys(o), n = known.length, i, j, k, v;
  for (i = 0; i < keys.length; i++) {
    k = keys[i];
    for (j = 0; j < n && known[j] !== k; j++); // (a loop, not known.indexOf: a native call per field)
    if (j === n) throw fail('invalid', k, fn + ": unknown field '" + k + "' (known: " + known.join(', ') + ')');
  }
  for (i = 0; required && i < required.length; i++) {
    v = o[required[i]];
    if (v === undefined || v === null) throw fail('invalid', required[i], fn + ': ' + required[i] + ' is required');
  }
  return o;
}

// problem(list, field, message): add one problem to list
function problem(list, field, message) { list.push({ field: field, message: message }); }

// checkClause(obj, field, list): a rule must cite its clause
function checkClause(obj, field, list) {
  if (!obj || typeof obj.clause !== 'string' || !obj.clause) problem(list, field + '.clause', 'a rule without a clause: every rule must cite the clause that states it');
}

// ---- band tables ------------------------------------------------------------------------------

// A band table: {clause, of, columns: [...], rows: [[from, to, v1, v2…]…], beyond}.
// rows are contiguous and ordered; beyond continues past the last row, either
//   {per: {column: [size, add]…}, count: 'started'|'completed', clause, text} — "+add per further size"
//   {growth: r, add: n, clause, text} — each further band's upper bound is the previous one × r
//     (rounded to a whole number), its value the previous value + n.

// checkTable(t, field) → problems
function checkTable(t, field) {
  var list = [];
  if (!t || typeof t !== 'object') { problem(list, field, 'must be a band table {clause, of, columns, rows}'); return list; }
  checkClause(t, field, list);
  if (!Array.isArray(t.columns) || !t.columns.length) problem(list, field + '.columns', 'must name the columns, e.g. [\'initial\']');
  if (!Array.isArray(t.rows) || !t.rows.length) { problem(list, field + '.rows', 'must list the bands [from, to, value…]'); return list; }
  var ncol = Array.isArray(t.columns) ? t.columns.length : 0;
  t.rows.forEach(function (r, i) {
    var f = field + '.rows[' + i + ']';
    if (!Array.isArray(r) || r.length !== 2 + ncol) { problem(list, f, 'must be [from, to, ' + (t.columns || []).join(', ') + ']'); return; }
    if (!isNum(r[0]) || !isNum(r[1]) || r[0] !== Math.floor(r[0]) || r[1] !== Math.floor(r[1]) || r[0] > r[1]) {
      problem(list, f, 'band ' + r[0] + '-' + r[1] + ' must have whole numbers from ≤ to');
      return;
    }
    for (var c = 2; c < r.length; c++) if (!isNum(r[c]) || r[c] < 0) problem(list, f, (t.columns[c - 2]) + ' must be a number ≥ 0, got ' + r[c]);
    if (i === 0) return;
    var p = t.rows[i - 1];
    if (!Array.isArray(p) || !isNum(p[1])) return;
    if (r[0] <= p[1]) problem(list, f, 'band ' + r[0] + '-' + r[1] + ' overlaps or precedes band ' + p[0] + '-' + p[1] + ': bands must be in order without overlap');
    else if (r[0] !== p[1] + 1) problem(list, f, 'band ' + r[0] + '-' + r[1] + ' leaves a gap after band ' + p[0] + '-' + p[1]);
    for (var k = 2; k < r.length; k++) {
      if (isNum(r[k]) && isNum(p[k]) && r[k] < p[k]) problem(list, f, (t.columns[k - 2]) + ' ' + r[k] + ' is less than the previous band\'s ' + p[k] + ': values out of order');
    }
  });
  if (t.beyond !== undefined) {
    var b = t.beyond, bf = field + '.beyond';
    checkClause(b, bf, list);
    if (b.per) {
      (t.columns || []).forEach(function (c) {
        var p = b.per[c];
        if (!Array.isArray(p) || !isNum(p[0]) || p[0] <= 0 || !isNum(p[1]) || p[1] < 0) problem(list, bf + '.per.' + c, 'must be [size, add]: "+add per further size"');
      });
      if (b.count !== 'started' && b.count !== 'completed') problem(list, bf + '.count', "must be 'started' or 'completed': whether a part of a further block counts (the document's ambiguity, stated)");
    } else if (b.growth !== undefined) {
      if (!isNum(b.growth) || b.growth <= 1) problem(list, bf + '.growth', 'must be a number > 1');
      if (!isNum(b.add) || b.add <= 0) problem(list, bf + '.add', 'must be a number > 0');
    } else {
      problem(list, bf, 'must give per: {column: [size, add]} or growth and add');
    }
    if (typeof b.text !== 'string' || !b.text) problem(list, bf + '.text', 'must say in words how the table continues (the position taken)');
  }
  return list;
}

// lookup(t, n, column, cite, bare) → {value, from, to, why}: the band of t holding n, continued by
// t.beyond past the last row; throws {code:'range'} when n is past a table with no beyond. bare:
// the value alone, no why built (the same checks and errors)
function lookup(t, n, column, cite, bare) { return looker(t, cite)(n, column, bare); }

// looker(t, cite) → function (n, column, bare) → lookup(t, n, column, cite, bare), keeping the
// texts that depend only on t (a band's words, a continuation's rule), each made at its first use
// (issue 17), and not searching the rows for n past the last (the rows are in order, contiguous)
function looker(t, cite) {
  var bandText = {}, pastText = {}; // '$' + column (+ ' ' + row) → the constant part of a why text
  return function (n, column, bare) {
    var col = t.columns.indexOf(column);
    if (col < 0) throw fail('invalid', 'column', 'the table of ' + t.clause + " has no column '" + column + "' (it has " + t.columns.join(', ') + ')');
    var rows = t.rows, first = rows[0], last = rows[rows.length - 1], of = t.of || 'value', key, r, i;
    if (n < first[0]) throw fail('range', t.of || 'value', of + ' ' + n + ' is below the table of ' + t.clause + ', which starts at ' + first[0]);
    for (i = n > last[1] ? rows.length : 0; i < rows.length; i++) {
      r = rows[i];
      if (n >= r[0] && n <= r[1]) {
        if (bare) return r[2 + col];
        key = '$' + column + ' ' + i;
        return { value: r[2 + col], from: r[0], to: r[1], why: [cite(t.clause, ''.concat(of, ' ', n,
          bandText[key] || (bandText[key] = ''.concat(' is in band ', r[0], '-', r[1], ': ', column, ' ', r[2 + col]))))] };
      }
    }
    var b = t.beyond;
    if (!b) throw fail('range', t.of || 'value', of + ' ' + n + ' is past the table of ' + t.clause + ', which ends at ' + last[1] + ' and states no continuation');
    var base = last[2 + col], over = n - last[1];
    if (b.per) {
      var size = b.per[column][0], add = b.per[column][1];
      var blocks = b.count === 'started' ? Math.ceil(over / size) : Math.floor(over / size);
      var v = base + blocks * add;
      if (bare) return v;
      var lo = last[1] + (b.count === 'started' ? (blocks - 1) * size + 1 : blocks * size);
      var hi = last[1] + (b.count === 'started' ? blocks * size : (blocks + 1) * size - 1);
      key = '$' + column;
      return { value: v, from: lo, to: hi, why: [
        cite(b.clause, ''.concat(of, ' ', n, ' is ', over, pastText[key] || (pastText[key] = ''.concat(' past ', last[1], ': ', column, ' ', fmt(base), ' + ', fmt(add),
          ' per ', b.count === 'started' ? 'started' : 'completed', ' further ', size, ' × ')), blocks, ' = ', fmt(v), ' (band ', lo, '-', hi, ')')),
        cite(b.clause, b.text)] };
    }
    var upper = last[1], value = base, lower;
    do {
      lower = upper + 1;
      upper = Math.round(upper * b.growth);
      value += b.add;
    } while (n > upper);
    if (bare) return value;
    return { value: value, from: lower, to: upper, why: [
      cite(b.clause, of + ' ' + n + ' is past ' + last[1] + ': continued band ' + lower + '-' + upper + ' gives ' + column + ' ' + fmt(value)),
      cite(b.clause, b.text)] };
  };
}

// ---- grade bands -----------------------------------------------------------------------------

// A grade rule: {clause, pass: {minScore, itemsBelow, items, clause}, levels: [{min, level,
// stars, clause?}…] in ascending order, fail: 'the document's word for a fail', notes: [{clause, text}]}.

// checkGrade(g, field) → problems
function checkGrade(g, field) {
  var list = [];
  if (!g || typeof g !== 'object') { problem(list, field, 'must be a grade rule {clause, pass, levels}'); return list; }
  checkClause(g, field, list);
  var p = g.pass;
  if (!p || typeof p !== 'object') problem(list, field + '.pass', 'must state the pass rule {minScore, itemsBelow, clause}');
  else {
    checkClause(p, field + '.pass', list);
    if (!isNum(p.minScore) || p.minScore < 0 || p.minScore > 100) problem(list, field + '.pass.minScore', 'must be a score 0-100, got ' + p.minScore);
    if (p.itemsBelow !== undefined && (!isNum(p.itemsBelow) || p.itemsBelow < 1)) problem(list, field + '.pass.itemsBelow', 'must be a count ≥ 1, got ' + p.itemsBelow);
  }
  if (!Array.isArray(g.levels) || !g.levels.length) { problem(list, field + '.levels', 'must list the grade levels [{min, level, stars}]'); return list; }
  g.levels.forEach(function (l, i) {
    var f = field + '.levels[' + i + ']';
    if (!l || typeof l.level !== 'string' || !l.level) problem(list, f + '.level', "must be the document's word for the level");
    if (!l || !isNum(l.min) || l.min < 0 || l.min > 100) { problem(list, f + '.min', 'must be a score 0-100'); return; }
    if (!isNum(l.stars) || l.stars < 0 || l.stars > 5 || l.stars !== Math.floor(l.stars)) problem(list, f + '.stars', 'must be 0-5');
    if (p && isNum(p.minScore) && l.min < p.minScore) problem(list, f + '.min', 'threshold ' + l.min + ' is below the pass score ' + p.minScore);
    var prev = g.levels[i - 1];
    if (prev && isNum(prev.min) && l.min <= prev.min) problem(list, f + '.min', 'threshold ' + l.min + ' is not above the previous level\'s ' + prev.min + ': thresholds out of order');
    if (prev && isNum(prev.stars) && isNum(l.stars) && l.stars < prev.stars) problem(list, f + '.stars', 'stars ' + l.stars + ' below the previous level\'s ' + prev.stars);
  });
  if (typeof g.fail !== 'string' || !g.fail) problem(list, field + '.fail', "must be the document's word for a fail");
  return list;
}

// grade(g, input, cite) → {pass, level, stars, why}
var GRADE_FN = 'grade({score, deductionItems})', GRADE_KNOWN = ['score', 'deductionItems'], GRADE_REQUIRED = ['score'];
function grade(g, input, cite) { return grader(g, cite)(input); }

// grader(g, cite) → function (input) → grade(g, input, cite): the texts that depend only on g
// (the pass rule's thresholds, each level's words, the notes) made once, when a Scheme's grade is
// first called, not at every call (issue 17). g is read then: a definition is not changed after
// defineScheme.
function grader(g, cite) {
  var p = g.pass, min = p.minScore, counted = p.itemsBelow !== undefined, word = g.fail, clause = p.clause;
  var scoreOk = ' ≥ ' + min, scoreLow = ' < ' + min;
  var itemsOk = counted ? ' ' + (p.items || 'deduction items') + ' < ' + p.itemsBelow : '';
  var itemsMany = counted ? ' ' + (p.items || 'deduction items') + ' ≥ ' + p.itemsBelow : '';
  var notes = [], levels = [], i, l;
  for (i = 0; i < (g.notes || []).length; i++) if (i in g.notes) notes.push(g.notes[i]);
  for (i = 0; i < g.levels.length; i++) {
    if (!(i in g.levels)) continue;
    l = g.levels[i];
    levels.push({ min: l.min, level: l.level, stars: l.stars, clause: l.clause || g.clause, text: ' ≥ ' + l.min + ': ' + l.level });
  }
  return function (input) {
    if (!input || typeof input !== 'object') throw fail('invalid', 'score', GRADE_FN + ': give an object');
    fields(input, GRADE_KNOWN, GRADE_REQUIRED, GRADE_FN);
    var score = input.score, items = input.deductionItems === undefined ? 0 : input.deductionItems;
    if (typeof score !== 'number' || score - score !== 0 || score < 0 || score > 101) throw fail('invalid', 'score', GRADE_FN + ': score must be a number 0-100, got ' + score);
    if (typeof items !== 'number' || items - items !== 0 || items < 0 || items !== Math.floor(items)) throw fail('invalid', 'deductionItems', GRADE_FN + ': deductionItems must be a whole number ≥ 0, got ' + items);
    var shown = fmt(score), ok = score >= min, many = counted && !(items < p.itemsBelow), j;
    var why = [cite(clause, ''.concat('score ', shown, ok ? scoreOk : scoreLow, counted ? ' and ' : '', counted ? items : '', many ? itemsMany : itemsOk,
      ok && !many ? ': pass' : ': ', ok && !many ? '' : word))];
    for (j = 0; j < notes.length; j++) why.push(cite(notes[j].clause, notes[j].text));
    if (!ok || many) return { pass: false, level: word, stars: 0, why: why };
    var got = null;
    for (j = 0; j < levels.length; j++) if (score >= levels[j].min) got = levels[j];
    if (!got) { why.push(cite(g.clause, 'score ' + shown + ' reaches no level')); return { pass: true, level: null, stars: 0, why: why }; }
    why.push(cite(got.clause, ''.concat('score ', shown, got.text)));
    return { pass: true, level: got.level, stars: got.stars, why: why };
  };
}

// ---- audit time ------------------------------------------------------------------------------

// An audit-time rule: {of: 'employees', table, derived: {audit: {ratio, ratioText, clause}},
// rounding: {step, mode, clause, text}, minimumOfInitial: {audit: {ratio, clause}},
// onsite: {share, clause, text}, perSite: {min, clause}, reduction: {max, clause},
// experts: {clause, text}}. Audits: initial, surveillance, recertification.

var AUDITS = ['initial', 'surveillance', 'recertification'];

// checkManDays(m, field) → problems
function checkManDays(m, field) {
  var list = [];
  if (!m || typeof m !== 'object') { problem(list, field, 'must be an audit-time rule {table, …}'); return list; }
  list = list.concat(checkTable(m.table, field + '.table'));
  var cols = m.table && Array.isArray(m.table.columns) ? m.table.columns : [];
  AUDITS.forEach(function (a) {
    var d = m.derived && m.derived[a];
    if (cols.indexOf(a) < 0 && !d) problem(list, field + '.derived.' + a, 'the table has no ' + a + ' column: give {ratio, clause} of the initial time');
    if (d) {
      checkClause(d, field + '.derived.' + a, list);
      if (!isNum(d.ratio) || d.ratio <= 0 || d.ratio > 1) problem(list, field + '.derived.' + a + '.ratio', 'must be a ratio in (0, 1], got ' + d.ratio);
      if (!m.rounding) problem(list, field + '.rounding', 'a ratio of the initial time needs an explicit rounding {step, mode, clause, text}');
    }
    var mi = m.minimumOfInitial && m.minimumOfInitial[a];
    if (mi) {
      checkClause(mi, field + '.minimumOfInitial.' + a, list);
      if (!isNum(mi.ratio) || mi.ratio <= 0 || mi.ratio > 1) problem(list, field + '.minimumOfInitial.' + a + '.ratio', 'must be a ratio in (0, 1]');
    }
  });
  var rounds = (m.minimumOfInitial && Object.keys(m.minimumOfInitial).length) || (m.onsite && m.onsite.share < 1) || m.reduction;
  if (rounds && !m.rounding) problem(list, field + '.rounding', 'minimums, on-site shares and reductions give fractions: state the rounding {step, mode, clause, text}');
  if (m.rounding) {
    checkClause(m.rounding, field + '.rounding', list);
    if (!isNum(m.rounding.step) || m.rounding.step <= 0) problem(list, field + '.rounding.step', 'must be a positive number, e.g. 0.5');
    if (['up', 'down', 'nearest'].indexOf(m.rounding.mode) < 0) problem(list, field + '.rounding.mode', "must be 'up', 'down' or 'nearest'");
  }
  if (m.onsite) {
    checkClause(m.onsite, field + '.onsite', list);
    if (!isNum(m.onsite.share) || m.onsite.share <= 0 || m.onsite.share > 1) problem(list, field + '.onsite.share', 'must be a share in (0, 1]');
  }
  if (m.perSite) {
    checkClause(m.perSite, field + '.perSite', list);
    if (!isNum(m.perSite.min) || m.perSite.min <= 0) problem(list, field + '.perSite.min', 'must be a positive number of man-days');
  }
  if (m.reduction) {
    checkClause(m.reduction, field + '.reduction', list);
    if (!isNum(m.reduction.max) || m.reduction.max < 0 || m.reduction.max >= 1) problem(list, field + '.reduction.max', 'must be a share in [0, 1)');
  }
  if (m.experts) checkClause(m.experts, field + '.experts', list);
  return list;
}

// wholeArg(o, name, min, def, fn) → a whole number ≥ min from o[name] (def when absent)
function wholeArg(o, name, min, def, fn) {
  var v = o[name];
  if (v === undefined && def !== undefined) return def;
  if (!isNum(v) || v !== Math.floor(v) || v < min) throw fail('invalid', name, fn + ': ' + name + ' must be a whole number ≥ ' + min + ', got ' + (v === undefined ? 'nothing' : JSON.stringify(v)));
  return v;
}

// manDays(m, input, cite) → {total, onsite, minimum, initial, why}
function manDays(m, input, cite) { return manDaysRule(m, cite)(input); }

// manDaysRule(m, cite) → function (input) → manDays(m, input, cite): the texts that depend only
// on m (each audit's minimum and ratio, the on-site share, the reduction, the experts' step) made
// once, when a Scheme's manDays is first called (issue 17); m is read then, as grader reads g.
function manDaysRule(def, citeStep) {
  var m = def, cite = citeStep;
  var fn = 'manDays({employees, audit, sites})', of = m.table.of || 'employees';
  var known = [of, 'audit', 'sites', 'initialOnsite'], required = [of, 'audit'], look = looker(m.table, cite);
  var per = {}; // audit → what its rule states: in the table or derived, its minimum of the initial
  AUDITS.forEach(function (a) {
    var mi = m.minimumOfInitial && m.minimumOfInitial[a], d = m.derived && m.derived[a], x = { table: m.table.columns.indexOf(a) >= 0, least: mi || null };
    if (mi) {
      x.floorText = a + ' time at least ' + fmt(mi.ratio * 100) + '% of the initial ';
      x.neverText = 'never below ' + fmt(mi.ratio * 100) + '% of the initial on-site ';
    }
    if (!x.table && d) x.derivedText = a + ' time = ' + (d.ratioText || fmt(d.ratio)) + ' of the initial ';
    per[a] = x;
  });
  var onsiteText = m.onsite ? ' (at least ' + fmt(m.onsite.share * 100) + '%' + (m.onsite.text ? '; ' + m.onsite.text : '') + ')' : '';
  var reductionText = m.reduction ? 'may be reduced, with reasons, by at most ' + fmt(m.reduction.max * 100) + '%: never below ' : '';
  return function (input) {
    // (locals: in Duktape a name of the enclosing functions is looked up by name at every use)
    var m = def, cite = citeStep, show = fmt, roundTo = round, lookup = look;
    if (!input || typeof input !== 'object') throw fail('invalid', 'employees', fn + ': give an object');
    fields(input, known, required, fn);
    var n = wholeArg(input, of, 1, undefined, fn);
    var audit = input.audit;
    if (audit !== 'initial' && audit !== 'surveillance' && audit !== 'recertification') {
      throw fail('invalid', 'audit', fn + ": audit must be 'initial', 'surveillance' or 'recertification', got " + JSON.stringify(audit));
    }
    var sites = wholeArg(input, 'sites', 1, 1, fn), rule = per[audit], mi = rule.least;
    var why, total, initial, hit;
    if (rule.table) {
      hit = lookup(n, audit);
      total = hit.value;
      why = hit.why;
      if (mi) {
        initial = lookup(n, 'initial', true);
        var floor = roundTo(initial * mi.ratio, m.rounding.step, 'up');
        why.push(cite(mi.clause, ''.concat(rule.floorText, show(initial), ' = ', show(initial * mi.ratio),
          total >= floor ? ': the table\'s ' : ': raised from ', show(total), total >= floor ? ' meets it' : ' to ', total >= floor ? '' : show(floor))));
        if (total < floor) total = floor;
      }
    } else {
      var d = m.derived[audit];
      hit = lookup(n, 'initial');
      initial = hit.value;
      why = hit.why;
      var raw = initial * d.ratio;
      total = roundTo(raw, m.rounding.step, m.rounding.mode);
      why.push(cite(d.clause, ''.concat(rule.derivedText, show(initial), ' = ', show(raw))));
      why.push(cite(m.rounding.clause, ''.concat('rounded ', m.rounding.mode, ' to a multiple of ', show(m.rounding.step), ': ', show(total), ' — ', m.rounding.text)));
    }
    if (m.perSite && sites > 1) {
      var least = roundTo(m.perSite.min * sites, m.perSite.min, 'up');
      why.push(cite(m.perSite.clause, sites + ' sites × at least ' + show(m.perSite.min) + ' = ' + show(least) +
        (total >= least ? ': ' + show(total) + ' covers them' : ': raised from ' + show(total) + ' to ' + show(least))));
      if (total < least) total = least;
    }
    var onsite = total;
    if (m.onsite) {
      var share = m.onsite.share;
      onsite = share >= 1 ? total : Math.min(total, roundTo(total * share, m.rounding.step, 'up'));
      why.push(cite(m.onsite.clause, ''.concat('on site ', show(onsite), ' of ', show(total), onsiteText)));
    }
    var minimum = total;
    if (m.reduction) {
      minimum = roundTo(total * (1 - m.reduction.max), m.rounding.step, 'up');
      why.push(cite(m.reduction.clause, reductionText + show(minimum)));
    }
    if (mi) { // the floor of the initial on-site time actually spent (given), else of the table's
      var base = input.initialOnsite !== undefined ? input.initialOnsite : initial;
      if (typeof base !== 'number' || !isFinite(base) || base < 0) throw fail('invalid', 'initialOnsite', fn + ': initialOnsite must be the man-days of the initial on-site audit, got ' + JSON.stringify(base));
      var floorOf = roundTo(base * mi.ratio, m.rounding.step, 'up');
      if (floorOf > minimum) {
        why.push(cite(mi.clause, ''.concat(rule.neverText, show(base),
          input.initialOnsite !== undefined ? ' actually spent' : '', ' = ', show(floorOf), ', whatever a reduction allows')));
        minimum = floorOf;
      }
      if (floorOf > total) { why.push(cite(mi.clause, 'raised from ' + show(total) + ' to ' + show(floorOf))); total = floorOf; if (onsite < total && (!m.onsite || m.onsite.share >= 1)) onsite = total; }
    }
    if (m.experts) why.push(cite(m.experts.clause, m.experts.text));
    var out = { total: total, onsite: onsite, minimum: minimum, why: why };
    if (initial !== undefined) out.initial = initial;
    return out;
  };
}

exports.round = round;
exports.fmt = fmt;
exports.fail = fail;
exports.fields = fields;
exports.checkClause = checkClause;
exports.checkTable = checkTable;
exports.lookup = lookup;
exports.checkGrade = checkGrade;
exports.grade = grade;
exports.grader = grader;
exports.checkManDays = checkManDays;
exports.manDays = manDays;
exports.manDaysRule = manDaysRule;
exports.AUDITS = AUDITS;
