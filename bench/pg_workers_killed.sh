#!/bin/bash
# Run from the repository root after `cargo build --release -p strikewatch -p sw-corpusgen` and
# `target/release/sw-corpusgen --count 100000 --seed 1 --out /tmp/g100k.jsonl`, with a cluster
# listening on the socket folder /tmp/pgb (see BENCHMARKS.md) and an empty database DBNAME;
# /tmp/one.db is the same corpus ingested by one SQLite worker.
# pg_workers_killed.sh N DBNAME: N ingest workers on /tmp/g100k.jsonl into PostgreSQL database DBNAME, one killed -9 after KILL_AT s; then a final ingest; compares the ledger with /tmp/one.db
N=$1; DB=$2; B=target/release/strikewatch; URL="postgres://postgres@%2Ftmp%2Fpgb/$DB"
start=$(date +%s.%N)
pids=()
for i in $(seq 1 $N); do $B --db "$URL" ingest /tmp/g100k.jsonl > /tmp/pgw$i.out 2>&1 & pids+=($!); done
sleep ${KILL_AT:-60}; kill -9 ${pids[0]}; echo "killed worker 1 at ${KILL_AT:-60}s"
for p in "${pids[@]:1}"; do wait $p; done
mid=$(date +%s.%N)
$B --db "$URL" ingest /tmp/g100k.jsonl > /tmp/pgfinal.out 2>&1
end=$(date +%s.%N)
echo "workers done after $(echo "$mid - $start" | bc) s; final ingest $(echo "$end - $mid" | bc) s; total $(echo "$end - $start" | bc) s"
grep -h "^ingested" /tmp/pgw*.out /tmp/pgfinal.out
$B --db "$URL" status --json | python3 -c "import json,sys; s=json.load(sys.stdin); print('articles', s['articles'], 'pending', s['pending_inputs'])"
for l in incidents tallies developments; do
  $B --db "$URL" $l --json > /tmp/pg_$l.json; $B --db /tmp/one.db $l --json > /tmp/one_$l.json
  cmp -s /tmp/pg_$l.json /tmp/one_$l.json && echo "$l identical ($(wc -c < /tmp/one_$l.json) bytes)" || echo "$l DIFFER"
done
