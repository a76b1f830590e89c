#!/usr/bin/env python3
"""p50/p99 wall time of read commands on a store, each a fresh process as a user runs them.

usage: query_latency.py STRIKEWATCH STORE.db RUNS
"""
import subprocess, sys, time
bin_, db, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cmds = [
    ["incidents", "--json"],
    ["incidents", "--json", "--from", "2025-10-01", "--to", "2025-10-31"],
    ["tallies", "--json"],
    ["articles", "--json", "--limit", "50"],
    ["articles", "--json", "--limit", "50", "--offset", "500000"],
    ["status", "--json"],
]
subprocess.run([bin_, "--db", db] + cmds[0], stdout=subprocess.DEVNULL, check=True)  # warm the ledger cache
for c in cmds:
    ts = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([bin_, "--db", db] + c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ts.append((time.perf_counter() - t) * 1000)
    ts.sort()
    p = lambda q: ts[min(len(ts) - 1, int(q * len(ts)))]
    print(f"{' '.join(c):<60} p50 {p(0.5):8.1f} ms  p99 {p(0.99):8.1f} ms  max {ts[-1]:8.1f} ms")
