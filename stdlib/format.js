// stdlib/format.js — printing values for people and for other programs: aligned tables whose
// widths count Chinese characters as two cells, CSV (RFC 4180), JSON, `key = value` lines and
// JSON-like trees. The REPL prints every result through display(); batch jobs call
// format.table(rows, columns) and format.csv(rows, columns) themselves.
'use strict';

// East Asian Wide and Fullwidth code points (Unicode's EastAsianWidth W/F, as wcwidth counts
// them): each takes two cells on a terminal. Pairs of [first, last].
var WIDE = [
  [0x1100, 0x115F], [0x231A, 0x231B], [0x2329, 0x232A], [0x23E9, 0x23EC], [0x23F0, 0x23F0],
  [0x23F3, 0x23F3], [0x25FD, 0x25FE], [0x2614, 0x2615], [0x2648, 0x2653], [0x267F, 0x267F],
  [0x2693, 0x2693], [0x26A1, 0x26A1], [0x26AA, 0x26AB], [0x26BD, 0x26BE], [0x26C4, 0x26C5],
  [0x26CE, 0x26CE], [0x26D4, 0x26D4], [0x26EA, 0x26EA], [0x26F2, 0x26F3], [0x26F5, 0x26F5],
  [0x26FA, 0x26FA], [0x26FD, 0x26FD], [0x2705, 0x2705], [0x270A, 0x270B], [0x2728, 0x2728],
  [0x274C, 0x274C], [0x274E, 0x274E], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27B0, 0x27B0], [0x27BF, 0x27BF], [0x2B1B, 0x2B1C], [0x2B50, 0x2B50], [0x2B55, 0x2B55],
  [0x2E80, 0x303E], [0x3041, 0x33FF], [0x3400, 0x4DBF], [0x4E00, 0x9FFF], [0xA000, 0xA4CF],
  [0xA960, 0xA97F], [0xAC00, 0xD7A3], [0xF900, 0xFAFF], [0xFE10, 0xFE19], [0xFE30, 0xFE6F],
  [0xFF00, 0xFF60], [0xFFE0, 0xFFE6], [0x16FE0, 0x16FE4], [0x17000, 0x18CFF], [0x1B000, 0x1B2FF],
  [0x1F004, 0x1F004], [0x1F0CF, 0x1F0CF], [0x1F18E, 0x1F18E], [0x1F191, 0x1F19A], [0x1F200, 0x1F251],
  [0x1F300, 0x1F320], [0x1F32D, 0x1F335], [0x1F337, 0x1F37C], [0x1F37E, 0x1F393], [0x1F3A0, 0x1F3CA],
  [0x1F3CF, 0x1F3D3], [0x1F3E0, 0x1F3F0], [0x1F3F4, 0x1F3F4], [0x1F3F8, 0x1F43E], [0x1F440, 0x1F440],
  [0x1F442, 0x1F4FC], [0x1F4FF, 0x1F53D], [0x1F54B, 0x1F54E], [0x1F550, 0x1F567], [0x1F57A, 0x1F57A],
  [0x1F595, 0x1F596], [0x1F5A4, 0x1F5A4], [0x1F5FB, 0x1F64F], [0x1F680, 0x1F6C5], [0x1F6CC, 0x1F6CC],
  [0x1F6D0, 0x1F6D2], [0x1F6D5, 0x1F6D7], [0x1F6EB, 0x1F6EC], [0x1F6F4, 0x1F6FC], [0x1F7E0, 0x1F7EB],
  [0x1F90C, 0x1F93A], [0x1F93C, 0x1F945], [0x1F947, 0x1F9FF], [0x1FA70, 0x1FAFF], [0x20000, 0x2FFFD],
  [0x30000, 0x3FFFD]
];

// Zero-width code points: combining marks, joiners, variation selectors.
var ZERO = [
  [0x0300, 0x036F], [0x0483, 0x0489], [0x0591, 0x05BD], [0x0610, 0x061A], [0x064B, 0x065F],
  [0x200B, 0x200F], [0x202A, 0x202E], [0x2060, 0x2064], [0x20D0, 0x20FF], [0x302A, 0x302D],
  [0x3099, 0x309A], [0xFE00, 0xFE0F], [0xFE20, 0xFE2F], [0xFEFF, 0xFEFF], [0xE0100, 0xE01EF]
];

