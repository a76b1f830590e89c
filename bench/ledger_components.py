# Component sizes of a store's ledger_reach rows (interval overlap per event type, and story
# for reports without a day), as sw_ledger::reach::components computes them.
import sqlite3, sys, collections
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT report_id, event_type, lo, hi, story FROM ledger_reach").fetchall()
parent = list(range(len(rows)))
def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]; x = parent[x]
    return x
def union(a, b):
    a, b = find(a), find(b)
    if a != b: parent[max(a, b)] = min(a, b)
order = sorted((r[1], r[2], r[3], i) for i, r in enumerate(rows) if r[2] is not None)
cur = None
for et, lo, hi, i in order:
    if cur and cur[0] == et and lo <= cur[1]:
        union(i, cur[2]); cur = (et, max(cur[1], hi), cur[2])
    else:
        cur = (et, hi, i)
first = {}
for i, r in enumerate(rows):
    if r[4] is not None:
        k = (r[1], r[4])
        if k in first: union(i, first[k])
        else: first[k] = i
sizes = collections.Counter(find(i) for i in range(len(rows)))
s = sorted(sizes.values(), reverse=True)
print(f"{len(rows)} reaches, {len(s)} components; largest {s[:5]}; median {s[len(s)//2] if s else 0}")
