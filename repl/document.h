/* repl/document.h — the commands that write what a body sends out (repl/document.c). */
#ifndef CERTSH_REPL_DOCUMENT_H
#define CERTSH_REPL_DOCUMENT_H

#include "repl/cli.h"

/* body [--name N --address A --approval X --url PATTERN --phone P --website W --signatory S] */
int cmd_body(Options *o);
/* certificate NUMBER... | --from DATE --to DATE  [-o FILE.pdf] */
int cmd_certificate(Options *o);
/* letter KIND NUMBER [--date DATE] [-o FILE.pdf] */
int cmd_letter(Options *o);
/* report cnca|iaf|statistics [--month YYYY-MM | --from D --to D] [--all] [--dry-run] [-o FILE.xlsx] */
int cmd_report(Options *o);
/* export certificates --format html [FILE]: the public register page (stdlib/directory.js) */
int export_register_page(Options *o, const char *path);

#endif
