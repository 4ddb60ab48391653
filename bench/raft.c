/* bench/raft.c — raw Raft commits through libraft 0.15 (issue 18, the alternative to dqlite that
 * replicates the record log itself). Three servers, each in its own process, on 127.0.0.2-4 with
 * raft's own libuv I/O (a data directory per server) and TCP transport. The FSM of every server
 * applies an entry by inserting it into a small SQLite table in its directory (--fsm sqlite, the
 * "each node keeps its SQLite state tables" design) or by counting it (--fsm counter). Whichever
 * server becomes leader submits entries of SIZE bytes: N one at a time (each waiting for its
 * commit and apply, like one command) and then N pipelined with at most WINDOW outstanding, and
 * prints one line per phase: entries, seconds, commits/s, median and p99 latency in ms.
 *
 *   raft DIR PORT [N [SIZE [WINDOW [counter|sqlite]]]]
 *
 * The parent forks the three servers, reads the leader's lines from a pipe, stops the servers
 * with SIGTERM (each closes raft and its loop) and kills them after a bound; the whole run is
 * bounded by an alarm. DIR must exist; the caller removes it. Not part of the tests. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uv.h>
#include <raft.h>
#include <raft/uv.h>

#define SERVERS 3
#define RUN_BOUND_S 120 /* the whole run, servers included */

static unsigned n_entries = 1000, entry_size = 320, window = 64;
static int use_sqlite = 1;

struct fsm_state {
    uint64_t applied;
    sqlite3 *db;
    sqlite3_stmt *insert;
};

static int fsm_apply(struct raft_fsm *fsm, const struct raft_buffer *buf, void **result)
{
    struct fsm_state *st = fsm->data;
    if (st->insert) {
        sqlite3_bind_int64(st->insert, 1, (sqlite3_int64)(st->applied + 1));
        sqlite3_bind_blob(st->insert, 2, buf->base, (int)buf->len, SQLITE_STATIC);
        int rc = sqlite3_step(st->insert);
        sqlite3_reset(st->insert);
        sqlite3_clear_bindings(st->insert);
        if (rc != SQLITE_DONE)
            return RAFT_IOERR;
    }
    st->applied++;
    *result = NULL;
    return 0;
}

/* Snapshots are not exercised (the threshold is above the run's entries); this one records only
 * the count, enough for libraft's interface. */
static int fsm_snapshot(struct raft_fsm *fsm, struct raft_buffer *bufs[], unsigned *n_bufs)
{
    struct fsm_state *st = fsm->data;
    *bufs = raft_malloc(sizeof **bufs);
    if (!*bufs)
        return RAFT_NOMEM;
    (*bufs)[0].len = sizeof st->applied;
    (*bufs)[0].base = raft_malloc(sizeof st->applied);
    if (!(*bufs)[0].base) {
        raft_free(*bufs);
        return RAFT_NOMEM;
    }
    memcpy((*bufs)[0].base, &st->applied, sizeof st->applied);
    *n_bufs = 1;
    return 0;
}

static int fsm_restore(struct raft_fsm *fsm, struct raft_buffer *buf)
{
    struct fsm_state *st = fsm->data;
    if (buf->len != sizeof st->applied)
        return RAFT_MALFORMED;
    memcpy(&st->applied, buf->base, sizeof st->applied);
    raft_free(buf->base);
    return 0;
}

struct server {
    uv_loop_t loop;
    uv_signal_t sigterm;
    uv_timer_t tick;
    struct raft_uv_transport transport;
    struct raft_io io;
    struct raft_fsm fsm;
    struct fsm_state st;
    struct raft raft;
    char address[32];
    FILE *report; /* the pipe to the parent */
    /* the benchmark, run by whichever server is leader */
    int phase; /* 0 waiting for leadership, 1 warm-up, 2 one at a time, 3 pipelined, 4 done */
    unsigned submitted, done, outstanding, limit;
    double *latency, started;
    int failed;
};

