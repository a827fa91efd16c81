#!/usr/bin/env bash
# Gazette's abuse load test (issue 4). Many simulated clients post comments as fast as
# they can, each from its own address (X-Forwarded-For, believed because Gazette runs
# with --gazette.security.trusted-proxies=127.0.0.1), against Gazette with its posting
# defaults: rate limit on (10 posts per client, refilled over 10 minutes), flood control
# 15 s, moderation mode first-time. It shows, per client, how many posts were accepted
# (303) and refused (429, and whether Retry-After came with it), while honest readers
# fetch the article page: their p50/p99 with no attack, then during it.
#
#   bench/load-test.sh                 three phases, about 2 minutes
#   bench/load-test.sh --no-build      use the jar already in target/
#
# Phases: A) every posting default; B) flood control off, so the rate limit alone
# answers; C) the same clients guessing the editor's password at /login.
# Environment: CLIENTS (16: one client per attack connection, so that each client sends
# enough to meet its limits within a phase), ATTACK_CONNECTIONS (16), READERS (4 connections),
# DURATION (s of the readers' measurement, 15), APPROVED (comments on the article, 200),
# JAVA_OPTS and MALLOC_ARENA_MAX (defaults in lib.sh), GAZETTE_PORT (18080). Only 127.0.0.1 is contacted.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

BUILD=1
RESULTS="$BENCH_DIR/results.md"
while [ $# -gt 0 ]; do
    case $1 in
        --no-build) BUILD=0 ;;
        --results) RESULTS=$2; shift ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
: "${CLIENTS:=16}" "${ATTACK_CONNECTIONS:=16}" "${READERS:=4}" "${DURATION:=15}" "${APPROVED:=200}"
THREADS=1
CONNECTIONS=$READERS
PORT=${GAZETTE_PORT:-18080}
BASE="http://127.0.0.1:$PORT"
EDITOR_PASSWORD="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
[ "$CLIENTS" -ge "$ATTACK_CONNECTIONS" ] || die "CLIENTS must be at least ATTACK_CONNECTIONS"

