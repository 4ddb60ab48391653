// stdlib/calendar.js — the `calendar` global: Chinese working days. Monday–Friday work, Saturday
// and Sunday rest, except where a State Council notice (data in stdlib/holidays.js) makes a day a
// holiday or a weekend day a working day (调休). Dates are 'YYYY-MM-DD' strings and all arithmetic
// goes through the C `date` global; nothing reads the clock.
//
// A date in a year with no notice in the data is refused (code 'no-data'): a deadline counted
// there would be a guess. Callers who accept the guess say so with {fallback: 'weekends'}; the
// results then carry a warning (calendar.deadline and calendar.why report it).
'use strict';

var data = require('stdlib/holidays');

var SOURCE = 'calendar';                 // `scheme` of why steps that are this module's own rules
var MAX_COUNT = 3660;                    // at most ten years of working days in one count
var WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

// fail(code, field, message) → an Error with .code and .field, as the bindings throw.
function fail(code, field, message) {
  var e = new Error(message);
  e.code = code;
  e.field = field;
  return e;
}

// ---- the index: date → the notice item that names it ------------------------------------------

var index = null;   // 'YYYY-MM-DD' → {off, notice, item}; built on first use
var covered = null; // year (number) → true when the data has that year's notice

// eachDay(first, last, fn): call fn(d) for every date from first to last, both included.
function eachDay(first, last, fn) {
  for (var d = first; d <= last; d = date.addDays(d, 1)) fn(d);
}

// build(): index every notice item, checking the data as it goes so that a typo in
// stdlib/holidays.js is refused with its place rather than turned into a wrong deadline.
function build() {
  var idx = {}, years = {};
  Object.keys(data.years).sort().forEach(function (y) {
    var where = 'stdlib/holidays.js ' + y;
    if (!/^\d{4}$/.test(y) || !Array.isArray(data.years[y]) || !data.years[y].length) {
      throw fail('invalid', 'holidays', where + ': each year lists its notices');
    }
    years[+y] = true;
    data.years[y].forEach(function (notice) {
      if (!notice.title || !date.isValid(notice.issued) || !Array.isArray(notice.items)) {
        throw fail('invalid', 'holidays', where + ': a notice needs title, issued and items');
      }
      notice.items.forEach(function (it) {
        var at = where + ' ' + notice.title + ' ' + it.item;
        if (!it.text || !Array.isArray(it.off) || it.off.length !== 2 || !date.isValid(it.off[0]) ||
            !date.isValid(it.off[1]) || it.off[0] > it.off[1]) {
          throw fail('invalid', 'holidays', at + ': off must be [first, last] dates in order, with the notice text');
        }
        eachDay(it.off[0], it.off[1], function (d) { idx[d] = { off: true, notice: notice, item: it }; });
        (it.work || []).forEach(function (d) {
          if (!date.isValid(d) || date.weekday(d) < 6) {
            throw fail('invalid', 'holidays', at + ': adjusted working day ' + d + ' is not a Saturday or Sunday');
          }
          idx[d] = { off: false, notice: notice, item: it };
        });
      });
    });
  });
  index = idx;
  covered = years;
}

// ---- arguments ------------------------------------------------------------------------------

// dateArg(d, fn, field) → d when it is a real date 'YYYY-MM-DD', else throws naming field.
function dateArg(d, fn, field) {
  if (typeof d !== 'string' || !date.isValid(d)) {
    throw fail('invalid', field, fn + ': ' + field + " must be a date 'YYYY-MM-DD', got " +
      (d === undefined ? 'nothing' : JSON.stringify(d)));
  }
  return d;
}

// countArg(n, fn) → n when it is a whole number within ±MAX_COUNT.
function countArg(n, fn) {
  if (typeof n !== 'number' || n !== Math.floor(n) || Math.abs(n) > MAX_COUNT) {
    throw fail('invalid', 'n', fn + ': n must be a whole number of working days between -' + MAX_COUNT + ' and ' +
      MAX_COUNT + ', got ' + (n === undefined ? 'nothing' : JSON.stringify(n)));
  }
  return n;
}

// optsArg(o, fn) → {fallback} with fallback null or 'weekends'; refuses unknown options.
function optsArg(o, fn) {
  if (o === undefined || o === null) return { fallback: null };
  if (typeof o !== 'object' || Array.isArray(o)) throw fail('invalid', 'options', fn + ': options must be an object {fallback}');
  Object.keys(o).forEach(function (k) {
    if (k !== 'fallback') throw fail('invalid', k, fn + ": unknown option '" + k + "' (known: fallback)");
  });
  if (o.fallback !== undefined && o.fallback !== null && o.fallback !== 'weekends') {
    throw fail('invalid', 'fallback', fn + ": fallback must be 'weekends' or absent, got " + JSON.stringify(o.fallback));
  }
  return { fallback: o.fallback || null };
}

