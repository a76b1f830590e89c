#!/usr/bin/env python3
"""Regenerate sample.warc and sample.warc.gz from the HTML sources in src/.

Each output is a WARC/1.0 file: one `warcinfo` record, then one `response` record per
source page. A response block is a full HTTP/1.1 response (status line, headers, blank
line, HTML body). Content-Length is the exact byte length of the block; records are
separated by CRLF CRLF. In the .warc.gz file every record is its own gzip member.
Record ids and gzip timestamps are fixed so that re-running gives identical bytes.

The sources are named *.html.in so that a reader walking examples/ does not ingest them
a second time as plain HTML pages.

Usage: python3 examples/warc/make_warc.py
"""
import base64
import gzip
import hashlib
import os
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
NS = uuid.UUID("6f1c3d1e-2b7a-4c1e-9a55-1d2f0c7b8e01")

# (output file, source file in src/, target URI, WARC-Date)
RECORDS = [
    ("sample.warc", "sep15-second-strike.html.in",
     "https://bayside-courier.example/2025/09/15/trump-second-strike-venezuelan-boat-three-killed",
     "2025-09-16T08:12:44Z"),
    ("sample.warc", "sep02-once-muertos-es.html.in",
     "https://observador-caribe.example/internacional/2025/09/03/trump-once-muertos-lancha-venezuela",
     "2025-09-03T17:40:02Z"),
    ("sample.warc.gz", "apr19-caribe-tres-muertos-es.html.in",
     "https://diariodelistmo.example/mundo/2026/04/20/tres-muertos-ataque-lancha-caribe",
     "2026-04-20T15:05:31Z"),
    ("sample.warc.gz", "sheinbaum-rechaza-ataques-es.html.in",
     "https://cronica-norte.example/nacional/2025/11/18/sheinbaum-descarta-ataques-eeuu-mexico",
     "2025-11-18T20:22:10Z"),
]


def rid(name):
    return f"<urn:uuid:{uuid.uuid5(NS, name)}>"


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def record(headers, block):
    """headers: list of (name, value) without Content-Length; block: bytes."""
    lines = ["WARC/1.0"] + [f"{k}: {v}" for k, v in headers]
    lines.append(f"Content-Length: {len(block)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    return head + block + b"\r\n\r\n"


def build(out_name, items):
    first_date = min(d for _, _, d in items)
    info_block = (
        "software: strikewatch examples/warc/make_warc.py\r\n"
        "format: WARC File Format 1.0\r\n"
        "description: strikewatch sample corpus (fictional outlets, written from publicly reported facts)\r\n"
    ).encode("utf-8")
    info_id = rid(out_name + "#warcinfo")
    recs = [record([("WARC-Type", "warcinfo"), ("WARC-Date", first_date),
                    ("WARC-Filename", out_name), ("WARC-Record-ID", info_id),
                    ("Content-Type", "application/warc-fields")], info_block)]
    for src, uri, date in items:
        with open(os.path.join(HERE, "src", src), "rb") as f:
            html = f.read()
        http = (
            "HTTP/1.1 200 OK\r\n"
            "Content-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(html)}\r\n"
            "Server: nginx\r\n"
            "Connection: close\r\n"
            "\r\n"
        ).encode("ascii") + html
        recs.append(record([("WARC-Type", "response"), ("WARC-Target-URI", uri),
                            ("WARC-Date", date), ("WARC-Record-ID", rid(out_name + "#" + uri)),
                            ("WARC-Warcinfo-ID", info_id),
                            ("WARC-Block-Digest", sha1_b32(http)),
                            ("WARC-Payload-Digest", sha1_b32(html)),
                            ("Content-Type", "application/http; msgtype=response")], http))
    path = os.path.join(HERE, out_name)
    with open(path, "wb") as f:
        for r in recs:
            f.write(gzip.compress(r, compresslevel=9, mtime=0) if out_name.endswith(".gz") else r)
    print(f"wrote {path}: {len(recs)} records")


def main():
    outs = {}
    for out, src, uri, date in RECORDS:
        outs.setdefault(out, []).append((src, uri, date))
    for out, items in outs.items():
        build(out, items)


if __name__ == "__main__":
    main()