WORK=$(mktemp -d /tmp/gazette-loadtest.XXXXXX)
APP_PID=
cleanup() {
    stop_gazette
    rm -rf "$WORK"/*/data
    log "logs and raw wrk output kept in $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# readers OUT: the honest readers' measurement of the article page.
readers() {
    wrk_run "$1" -d"${DURATION}s" "$BASE$ARTICLE"
}

# attack PHASE MODE [CSRF COOKIE]: the clients post (or sign in) for the readers' whole
# measurement and a little more; the readers measure meanwhile.
attack() {
    local phase=$1 mode=$2 csrf=${3:-} cookie=${4:-} target
    target="$BASE$ARTICLE/comments"
    [ "$mode" = signin ] && target="$BASE/login"
    wrk -t"$ATTACK_CONNECTIONS" -c"$ATTACK_CONNECTIONS" -d"$((DURATION + 4))s" --timeout 10s -s "$BENCH_DIR/wrk/attack.lua" \
        "$target" -- "$CLIENTS" "$BASE" "$phase" "$WORK/$phase-clients.txt" "$ATTACK_CONNECTIONS" "$mode" \
        "$csrf" "$cookie" >"$WORK/$phase-attack.txt" 2>&1 &
    local attacker=$!
    sleep 2
    readers "$WORK/$phase-readers.txt"
    wait "$attacker" || true
}

# summary PHASE ACCEPTED-STATUS: one markdown row of what the clients got.
summary() {
    local phase=$1 accepted=$2
    awk -v ok="$accepted" '
        {
            n = 0; a = 0; r = 0; ra = 0
            for (i = 2; i <= NF; i++) {
                split($i, kv, "=")
                n += (kv[1] == "ra") ? 0 : kv[2]
                if (kv[1] == ok) a += kv[2]
                if (kv[1] == "429") r += kv[2]
                if (kv[1] == "ra") ra += kv[2]
                if (kv[1] != "ra") status[kv[1]] += kv[2]
            }
            clients++; total += n; acc += a; lim += r; withRa += ra
            if (clients == 1 || a < amin) amin = a
            if (a > amax) amax = a
            if (clients == 1 || n < nmin) nmin = n
            if (n > nmax) nmax = n
        }
        END {
            s = ""
            for (k in status) s = s sprintf("%s%s: %d", (s == "" ? "" : ", "), k, status[k])
            printf "| %d | %d (%d-%d per client) | %d (%d-%d per client) | %d | %d of %d | %s |\n",
                clients, total, nmin, nmax, acc, amin, amax, lim, withRa, lim, s
        }' "$WORK/$phase-clients.txt"
}

figures() { # figures WRK-OUTPUT: "req/s | p50 | p99 | errors" (errors: non-2xx/3xx, socket errors and timeouts)
    parse_wrk "$1" | awk '{ printf "%s | %s | %s | %d", $1, $2, $3, $4 + $5 }'
}

ensure_tools
MACHINE=$(machine_summary)
LOAD_BEFORE=$(load_average)
log "machine: $MACHINE; load average $LOAD_BEFORE; work directory $WORK"
build_jar
require_generator
REVISION=$(git_revision)

log "== filling the hot article with $APPROVED approved comments (the desk's import)"
start_gazette site
fill_article "$APPROVED" 0 4
ARTICLE="/articles/$HOT_SLUG"
stop_gazette

declare -a ROWS READ_ROWS
run_phase() { # run_phase KEY DESCRIPTION MODE [GAZETTE-ARGS...]
    local key=$1 what=$2 mode=$3
    shift 3
    log "== phase $key: $what"
    start_gazette site --gazette.security.trusted-proxies=127.0.0.1 "$@"
    wrk -t1 -c"$READERS" -d5s "$BASE$ARTICLE" >/dev/null 2>&1 || true
    readers "$WORK/$key-quiet.txt"
    local csrf= cookie= accepted=303
    if [ "$mode" = signin ]; then
        local jar="$WORK/$key-cookies.txt"
        csrf=$(curl -s -c "$jar" "$BASE/login" | tr '>' '\n' | grep 'name="_csrf"' | sed -E 's/.*value="([^"]*)".*/\1/' | sed -n 1p || true)
        # Every cookie the sign-in page set (its CSRF token lives in one, not in a session).
        cookie=$(awk '!/^# / && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
        accepted=302
    fi
    attack "$key" "$mode" "$csrf" "$cookie"
    ROWS+=("| $key: $what | $(summary "$key" "$accepted" | sed 's/^| //')")
    READ_ROWS+=("| $key | $(figures "$WORK/$key-quiet.txt") | $(figures "$WORK/$key-readers.txt") | $(parse_wrk "$WORK/$key-attack.txt" | awk '{ printf "%s", $1 }') |")
    stop_gazette
    cp "$APP_DIR/app.log" "$WORK/$key-app.log"
    log "$key done: $(summary "$key" "$accepted")"
}

run_phase A "posting defaults (rate limit 10 per 10 min, flood control 15 s, mode first-time)" comment
run_phase B "flood control off: the rate limit alone" comment --gazette.comments.flood-interval=0s
run_phase C "password guessing at /login" signin
LOAD_AFTER=$(load_average)

REPORT=$(
    echo "## Load test of $(date '+%Y-%m-%d %H:%M %Z') (bench/load-test.sh)"
    echo
    echo "- Machine: $MACHINE"
    echo "- Gazette revision $REVISION (jar built $JAR_BUILT); $CLIENTS clients over $ATTACK_CONNECTIONS connections for $((DURATION + 4)) s a phase; readers: $READERS connections on the article page ($APPROVED comments)"
    echo "- Load average before $LOAD_BEFORE, after $LOAD_AFTER"
    echo
    echo "| phase | clients | requests | accepted (303; 302 = failed sign-in for C) | 429 | 429 with Retry-After | statuses |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "| phase | readers alone: req/s | p50 ms | p99 ms | errors | during the attack: req/s | p50 ms | p99 ms | errors | attack req/s |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${READ_ROWS[@]}"
    echo
)
echo
echo "$REPORT"
{
    [ -s "$RESULTS" ] || printf '# Benchmark results\n\nAppended by bench/run.sh and bench/load-test.sh, newest last. See BENCHMARKS.md.\n\n'
    echo "$REPORT"
} >>"$RESULTS"
log "appended to $RESULTS"