// ---- one day --------------------------------------------------------------------------------

// yearsText() → '2020–2026' style list of the years the data covers.
function yearsText() {
  var ys = Object.keys(covered).map(Number).sort();
  return ys.length ? ys[0] + '–' + ys[ys.length - 1] : 'none';
}

// day(d, o, fn) → {date, working, kind, name, notice, item, guess}; kind is 'holiday',
// 'adjusted-working-day', 'weekday' or 'weekend'. Throws 'no-data' outside the data's years
// unless o.fallback is 'weekends', which marks the day a guess.
function day(d, o, fn) {
  if (!index) build();
  var e = index[d], wd = date.weekday(d);
  if (e) {
    return { date: d, working: !e.off, kind: e.off ? 'holiday' : 'adjusted-working-day', name: e.item.name,
      weekday: wd, notice: e.notice, item: e.item, guess: false };
  }
  var y = date.year(d), guess = !covered[y];
  if (guess && o.fallback !== 'weekends') {
    throw fail('no-data', 'date', fn + ': ' + d + ' is in ' + y + ', and stdlib/holidays.js has no State Council ' +
      'holiday notice for ' + y + ' (years covered: ' + yearsText() + "); add the year's notice, or pass " +
      "{fallback: 'weekends'} to count Monday–Friday as working days, knowing the result may be wrong");
  }
  return { date: d, working: wd < 6, kind: wd < 6 ? 'weekday' : 'weekend', name: null, weekday: wd,
    notice: null, item: null, guess: guess };
}

// noticeStep(notice, item, text) → a why step citing a notice item.
function noticeStep(notice, item, text) {
  return { scheme: notice.title, version: notice.number || 'issued ' + notice.issued, clause: item.item, text: text };
}

// guessStep(year) → the warning step for a year counted by weekends only.
function guessStep(year) {
  return { scheme: SOURCE, version: data.updated, clause: 'no data',
    text: 'WARNING: no State Council holiday notice for ' + year + ' in stdlib/holidays.js (covered: ' + yearsText() +
      '); ' + year + ' was counted Monday–Friday as working days, so a holiday or adjusted working day may be missed' };
}

// dayStep(x) → the why step explaining one day.
function dayStep(x) {
  if (x.notice) {
    return noticeStep(x.notice, x.item, x.date + ' (' + WEEKDAYS[x.weekday] + ') is ' +
      (x.working ? 'an adjusted working day (调休上班)' : 'a day off') + ' for ' + x.item.name + ': ' + x.item.text);
  }
  if (x.guess) return guessStep(date.year(x.date));
  return { scheme: SOURCE, version: data.updated, clause: 'week',
    text: x.date + ' is a ' + WEEKDAYS[x.weekday] + ' that no notice for ' + date.year(x.date) + ' names: ' +
      (x.working ? 'a working day' : 'a rest day') };
}

// ---- counting -------------------------------------------------------------------------------

// walk(from, n, o, fn) → {date, days}: step n working days from `from` (backwards when n < 0),
// collecting every day passed that a notice names or that was guessed.
function walk(from, n, o, fn) {
  var d = from, left = Math.abs(n), step = n < 0 ? -1 : 1, days = [];
  while (left > 0) {
    d = date.addDays(d, step);
    var x = day(d, o, fn);
    if (x.notice || x.guess) days.push(x);
    if (x.working) left--;
  }
  return { date: d, days: days };
}

// summarise(days) → why steps: one per notice item crossed (with its dates) and one warning per
// guessed year.
function summarise(days) {
  var steps = [], byItem = [], guessed = {};
  days.forEach(function (x) {
    if (x.guess) { guessed[date.year(x.date)] = true; return; }
    var last = byItem[byItem.length - 1];
    if (last && last.item === x.item) last.days.push(x);
    else byItem.push({ notice: x.notice, item: x.item, days: [x] });
  });
  byItem.forEach(function (g) {
    var off = g.days.filter(function (x) { return !x.working; }).map(function (x) { return x.date; });
    var on = g.days.filter(function (x) { return x.working; }).map(function (x) { return x.date; });
    var parts = [];
    if (off.length) parts.push('not counted (day off): ' + (off.length > 2 ? off[0] + ' … ' + off[off.length - 1] + ' (' + off.length + ' days)' : off.join(', ')));
    if (on.length) parts.push('counted (adjusted working day): ' + on.join(', '));
    steps.push(noticeStep(g.notice, g.item, g.item.name + ' — ' + parts.join('; ') + '. ' + g.item.text));
  });
  Object.keys(guessed).forEach(function (y) { steps.push(guessStep(+y)); });
  return steps;
}

