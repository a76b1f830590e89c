#!/usr/bin/env python3
"""Python trafilatura alone over a folder of HTML pages: the yardstick for the HTML ingest.

usage: trafilatura_extract.py PAGES_DIR
Runs trafilatura.extract (default settings) on every *.html file under PAGES_DIR, one process,
and prints the page count and the characters of text kept. Time it from outside against
`strikewatch --db NEW.db ingest --no-extract PAGES_DIR` (see BENCHMARKS.md, HTML ingest per
CPU-second): both read the same files, so the ratio of their CPU seconds is pages per
CPU-second.
"""
import pathlib
import sys

import trafilatura

files = sorted(pathlib.Path(sys.argv[1]).rglob("*.html"))
chars = sum(len(trafilatura.extract(f.read_text("utf-8")) or "") for f in files)
print(f"{len(files)} pages, {chars} characters of text")
