#!/usr/bin/env python3
"""bench/reminders.py DB AS_OF — the reminder job's question as an analyst would write it in
Python over sqlite3: read the active certificates with their audits, compute each window with
Python dates, print the reminders as CSV. The comparison point for examples/reminders.js."""
import calendar, csv, datetime, sqlite3, sys

def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return d.replace(year=y, month=m, day=min(d.day, calendar.monthrange(y, m)[1]))

def main(db, as_of):
    asof = datetime.date.fromisoformat(as_of)
    horizon = asof + datetime.timedelta(days=30)
    con = sqlite3.connect(db)
    out = csv.writer(sys.stdout)
    audits = {}
    for case_id, typ, end in con.execute("SELECT case_id, type, actual_end FROM audits WHERE status = 'done' AND actual_end IS NOT NULL"):
        audits.setdefault(case_id, []).append((typ, end))
    planned = {r[0] for r in con.execute("SELECT case_id FROM audits WHERE type = 'recertification' AND status <> 'cancelled'")}
    for cid, number, case_id, issued, expires, status, status_date in con.execute(
            "SELECT id, number, case_id, issued, expires, status, status_date FROM certificates WHERE status IN ('active', 'suspended')"):
        exp = datetime.date.fromisoformat(expires)
        if status == 'active':
            mine = audits.get(case_id, [])
            ref = max((datetime.date.fromisoformat(e) for t, e in mine if t in ('initial', 'surveillance', 'recertification')), default=None)
            nsurv = sum(1 for t, e in mine if t == 'surveillance' and e >= issued)
            if ref and nsurv < 2:
                opens, due = add_months(ref, 9), add_months(ref, 12)
                if due < exp:
                    if asof < opens <= horizon: out.writerow([opens, 'opens', 'surveillance window opens', number])
                    elif opens <= asof <= due <= horizon: out.writerow([due, 'closing', 'surveillance window closes', number])
                    elif due < asof: out.writerow([due, 'missed', 'surveillance missed', number])
        if exp >= asof:
            recert = add_months(exp, -3)
            if recert <= horizon and case_id not in planned:
                out.writerow([recert, 'overdue' if recert < asof else 'due soon', 'recertification application due', number])
            if exp <= horizon: out.writerow([exp, 'expiring', 'certificate expires', number])
        if status == 'suspended':
            limit = add_months(datetime.date.fromisoformat(status_date), 6)
            if limit <= horizon: out.writerow([limit, 'due soon', 'suspension limit', number])
    for fid, due in con.execute("SELECT id, due FROM findings WHERE status = 'open' AND kind = 'nonconformity'"):
        if due and datetime.date.fromisoformat(due) <= horizon: out.writerow([due, 'overdue' if due < as_of else 'due soon', 'nonconformity correction', fid])
    for mid, received in con.execute("SELECT id, received FROM matters WHERE closed IS NULL AND kind = 'complaint'"):
        d = datetime.date.fromisoformat(received) + datetime.timedelta(days=30)
        if d <= horizon: out.writerow([d, 'due soon', 'complaint answer', mid])

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
