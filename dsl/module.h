/* dsl/module.h — the one wrapper around a library module's text (CommonJS): the source becomes
 * the body of function (exports, require, module), as require() (dsl/host.c), the build's bytecode
 * compiler (cmake/jsc.c) and `certsh lint` (repl/lint.c) run it. The head adds no line, so line
 * numbers in errors are the file's. */
#ifndef CERTSH_DSL_MODULE_H
#define CERTSH_DSL_MODULE_H

#define MODULE_HEAD "(function (exports, require, module) {"
#define MODULE_TAIL "\n})"

#endif
