#!/bin/bash
# Whole rebuild against incremental patch of the ledger, alternating, 3 repetitions.
# usage: bench/ledger_incremental.sh STRIKEWATCH SW_CORPUSGEN WORKDIR N
# Prints "rep R VARIANT WHAT: wall user sys maxrss_kB". VARIANT whole = the reaches marked stale
# (the whole rebuild runs); inc = as the store is (the patch runs, or its fallback).
set -e
B=$1; G=$2; D=$3; N=$4
T="%e %U %S %M"
mkdir -p "$D"
[ -f "$D/c$N.jsonl" ] || "$G" --count "$N" --seed 1 --format jsonl --out "$D/c$N.jsonl"
[ -f "$D/add1k.jsonl" ] || "$G" --count 1000 --seed 1 --start 100000 --format jsonl --out "$D/add1k.jsonl"
[ -f "$D/s$N.db" ] || /usr/bin/time -f "base ingest $N: $T" "$B" --db "$D/s$N.db" ingest "$D/c$N.jsonl" > /dev/null
stale() { [ "$1" = whole ] && sqlite3 "$2" "DELETE FROM state WHERE key='ledger_reach_generation'" || true; }
for rep in 1 2 3; do
  for v in whole inc; do
    cp "$D/s$N.db" "$D/w.db"; stale $v "$D/w.db"
    /usr/bin/time -f "rep $rep $v ingest+1000: $T" "$B" --db "$D/w.db" ingest "$D/add1k.jsonl" > /dev/null
    # the ledger step alone: the 1,000 new articles marked changed again, then an update
    sqlite3 "$D/w.db" "INSERT OR REPLACE INTO ledger_dirty (article_id, seq) SELECT id, 1000000 + id FROM articles ORDER BY id DESC LIMIT 1000; UPDATE state SET value = CAST(value AS INTEGER) + 1 WHERE key = 'reports_generation';"
    stale $v "$D/w.db"
    /usr/bin/time -f "rep $rep $v ledger step: $T" "$B" --db "$D/w.db" review log --import /dev/null > /dev/null
    for l in incidents tallies developments; do
      echo "  $v $l $("$B" --db "$D/w.db" $l --json | sha256sum | cut -c1-16)"
    done
  done
done
rm -f "$D/w.db" "$D/w.db-wal" "$D/w.db-shm"
