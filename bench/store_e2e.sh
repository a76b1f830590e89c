#!/usr/bin/env bash
# End to end ingest (ingest + extraction + ledger) of a synthetic JSONL corpus against the
# floor of storing and indexing the same texts (bench/sqlite_floor.py), and optionally an
# earlier build, run in turn (A B floor A B floor ...), one line per run:
#   what, articles, wall s, CPU s, peak RSS MiB, bytes written (MB), final store (MB), ratio.
#   SIZES="10000 100000" RUNS=2 BEFORE=/path/to/old/strikewatch bench/store_e2e.sh
# Bytes written are the kernel's count of what the process made the file system write
# (GNU time's %O, 512-byte blocks: /proc/PID/io write_bytes), WAL and checkpoints included.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${SIZES:-"10000 100000"}
RUNS=${RUNS:-2}
WORK=${WORK:-/tmp/sw-store-bench}
SW=${SW:-$ROOT/target/release/strikewatch}
GEN=${GEN:-$ROOT/target/release/sw-corpusgen}
BEFORE=${BEFORE:-}
mkdir -p "$WORK"
echo "# $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"

one() { # label n db cmd...
  local label=$1 n=$2 db=$3; shift 3
  rm -f "$db" "$db-wal" "$db-shm"
  /usr/bin/time -f "%e %U %S %M %O" -o "$WORK/time" "$@" >"$WORK/$label.out" 2>&1
  read -r wall user sys rss blocks <"$WORK/time"
  local size; size=$(stat -c %s "$db")
  awk -v l="$label" -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$blocks" \
      -v z="$size" -v ld="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN{
    printf "%-14s %7d  wall %7.2f s  cpu %7.2f s  %6.3f ms/article  peak %5.0f MiB  written %7.0f MB  store %6.0f MB  written/store %4.2f  load %s\n",
      l, n, w, u+s, (u+s)*1000/n, r/1024, b*512/1e6, z/1e6, b*512/z, ld }'
  rm -f "$db" "$db-wal" "$db-shm"
}

for n in $SIZES; do
  c=$WORK/c$n.jsonl
  [ -s "$c" ] || "$GEN" --count "$n" --out "$c"
  for _ in $(seq "$RUNS"); do
    one "after-$n" "$n" "$WORK/a.db" "$SW" --db "$WORK/a.db" ingest "$c"
    [ -n "$BEFORE" ] && one "before-$n" "$n" "$WORK/b.db" "$BEFORE" --db "$WORK/b.db" ingest "$c"
    one "floor-$n" "$n" "$WORK/f.db" python3 "$ROOT/bench/sqlite_floor.py" "$c" "$WORK/f.db"
  done
done
