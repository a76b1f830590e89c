#!/bin/bash
# Run from the repository root after `cargo build --release -p strikewatch`, with a SQLite store
# SRC (e.g. `sw-corpusgen --count 100000 --seed 1` ingested), a cluster listening on the socket
# folder /tmp/pgb (see BENCHMARKS.md) and an empty database DBNAME.
# migrate_timing.sh SRC DBNAME: times `migrate` SQLite -> PostgreSQL -> a new SQLite file
# (GNU time: wall s, user s, sys s, peak KiB), then compares the three stores' ledgers.
SRC=$1; DB=$2; B=target/release/strikewatch; URL="postgres://postgres@%2Ftmp%2Fpgb/$DB"
BACK=${BACK:-/tmp/migrated_back.db}; rm -f "$BACK" "$BACK"-wal "$BACK"-shm
uptime
echo "sqlite -> postgres:"; /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KiB" $B migrate --from "sqlite:$SRC" --to "$URL"
echo "postgres -> sqlite:"; /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KiB" $B migrate --from "$URL" --to "sqlite:$BACK"
uptime
ls -l "$SRC" "$BACK" | awk '{print $5, $9}'
for l in incidents tallies developments; do
  $B --db "$SRC" $l --json > /tmp/m_src_$l.json
  $B --db "$URL" $l --json > /tmp/m_pg_$l.json
  $B --db "$BACK" $l --json > /tmp/m_back_$l.json
  cmp -s /tmp/m_src_$l.json /tmp/m_pg_$l.json && cmp -s /tmp/m_src_$l.json /tmp/m_back_$l.json \
    && echo "$l identical in all three ($(wc -c < /tmp/m_src_$l.json) bytes)" || echo "$l DIFFER"
done
