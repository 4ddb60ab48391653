#!/usr/bin/env python3
"""bench/measure.py RUNS OUT CMD… — run CMD RUNS times (standard input from /dev/null, standard
error kept for the failure message), the first run's standard output written to OUT (or discarded
when OUT is '-'), and print 'MEDIAN_SECONDS MAX_RSS_KB': the median wall time, timed around the
process here (a shell's own fork would add milliseconds to a 2 ms start-up), and the largest
resident set of any run, from wait4 (the process itself, not a shell around it). With STDIN=FILE
in the environment, each run reads FILE on its standard input."""
import os, subprocess, sys, time

def main():
    runs, out, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    times, rss = [], 0
    for i in range(runs):
        dest = open(out if out != '-' and i == 0 else os.devnull, 'wb')
        s = time.perf_counter()
        src = open(os.environ.get('STDIN') or os.devnull, 'rb')
        p = subprocess.Popen(cmd, stdin=src, stdout=dest, stderr=subprocess.PIPE)
        err = p.stderr.read()
        _, status, usage = os.wait4(p.pid, 0)
        times.append(time.perf_counter() - s)
        dest.close(), src.close()
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit('bench: failed (exit %d): %s\n%s' % (os.waitstatus_to_exitcode(status), ' '.join(cmd), err.decode(errors='replace')[-2000:]))
        rss = max(rss, usage.ru_maxrss)
    print('%.6f %d' % (sorted(times)[(runs - 1) // 2], rss))

main()
