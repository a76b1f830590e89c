#!/usr/bin/env python3
"""Writes the inputs of the memory measurements in BENCHMARKS.md (section "Memory of one
ingest") into OUT (default: ./memory-inputs):

  feed.xml        a 16 MiB RSS 2.0 feed of about 40,000 short items
  feeds/          eight such feeds (distinct items) in one folder
  page.html       a 16 MiB HTML page: one article of many paragraphs

All text is generated here from a few sentences; nothing is downloaded. Each file stays
just under the default --max-bytes (16 MiB), so that the caps, not a refusal, are measured.
"""
import os
import sys

CAP = 16 * 1024 * 1024 - 4096
SENTENCES = [
    "A strike on a vessel in the eastern Pacific killed {n} people, the command said.",
    "Officials said the boat had been tracked for hours before it was hit near the coast.",
    "The statement gave no details about the identities of those aboard or the route.",
    "Neighbouring governments asked for the legal basis of operation number {n}.",
]


def feed(path, seed):
    head = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Memory Wire {seed}</title><language>en</language>\n")
    tail = "</channel></rss>\n"
    size = len(head) + len(tail)
    items = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(head)
        while True:
            n = seed * 1_000_000 + items
            body = " ".join(s.format(n=n) for s in SENTENCES[: 2 + items % 3])
            item = (f"<item><title>Strike report {n}</title>"
                    f"<link>https://wire.example/{seed}/{n}</link>"
                    f"<pubDate>Fri, 03 Oct 2025 14:00:00 GMT</pubDate>"
                    f"<description>{body}</description></item>\n")
            if size + len(item) > CAP:
                break
            f.write(item)
            size += len(item)
            items += 1
        f.write(tail)
    return items


def page(path):
    head = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long report'
            '</title></head><body><article><h1>Long report</h1>\n')
    tail = "</article></body></html>\n"
    size = len(head) + len(tail)
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(head)
        while True:
            p = "<p>" + " ".join(s.format(n=n) for s in SENTENCES) + "</p>\n"
            if size + len(p) > CAP:
                break
            f.write(p)
            size += len(p)
            n += 1
        f.write(tail)
    return n


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "memory-inputs"
    os.makedirs(os.path.join(out, "feeds"), exist_ok=True)
    print("feed.xml:", feed(os.path.join(out, "feed.xml"), 0), "items")
    for i in range(8):
        feed(os.path.join(out, "feeds", f"feed{i}.xml"), i + 1)
    print("page.html:", page(os.path.join(out, "page.html")), "paragraphs")


if __name__ == "__main__":
    main()
