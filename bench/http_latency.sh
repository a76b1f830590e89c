#!/usr/bin/env bash
# Latency and size of the web app's heaviest reads, two builds in one run, alternating.
#
#   bench/http_latency.sh BEFORE_BIN AFTER_BIN STORE.db [ROUNDS]
#
# Starts `serve --rate-limit 0` of each build over the same store (read-only: both can), then,
# ROUNDS times (default 2), loads each URL below with wrk (Debian's package: 2 threads, 16
# connections, 15 s) on BEFORE then AFTER, and prints one line per run: requests/s, p50, p90,
# p99 and the response's size; then one prefix search at a time on each (wall time and status),
# and each server's resident memory after all of it. Quote the median of the rounds; the load (`uptime`) is printed
# before and after each run, since wrk and both servers share the machine with whatever else
# runs there.
set -euo pipefail
before=$1 after=$2 db=$3 rounds=${4:-2}
DURATION=${DURATION:-15s}
urls=("/" "/api/incidents" "/search?q=strike" "/api/search?q=strike")
# a different word on every request: searches that miss any cache
lua=$(dirname "$0")/../crates/web/load/random_search.lua

start() { # bin port
  "$1" --db "$db" serve --addr "127.0.0.1:$2" --rate-limit 0 >/dev/null 2>&1 &
  echo $!
}
wait_up() { # port
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$1/api/summary" && return 0
    sleep 0.5
  done
  echo "server on port $1 did not start" >&2
  exit 1
}
pa=$(start "$before" 18181)
pb=$(start "$after" 18182)
trap 'kill $pa $pb 2>/dev/null || true' EXIT
wait_up 18181
wait_up 18182

echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); store $db"
run() { # label port url [script]
  local label=$1 port=$2 url=$3 script=${4:-}
  local size load0 out
  size=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$url")
  load0=$(cut -d' ' -f1 /proc/loadavg)
  if [ -n "$script" ]; then
    out=$(wrk -t2 -c16 -d"$DURATION" --latency -s "$script" "http://127.0.0.1:$port")
  else
    out=$(wrk -t2 -c16 -d"$DURATION" --latency "http://127.0.0.1:$port$url")
  fi
  awk -v label="$label" -v url="$url${script:+ (random words)}" -v size="$size" \
      -v l0="$load0" -v l1="$(cut -d' ' -f1 /proc/loadavg)" '
    /^ +50%/ {p50=$2} /^ +90%/ {p90=$2} /^ +99%/ {p99=$2}
    /Requests\/sec/ {rps=$2}
    /Non-2xx/ {bad=$NF}
    END {printf "%-7s %-34s %10s req/s  p50 %9s  p90 %9s  p99 %9s  %12d bytes  load %s-%s%s\n",
         label, url, rps, p50, p90, p99, size, l0, l1, (bad ? "  non-2xx " bad : "")}' <<<"$out"
}
for r in $(seq 1 "$rounds"); do
  echo "## round $r"
  for u in "${urls[@]}"; do
    run before 18181 "$u"
    run after 18182 "$u"
  done
  run before 18181 "/api/search?q=" "$lua"
  run after 18182 "/api/search?q=" "$lua"
done
echo "## prefix searches, one at a time (each query new to both servers)"
for q in 'strik*' 'surviv*' 'lanch*%20carib*'; do
  for side in "before 18181" "after 18182"; do
    set -- $side
    curl -s -o /dev/null -w "$1  /api/search?q=$q  %{http_code}  %{time_total} s\n" \
      "http://127.0.0.1:$2/api/search?q=$q"
  done
done
echo "## resident memory after the runs"
echo "before $(ps -o rss= -p "$pa") KiB"
echo "after  $(ps -o rss= -p "$pb") KiB"
