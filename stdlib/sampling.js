// stdlib/sampling.js — how many of an organisation's sites an audit visits when the scheme samples
// them. IAF MD 1:2018 §6.1: the sample is the square root of the number of sites other than the
// central function at the initial audit, 0.6 of it at a surveillance audit and 0.8 at a
// recertification audit, each rounded up to a whole site; the central function is audited every
// time. 'all': every site is visited (IAF MD 1:2018 §6.2.1 for the initial and recertification
// audits where sampling is not appropriate; a scheme giving each site its own audit time).
'use strict';

var METHODS = ['iaf-md1', 'all'];
var FACTOR = { initial: 1, surveillance: 0.6, recertification: 0.8 };

// size(method, n, audit) → {visit, central, text}: the sites (other than the central function) an
// audit of type `audit` visits out of n, and whether the central function is visited; null for
// an audit that is not sampled (document review, special audits)
function size(method, n, audit) {
  if (METHODS.indexOf(method) < 0) throw new Error("sampling method must be one of " + METHODS.join(', ') + ", got " + JSON.stringify(method));
  if (!FACTOR[audit]) return null;
  if (method === 'all' || n <= 1) return { visit: n, central: true, text: 'every one of the ' + n + ' sites, and the central function' };
  var root = Math.sqrt(n), y = Math.ceil(FACTOR[audit] * root - 1e-9);
  return { visit: Math.min(n, y), central: true,
    text: (FACTOR[audit] === 1 ? '' : FACTOR[audit] + ' × ') + '√' + n + ' = ' + (Math.round(FACTOR[audit] * root * 100) / 100) +
      ', rounded up: ' + Math.min(n, y) + ' of the ' + n + ' sites, and the central function (IAF MD 1:2018 §6.1)' };
}

exports.METHODS = METHODS;
exports.size = size;
