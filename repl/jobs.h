/* repl/jobs.h — the batch jobs built into certsh (the scripts of examples/, embedded): `certsh run NAME`
 * and `certsh jobs`. */
#ifndef CERTSH_REPL_JOBS_H
#define CERTSH_REPL_JOBS_H

#include "repl/cli.h"
#include "dsl/host.h"

/* 1 when name names a built-in job rather than a file: no '/', no ".js", only letters, digits,
 * '-' and '_', and nothing of that name in the current directory. */
int job_is_name(const char *name);
/* The source of the built-in job name (malloc'd, caller frees; *len its length) and its library
 * path ("examples/NAME.js") in path; NULL when there is no such job. */
char *job_source(Host *h, const char *name, size_t *len, char *path, size_t pathlen);
/* jobs: list the built-in jobs with their arguments. */
int cmd_jobs(Options *o);

#endif
