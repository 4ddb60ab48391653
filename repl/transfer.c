/* repl/transfer.c — the columns of the register's CSV files, in English and Chinese, and the
 * all-or-nothing output file shared by import and export. */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700 /* realpath */
#include "repl/transfer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const TransferColumn ORG_COLUMNS[] = {
  {"name", "组织名称", "名称|单位名称|企业名称|organisation|organization", 1},
  {"uscc", "统一社会信用代码", "信用代码|社会信用代码|统一代码", 1},
  {"address", "地址", "注册地址|经营地址", 0},
  {"staff", "有效人数", "员工人数|人数|从业人数|employees", 1},
  {"sites", "场所数", "场所|sites count", 0},
  {"shops", "网店", "店铺|网店及平台", 0},
  {NULL, NULL, NULL, 0}};

static const TransferColumn PEOPLE_COLUMNS[] = {
  {"name", "姓名", "人员姓名", 1},
  {"roles", "角色", "人员角色", 0},
  {"registration", "注册号", "注册证书号|注册编号|registration number", 0},
  {"field_code", "专业代码", "专业领域代码", 0},
  {"valid_from", "注册日期", "有效期起|注册有效期起", 0},
  {"valid_to", "注册有效期至", "有效期止|注册有效期止", 0},
  {NULL, NULL, NULL, 0}};

static const TransferColumn CERT_COLUMNS[] = {
  {"number", "证书编号", "证书号|certificate number|certificate", 1},
  {"holder", "获证组织", "持证组织|组织名称|证书持有人", 0},
  {"uscc", "统一社会信用代码", "信用代码|社会信用代码", 1},
  {"scheme", "认证方案", "方案|认证类别", 1},
  {"version", "方案版本", "版本|规则版本", 0},
  {"scope", "认证范围", "范围|覆盖范围", 1},
  {"shops", "网店", "店铺|网店及平台", 0},
  {"grade", "等级", "认证等级|级别", 0},
  {"stars", "星级", "星级数", 0},
  {"status", "证书状态", "状态", 0},
  {"issued", "发证日期", "颁证日期|注册日期|决定日期", 1},
  {"expires", "有效期至", "证书有效期至|到期日期|截止日期", 1},
  {"status_date", "状态日期", "状态变更日期", 0},
  {"status_cause", "状态原因", "暂停原因|撤销原因|变更原因", 0},
  {"status_clause", "状态条款", "依据条款", 0},
  {"status_code", "原因代码", "状态原因代码", 0},
  {"status_until", "暂停期限", "暂停截止日期", 0},
  {"deciders", "决定人员", "认证决定人员|决定人", 1},
  {NULL, NULL, NULL, 0}};

const TransferKind TRANSFER_KINDS[KIND_COUNT] = {
  {"orgs", "Organisations / 组织", ORG_COLUMNS},
  {"people", "People / 人员", PEOPLE_COLUMNS},
  {"certificates", "Register of certificates / 证书信息", CERT_COLUMNS},
};

int transfer_kind(const char *name) {
  for (int k = 0; k < KIND_COUNT; k++)
    if (!strcmp(TRANSFER_KINDS[k].name, name)) return k;
  return -1;
}

/* 1 when header equals one of the '|'-separated names in list (ASCII case ignored). */
static int names_match(const char *list, const char *header) {
  size_t hl = strlen(header);
  for (const char *p = list; p && *p;) {
    const char *bar = strchr(p, '|');
    size_t n = bar ? (size_t)(bar - p) : strlen(p);
    if (n == hl && !strncasecmp(p, header, n)) return 1;
    p = bar ? bar + 1 : NULL;
  }
  return 0;
}

int transfer_column(int kind, const char *header) {
  char h[256];
  /* ignore surrounding spaces and a trailing note in brackets: "有效人数（人）" */
  while (*header == ' ') header++;
  snprintf(h, sizeof h, "%s", header);
  char *cut = strstr(h, "（");
  if (!cut) cut = strchr(h, '(');
  if (cut && cut != h) *cut = 0;
  for (size_t n = strlen(h); n && h[n - 1] == ' '; n--) h[n - 1] = 0;
  const TransferColumn *c = TRANSFER_KINDS[kind].columns;
  for (int i = 0; c[i].name; i++)
    if (names_match(c[i].name, h) || names_match(c[i].zh, h) || names_match(c[i].aliases, h)) return i;
  return -1;
}

const char *transfer_heading(int kind, const char *name) {
  static char buf[256];
  const TransferColumn *c = TRANSFER_KINDS[kind].columns;
  for (int i = 0; c[i].name; i++)
    if (!strcmp(c[i].name, name)) {
      snprintf(buf, sizeof buf, "%s / %s", c[i].name, c[i].zh);
      return buf;
    }
  return name;
}

void transfer_set_as_of(Db *db, const char *as_of) {
  if (as_of) { snprintf(db->as_of, sizeof db->as_of, "%s", as_of); return; }
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  strftime(db->as_of, sizeof db->as_of, "%Y-%m-%d", &tm);
}

int transfer_out_open(TransferOut *o, const char *path) {
  memset(o, 0, sizeof *o);
  if (!path || !strcmp(path, "-")) { o->f = stdout; return 0; }
  o->path = path;
  struct stat st;
  if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) { /* the file it names written, not the link replaced by a file */
    char *real = realpath(path, NULL);
    if (!real || strlen(real) >= sizeof o->real) { /* dangling (or too long): written through the link itself */
      free(real);
      o->f = fopen(path, "wb");
      if (!o->f) { fprintf(stderr, "error: cannot write '%s': %s\n", path, strerror(errno)); return -1; }
      return 0;
    }
    snprintf(o->real, sizeof o->real, "%s", real);
    free(real);
    o->path = path = o->real;
  }
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) { /* a device or a pipe: renaming a file onto it would replace it */
    o->f = fopen(path, "wb");
    if (!o->f) { fprintf(stderr, "error: cannot write '%s': %s\n", path, strerror(errno)); return -1; }
    return 0;
  }
  snprintf(o->tmp, sizeof o->tmp, "%s.tmp-%ld", path, (long)getpid());
  o->f = fopen(o->tmp, "wb");
  if (!o->f) { fprintf(stderr, "error: cannot write '%s': %s\n", o->tmp, strerror(errno)); return -1; }
  return 0;
}

int transfer_out_close(TransferOut *o, int ok) {
  if (!o->path) return fflush(stdout) == 0 && ok ? 0 : -1;
  int bad = ferror(o->f) | (fclose(o->f) != 0);
  if (!o->tmp[0]) { /* written itself */
    if (ok && bad) fprintf(stderr, "error: cannot write '%s': %s\n", o->path, strerror(errno));
    return ok && !bad ? 0 : -1;
  }
  if (ok && !bad && rename(o->tmp, o->path) == 0) return 0;
  if (ok) fprintf(stderr, "error: cannot write '%s': %s\n", o->path, strerror(errno));
  remove(o->tmp);
  return -1;
}
