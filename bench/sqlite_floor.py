#!/usr/bin/env python3
"""The floor of storing and indexing a JSONL corpus: Python's sqlite3 inserting every line's
url, outlet, published date, title and text into one table with an FTS5 index over title,
outlet and text (the same tokenizer strikewatch uses), in one transaction, WAL journal.

    python3 bench/sqlite_floor.py CORPUS.jsonl OUT.db

strikewatch's end-to-end ingest does this and more (raw bytes kept, normalisation, dedup,
extraction, the ledger); the ratio of the two is the overhead over the least any store of
the same texts costs. Prints the rows inserted and the store's size."""

import json
import os
import sqlite3
import sys


def rows(path):
    with open(path, "rb") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                v = json.loads(line)
            except ValueError:
                continue
            if not isinstance(v, dict) or not isinstance(v.get("text"), str):
                continue
            yield (v.get("url"), v.get("outlet"), v.get("published"), v.get("title"), v["text"])


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    corpus, out = sys.argv[1], sys.argv[2]
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(out + suffix):
            os.remove(out + suffix)
    db = sqlite3.connect(out, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.executescript(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY, url TEXT, outlet TEXT, published TEXT, title TEXT,
            text TEXT NOT NULL);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, outlet, text, content = 'articles', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, outlet, text)
            VALUES (new.id, new.title, new.outlet, new.text);
        END;
        """
    )
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO articles (url, outlet, published, title, text) VALUES (?, ?, ?, ?, ?)",
        rows(corpus),
    )
    db.execute("COMMIT")
    n = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db.close()
    print(f"{n} rows, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
