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
  var define = Object.defineProperty, describe = Object.getOwnPropertyDescriptor;
  var TAMED = ['constructor', 'toString', 'valueOf', 'toLocaleString', 'toJSON'];
  function tame(proto) {
    TAMED.forEach(function (key) {
      var d = describe(proto, key);
      if (!d || !('value' in d)) return;
      var value = d.value;
      define(proto, key, { enumerable: d.enumerable, configurable: false,
        get: function () { return value; },
        set: function (v) {
          if (this === proto) throw new TypeError(key + ' of a built-in prototype is read-only');
          define(this, key, { value: v, writable: true, enumerable: true, configurable: true });
        } });
    });
  }
  [Object, Array, String, Number, Boolean, Date, RegExp, Function].forEach(function (C) {
    tame(C.prototype);
    Object.freeze(C.prototype);
    Object.freeze(C);
  });
  Object.freeze(Math);
  Object.freeze(JSON);
  ['Object', 'Array', 'String', 'Number', 'Boolean', 'Date', 'RegExp', 'Function', 'Math', 'JSON', 'isNaN', 'isFinite',
   'parseInt', 'parseFloat'].forEach(function (name) {
    define(global, name, { writable: false, configurable: false });
  });
};
