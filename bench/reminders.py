#!/usr/bin/env python3
"""bench/reminders.py DB AS_OF — the reminder job's question as an analyst would write it in
Python over sqlite3, with cas-service's rules written in (bench/gen.sh makes a cas-service
register): read the live certificates with their audits, compute each window with Python dates,
print the reminders as CSV (date, state, what, number, uid — the uid as examples/reminders.js
writes it, so that bench/run can check that the three programs give the same rows). The
comparison point for examples/reminders.js; bench/reminders.sql asks the same in SQL."""
import calendar, csv, datetime, sqlite3, sys

def add_months(d, n):
    """d + n months, or that month's last day when it has no such day (as date.addMonths)."""
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return d.replace(year=y, month=m, day=min(d.day, calendar.monthrange(y, m)[1]))

def year_before(d):
    """SQLite's date(d, '-1 year'): 29 February overflows into 1 March."""
    try:
        return d.replace(year=d.year - 1)
    except ValueError:
        return datetime.date(d.year - 1, 3, 1)

def main(db, as_of):
    asof = datetime.date.fromisoformat(as_of)
    horizon = asof + datetime.timedelta(days=30)
    con = sqlite3.connect(db)
    out = csv.writer(sys.stdout, lineterminator='\n')
    audits = {}
    for case_id, typ, end in con.execute("SELECT case_id, type, actual_end FROM audits WHERE status = 'done' AND actual_end IS NOT NULL"
                                         " AND type IN ('initial', 'surveillance', 'recertification')"):
        audits.setdefault(case_id, []).append((typ, end))
    recert = {}
    for case_id, when in con.execute("SELECT case_id, coalesce(actual_end, planned_end, planned_start) FROM audits"
                                     " WHERE type = 'recertification' AND status <> 'cancelled'"):
        recert.setdefault(case_id, []).append(when)
    for cid, number, case_id, expires, status, status_date in con.execute(
            "SELECT id, number, case_id, expires, status, status_date FROM certificates WHERE status IN ('active', 'suspended')"):
        exp = datetime.date.fromisoformat(expires)
        if status == 'active' and case_id in audits:
            mine = audits[case_id]
            start = max(e for t, e in mine if t != 'surveillance')       # the cycle's initial or recertification audit
            ref = datetime.date.fromisoformat(max(e for t, e in mine))   # the last audit since
            nsurv = sum(1 for t, e in mine if t == 'surveillance' and e >= start)
            if nsurv < 2:
                opens, due = add_months(ref, 9), add_months(ref, 12)
                uid = 'surveillance-%d/certificate-%d' % (nsurv + 1, cid)
                if due < exp:
                    if asof < opens <= horizon: out.writerow([opens, 'opens', 'surveillance window opens', number, uid])
                    elif opens <= asof <= due <= horizon: out.writerow([due, 'closing', 'surveillance window closes', number, uid])
                    elif due < asof: out.writerow([due, 'missed', 'surveillance missed', number, uid])
        if exp >= asof:
            due = add_months(exp, -3)
            before = year_before(exp).isoformat()
            if due <= horizon and not any(w and w >= before for w in recert.get(case_id, ())):
                out.writerow([due, 'overdue' if due < asof else 'due soon', 'recertification application due', number,
                              'recert/certificate-%d/%s' % (cid, expires)])
        if add_months(asof, -24) <= exp <= horizon:
            out.writerow([exp, 'expired' if exp < asof else 'expiring', 'certificate expires', number, 'expiry/certificate-%d/%s' % (cid, expires)])
        if status == 'suspended':
            limit = add_months(datetime.date.fromisoformat(status_date), 6)
            if limit <= horizon:
                out.writerow([limit, 'overdue' if limit < asof else 'due soon', 'suspension limit', number,
                              'suspension/certificate-%d/%s' % (cid, status_date)])
    for fid, due in con.execute("SELECT id, due FROM findings WHERE status = 'open' AND kind = 'nonconformity'"):
        if due and datetime.date.fromisoformat(due) <= horizon:
            out.writerow([due, 'overdue' if due < as_of else 'due soon', 'nonconformity correction', fid, 'correction/finding-%d' % fid])
    for mid, due in con.execute("SELECT id, due FROM matters WHERE closed IS NULL AND kind = 'complaint'"):
        if due and datetime.date.fromisoformat(due) <= horizon:
            out.writerow([due, 'overdue' if due < as_of else 'due soon', 'complaint answer', mid, 'complaint/matter-%d' % mid])

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
