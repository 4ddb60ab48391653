#!/usr/bin/env python3
"""bench/writers.py CERTSH DB WRITERS COMMANDS — WRITERS processes at once, each running COMMANDS
certsh commands one after another that each record an organisation (one transaction each, taking
the register's write lock) on the register DB; prints 'COMMANDS_PER_SECOND P99_SECONDS MAX_SECONDS':
the commands done per second of the whole run, and the 99th percentile and the longest of each
command's time from start to exit (its wait for the lock included)."""
import subprocess, sys, threading, time

def main():
    certsh, db, writers, commands = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    waits, errors = [], []
    def writer(w):
        for i in range(commands):
            n = w * commands + i + 1
            script = ("var b = '911100%02d%09d'; orgs.create({ name: '并发组织%d', uscc: b + uscc.check(b + '0').expected, "
                      "staff: 10, address: '北京' }).id" % (w, n, n))
            s = time.perf_counter()
            r = subprocess.run([certsh, '--db', db, '--timeout', '0', '-e', script], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            waits.append(time.perf_counter() - s)
            if r.returncode != 0:
                errors.append(r.stderr.decode(errors='replace'))
    threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
    s = time.perf_counter()
    for t in threads: t.start()
    for t in threads: t.join()
    total = time.perf_counter() - s
    if errors:
        sys.exit('bench: %d of %d writes failed, e.g. %s' % (len(errors), writers * commands, errors[0]))
    waits.sort()
    print('%.1f %.4f %.4f' % (len(waits) / total, waits[min(len(waits) - 1, int(len(waits) * 0.99))], waits[-1]))

main()
