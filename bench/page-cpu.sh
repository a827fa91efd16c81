#!/usr/bin/env bash
# bench/page-cpu.sh JAR N [PATH] [DURATION (20)] [extra app args]: fresh database whose hot
# article gets N approved comments (lib.sh's fill_article: the desk's import of a generated
# export; the generator comes from this checkout's target/test-classes), the posting limits
# off (BENCH_POSTING), 10 s warm-up, then DURATION s of GETs of PATH (the hot
# article's page by default; a path under it such as "?page=2" is appended to it) at 16
# connections; prints req/s, p50/p99, the page's bytes, the CPU µs of the Gazette process
# per request, and the load average. For before/after comparisons of one page's cost;
# JFR=FILE records the measured run; ACCEPT_ENCODING=gzip sends Accept-Encoding: gzip with
# every request, as browsers do (the bytes are then the compressed page's); GAZETTE_PORT
# and JAVA_OPTS as in lib.sh.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
source "$BENCH/lib.sh"
JARSRC=$1; N=$2; WHAT=${3:-}; D=${4:-20}; shift 4 || shift $#
measured_instance page-cpu 18435 "$JARSRC"
start_gazette p "${BENCH_POSTING[@]}" "$@"
fill_article "$N" 0 "$N"
URL="$BASE/articles/$HOT_SLUG$WHAT"
encoding=()
[ -z "${ACCEPT_ENCODING:-}" ] || encoding=(-H "Accept-Encoding: $ACCEPT_ENCODING")
bytes=$(curl -s ${encoding[@]+"${encoding[@]}"} "$URL" | wc -c)
cpu_measured_run "$D" ${encoding[@]+"${encoding[@]}"} "$URL"
printf 'N=%s %s: %s req/s p50 %s ms p99 %s ms, %s bytes (Accept-Encoding: %s), non-2xx %s errors %s requests %s; CPU %.0f µs/request; load %s -> %s\n' \
  "$N" "${WHAT:-first page}" "$RPS" "$P50" "$P99" "$bytes" "${ACCEPT_ENCODING:-none}" "$NON" "$ERRS" "$REQ" "$(echo "$CPU_MS * 1000" | bc -l)" \
  "$LOAD_FROM" "$LOAD_TO"
