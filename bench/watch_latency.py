#!/usr/bin/env python3
"""Live monitoring: time from a feed item's appearance to its incident in /api/incidents, and
the cost of watching many idle feeds. Everything runs on loopback.

usage: watch_latency.py STRIKEWATCH latency ITEMS [--min-interval S] [--gap S]
       watch_latency.py STRIKEWATCH idle FEEDS [--seconds S]

latency (each item reports a strike of its own: its day, place and toll): a loopback server publishes one new item (a page reporting a strike on a new day) every
`--gap` seconds (default 3) into one feed; `strikewatch serve --watch` polls it with
`--min-interval` (by default, `watch`'s own default) and serves the ledger; for each item the
script polls /api/incidents every 50 ms until the incident appears. Prints p50, p99 and max.

idle: FEEDS feeds on loopback servers (ten a port) that never change (each poll answered 304 after the
first); `strikewatch watch` with default settings; after a minute of warm-up, CPU time (user +
sys, from /proc) over `--seconds` (default 120) as a share of one core, and peak RSS.
"""
import http.server, json, os, re, subprocess, sys, tempfile, threading, time, urllib.request

bin_, mode, n = sys.argv[1], sys.argv[2], int(sys.argv[3])


def opt(name, default):
    return float(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


ITEMS = []  # (path, title, day, published at)
LOCK = threading.Lock()


PLACES = ["the Caribbean", "the eastern Pacific"]


def page(title, item):
    day, where, killed = day_before(3 * (item + 1)), PLACES[item % 2], item + 2
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>The United States military said it carried out a strike on a boat in {where} "
            f"on {day}, killing {killed} people, the Pentagon said in a statement.</p>"
            f"<p>Officials gave no further details.</p></article></body></html>")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *a):
        if "--verbose" in sys.argv:
            print(time.strftime("%H:%M:%S"), fmt % a, file=sys.stderr, flush=True)

    def send(self, status, body, headers=()):
        data = body.encode()
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        base = f"http://{self.headers['Host']}"
        if self.path.startswith("/feed"):
            with LOCK:
                items = list(ITEMS) if self.path == "/feed.xml" else []
            etag = f'"{len(items)}"'
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, "", [("ETag", etag)])
            xml = "".join(f"<item><title>{t}</title><link>{base}{p}</link><description>{t}</description>"
                          f"<pubDate>{time.strftime('%a, %d %b %Y %H:%M:%S GMT', time.gmtime(at))}</pubDate></item>"
                          for p, t, _, at in reversed(items))
            if not items:
                xml = f"<item><title>Quiet</title><link>{base}/quiet{self.path}</link><description>Nothing new.</description></item>"
            return self.send(200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Wire</title>{xml}</channel></rss>',
                             [("ETag", etag), ("Content-Type", "application/rss+xml")])
        with LOCK:
            hit = [(t, d) for p, t, d, _ in ITEMS if p == self.path]
        if hit:
            return self.send(200, page(*hit[0]), [("Content-Type", "text/html")])
        quiet = "<html><body><article><h1>Quiet day</h1><p>The harbour was calm and the markets opened as usual.</p></article></body></html>"
        return self.send(200, quiet, [("Content-Type", "text/html")])


def start():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{srv.server_address[1]}"


base = start()
tmp = tempfile.mkdtemp()
db = os.path.join(tmp, "watch.db")


def day_before(n):
    """'December 4, 2026' for n = 1 on December 5: each item reports a strike on a day of its own."""
    t = time.gmtime(time.time() - n * 86400)
    return time.strftime("%B ", t) + str(t.tm_mday) + time.strftime(", %Y", t)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


if mode == "latency":
    gap, min_interval = opt("--gap", 3.0), opt("--min-interval", None)
    interval = [] if min_interval is None else ["--min-interval", str(int(min_interval))]
    proc = subprocess.Popen([bin_, "--db", db, "serve", "--addr", "127.0.0.1:0", "--watch", "--allow-private-addresses"]
                            + interval + [f"{base}/feed.xml"],
                            stdout=subprocess.PIPE, stderr=None if "--verbose" in sys.argv else subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    web = re.search(r"http://[0-9.:]+", line).group(0)

    def incidents():
        with urllib.request.urlopen(f"{web}/api/incidents?limit=1000") as r:
            return len(json.load(r))

    lat = []
    for i in range(n):
        before = incidents()
        with LOCK:
            ITEMS.append((f"/a{i}", f"Strike number {i}", i, time.time()))
        t0 = time.monotonic()
        while incidents() <= before and time.monotonic() - t0 < 600:
            time.sleep(0.05)
        lat.append(time.monotonic() - t0)
        print(f"item {i}: {lat[-1]:.2f} s", flush=True)
        time.sleep(max(0.0, gap - lat[-1]))
    proc.terminate()
    proc.wait()
    print(f"min interval {min_interval or 'default'} s, {n} items: p50 {pct(lat, 50):.2f} s, p99 {pct(lat, 99):.2f} s, max {max(lat):.2f} s")
elif mode == "idle":
    seconds = opt("--seconds", 120.0)
    feeds = os.path.join(tmp, "feeds.txt")
    with open(feeds, "w") as f:
        # ten feeds a host (a port is a host to the watcher's per-host politeness), as feeds
        # spread over many outlets are
        hosts = [start() for _ in range((n + 9) // 10)]
        f.write("".join(f"{hosts[i // 10]}/feed{i}.xml\n" for i in range(n)))
    proc = subprocess.Popen([bin_, "--db", db, "watch", "--allow-private-addresses", "--feeds", feeds],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def cpu():
        with open(f"/proc/{proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    time.sleep(60)
    c0, t0 = cpu(), time.monotonic()
    time.sleep(seconds)
    c1, t1 = cpu(), time.monotonic()
    with open(f"/proc/{proc.pid}/status") as f:
        hwm = [l for l in f if l.startswith(("VmHWM", "VmRSS"))]
    proc.terminate()
    proc.wait()
    print(f"{n} idle feeds over {seconds:.0f} s: {100 * (c1 - c0) / (t1 - t0):.2f}% of one core; "
          + ", ".join(l.split(":")[0] + " " + l.split(":")[1].strip() for l in hwm))
