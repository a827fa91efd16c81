#!/usr/bin/env bash
# bench/page-cpu.sh JAR N [PATH] [DURATION (20)] [extra app args]: fresh database with N
# approved comments (bench profile), 10 s warm-up, then DURATION s of GETs of PATH (the
# article page by default; a path under it such as "?page=2" is appended to it) at 16
# connections; prints req/s, p50/p99, the page's bytes, the CPU µs of the Gazette process
# per request, and the load average. For before/after comparisons of one page's cost;
# JFR=FILE records the measured run; GAZETTE_PORT and JAVA_OPTS as in lib.sh.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
source "$BENCH/lib.sh"
JARSRC=$1; N=$2; WHAT=${3:-}; D=${4:-20}; shift 4 || shift $#
measured_instance page-cpu 18435 "$JARSRC"
start_gazette p --spring.profiles.active=bench --gazette.bench.approved="$N" --gazette.bench.seed="$N" "$@"
wait_for_fill
URL="$BASE/articles/$SEED_SLUG$WHAT"
bytes=$(curl -s "$URL" | wc -c)
cpu_measured_run "$D" "$URL"
printf 'N=%s %s: %s req/s p50 %s ms p99 %s ms, %s bytes, non-2xx %s errors %s requests %s; CPU %.0f µs/request; load %s -> %s\n' \
  "$N" "${WHAT:-first page}" "$RPS" "$P50" "$P99" "$bytes" "$NON" "$ERRS" "$REQ" "$(echo "$CPU_MS * 1000" | bc -l)" \
  "$LOAD_FROM" "$LOAD_TO"
