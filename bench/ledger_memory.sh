#!/bin/bash
# Peak memory and time of a whole ledger rebuild, at 100k articles and at the report count of
# a million (the 100k store's reports copied nine more times into the same articles: 1.55 M
# event reports, and incidents with ten times the sources, as a 1M-article corpus has), for
# one or two builds, alternating.
# usage: [N=100000] bench/ledger_memory.sh WORKDIR STRIKEWATCH [BEFORE_STRIKEWATCH]
# Prints "STORE BUILD: wall user sys maxrss_kB" per run, then a digest of each build's ledger
# (incidents, developments and the kept reaches) so that the outputs can be compared.
# Needs sw-corpusgen next to STRIKEWATCH and the sqlite3 shell; ~5 GB of disk.
set -e
D=$1; A=$2; B=${3:-}
G=$(dirname "$A")/sw-corpusgen
N=${N:-100000}
T="%e %U %S %M"
mkdir -p "$D"
[ -f "$D/c$N.jsonl" ] || "$G" --count "$N" --seed 1 --format jsonl --out "$D/c$N.jsonl"
[ -f "$D/s$N.db" ] || "$A" --db "$D/s$N.db" ingest "$D/c$N.jsonl" > /dev/null
if [ ! -f "$D/x10-$N.db" ]; then
  cp "$D/s$N.db" "$D/x10-$N.db"
  for k in 1 2 3 4 5 6 7 8 9; do
    sqlite3 "$D/x10-$N.db" "INSERT INTO reports (article_id, idx, kind, event_type, modality, date, json)
      SELECT article_id, idx + $k * 100000, kind, event_type, modality, date, json
      FROM reports WHERE idx < 100000"
  done
fi
# a whole rebuild: the reports' generation bumped and the kept reaches marked stale, then a
# command that brings the ledger up to date (nothing to extract)
rebuild() {
  sqlite3 "$2" "UPDATE state SET value = value + 1 WHERE key = 'reports_generation';
    UPDATE state SET value = -1 WHERE key = 'ledger_reach_generation'"
  /usr/bin/time -f "$3: $T" "$1" --db "$2" extract > /dev/null
}
for store in s$N x10-$N; do
  for rep in 1 2; do
    rebuild "$A" "$D/$store.db" "$store after"
    [ -n "$B" ] && rebuild "$B" "$D/$store.db" "$store before"
  done
  for bin in $A $B; do
    rebuild "$bin" "$D/$store.db" "$store digest run" 2> /dev/null
    echo "  $store $bin: $( ( "$bin" --db "$D/$store.db" incidents --json;
      "$bin" --db "$D/$store.db" developments --json;
      sqlite3 "$D/$store.db" "SELECT report_id, article_id, event_type, lo, hi, story, key, incident
        FROM ledger_reach ORDER BY report_id" ) | sha256sum | cut -c1-16)"
  done
done
