#!/usr/bin/env bash
# A news site just after publication, all at once against one Gazette (H2, the JVM of
# lib.sh, the posting limits off as lib.sh's BENCH_POSTING, the hot article filled through
# the desk's import by lib.sh's fill_article): readers' first visits (GET with
# "Accept-Encoding: gzip": half the front page, half the hot article's comment pages and
# the other articles), readers coming back
# (the same with the ETag they got last time, If-None-Match: mostly 304s, a 200 after each
# new comment), comments posted on the hot article at a reader's pace, and editors
# paging through the moderation queue. Four wrk processes run side by side, one per
# kind; prints each kind's rate and latency as a markdown table.
#
#   bench/mixed.sh [--no-build] [--jar FILE]
# Environment: DURATION (s, 30), WARMUP (s, 10), APPROVED (comments on the hot article,
#   200), PENDING (in the queue, 1000), READERS, REVISITORS (connections, 8 and 6),
#   POSTERS, EDITORS (connections, 2 and 2), POST_PAUSE, EDIT_PAUSE (ms between one
#   connection's requests, 250 and 500), GAZETTE_PORT (18090).
# Only 127.0.0.1 is contacted. Needs java 17+, curl and wrk.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

BUILD=1
JAR_ARG=
while [ $# -gt 0 ]; do
    case $1 in
        --no-build) BUILD=0 ;;
        --jar) JAR_ARG=$2; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
: "${DURATION:=30}" "${WARMUP:=10}" "${APPROVED:=200}" "${PENDING:=1000}"
: "${READERS:=8}" "${REVISITORS:=6}" "${POSTERS:=2}" "${EDITORS:=2}" "${POST_PAUSE:=250}" "${EDIT_PAUSE:=500}"
PORT=${GAZETTE_PORT:-18090}
BASE="http://127.0.0.1:$PORT"
GZIP="Accept-Encoding: gzip"
EDITOR_PASSWORD="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
WORK=$(mktemp -d /tmp/gazette-mixed.XXXXXX)
APP_PID=
trap 'stop_gazette; rm -rf "$WORK"/*/data; log "logs and raw wrk output kept in $WORK"' EXIT

ensure_tools wrk curl
if [ -n "$JAR_ARG" ]; then
    cp "$JAR_ARG" "$WORK/gazette.jar"
    JAR_BUILT=$(date -r "$JAR_ARG" '+%Y-%m-%d %H:%M')
    prepare_launch
else
    build_jar
fi
require_generator
start_gazette mixed "${BENCH_POSTING[@]}"
fill_article "$APPROVED" "$PENDING" 7

# The hot article (the one filled) and its comment pages; the other articles of the front page.
article="/articles/$HOT_SLUG"
pages=$(curl -s "$BASE$article" | grep -o "$article?page=[0-9]*" | sed 's/.*page=//' | sort -n | tail -n 1 || true)
pages=${pages:-1}
mapfile -t others < <(curl -s "$BASE/" | grep -o 'href="/articles/[^"?#]*"' | sed -E 's#href="([^"]*)"#\1#' \
    | sort -u | grep -v "^$article\$" | head -n 9 || true)
visits=("/" "$article")
for p in $(seq 2 "$pages"); do visits+=("$article?page=$p"); done
visits+=(${others[@]+"${others[@]}"})
log "pages read: ${visits[*]}"

# The editors' session (CSRF token from the sign-in form).
jar="$WORK/cookies.txt"
csrf=$(curl -s -c "$jar" "$BASE/login" | tr '>' '\n' | grep 'name="_csrf"' | sed -E 's/.*value="([^"]*)".*/\1/' | sed -n 1p || true)
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=editor" \
    --data-urlencode "password=$EDITOR_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -n 1 || true)
queue="/moderation?status=pending"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "$BASE$queue")" = 200 ] \
    || die "the editor could not open the queue"
queue_pages=$(( (PENDING + 19) / 20 )) # 20 comments a page

run_kind() { # run_kind NAME CONNECTIONS DURATION WRK-ARGS...
    local name=$1 connections=$2 duration=$3
    shift 3
    local threads=$(( connections < 2 ? 1 : 2 ))
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency --timeout 10s -H "$GZIP" "$@" \
        >"$WORK/$name.txt" 2>&1 || true
}
all_kinds() { # all_kinds DURATION: the four kinds at once
    local kinds=()
    run_kind first "$READERS" "$1" -s "$BENCH_DIR/wrk/visit.lua" "$BASE/" -- first "${visits[@]}" &
    kinds+=($!)
    run_kind revisit "$REVISITORS" "$1" -s "$BENCH_DIR/wrk/visit.lua" "$BASE/" -- revisit "${visits[@]}" &
    kinds+=($!)
    run_kind post "$POSTERS" "$1" -s "$BENCH_DIR/wrk/post.lua" "$BASE$article/comments" -- "$BASE" "mixed$1" "$POST_PAUSE" &
    kinds+=($!)
    run_kind editor "$EDITORS" "$1" -H "Cookie: JSESSIONID=$session" -s "$BENCH_DIR/wrk/pages.lua" "$BASE$queue" \
        -- "$queue_pages" "$queue" "$EDIT_PAUSE" &
    kinds+=($!)
    wait "${kinds[@]}" # not Gazette, also a child of this shell
}

log "warming up for ${WARMUP}s"
all_kinds "$WARMUP"
LOAD_BEFORE=$(load_average)
c0=$(cpu_ticks "$APP_PID")
log "measuring for ${DURATION}s (load average $LOAD_BEFORE)"
all_kinds "$DURATION"
c1=$(cpu_ticks "$APP_PID")
LOAD_AFTER=$(load_average)
cpu=$(awk -v t="$((c1 - c0))" -v d="$DURATION" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", t / hz / d }')

echo
echo "## Mixed workload of $(date '+%Y-%m-%d %H:%M %Z')"
echo
echo "- Machine: $(machine_summary)"
echo "- Gazette revision $(git_revision) (jar built $JAR_BUILT); H2; $APPROVED approved comments on the hot article ($pages comment pages), $PENDING in the queue; ${DURATION}s after a ${WARMUP}s warm-up, the four kinds at once, every request with \"$GZIP\""
echo "- Load average before $LOAD_BEFORE, after $LOAD_AFTER; Gazette used $cpu cores on average"
echo
echo "| kind | connections | pacing | req/s | p50 ms | p99 ms | errors | answers |"
echo "|---|---:|---|---:|---:|---:|---:|---|"
row() { # row NAME LABEL CONNECTIONS PACING NOTE
    local rps p50 p99 non errs req
    read -r rps p50 p99 non errs req < <(parse_wrk "$WORK/$1.txt")
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$3" "$4" "$rps" "$p50" "$p99" "$((non + errs))" "$5"
}
answers=$(grep -o 'Answers: .*' "$WORK/revisit.txt" || echo "-")
row first "first visits (front page, article pages, other articles)" "$READERS" "as fast as answered" "200, gzip"
row revisit "revisits with If-None-Match" "$REVISITORS" "as fast as answered" "$answers"
row post "comments posted on the hot article" "$POSTERS" "${POST_PAUSE} ms between posts" "303 (published at once)"
row editor "editors paging the moderation queue" "$EDITORS" "${EDIT_PAUSE} ms between pages" "200, gzip"
echo
echo "\"errors\": answers other than 2xx/3xx plus socket errors. Each kind is one wrk process with its own connections; latency is wrk's, from sending a request to its answer (pauses excluded)."
