// dsl/freeze.js — what the rules rely on, made read-only for every script (as Redis makes Lua's
// globals read-only): Math, JSON, and the constructors and prototypes of Object, Array, String,
// Number, Boolean, Date, RegExp and Function. `Math.ceil = …` or `Array.prototype.forEach = …` is
// then refused (TypeError in strict code, ignored otherwise). So that freezing does not break
// ordinary code assigning its own constructor, toString, valueOf or toJSON (ES5's "override
// mistake"), those are accessors on the prototypes: reading gives the built-in, assigning to any
// other object defines its own property, assigning to the prototype itself is refused.
// dsl/host.c calls the exported function with the global object when it opens a heap, before any
// script runs (a module, so that it is compiled at build time, not at every start-up: issue 17).
'use strict';

module.exports = function (global) {
  var define = Object.defineProperty, describe = Object.getOwnPropertyDescriptor, i, k;
  var TAMED = ['constructor', 'toString', 'valueOf', 'toLocaleString', 'toJSON'];
  // tamed(proto, key, value) → the accessor that stands for proto[key] (plain loops here: this
  // runs at every start-up, issue 17)
  function tamed(proto, key, d) {
    var value = d.value;
    return { enumerable: d.enumerable, configurable: false,
      get: function () { return value; },
      set: function (v) {
        if (this === proto) throw new TypeError(key + ' of a built-in prototype is read-only');
        define(this, key, { value: v, writable: true, enumerable: true, configurable: true });
      } };
  }
  var BUILT_INS = [Object, Array, String, Number, Boolean, Date, RegExp, Function];
  for (i = 0; i < BUILT_INS.length; i++) {
    var proto = BUILT_INS[i].prototype;
    for (k = 0; k < TAMED.length; k++) {
      var d = describe(proto, TAMED[k]);
      if (d && 'value' in d) define(proto, TAMED[k], tamed(proto, TAMED[k], d));
    }
    Object.freeze(proto);
    Object.freeze(BUILT_INS[i]);
  }
  Object.freeze(Math);
  Object.freeze(JSON);
  var NAMES = ['Object', 'Array', 'String', 'Number', 'Boolean', 'Date', 'RegExp', 'Function', 'Math', 'JSON', 'isNaN', 'isFinite',
    'parseInt', 'parseFloat'];
  for (i = 0; i < NAMES.length; i++) define(global, NAMES[i], { writable: false, configurable: false });
};
