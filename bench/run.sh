#!/usr/bin/env bash
# Runs every strikewatch benchmark and writes the results to bench/results/<UTC time>/.
#   bench/run.sh                 10k and 100k articles
#   SIZES="10000 100000 1000000" bench/run.sh
#   WORK=/big/disk bench/run.sh  where corpora and stores go (default /tmp/sw-bench)
# The store's write path against the sqlite3 + FTS5 floor, with bytes written: bench/store_e2e.sh
# Needs: cargo, python3 with trafilatura (pip install trafilatura lxml_html_clean), GNU time.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${SIZES:-"10000 100000"}
HTML_N=${HTML_N:-5000}
WORK=${WORK:-/tmp/sw-bench}
OUT=$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$WORK" "$OUT"
exec > >(tee "$OUT/summary.txt") 2>&1

[ -n "${SKIP_BUILD:-}" ] || cargo build --release -p strikewatch -p sw-corpusgen >/dev/null 2>&1 || { echo build failed; exit 1; }
SW=${SW:-$ROOT/target/release/strikewatch}
GEN=$ROOT/target/release/sw-corpusgen
TIME=/usr/bin/time

echo "# machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "strikewatch $(git rev-parse --short HEAD 2>/dev/null) (+ working tree), $(rustc --version)"

# one line per run: what, articles, bytes, wall s, cpu s, peak RSS MiB
measure() { # name n bytes cmd...
  local name=$1 n=$2 bytes=$3; shift 3
  local load_before; load_before=$(cut -d' ' -f1 /proc/loadavg)
  $TIME -f "%e %U %S %M" -o "$OUT/time.tmp" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
  read -r wall user sys rss <"$OUT/time.tmp"
  awk -v name="$name" -v n="$n" -v b="$bytes" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
      -v l0="$load_before" -v l1="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN{
    printf "%-28s %9d articles %8.1f MB  wall %8.2f s  cpu %8.2f s  %9.0f articles/s  %9.0f per CPU-s  %7.2f MB/s  peak RSS %6.0f MiB  load %s-%s\n",
      name, n, b/1e6, w, u+s, n/w, n/(u+s), b/1e6/w, r/1024, l0, l1 }'
}

echo; echo "# end to end (ingest + extraction + ledger), JSONL text"
for n in $SIZES; do
  c=$WORK/c$n.jsonl
  [ -s "$c" ] || $GEN --count "$n" --out "$c"
  bytes=$(stat -c %s "$c")
  rm -f "$WORK/c$n.db"*
  measure "e2e-jsonl-$n" "$n" "$bytes" "$SW" --db "$WORK/c$n.db" ingest "$c"
  measure "wc-w-$n" "$n" "$bytes" wc -w "$c"
  measure "floor-sqlite-fts5-$n" "$n" "$bytes" python3 "$ROOT/bench/sqlite_floor.py" "$c" "$WORK/f$n.db"
  rm -f "$WORK/f$n.db"*
  tail -3 "$OUT/e2e-jsonl-$n.out" | sed 's/^/    /'
done

echo; echo "# ingest only (--no-extract), JSONL text"
for n in $SIZES; do
  [ "$n" -gt "${INGEST_ONLY_MAX:-10000}" ] && continue
  c=$WORK/c$n.jsonl; bytes=$(stat -c %s "$c")
  rm -f "$WORK/n$n.db"*
  measure "ingest-jsonl-$n" "$n" "$bytes" "$SW" --db "$WORK/n$n.db" ingest --no-extract "$c"
done

echo; echo "# HTML pages ($HTML_N files), end to end, and Python trafilatura on the same pages"
h=$WORK/html$HTML_N
[ -d "$h" ] || $GEN --count "$HTML_N" --format html --out "$h"
hbytes=$(du -sb "$h" | cut -f1)
rm -f "$WORK/h.db"*
measure "e2e-html-$HTML_N" "$HTML_N" "$hbytes" "$SW" --db "$WORK/h.db" ingest "$h"
tail -3 "$OUT/e2e-html-$HTML_N.out" | sed 's/^/    /'
measure "wc-w-html-$HTML_N" "$HTML_N" "$hbytes" sh -c "cat $h/*/*.html | wc -w"
python3 "$ROOT/bench/trafilatura_compare.py" "$h" "$WORK/h.db" 2>&1 | sed 's/^/    /'

echo; echo "# per stage, single thread (cargo bench -p sw-corpusgen --bench stages)"
for n in $SIZES; do
  [ "$n" -gt 100000 ] && continue
  BENCH_N=$n BENCH_HTML_N=$HTML_N cargo bench -q -p sw-corpusgen --bench stages 2>/dev/null | grep -v '^$'
done

echo; echo "# read commands on the largest store (fresh process each, 50 runs)"
big=$(echo $SIZES | tr ' ' '\n' | sort -n | tail -1)
python3 "$ROOT/bench/query_latency.py" "$SW" "$WORK/c$big.db" 50
echo; echo "results in $OUT"