// inRanges(cp, ranges) → true when cp falls in one of the sorted [first, last] pairs.
function inRanges(cp, ranges) {
  var lo = 0, hi = ranges.length - 1;
  while (lo <= hi) {
    var mid = (lo + hi) >> 1;
    if (cp < ranges[mid][0]) hi = mid - 1;
    else if (cp > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

// charWidth(cp) → the cells code point cp takes: 0, 1 or 2.
function charWidth(cp) {
  if (cp < 0x300) return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ? 0 : 1;
  if (inRanges(cp, ZERO)) return 0;
  return inRanges(cp, WIDE) ? 2 : 1;
}

// codePoints(s) → the code points of s, surrogate pairs joined.
function codePoints(s) {
  var out = [];
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
      var d = s.charCodeAt(i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) { out.push(0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00)); i++; continue; }
    }
    out.push(c);
  }
  return out;
}

// width(s) → the terminal cells s takes (Chinese characters count two).
function width(s) {
  // one pass over the UTF-16 units, with no array of code points (a report's table measures every
  // cell): ASCII and the CJK Unified Ideographs (all Wide) counted directly, a surrogate pair
  // joined, the rest asked of charWidth
  s = String(s);
  var w = 0, n = s.length;
  for (var i = 0; i < n; i++) {
    var c = s.charCodeAt(i);
    if (c < 0x7F) w += c >= 0x20 ? 1 : 0;
    else if (c >= 0x4E00 && c <= 0x9FFF) w += 2;
    else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && s.charCodeAt(i + 1) >= 0xDC00 && s.charCodeAt(i + 1) <= 0xDFFF) {
      w += charWidth(0x10000 + ((c - 0xD800) << 10) + (s.charCodeAt(i + 1) - 0xDC00));
      i++;
    } else w += charWidth(c);
  }
  return w;
}

// cut(s, max) → s, or its head and '…' when it takes more than max cells.
function cut(s, max) {
  s = String(s);
  if (width(s) <= max) return s;
  var cps = codePoints(s), out = '', w = 0;
  for (var i = 0; i < cps.length; i++) {
    var cw = charWidth(cps[i]);
    if (w + cw > max - 1) break;
    out += String.fromCharCode.apply(null, cps[i] > 0xFFFF ?
      [0xD800 + ((cps[i] - 0x10000) >> 10), 0xDC00 + ((cps[i] - 0x10000) & 0x3FF)] : [cps[i]]);
    w += cw;
  }
  return out + '…';
}

// isSpaceCode(c) → true for a UTF-16 unit that a regular expression's \s matches (ES5 WhiteSpace
// and LineTerminator, as Duktape's table has them), asked without a regular expression: Duktape's
// matcher costs thousands of instructions per call even on one character
function isSpaceCode(c) {
  if (c < 0xA0) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xA0 || c === 0x1680 || c === 0x180E || (c >= 0x2000 && c <= 0x200A) || c === 0x2028 ||
    c === 0x2029 || c === 0x202F || c === 0x205F || c === 0x3000 || c === 0xFEFF;
}

// hasSpace(s) → /\s/.test(s)
function hasSpace(s) {
  for (var i = 0, n = s.length; i < n; i++) if (isSpaceCode(s.charCodeAt(i))) return true;
  return false;
}