// calendar.isWorkingDay(date, opts) → true when date is a working day.
function isWorkingDay(d, opts) {
  var fn = 'calendar.isWorkingDay(date)';
  return day(dateArg(d, fn, 'date'), optsArg(opts, fn), fn).working;
}

// calendar.addWorkingDays(date, n, opts) → the date n working days after date (before it when n
// is negative; date itself when n is 0). Days off in between are skipped, adjusted working days
// counted.
function addWorkingDays(d, n, opts) {
  var fn = 'calendar.addWorkingDays(date, n)';
  dateArg(d, fn, 'date');
  countArg(n, fn);
  return walk(d, n, optsArg(opts, fn), fn).date;
}

// calendar.deadline(date, n, opts) → {date, from, n, why, warnings}: addWorkingDays with the
// holidays and adjusted working days it crossed, each citing its notice.
function deadline(d, n, opts) {
  var fn = 'calendar.deadline(date, n)';
  dateArg(d, fn, 'date');
  countArg(n, fn);
  var w = walk(d, n, optsArg(opts, fn), fn);
  var why = [{ scheme: SOURCE, version: data.updated, clause: 'working days',
    text: Math.abs(n) + ' working day' + (Math.abs(n) === 1 ? '' : 's') + (n < 0 ? ' before ' : ' after ') + d + ' is ' + w.date +
      ' (Monday–Friday, less the State Council holidays, plus its adjusted working days)' }].concat(summarise(w.days));
  var warnings = why.filter(function (s) { return s.clause === 'no data'; }).map(function (s) { return s.text; });
  return { date: w.date, from: d, n: n, why: why, warnings: warnings };
}

// calendar.workingDaysBetween(from, to, opts) → the working days after `from` up to and including
// `to` (negative when to is earlier): addWorkingDays(from, k) ≤ to for k = this count.
function workingDaysBetween(from, to, opts) {
  var fn = 'calendar.workingDaysBetween(from, to)';
  dateArg(from, fn, 'from');
  dateArg(to, fn, 'to');
  var o = optsArg(opts, fn);
  var span = date.diffDays(from, to);
  if (Math.abs(span) > MAX_COUNT * 2) throw fail('invalid', 'to', fn + ': from and to are more than ' + MAX_COUNT * 2 + ' days apart');
  var step = span < 0 ? -1 : 1, count = 0;
  for (var d = from; d !== to;) {
    var x = day(step > 0 ? date.addDays(d, 1) : d, o, fn);
    if (x.working) count++;
    d = date.addDays(d, step);
  }
  return step * count;
}

// calendar.rollForward(date, opts) → date when it is a working day, else the next working day
// (a period whose last day is a day off ends on the next working day, PRC Civil Code Art. 203).
function rollForward(d, opts) {
  var fn = 'calendar.rollForward(date)';
  var o = optsArg(opts, fn);
  dateArg(d, fn, 'date');
  return day(d, o, fn).working ? d : walk(d, 1, o, fn).date;
}

// calendar.why(date, opts) → {date, working, kind, name, why, warnings}: what the date is and
// which notice says so.
function why(d, opts) {
  var fn = 'calendar.why(date)';
  var x = day(dateArg(d, fn, 'date'), optsArg(opts, fn), fn);
  var step = dayStep(x);
  return { date: d, working: x.working, kind: x.kind, name: x.name, why: [step],
    warnings: x.guess ? [step.text] : [] };
}

// calendar.years() → the years the data covers, ascending.
function years() {
  if (!index) build();
  return Object.keys(covered).map(Number).sort();
}

// calendar.holidays(year) → the year's notice items [{name, off:[first,last], work, notice, number,
// issued, item, text}], in notice order; throws 'no-data' for a year the data lacks.
function holidays(year) {
  var fn = 'calendar.holidays(year)';
  if (!index) build();
  if (typeof year !== 'number' || !covered[year]) {
    throw fail('no-data', 'year', fn + ': no State Council holiday notice for ' + JSON.stringify(year) +
      ' in stdlib/holidays.js (years covered: ' + yearsText() + ')');
  }
  var out = [];
  data.years[year].forEach(function (notice) {
    notice.items.forEach(function (it) {
      out.push({ name: it.name, off: it.off.slice(), work: (it.work || []).slice(), notice: notice.title,
        number: notice.number, issued: notice.issued, item: it.item, text: it.text });
    });
  });
  return out;
}

exports.isWorkingDay = isWorkingDay;
exports.addWorkingDays = addWorkingDays;
exports.deadline = deadline;
exports.workingDaysBetween = workingDaysBetween;
exports.rollForward = rollForward;
exports.why = why;
exports.years = years;
exports.holidays = holidays;
