#!/usr/bin/env bash
# Gazette through nginx with one, two and three nodes on one PostgreSQL (issue 14): the
# site deploy/cluster.sh runs, measured with wrk (keep-alive, 16 connections, 2 threads)
# through the proxy. For each node count: the article page and the conditional GET with
# its ETag, first with the proxy's cache, then with nginx as a plain balancer (its cache
# switched off: deploy/cluster.sh proxy-cache off), so that the nodes answer; and comment
# posting (durable: PostgreSQL's synchronous_commit on). Pages are asked for with
# Accept-Encoding: gzip, as browsers do. The nodes run with the posting limits off and
# publish comments at once (lib.sh's BENCH_POSTING, as environment variables); the hot
# article is filled first with 200 approved comments through node 1's desk import (lib.sh's
# fill_article), so that its first page shows 50 threads whatever the node count. Prints a
# markdown table.
#
#   bench/cluster.sh                     nodes 1, 2 and 3, 10 s a figure after 5 s of warm-up
#   bench/cluster.sh --seconds 5         shorter figures
#
# Options:   --nodes "1 2 3"      the node counts to measure
#            --seconds N          seconds a figure (10); the warm-up is half as long
#            --no-build           use the jar already in target/
#            --results FILE       also append the report to FILE (bench/results.md, say)
# Environment: CLUSTER_PORT (18200: nginx; node K on 18200 + K), CLUSTER_PG_PORT (18299),
#            CONNECTIONS (16), THREADS (2), JAVA_OPTS and MALLOC_ARENA_MAX (lib.sh).
# Only 127.0.0.1 is contacted. Needs what deploy/cluster.sh needs, and wrk.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

NODE_COUNTS="1 2 3"
DURATION=10
BUILD=1
RESULTS=
while [ $# -gt 0 ]; do
    case $1 in
        --nodes) NODE_COUNTS=$2; shift ;;
        --seconds) DURATION=$2; shift ;;
        --no-build) BUILD=0 ;;
        --results) RESULTS=$2; shift ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
[[ "$DURATION" =~ ^[0-9]+$ ]] && [ "$DURATION" -ge 2 ] || die "--seconds must be a whole number, at least 2"
WARMUP=$(((DURATION + 1) / 2))
: "${CONNECTIONS:=16}" "${THREADS:=2}"
PROXY_PORT=${CLUSTER_PORT:-18200}
PG_PORT=${CLUSTER_PG_PORT:-18299}
SITE="http://127.0.0.1:$PROXY_PORT"
# BENCH_POSTING for the nodes, which take their settings from the environment; and the
# first editor's password, which fill_article signs in with.
export GAZETTE_MODERATION_MODE=none GAZETTE_COMMENTS_FLOODINTERVAL=0s GAZETTE_COMMENTS_RATELIMIT_ENABLED=false
EDITOR_PASSWORD="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
export GAZETTE_EDITOR_PASSWORD=$EDITOR_PASSWORD

WORK=$(mktemp -d /tmp/gazette-cluster-bench.XXXXXX)
chmod 755 "$WORK" # PostgreSQL and nginx's workers run as another user when this runs as root
RUN_DIR="$WORK/cluster"
TSV="$WORK/figures.tsv"
: >"$TSV"

cluster() {
    "$ROOT/deploy/cluster.sh" "$@" --run-dir "$RUN_DIR"
}

