#!/usr/bin/env python3
"""p50/p99 wall time of read commands on a store, each a fresh process as a user runs them,
and of full-text search through the web API (`strikewatch serve`, one server, many requests).

usage: query_latency.py STRIKEWATCH STORE.db RUNS [--no-search] [--only SUBSTRING]

Prints one line per command: p50, p99 and max wall time, the CPU time (user + sys) of the
median run's process, and the bytes it printed. The first call brings the ledger up to date
(a rebuild if the store's reports changed) and is timed apart ("first call").
"""
import json, os, resource, socket, subprocess, sys, time, urllib.parse, urllib.request

args = [a for a in sys.argv[1:] if not a.startswith("--")]
bin_, db, runs = args[0], args[1], int(args[2])
only = None
if "--only" in sys.argv:
    only = sys.argv[sys.argv.index("--only") + 1]
    args = [a for a in args if a != only]


def count_articles():
    out = subprocess.run([bin_, "--db", db, "status", "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["articles"]


def one(cmd):
    """wall ms, cpu ms, bytes printed"""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.Popen([bin_, "--db", db] + cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    n = 0
    while True:
        b = p.stdout.read(1 << 20)
        if not b:
            break
        n += len(b)
    p.wait()
    wall = (time.perf_counter() - t) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000
    return wall, cpu, n


def pct(ts, q):
    return ts[min(len(ts) - 1, int(q * len(ts)))]


def report(name, samples):
    samples.sort(key=lambda s: s[0])
    walls = [s[0] for s in samples]
    med = samples[len(samples) // 2]
    print(f"{name:<64} p50 {pct(walls, 0.5):8.1f} ms  p99 {pct(walls, 0.99):8.1f} ms  max {walls[-1]:8.1f} ms"
          f"  cpu {med[1]:7.1f} ms  out {med[2] / 1e6:8.2f} MB", flush=True)


n_articles = count_articles()
w, c, b = one(["incidents", "--json"])
print(f"{'first call (brings the ledger up to date): incidents --json':<64} {w:8.1f} ms  cpu {c:8.1f} ms", flush=True)

cmds = [
    ["incidents", "--json"],
    ["incidents", "--json", "--from", "2025-10-01", "--to", "2025-10-31"],
    ["incidents", "--json", "--from", "2025-10-14", "--to", "2025-10-14"],
    ["incidents", "--json", "--type", "raid"],
    ["incidents"],
    ["tallies", "--json"],
    ["developments", "--json"],
    ["articles", "--json", "--limit", "50"],
    ["articles", "--json", "--limit", "50", "--offset", str(n_articles // 2)],
    ["articles", "--json", "--limit", "50", "--after", str(n_articles // 2)],
    ["status", "--json"],
]
for c in cmds:
    if only and only not in " ".join(c):
        continue
    report(" ".join(c), [one(c) for _ in range(runs)])

if only is None or only in "status --check":
    report("status --json --check (3 runs)", [one(["status", "--json", "--check"]) for _ in range(3)])

if "--no-search" in sys.argv or (only and only not in "search"):
    sys.exit(0)

# full-text search through the API: one server, RUNS requests per query
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
srv = subprocess.Popen([bin_, "--db", db, "serve", "--addr", f"127.0.0.1:{port}", "--rate-limit", "0"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
srv.stdout.readline()  # "serving ..." once the ledger is loaded and the port bound
try:
    for q in ["Culiacan", "lancha", "survivors coast guard", "strike", "strik*"]:
        url = f"http://127.0.0.1:{port}/api/search?" + urllib.parse.urlencode({"q": q, "limit": 20})
        ts = []
        for _ in range(runs):
            t = time.perf_counter()
            with urllib.request.urlopen(url) as r:
                body = r.read()
            ts.append(((time.perf_counter() - t) * 1000, 0.0, len(body)))
        total = json.loads(body).get("total")
        report(f"GET /api/search?q={q}&limit=20 ({total} matches)", ts)
finally:
    srv.terminate()
    srv.wait()
