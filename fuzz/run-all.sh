#!/usr/bin/env bash
# Runs every fuzz target for SECS seconds (default 600), JOBS at a time (default 2), from the
# seed corpora in fuzz/corpus/. Logs go to fuzz/logs/TARGET.log; crashes to
# fuzz/artifacts/TARGET/ (copy each into tests/fuzz-regressions/TARGET/ once fixed).
#   fuzz/run-all.sh [SECS] [JOBS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
SECS=${1:-600}; JOBS=${2:-2}; shift 2 2>/dev/null || true
TARGETS=("$@"); [ ${#TARGETS[@]} -eq 0 ] && TARGETS=(html feed jsonl warc text numbers dates extract)
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O -a -s none >/dev/null 2>&1 || { echo "build failed"; exit 1; }
mkdir -p logs
# seed corpora: the sample corpus for the readers, hand-written strings for the parsers
for t in "${TARGETS[@]}"; do mkdir -p "corpus/$t"; done
[ -d corpus/html ] && cp ../examples/html/* corpus/html/ 2>/dev/null
[ -d corpus/feed ] && cp ../examples/feeds/* corpus/feed/ 2>/dev/null
[ -d corpus/jsonl ] && cp ../examples/jsonl/* corpus/jsonl/ 2>/dev/null
[ -d corpus/text ] && cp ../examples/text/*.txt corpus/text/ 2>/dev/null
[ -d corpus/warc ] && cp ../examples/warc/*.warc corpus/warc/ 2>/dev/null
for t in numbers dates extract; do [ -d "corpus/$t" ] && cp seeds/$t/* "corpus/$t/"; done
run() {
  local t=$1
  local start=$(date +%s)
  cargo fuzz run -O -a -s none "$t" "corpus/$t" -- -max_total_time="$SECS" -timeout=10 \
    -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 >"logs/$t.log" 2>&1
  echo "$t: exit $? after $(( $(date +%s) - start ))s" | tee -a logs/summary.txt
}
for t in "${TARGETS[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do sleep 2; done
  run "$t" &
done
wait