// trimEnd(s) → s.replace(/\s+$/, ''), without that regular expression, which Duktape's
// backtracking matcher retries from every space of the line (a third of a millisecond for a
// padded table line)
function trimEnd(s) {
  var end = s.length, last = end > 0 ? s.charCodeAt(end - 1) : 0;
  if (last > 32 && last < 0xA0) return s; // the common case, asked first
  while (end > 0 && isSpaceCode(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.substring(0, end);
}

// pad(s, cells, right) → s padded with spaces to cells (on the left when right is true).
function pad(s, cells, right) {
  var fill = cells - width(s);
  if (fill <= 0) return s;
  var spaces = ' '.repeat(fill);
  return right ? spaces + s : s + spaces;
}

var DATE_RE = /^\d{4}-\d\d-\d\d$/;

// isDateObject(v) → true for a JavaScript Date.
function isDateObject(v) { return Object.prototype.toString.call(v) === '[object Date]'; }

// dateText(d) → 'YYYY-MM-DD' for a Date at midnight UTC, else its ISO form.
function dateText(d) {
  if (isNaN(d.getTime())) return 'Invalid Date';
  var iso = d.toISOString();
  return iso.substring(10) === 'T00:00:00.000Z' ? iso.substring(0, 10) : iso;
}

// cellText(v) → the text of one table or CSV cell: null and undefined empty, objects as JSON.
function cellText(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isDateObject(v)) return dateText(v);
  if (typeof v === 'function') return '[Function' + (v.name ? ' ' + v.name : '') + ']';
  try { return JSON.stringify(v); } catch (e) { return String(v); }
}

// isRow(v) → true for a plain object that can be a table row.
function isRow(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !isDateObject(v);
}

// isTable(v) → true for a non-empty array whose items are all rows.
function isTable(v) {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (var i = 0; i < v.length; i++) if (!isRow(v[i])) return false;
  return true;
}

// columnsOf(rows, columns) → [{key, title}]: the given columns (names or {key, title}), or
// every key of the rows in the order first seen.
function columnsOf(rows, columns) {
  var cols = [];
  if (columns !== undefined && columns !== null) {
    if (!Array.isArray(columns)) invalid('columns', 'must be an array of names or {key, title}', columns);
    for (var c = 0; c < columns.length; c++) {
      var col = columns[c];
      if (typeof col === 'string') cols.push({ key: col, title: col });
      else if (col && typeof col.key === 'string') cols.push({ key: col.key, title: col.title === undefined ? col.key : String(col.title) });
      else invalid('columns', 'item ' + c + ' must be a name or {key, title}', col);
    }
    return cols;
  }
  var seen = {};
  for (var i = 0; i < rows.length; i++) {
    var keys = Object.keys(rows[i]);
    for (var k = 0; k < keys.length; k++) {
      if (!Object.prototype.hasOwnProperty.call(seen, keys[k])) { seen[keys[k]] = true; cols.push({ key: keys[k], title: keys[k] }); }
    }
  }
  return cols;
}

// invalid(field, what, value): throw an Error {code:'invalid', field} naming the value.
function invalid(field, what, value) {
  var shown;
  try { shown = JSON.stringify(value); } catch (e) { shown = String(value); }
  var err = new Error('format: ' + field + ' ' + what + ', got ' + shown);
  err.code = 'invalid';
  err.field = field;
  throw err;
}

// rowsOf(rows) → rows as an array of row objects (one object becomes one row).
function rowsOf(rows, fn) {
  if (isRow(rows)) return [rows];
  if (!Array.isArray(rows)) invalid('rows', 'must be an array of objects (' + fn + ')', rows);
  for (var i = 0; i < rows.length; i++) if (!isRow(rows[i])) invalid('rows', 'item ' + i + ' must be an object (' + fn + ')', rows[i]);
  return rows;
}

// isWhole(t) → true for a cell that must never be cut: empty, or one word of narrow characters
// (a number, a date, a certificate number, a USCC, a code such as 'cas-service@1' or '§7.5').
function isWhole(t) { return t === '' || (t.length <= 48 && width(t) === t.length && !hasSpace(t)); }

// wrap(t, cells, lines) → t in lines of at most cells cells, broken after a space where one is
// near, else between characters; at most `lines` of them, the last cut with '…'.
function wrap(t, cells, lines) {
  if (width(t) <= cells) return [t];
  var cps = codePoints(t), out = [], line = '', w = 0, lastSpace = -1;
  for (var i = 0; i < cps.length; i++) {
    var cw = charWidth(cps[i]), ch = String.fromCharCode.apply(null, cps[i] > 0xFFFF ?
      [0xD800 + ((cps[i] - 0x10000) >> 10), 0xDC00 + ((cps[i] - 0x10000) & 0x3FF)] : [cps[i]]);
    if (w + cw > cells) {
      var rest = '';
      if (lastSpace > line.length / 2) { rest = line.substring(lastSpace + 1); line = line.substring(0, lastSpace); }
      out.push(trimEnd(line));
      if (out.length === lines) { out[lines - 1] = cut(out[lines - 1] + ' ' + rest + ch, cells); return out; }
      line = rest; w = width(rest); lastSpace = -1;
      if (ch === ' ') continue;
    }
    if (ch === ' ') lastSpace = line.length;
    line += ch;
    w += cw;
  }
  if (out.length === lines) out[lines - 1] = cut(out[lines - 1] + ' ' + line, cells);
  else out.push(line);
  return out;
}

// judge(t) → format.table's entry for a text core.text.measure does not measure itself:
// {t, w: its cells, whole: isWhole(t)}
function judge(t) {
  var n = t.length, tw = width(t);
  return { t: t, w: tw, whole: n === 0 || (n <= 48 && tw === n && !hasSpace(t)) };
}

// format.table(rows, columns, opts) → the rows as an aligned text table: a header, a rule, one
// line per row; numbers right-aligned; Chinese characters count two cells. Identifiers, dates,
// numbers and codes (isWhole) are never cut; a text cell longer than opts.max cells (default
// 40) is cut with '…'. With opts.width (terminal columns) the text columns shrink, widest
// first, their cells wrapping onto up to opts.lines lines (default 2), until the table fits;
// when even that does not fit, each row is printed as a block of `key  value` lines
// (format.blocks). No trailing newline.
function table(rows, columns, opts) {
  rows = rowsOf(rows, 'format.table(rows, columns, opts)');
  opts = opts || {};
  var max = opts.max === undefined ? 40 : opts.max, maxLines = opts.lines || 2;
  var cols = columnsOf(rows, columns);
  if (cols.length === 0) return '(' + rows.length + (rows.length === 1 ? ' row' : ' rows') + ' without columns)';
  // each distinct cell text is cleaned, measured and judged whole once (columns repeat dates,
  // states, names), into {t: the text shown, w: its cells, whole: isWhole(t)}; the rows keep
  // these entries. The pass is core.text.measure (C): printable ASCII and CJK measured there,
  // any other text by judge below, with width()'s rules.
  var widths = [], right = [], whole = [], c, ncols = cols.length, keys = [];
  for (c = 0; c < ncols; c++) { widths.push(width(cols[c].title)); right.push(true); whole.push(true); keys.push(cols[c].key); }
  var texts = core.text.measure(rows, keys, widths, right, whole, cellText, judge), r;
  var floor = [], seen = widths.slice(); // seen: each column's widest text, before the cap
  for (c = 0; c < cols.length; c++) {
    if (!whole[c]) widths[c] = Math.min(widths[c], Math.max(max, Math.min(width(cols[c].title), 12)));
    floor.push(whole[c] ? widths[c] : Math.min(widths[c], Math.max(6, Math.min(width(cols[c].title), 12))));
  }
  if (opts.width > 0) { // shrink the widest text column, one cell at a time, until the table fits
    var total = 2 * (cols.length - 1);
    for (c = 0; c < widths.length; c++) total += widths[c];
    for (; total > opts.width; total--) {
      var widest = -1;
      for (c = 0; c < widths.length; c++) if (widths[c] > floor[c] && (widest < 0 || widths[c] > widths[widest])) widest = c;
      if (widest < 0) return blocks(rows, cols, { width: opts.width });
      widths[widest]--;
    }
  }
  var out = [];
  var head = [], rule = [];
  for (c = 0; c < cols.length; c++) {
    head.push(pad(cut(cols[c].title, widths[c]), widths[c], right[c]));
    rule.push('-'.repeat(widths[c]));
  }
  out.push(trimEnd(head.join('  ')));
  out.push(rule.join('  '));
  // no closure here: one would hold this call's variables (the window's rows) in a cycle that only
  // Duktape's mark-and-sweep frees, so a long report's windows would pile up until it runs
  var shrunk = opts.width > 0, spaces = [''], lineOut = [];
  if (!shrunk) { // one line per row, aligned in C (core.text.lines), the cells of capped columns cut first
    for (c = 0; c < ncols; c++) {
      if (seen[c] <= widths[c]) continue;
      var cuts = Object.create(null); // text → its cut entry, for this column's width
      for (r = 0; r < texts.length; r++) {
        var big = texts[r][c];
        if (big.w <= widths[c]) continue;
        var y = cuts[big.t];
        if (y === void 0) { y = cuts[big.t] = { t: cut(big.t, widths[c]), w: 0 }; y.w = width(y.t); }
        texts[r][c] = y;
      }
    }
    var joined = core.text.lines(texts, widths, right);
    if (joined !== null) {
      if (texts.length) out[out.length] = joined;
      return out.join('\n');
    }
  }
  for (r = 0; r < texts.length; r++) {
    var cellsOf = texts[r];
    if (!shrunk) { // one line per row: each cell fits or is cut
      for (c = 0; c < ncols; c++) {
        var x = cellsOf[c];
        if (x.col !== c) { // the text as column c shows it, kept for the column's next rows with the same text
          var tx = x.t, fill = widths[c] - x.w;
          if (fill < 0) { tx = cut(tx, widths[c]); fill = widths[c] - width(tx); }
          if (fill > 0) {
            var sp = spaces[fill] || (spaces[fill] = ' '.repeat(fill));
            tx = right[c] ? sp + tx : tx + sp;
          }
          x.col = c;
          x.shown = tx;
        }
        lineOut[c] = x.shown;
      }
      out[out.length] = trimEnd(lineOut.join('  '));
      continue;
    }
    var parts = [], height = 1;
    for (c = 0; c < ncols; c++) {
      parts.push(cellsOf[c].w <= widths[c] ? [cellsOf[c].t] : wrap(cellsOf[c].t, widths[c], maxLines));
      height = Math.max(height, parts[c].length);
    }
    for (var k = 0; k < height; k++) {
      var shown = [];
      for (c = 0; c < ncols; c++) shown.push(pad(k < parts[c].length ? parts[c][k] : '', widths[c], right[c]));
      out.push(trimEnd(shown.join('  ')));
    }
  }
  return out.join('\n');
}

// format.blocks(rows, columns, opts) → each row as a block of `key  value` lines under a
// '-- N --' line, values wrapped at opts.width cells (0: not wrapped): the table's form when
// its columns cannot fit side by side. No trailing newline.
function blocks(rows, columns, opts) {
  rows = rowsOf(rows, 'format.blocks(rows, columns, opts)');
  opts = opts || {};
  var cols = columnsOf(rows, columns), keyWidth = 0;
  for (var c = 0; c < cols.length; c++) keyWidth = Math.max(keyWidth, width(cols[c].title));
  var room = opts.width > 0 ? Math.max(10, opts.width - keyWidth - 2) : 0;
  return rows.map(function (row, i) {
    return ['-- ' + (i + 1) + ' --'].concat(cols.map(function (col) {
      var t = cellText(row[col.key]).replace(/[\r\n\t]+/g, ' ');
      var parts = room && !isWhole(t) ? wrap(t, room, 1000) : [t];
      return parts.map(function (p, k) { return (k ? pad('', keyWidth) : pad(col.title, keyWidth)) + '  ' + p; }).join('\n');
    })).join('\n');
  }).join('\n');
}

// csvField(text) → text quoted for CSV when it holds a comma, quote, CR or LF (RFC 4180).
function csvField(text) {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

// format.csv(rows, columns, opts) → RFC 4180 CSV: a header line, then one line per row; null
// is an empty field, objects are JSON; lines end with opts.eol (default '\n'). No trailing
// line end, so that print() ends the last line.
function csv(rows, columns, opts) {
  rows = rowsOf(rows, 'format.csv(rows, columns, opts)');
  opts = opts || {};
  var eol = opts.eol === undefined ? '\n' : opts.eol;
  var cols = columnsOf(rows, columns);
  var out = [cols.map(function (col) { return csvField(col.title); }).join(',')];
  for (var r = 0; r < rows.length; r++) {
    var fields = [];
    for (var c = 0; c < cols.length; c++) fields.push(csvField(cellText(rows[r][cols[c].key])));
    out.push(fields.join(','));
  }
  return out.join(eol);
}

// format.lines(rows, columns) → each row as `key = value` lines, rows separated by a blank line
// (the SQLite shell's line mode).
function lines(rows, columns) {
  rows = rowsOf(rows, 'format.lines(rows, columns)');
  var cols = columnsOf(rows, columns);
  var keyWidth = 0;
  for (var c = 0; c < cols.length; c++) keyWidth = Math.max(keyWidth, width(cols[c].title));
  return rows.map(function (row) {
    return cols.map(function (col) { return pad(col.title, keyWidth, true) + ' = ' + cellText(row[col.key]); }).join('\n');
  }).join('\n\n');
}

// format.json(value) → JSON with two-space indentation ('' for undefined).
function json(value) {
  var s = JSON.stringify(value, null, 2);
  return s === undefined ? '' : s;
}

var IDENT_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

// quote(s) → s in single quotes with JavaScript escapes; Chinese text stays as it is.
function quote(s) {
  return "'" + s.replace(/[\\'\u0000-\u001f]/g, function (ch) {
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    if (ch === '\\' || ch === "'") return '\\' + ch;
    return '\\u' + ('000' + ch.charCodeAt(0).toString(16)).slice(-4);
  }) + "'";
}

// format.tree(value, opts) → value as an indented, JSON-like tree: keys unquoted, strings in
// single quotes, dates as dates; a node that fits in opts.width (at most 80) cells stays on one
// line. Cycles print as [Circular]; nesting deeper than opts.depth (default 8) as […] / {…}.
function tree(value, opts) {
  opts = opts || {};
  var maxWidth = opts.width > 0 && opts.width < 80 ? opts.width : 80; // as node: 80 even on wide terminals
  var maxDepth = opts.depth === undefined ? 8 : opts.depth;
  var stack = [];
  function scalar(v) {
    if (v === undefined) return 'undefined';
    if (v === null) return 'null';
    if (typeof v === 'string') return DATE_RE.test(v) ? v : quote(v);
    if (typeof v === 'function') return '[Function' + (v.name ? ' ' + v.name : '') + ']';
    if (isDateObject(v)) return dateText(v);
    return String(v);
  }
  // render(v, indent, lead) → v's text; lead is what precedes it on its first line ('key: ')
  function render(v, indent, lead) {
    if (v === null || typeof v !== 'object' || isDateObject(v)) return scalar(v);
    if (stack.indexOf(v) >= 0) return '[Circular]';
    var isArr = Array.isArray(v);
    if (stack.length >= maxDepth) return isArr ? '[…]' : '{…}';
    stack.push(v);
    var parts = [];
    var keys = isArr ? null : Object.keys(v);
    var n = isArr ? v.length : keys.length;
    var shown = Math.min(n, 200);
    for (var i = 0; i < shown; i++) {
      var key = isArr ? '' : (IDENT_RE.test(keys[i]) ? keys[i] : quote(keys[i])) + ': ';
      parts.push(key + render(isArr ? v[i] : v[keys[i]], indent + '  ', key));
    }
    if (n > shown) parts.push('… ' + (n - shown) + ' more');
    stack.pop();
    var open = isArr ? '[' : '{', close = isArr ? ']' : '}';
    if (parts.length === 0) return open + close;
    var oneLine = isArr ? '[' + parts.join(', ') + ']' : '{ ' + parts.join(', ') + ' }';
    if (oneLine.indexOf('\n') < 0 && width(indent) + width(lead) + width(oneLine) <= maxWidth) return oneLine;
    return open + '\n' + indent + '  ' + parts.join(',\n' + indent + '  ') + '\n' + indent + close;
  }
  return render(value, '', '');
}

// format.display(value, opts) → what the REPL prints for value in opts.mode ('table', 'json',
// 'csv' or 'line'; default 'table'), for a terminal of opts.width columns (0: not a terminal).
// Strings print raw; arrays of objects as tables fitted to the width, with their row count on
// a terminal (their `why` left to .why); other values as trees.
function display(value, opts) {
  opts = opts || {};
  var mode = opts.mode || 'table';
  if (value === undefined) return '';
  if (mode === 'json') return json(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'function') return require('stdlib/help').summary(value); // its doc comment's first sentence
  var rows = isTable(value) || isRow(value) && !isDateObject(value) ? value : null;
  if (mode === 'csv') {
    if (rows) return csv(rows);
    if (Array.isArray(value)) return csv(value.map(function (v) { return { value: v }; }));
    return csvField(cellText(value));
  }
  if (mode === 'line' && rows) return lines(rows);
  if (mode === 'table' && isTable(value)) { // `why` is for .why, not for a table cell
    var cols = columnsOf(value).filter(function (c) { return c.key !== 'why'; });
    var hasWhy = cols.length < columnsOf(value).length;
    var text = table(value, cols, { width: opts.width });
    if (!(opts.width > 0)) return text + (hasWhy ? '\n(.why lists the clauses behind these rows)' : '');
    // on a terminal: how many rows (a long result may have paged by)
    return text + '\n(' + value.length + (value.length === 1 ? ' row' : ' rows') + (hasWhy ? '; .why lists the clauses behind them' : '') + ')';
  }
  return tree(value, { width: opts.width });
}

module.exports = {
  width: width,
  cut: cut,
  pad: pad,
  table: table,
  blocks: blocks,
  csv: csv,
  lines: lines,
  json: json,
  tree: tree,
  display: display
};
