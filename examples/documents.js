// examples/documents.js — what a body sends out, as a batch job (the same calls as the
// commands certsh certificate, letter, report and export --format html):
//
//   certsh -o certificates.pdf run examples/documents.js certificates --from 2026-11-01 --to 2026-11-30
//   certsh -o letter.pdf run examples/documents.js letter suspension CAS-SV-2026-00001
//   certsh -o cnca-2026-11.xlsx run examples/documents.js report --month 2026-11
//   certsh -o register.html run examples/documents.js register
//
// The document goes to the file named by -o (written whole, or not at all).
'use strict';

// usage(message) → the job's usage error (exit 2)
function usage(message) {
  var e = new Error('documents: ' + message + '; usage: run examples/documents.js certificates NUMBER... | certificates --from D --to D | letter KIND SUBJECT | report --month YYYY-MM | register');
  e.code = 'usage';
  return e;
}

// option(name) → the value after --name in args, or undefined
function option(name) {
  var i = args.indexOf('--' + name);
  if (i < 0) return undefined;
  if (i + 1 >= args.length) throw usage('--' + name + ' needs a value');
  return args[i + 1];
}

var what = args[0];
if (what === 'certificates') {
  var numbers = args.slice(1).filter(function (a, i, all) { return a.indexOf('--') !== 0 && (i === 0 || all[i - 1].indexOf('--') !== 0); });
  var docs = numbers.length ? documents.certificates({ numbers: numbers }) : documents.certificates({ from: option('from'), to: option('to') });
  documents.pdf(docs);
} else if (what === 'letter') {
  if (args.length !== 3) throw usage('letter KIND SUBJECT');
  documents.pdf(documents.letter(args[1], args[2]));
} else if (what === 'report') {
  documents.report('cnca', { month: option('month'), dryRun: args.indexOf('--dry-run') >= 0 }); // recorded in the log unless --dry-run
} else if (what === 'register') {
  print(documents.registerPage());
} else {
  throw usage('unknown document ' + JSON.stringify(what));
}
