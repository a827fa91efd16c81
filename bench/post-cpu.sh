#!/usr/bin/env bash
# (JFR=FILE records the measured run with Java Flight Recorder; GAZETTE_PORT, JAVA_OPTS as in lib.sh.)
# bench/post-cpu.sh JAR N [DURATION] [extra app args]: fresh database whose hot article gets N approved
# comments (lib.sh's fill_article, with the generator from this checkout's target/test-classes), the
# posting limits off (BENCH_POSTING), 10 s warm-up of posting on that article, then DURATION s of posting
# at 16 connections; prints req/s, p50/p99, CPU ms of the Gazette process per accepted post, and the
# load average.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
source "$BENCH/lib.sh"
JARSRC=$1; N=$2; D=${3:-20}; shift 3 || shift $#
measured_instance post-cpu 18431 "$JARSRC"
start_gazette r "${BENCH_POSTING[@]}" "$@"
fill_article "$N" 0 "$N"
ARTICLE="/articles/$HOT_SLUG"
LOAD=(-s "$BENCH/wrk/post.lua" "$BASE$ARTICLE/comments" -- "$BASE" "w$RANDOM")
cpu_measured_run "$D" "${LOAD[@]}"
printf 'N=%s %s req/s p50 %s ms p99 %s ms non-3xx %s errors %s requests %s; CPU %.2f ms/post; load %s -> %s\n' \
  "$N" "$RPS" "$P50" "$P99" "$NON" "$ERRS" "$REQ" "$CPU_MS" "$LOAD_FROM" "$LOAD_TO"
grep -c ' ERROR ' "$APP_DIR/app.log" || true