struct request {
    struct raft_apply req;
    struct server *s;
    double t0;
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report_phase(struct server *s, const char *name)
{
    double seconds = now_s() - s->started;
    qsort(s->latency, s->done, sizeof *s->latency, cmp_double);
    double median = s->latency[s->done / 2];
    size_t p99 = (size_t)((double)s->done * 0.99);
    if (p99 >= s->done)
        p99 = s->done - 1;
    fprintf(s->report, "%s %u %.3f %.1f %.3f %.3f\n", name, s->done, seconds,
            (double)s->done / seconds, median * 1e3, s->latency[p99] * 1e3);
    fflush(s->report);
}

static void submit_more(struct server *s);

static void start_phase(struct server *s, int phase)
{
    s->phase = phase;
    s->submitted = s->done = s->outstanding = 0;
    s->limit = phase == 1 ? 20 : n_entries;
    s->started = now_s();
    if (phase == 4) {
        fprintf(s->report, "end %llu\n", (unsigned long long)raft_last_applied(&s->raft));
        fflush(s->report);
        return;
    }
    submit_more(s);
}

static void applied(struct raft_apply *req, int status, void *result)
{
    struct request *r = (struct request *)req;
    struct server *s = r->s;
    (void)result;
    double latency = now_s() - r->t0;
    free(r);
    s->outstanding--;
    if (status != 0) {
        fprintf(s->report, "error apply: %s\n", raft_strerror(status));
        fflush(s->report);
        s->failed = 1;
        return;
    }
    s->latency[s->done++] = latency;
    if (s->done < s->limit) {
        submit_more(s);
        return;
    }
    if (s->phase == 2)
        report_phase(s, "one-at-a-time");
    else if (s->phase == 3)
        report_phase(s, "pipelined");
    start_phase(s, s->phase + 1);
}

static void submit_more(struct server *s)
{
    unsigned most = s->phase == 3 ? window : 1;
    while (!s->failed && s->submitted < s->limit && s->outstanding < most) {
        struct request *r = malloc(sizeof *r);
        struct raft_buffer buf = {raft_malloc(entry_size), entry_size};
        if (!r || !buf.base) {
            fprintf(s->report, "error out of memory\n");
            fflush(s->report);
            s->failed = 1;
            return;
        }
        /* an event-like payload: a sequence number and filler text */
        memset(buf.base, 'x', entry_size);
        snprintf(buf.base, entry_size, "{\"n\":%u,", s->submitted);
        r->s = s;
        r->t0 = now_s();
        int rv = raft_apply(&s->raft, &r->req, &buf, 1, applied);
        if (rv != 0) {
            fprintf(s->report, "error raft_apply: %s\n", raft_strerror(rv));
            fflush(s->report);
            raft_free(buf.base);
            free(r);
            s->failed = 1;
            return;
        }
        s->submitted++;
        s->outstanding++;
    }
}

static void on_tick(uv_timer_t *t)
{
    struct server *s = t->data;
    if (s->phase == 0 && raft_state(&s->raft) == RAFT_LEADER)
        start_phase(s, 1);
}

static void closed_raft(struct raft *r)
{
    (void)r;
}

static void closed_tick(uv_handle_t *h)
{
    struct server *s = h->data;
    raft_close(&s->raft, closed_raft);
}

static void on_sigterm(uv_signal_t *h, int signum)
{
    struct server *s = h->data;
    (void)signum;
    uv_signal_stop(h);
    uv_close((uv_handle_t *)h, NULL);
    uv_timer_stop(&s->tick);
    uv_close((uv_handle_t *)&s->tick, closed_tick);
}

static int open_state(struct server *s, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/state.db", dir);
    if (sqlite3_open(path, &s->st.db) != SQLITE_OK)
        return -1;
    if (sqlite3_exec(s->st.db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     "CREATE TABLE IF NOT EXISTS events(seq INTEGER PRIMARY KEY, body BLOB NOT NULL);",
                     NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_prepare_v2(s->st.db, "INSERT INTO events(seq, body) VALUES(?, ?)", -1,
                           &s->st.insert, NULL) != SQLITE_OK)
        return -1;
    return 0;
}

/* One server: returns the process's exit status. */
static int serve(unsigned id, const char *base, int port, FILE *report)
{
    static struct server s;
    char dir[2048];
    int rv;
    memset(&s, 0, sizeof s);
    s.report = report;
    signal(SIGPIPE, SIG_IGN);
    snprintf(dir, sizeof dir, "%s/n%u", base, id);
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return 2;
    s.latency = malloc(sizeof *s.latency * (n_entries > 20 ? n_entries : 20));
    if (!s.latency)
        return 2;
    if (use_sqlite && open_state(&s, dir) != 0) {
        fprintf(report, "error sqlite: %s\n", s.st.db ? sqlite3_errmsg(s.st.db) : "open");
        return 2;
    }
    s.fsm.version = 1;
    s.fsm.data = &s.st;
    s.fsm.apply = fsm_apply;
    s.fsm.snapshot = fsm_snapshot;
    s.fsm.restore = fsm_restore;
    snprintf(s.address, sizeof s.address, "127.0.0.%u:%d", id + 1, port);
    if (uv_loop_init(&s.loop) != 0 || raft_uv_tcp_init(&s.transport, &s.loop) != 0)
        return 2;
    if ((rv = raft_uv_init(&s.io, &s.loop, dir, &s.transport)) != 0) {
        fprintf(report, "error raft_uv_init: %s\n", raft_strerror(rv));
        return 2;
    }
    if ((rv = raft_init(&s.raft, &s.io, &s.fsm, id, s.address)) != 0) {
        fprintf(report, "error raft_init: %s\n", raft_errmsg(&s.raft));
        return 2;
    }
    struct raft_configuration conf;
    raft_configuration_init(&conf);
    for (unsigned i = 1; i <= SERVERS; i++) {
        char address[32];
        snprintf(address, sizeof address, "127.0.0.%u:%d", i + 1, port);
        if (raft_configuration_add(&conf, i, address, RAFT_VOTER) != 0)
            return 2;
    }
    rv = raft_bootstrap(&s.raft, &conf);
    raft_configuration_close(&conf);
    if (rv != 0 && rv != RAFT_CANTBOOTSTRAP) {
        fprintf(report, "error raft_bootstrap: %s\n", raft_strerror(rv));
        return 2;
    }
    raft_set_snapshot_threshold(&s.raft, n_entries * 4 + 1024);
    raft_set_election_timeout(&s.raft, 500);
    raft_set_heartbeat_timeout(&s.raft, 50);
    raft_uv_set_connect_retry_delay(&s.io, 50);
    if ((rv = raft_start(&s.raft)) != 0) {
        fprintf(report, "error raft_start: %s\n", raft_errmsg(&s.raft));
        return 2;
    }
    uv_signal_init(&s.loop, &s.sigterm);
    s.sigterm.data = &s;
    uv_signal_start(&s.sigterm, on_sigterm, SIGTERM);
    uv_timer_init(&s.loop, &s.tick);
    s.tick.data = &s;
    uv_timer_start(&s.tick, on_tick, 10, 10);
    uv_run(&s.loop, UV_RUN_DEFAULT);
    raft_uv_close(&s.io);
    raft_uv_tcp_close(&s.transport);
    uv_loop_close(&s.loop);
    /* every node applied the committed entries it has learnt of */
    fprintf(report, "applied %u %llu\n", id, (unsigned long long)s.st.applied);
    fflush(report);
    if (s.st.insert)
        sqlite3_finalize(s.st.insert);
    if (s.st.db)
        sqlite3_close(s.st.db);
    free(s.latency);
    return s.failed ? 1 : 0;
}

static pid_t children[SERVERS];

static void stop_all(int sig)
{
    for (int i = 0; i < SERVERS; i++)
        if (children[i] > 0)
            kill(children[i], sig);
}

static void on_alarm(int sig)
{
    (void)sig;
    stop_all(SIGKILL);
    static const char msg[] = "raft: run bound reached, servers killed\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    _exit(3);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: raft DIR PORT [N [SIZE [WINDOW [counter|sqlite]]]]\n");
        return 2;
    }
    int port = atoi(argv[2]);
    if (argc > 3)
        n_entries = (unsigned)strtoul(argv[3], NULL, 10);
    if (argc > 4)
        entry_size = (unsigned)strtoul(argv[4], NULL, 10);
    if (argc > 5)
        window = (unsigned)strtoul(argv[5], NULL, 10);
    if (argc > 6)
        use_sqlite = strcmp(argv[6], "counter") != 0;
    if (n_entries < 1 || entry_size < 16 || window < 1 || port <= 0 || port > 65535) {
        fprintf(stderr, "raft: bad arguments\n");
        return 2;
    }
    int fds[2];
    if (pipe(fds) != 0)
        return 2;
    for (unsigned i = 0; i < SERVERS; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            stop_all(SIGKILL);
            return 2;
        }
        if (pid == 0) {
            close(fds[0]);
            FILE *report = fdopen(fds[1], "w");
            if (!report)
                _exit(2);
            int status = serve(i + 1, argv[1], port, report);
            fclose(report);
            _exit(status);
        }
        children[i] = pid;
    }
    close(fds[1]);
    signal(SIGALRM, on_alarm);
    alarm(RUN_BOUND_S);
    FILE *in = fdopen(fds[0], "r");
    char line[512];
    int status = 1, stopping = 0, caught_up = 0;
    unsigned long long last = 0;
    while (in && fgets(line, sizeof line, in)) {
        unsigned id;
        unsigned long long n;
        if (sscanf(line, "end %llu", &last) == 1) {
            status = 0;
            /* a follower learns that an entry is committed with the leader's next message:
             * give them a few heartbeats, then stop; each prints its count as it closes */
            struct timespec pause = {0, 300 * 1000 * 1000};
            nanosleep(&pause, NULL);
            stop_all(SIGTERM);
            stopping = 1;
            alarm(10);
            continue;
        }
        if (sscanf(line, "applied %u %llu", &id, &n) == 2 && status == 0) {
            caught_up += n >= last;
            continue;
        }
        fputs(line, stdout);
        fflush(stdout);
        if (strncmp(line, "error", 5) == 0 && !stopping) {
            stop_all(SIGTERM);
            stopping = 1;
            alarm(10);
        }
    }
    if (status == 0)
        printf("servers that applied all %llu entries to their state: %d of %d\n", last,
               caught_up, SERVERS);
    for (int i = 0; i < SERVERS; i++) {
        int st;
        if (waitpid(children[i], &st, 0) > 0 && !(WIFEXITED(st) && WEXITSTATUS(st) == 0))
            status = 1;
        children[i] = 0;
    }
    return status;
}
