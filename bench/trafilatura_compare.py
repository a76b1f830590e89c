#!/usr/bin/env python3
"""Runs Python trafilatura over the same HTML pages strikewatch ingested and compares.

usage: trafilatura_compare.py PAGES_DIR STORE.db
Prints pages/s for trafilatura (single process, extract() with default settings) and the
agreement between its text and the text strikewatch stored for the same page (matched by
canonical URL): mean token F1 (bag of words) and the share of pages with F1 >= 0.9.
"""
import collections, re, sqlite3, sys, time, pathlib
import trafilatura

pages_dir, db = sys.argv[1], sys.argv[2]
files = sorted(pathlib.Path(pages_dir).rglob("*.html"))
out = {}
t = time.perf_counter()
nbytes = 0
for f in files:
    html = f.read_text("utf-8")
    nbytes += len(html.encode())
    m = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    out[m.group(1) if m else str(f)] = trafilatura.extract(html) or ""
secs = time.perf_counter() - t
print(f"trafilatura {trafilatura.__version__}: {len(files)} pages in {secs:.2f} s = "
      f"{len(files)/secs:.0f} pages/s, {nbytes/1e6/secs:.2f} MB/s")

con = sqlite3.connect(db)
ours = {u: (t or "") for u, t in con.execute("SELECT url, text FROM articles")}
tok = lambda s: collections.Counter(re.findall(r"\w+", s.lower()))
f1s = []
for url, theirs in out.items():
    mine = ours.get(url)
    if mine is None:
        continue
    a, b = tok(mine), tok(theirs)
    common = sum((a & b).values())
    if not a and not b:
        f1s.append(1.0); continue
    p = common / max(1, sum(a.values())); r = common / max(1, sum(b.values()))
    f1s.append(0 if p + r == 0 else 2 * p * r / (p + r))
if f1s:
    print(f"agreement over {len(f1s)} pages: mean token F1 {sum(f1s)/len(f1s):.3f}, "
          f"pages with F1 >= 0.9: {100*sum(f >= 0.9 for f in f1s)/len(f1s):.1f}%")
