#!/bin/sh
# Size and time of /api/timeline (and /) on two builds over one store, two rounds.
#
#   bench/timeline_size.sh BEFORE_BIN AFTER_BIN STORE.db
#
# Serves the store with each build (`serve --rate-limit 0`, read-only: both can at once), then
# for each URL prints the status, bytes and seconds of a first request (an answer not yet
# cached by the server) and the median of 15 more (curl, one at a time). The load (`uptime`)
# is printed before and after, since the servers share the machine with whatever else runs.
set -u
B=$1 A=$2 DB=$3
$B --db "$DB" serve --addr 127.0.0.1:18941 --rate-limit 0 >/dev/null 2>&1 & BP=$!
$A --db "$DB" serve --addr 127.0.0.1:18942 --rate-limit 0 >/dev/null 2>&1 & AP=$!
trap 'kill $BP $AP 2>/dev/null' EXIT
sleep 8
uptime
one() { curl -s -o /dev/null -w '%{http_code} %{size_download} B %{time_total} s' "$1"; }
med() { for i in $(seq 15); do curl -s -o /dev/null -w '%{time_total}\n' "$1"; done | sort -n | sed -n 8p; }
for run in 1 2; do
  for u in "18941/api/timeline" "18942/api/timeline" "18942/api/timeline?unit=auto" \
           "18942/api/timeline?lang=es" "18942/api/timeline?detail=1" "18941/" "18942/"; do
    echo "round $run  $u  first: $(one "http://127.0.0.1:$u")  median: $(med "http://127.0.0.1:$u") s"
  done
done
echo "detail=1 $(curl -s -D - -o /dev/null "http://127.0.0.1:18942/api/timeline?detail=1" | grep -i x-total-count)"
uptime
