#!/usr/bin/env bash
# bench/queue-cpu.sh JAR [PENDING (10000)] [DURATION (20)] [extra app args]: fresh database
# with PENDING comments in the moderation queue (lib.sh's fill_article: the desk's import of
# a generated export, the generator from this checkout's target/test-classes; the posting
# limits off, BENCH_POSTING), signed in as the editor,
# 10 s warm-up, then DURATION s of paging through the pending tab (pages 1, 2, ... in turn,
# as bench/run.sh does) at 16 connections; prints req/s, p50/p99, the page's bytes, the
# CPU ms of the Gazette process per page, and the load average. JFR=FILE records the
# measured run; ACCEPT_ENCODING=gzip sends Accept-Encoding: gzip with every request, as
# browsers do (the bytes are then the compressed page's); GAZETTE_PORT and JAVA_OPTS as
# in lib.sh.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
source "$BENCH/lib.sh"
JARSRC=$1; PENDING=${2:-10000}; D=${3:-20}; shift 3 || shift $#
measured_instance queue-cpu 18433 "$JARSRC"
start_gazette q "${BENCH_POSTING[@]}" "$@"
fill_article 0 "$PENDING" 7
jar="$WORK/cookies.txt"
csrf=$(curl -s -c "$jar" "$BASE/login" | tr '>' '\n' | grep 'name="_csrf"' | sed -E 's/.*value="([^"]*)".*/\1/' | sed -n 1p)
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=editor" \
    --data-urlencode "password=$EDITOR_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
cookie="Cookie: JSESSIONID=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -n 1)"
queue="/moderation?status=pending"
encoding=()
[ -z "${ACCEPT_ENCODING:-}" ] || encoding=(-H "Accept-Encoding: $ACCEPT_ENCODING")
bytes=$(curl -s -H "$cookie" "${encoding[@]}" "$BASE$queue" | wc -c)
pages=$(( (PENDING + 19) / 20 ))
LOAD=(-H "$cookie" "${encoding[@]}" -s "$BENCH/wrk/pages.lua" "$BASE$queue" -- "$pages" "$queue")
cpu_measured_run "$D" "${LOAD[@]}"
printf 'queue, %s pending: %s req/s p50 %s ms p99 %s ms, %s bytes (Accept-Encoding: %s), non-2xx %s errors %s requests %s; CPU %.2f ms/page; load %s -> %s\n' \
  "$PENDING" "$RPS" "$P50" "$P99" "$bytes" "${ACCEPT_ENCODING:-none}" "$NON" "$ERRS" "$REQ" "$CPU_MS" "$LOAD_FROM" "$LOAD_TO"