cleanup() {
    cluster stop >/dev/null 2>&1 || true
    rm -rf "$RUN_DIR/postgres/data" "$RUN_DIR/app" "$RUN_DIR/gazette.jar" "$RUN_DIR/cds-training" \
        "$RUN_DIR/nginx/cache"
    log "logs and raw wrk output kept in $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# measure N KEY WHAT PROBE-STATUS WRK-ARGS...: warm-up, then one measured wrk run; a row of
# the figures.
measure() {
    local n=$1 key=$2 what=$3 status=$4
    shift 4
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$@" >/dev/null 2>&1 || true
    wrk_run "$WORK/wrk-$n-$key.txt" -d"${DURATION}s" "$@"
    local rps p50 p99 non errs req
    read -r rps p50 p99 non errs req < <(parse_wrk "$WORK/wrk-$n-$key.txt")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$key" "$what" "$status" "$rps" "$p50" "$p99" \
        "$((non + errs))" >>"$TSV"
    log "$n node(s), $what: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $((non + errs)) of $req"
}

# status URL [CURL-ARGS...]: "status cache-status" of one request.
status_of() {
    curl -s -o /dev/null -D - "$@" | awk -F': ' '
        NR == 1 { code = $0; sub(/^HTTP\/[0-9.]+ /, "", code); sub(/ .*/, "", code) }
        tolower($1) == "x-cache-status" { cache = $2; sub(/\r$/, "", cache) }
        END { printf "%s%s", code, (cache != "") ? " (" cache ")" : "" }'
}

measure_nodes() {
    local n=$1 article etag gzip=(-H "Accept-Encoding: gzip")
    log "== $n node(s)"
    if [ "$n" = "$FIRST" ]; then
        cluster start --nodes "$n" --port "$PROXY_PORT" --pg-port "$PG_PORT" $([ "$BUILD" = 1 ] || echo --no-build)
        # Enough comments that the article's first page is full (50 threads) for every node
        # count, uploaded to one node (they share the database).
        require_generator
        BASE="http://127.0.0.1:$((PROXY_PORT + 1))"
        fill_article 200 0 14
    else
        cluster start --nodes "$n" --port "$PROXY_PORT" --pg-port "$PG_PORT" --no-build
    fi
    article="$SITE/articles/$HOT_SLUG"
    curl -s -o /dev/null "${gzip[@]}" "$article"
    etag=$(curl -s -D - -o /dev/null "${gzip[@]}" "$article" | awk -F': ' 'tolower($1) == "etag" { sub(/\r$/, "", $2); print $2 }')
    measure "$n" page "article page, proxy cache" "$(status_of "${gzip[@]}" "$article")" "${gzip[@]}" "$article"
    measure "$n" 304 "conditional GET, proxy cache" "$(status_of "${gzip[@]}" -H "If-None-Match: $etag" "$article")" \
        "${gzip[@]}" -H "If-None-Match: $etag" "$article"
    cluster proxy-cache off
    measure "$n" page-nodes "article page, no proxy cache" "$(status_of "${gzip[@]}" "$article")" "${gzip[@]}" "$article"
    # The ETag of the node that answers: each may have its own until they share page versions.
    etag=$(curl -s -D - -o /dev/null "${gzip[@]}" "$article" | awk -F': ' 'tolower($1) == "etag" { sub(/\r$/, "", $2); print $2 }')
    measure "$n" 304-nodes "conditional GET, no proxy cache" \
        "$(status_of "${gzip[@]}" -H "If-None-Match: $etag" "$article")" "${gzip[@]}" -H "If-None-Match: $etag" "$article"
    measure "$n" post "comment posting (303 = published)" "303" \
        -s "$BENCH_DIR/wrk/post.lua" "$article/comments" -- "$SITE" "n$n"
    cluster stop
}

# ---------------------------------------------------------------------------------
ensure_tools wrk curl nginx
MACHINE=$(machine_summary)
LOAD_BEFORE=$(load_average)
FIRST=${NODE_COUNTS%% *}
STARTED=$(date +%s)
for n in $NODE_COUNTS; do
    [[ "$n" =~ ^[1-9]$ ]] || die "--nodes takes node counts from 1 to 9"
    measure_nodes "$n"
done
ELAPSED=$(($(date +%s) - STARTED))

report() {
    echo "## Through nginx, $(echo "$NODE_COUNTS" | sed 's/ /, /g') node(s): run of $(date '+%Y-%m-%d %H:%M %Z')"
    echo
    echo "- Machine: $MACHINE"
    echo "- Gazette revision $(git_revision); PostgreSQL $(cat "$RUN_DIR/postgres/data/PG_VERSION" 2>/dev/null || echo '?'), nginx $("$NGINX" -v 2>&1 | sed 's#.*/##'); all on this machine"
    echo "- wrk -t$THREADS -c$CONNECTIONS, keep-alive, ${DURATION}s a figure after ${WARMUP}s of warm-up; pages with Accept-Encoding: gzip"
    echo "- Load average before $LOAD_BEFORE, after $(load_average); the run took $((ELAPSED / 60)) min $((ELAPSED % 60)) s"
    echo
    echo "| nodes | what | status | req/s | p50 ms | p99 ms | errors |"
    echo "|---:|---|---|---:|---:|---:|---:|"
    awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $3, $4, $5, $6, $7, $8 }' "$TSV"
    echo
    echo "\"no proxy cache\": nginx as a plain balancer, the nodes answer every request (from their own page caches). \"status\": a probe's answer, with nginx's cache status. \"errors\": answers other than 2xx/3xx plus socket errors."
    echo
}

REPORT=$(report)
echo
echo "$REPORT"
echo "$REPORT" >"$WORK/report.md"
if [ -n "$RESULTS" ]; then
    echo "$REPORT" >>"$RESULTS"
    log "appended to $RESULTS"
fi
