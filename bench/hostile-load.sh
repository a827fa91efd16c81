#!/usr/bin/env bash
# Gazette's hostile-load test (issue 13). Starts the packaged jar as README's production
# recipe does (lib.sh's JAVA_OPTS: a 176 MB heap), then sends, at full speed and one kind
# after another, what costs an attacker nothing (bench/wrk/hostile.lua, randomised on
# every request, each with a random X-Forwarded-For):
#   unknown-slugs   unknown articles (and their feeds) with every method
#   conditional     unknown articles with If-None-Match (*, random tags), If-Modified-Since
#   query-strings   random query strings on the front page and on the article
#   desk-pages      anonymous GET /login, /moderation and /moderation/<random>
#   posts           comment posts to unknown articles and to every spelling of the
#                   article's comment path (%63omments, trailing slash, ;x=y, Comments ...)
#   sign-ins        POST /login with random and near-miss usernames, no CSRF token
#   sign-ins-token  the same with the token and cookie of one real sign-in form
# while a reader (READERS connections) fetches the article page. After the warm-up and
# after each kind it takes the live heap: jcmd GC.class_histogram, which runs a full
# collection and sums the objects still reachable (its "Total" line). It reports, per
# kind, the requests sent, the statuses, the live heap before and after, whether
# /actuator/health answered UP within 2 s (every 2 s during the kind, and after it)
# and the reader's p99. Exits 0 when the live heap grew by at most --max-growth MB and
# the instance stayed healthy throughout; 1 otherwise, saying why.
#
#   bench/hostile-load.sh                   30 s per kind, about 6 minutes with the build
#   bench/hostile-load.sh --seconds 8       a short smoke run
#
# Options:   --no-build           use the jar already in target/
#            --seconds N          seconds of attack per kind (30)
#            --max-growth MB      the live heap growth allowed over the whole run (5)
#            --kinds "a b"        the kinds to send, in order (all seven)
#            --via-proxy          trust 127.0.0.1 as a proxy, so that every X-Forwarded-For
#                                 is a client of its own (many clients behind a proxy)
#            --results FILE       also append the report to FILE
# Environment: ATTACK_CONNECTIONS (16, one wrk thread each), READERS (2), JAVA_OPTS and
#            MALLOC_ARENA_MAX (defaults in lib.sh), CDS (1), GAZETTE_PORT (18086).
# The report and the raw outputs are kept in a work directory under /tmp.
# Only 127.0.0.1 is contacted. Needs java 17+ with jcmd, curl and wrk (installed from
# Debian's packages when absent and run as root).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ALL_KINDS="unknown-slugs conditional query-strings desk-pages posts sign-ins sign-ins-token"
BUILD=1
DURATION=30
MAX_GROWTH=5
KINDS=$ALL_KINDS
VIA_PROXY=0
RESULTS=
while [ $# -gt 0 ]; do
    case $1 in
        --no-build) BUILD=0 ;;
        --seconds) DURATION=$2; shift ;;
        --max-growth) MAX_GROWTH=$2; shift ;;
        --kinds) KINDS=$2; shift ;;
        --via-proxy) VIA_PROXY=1 ;;
        --results) RESULTS=$2; shift ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
[[ "$DURATION" =~ ^[0-9]+$ ]] && [ "$DURATION" -ge 3 ] || die "--seconds must be a whole number, at least 3"
[[ "$MAX_GROWTH" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "--max-growth must be a number of MB"
for kind in $KINDS; do
    [[ " $ALL_KINDS " == *" $kind "* ]] || die "unknown kind $kind (kinds: $ALL_KINDS)"
done
: "${ATTACK_CONNECTIONS:=16}" "${READERS:=2}"
PORT=${GAZETTE_PORT:-18086}
BASE="http://127.0.0.1:$PORT"
EDITOR_PASSWORD="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"

WORK=$(mktemp -d /tmp/gazette-hostile.XXXXXX)
mkdir -p "$WORK/heap" "$WORK/kinds"
APP_PID=
cleanup() {
    # A JVM out of memory may never finish a graceful shutdown: 30 s, then it is killed.
    if [ -n "${APP_PID:-}" ]; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        local i
        for i in $(seq 1 60); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    stop_gazette
    local job
    for job in $(jobs -p); do # an attack or health probes interrupted: stop them too
        kill "$job" 2>/dev/null || true
    done
    rm -rf "$WORK"/*/data
    log "logs and raw outputs kept in $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

healthy() {
    [[ "$(curl -fs -m 2 "$BASE/actuator/health" 2>/dev/null || true)" == *'"status":"UP"'* ]]
}

# live_heap NAME: the live heap in MB after a full collection (the total of jcmd's class
# histogram of reachable objects, kept as $WORK/heap/NAME.txt), or "-" when the JVM
# could not be asked.
live_heap() {
    local out="$WORK/heap/$1.txt"
    if kill -0 "$APP_PID" 2>/dev/null && timeout 60 jcmd "$APP_PID" GC.class_histogram >"$out" 2>&1 \
        && grep -q '^Total' "$out"; then
        awk '$1 == "Total" { printf "%.1f", $3 / 1048576 }' "$out"
    else
        echo "-"
    fi
}

# growers FROM TO: the three classes outside the JDK (no java.*, jdk.* or arrays) whose
# live bytes grew most between two histograms, with the number of instances they gained.
growers() {
    [ -s "$WORK/heap/$1.txt" ] && [ -s "$WORK/heap/$2.txt" ] || { echo "-"; return; }
    awk '
        FNR == 1 { file++ }
        $1 ~ /^[0-9]+:$/ && $4 !~ /^(java\.|jdk\.|sun\.|\[)/ { n[file, $4] = $2; b[file, $4] = $3; names[$4] = 1 }
        END {
            for (c in names) printf "%d %d %s\n", b[2, c] - b[1, c], n[2, c] - n[1, c], c
        }' "$WORK/heap/$1.txt" "$WORK/heap/$2.txt" | sort -rn \
        | awk 'NR <= 3 && $1 > 0 { printf "%s%s %+d (%+.1f MB)", sep, $3, $2, $1 / 1048576; sep = "; " }'
}

# full_gcs: the number of full collections so far (jstat's FGC), or 0.
full_gcs() {
    timeout 10 jstat -gc "$APP_PID" 2>/dev/null \
        | awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "FGC") c = i } NR == 2 && c { print $c; found = 1 } END { if (!found) print 0 }'
}

# log_lines: the lines Gazette has written to its log so far.
log_lines() {
    wc -l <"$APP_DIR/app.log" 2>/dev/null || echo 0
}

# mb_diff A B: B - A, or "-" when either is unknown.
mb_diff() {
    if [ "$1" = - ] || [ "$2" = - ]; then echo "-"; else awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f", b - a }'; fi
}

# watch_health OUT PID: while PID runs, asks for /actuator/health every 2 s; one line
# per probe ("ok" or "fail"). Bounded by the attack's duration.
watch_health() {
    local out=$1 pid=$2 i=0
    : >"$out"
    while kill -0 "$pid" 2>/dev/null && [ $i -lt $((DURATION / 2 + 15)) ]; do
        sleep 2
        kill -0 "$pid" 2>/dev/null || break
        if healthy; then echo ok; else echo "fail $(date +%H:%M:%S)"; fi >>"$out"
        i=$((i + 1))
    done
}

# The token and cookie of one sign-in form, as a stranger gets them; sets CSRF, COOKIE.
sign_in_form() {
    local jar="$WORK/kinds/sign-in-form-cookies.txt"
    CSRF=$(curl -s -m 10 -c "$jar" "$BASE/login" | tr '>' '\n' | grep 'name="_csrf"' \
        | sed -E 's/.*value="([^"]*)".*/\1/' | sed -n 1p || true)
    COOKIE=$(awk -F'\t' 'NF == 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' \
        "$jar" 2>/dev/null || true)
    [ -n "$CSRF" ] || log "warning: no CSRF token found on /login; sign-ins-token sends none"
}

# Statuses of a tally file ("variant<TAB>status<TAB>count"), most frequent first.
statuses() {
    [ -s "$1" ] || { echo "-"; return; }
    awk -F'\t' '{ s[$2] += $3 } END { for (k in s) print s[k], k }' "$1" | sort -rn \
        | awk '{ printf "%s%s: %d", sep, $2, $1; sep = ", " }'
}

# One line per variant: "variant: status: count, ...".
variants() {
    [ -s "$1" ] || return 0
    sort -t$'\t' -k1,1 -k3,3nr "$1" | awk -F'\t' '
        $1 != v { if (v != "") printf "\n"; v = $1; printf "  - %s: %s: %d", $1, $2, $3; next }
        { printf ", %s: %d", $2, $3 }
        END { if (v != "") printf "\n" }'
}

declare -a ROWS DETAILS
UNHEALTHY=()

# run_kind KIND: the attack of one kind with the reader and the health probes alongside,
# then the live heap and a last health check; appends a row to ROWS.
run_kind() {
    local kind=$1 dir="$WORK/kinds/$1" before=$HEAP after attacker watcher
    mkdir -p "$dir"
    CSRF= COOKIE=
    [ "$kind" = sign-ins-token ] && sign_in_form
    log "== $kind for $DURATION s"
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        ROWS+=("| $kind | not sent: Gazette had exited | | | | $before | - | - | | | no | - |")
        UNHEALTHY+=("$kind: Gazette had exited")
        return
    fi
    local gcs lines
    gcs=$(full_gcs)
    lines=$(log_lines)
    wrk -t"$ATTACK_CONNECTIONS" -c"$ATTACK_CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$BENCH_DIR/wrk/hostile.lua" \
        "$BASE" -- "$kind" "$dir/tally.tsv" "$SLUG" "$BASE" "$CSRF" "$COOKIE" >"$dir/attack.txt" 2>&1 &
    attacker=$!
    watch_health "$dir/health.txt" "$attacker" &
    watcher=$!
    sleep 2
    wrk -t1 -c"$READERS" --latency --timeout 10s -d"$((DURATION > 6 ? DURATION - 4 : 2))s" "$BASE$ARTICLE" \
        >"$dir/reader.txt" 2>&1 || true
    wait "$attacker" || true
    wait "$watcher" || true
    local after_ok=no
    healthy && after_ok=yes
    gcs=$(($(full_gcs) - gcs))
    lines=$(($(log_lines) - lines))
    after=$(live_heap "$kind")
    HEAP=$after
    local probes fails rps req errs reader_p99 reader_rps reader_non reader_errs reader_req
    probes=$(wc -l <"$dir/health.txt")
    fails=$(grep -c '^fail' "$dir/health.txt" || true)
    read -r rps _ _ _ errs req < <(parse_wrk "$dir/attack.txt")
    read -r reader_rps _ reader_p99 reader_non reader_errs reader_req < <(parse_wrk "$dir/reader.txt")
    reader_errs=$((reader_errs + reader_non))
    local reader="$reader_p99 ($reader_rps req/s, $reader_errs errors)"
    [ "$reader_req" -gt 0 ] || reader="no answer ($reader_errs errors)"
    local verdict=yes
    if [ "$after_ok" = no ] || [ "$fails" -gt 0 ]; then
        verdict=no
        UNHEALTHY+=("$kind: $fails of $probes health probes failed during the attack; after it: $([ "$after_ok" = yes ] && echo UP || echo 'no UP within 2 s')")
    fi
    ROWS+=("| $kind | $req | $rps | $errs | $(statuses "$dir/tally.tsv") | $before | $after | $(mb_diff "$before" "$after") | $gcs | $lines | $verdict ($((probes - fails))/$probes during, after: $after_ok) | $reader |")
    DETAILS+=("- $kind: largest growth: $(growers "$PREVIOUS" "$kind")")
    DETAILS+=("$(variants "$dir/tally.tsv")")
    PREVIOUS=$kind
    log "$kind: $req requests ($rps/s), live heap $before -> $after MB, healthy $verdict, reader p99 ms: $reader"
}

spot() { # spot CURL-ARGS...: the status of one request
    curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" || true
}

# A few requests of every kind, so that what is created once (templates, compiled code)
# is in the baseline, not in the growth; and the answers to what wrk cannot send (HEAD).
warm_up() {
    local i unknown="/articles/no-such-article-$RANDOM$RANDOM"
    for i in 1 2 3; do
        curl -s -o /dev/null "$BASE/"
        curl -s -o /dev/null "$BASE$ARTICLE"
        curl -s -o /dev/null "$BASE$ARTICLE?page=x$i"
        curl -s -o /dev/null -H 'If-None-Match: *' "$BASE$unknown$i"
        curl -s -o /dev/null "$BASE/login"
        curl -s -o /dev/null "$BASE/moderation/x$i"
        curl -s -o /dev/null -d "comment=Warm+up&author=Warm&email=warm@example.org" "$BASE/articles/x$i/comments"
        curl -s -o /dev/null -d "username=warm$i&password=warm" "$BASE/login"
    done
    wrk -t1 -c"$READERS" -d5s "$BASE$ARTICLE" >/dev/null 2>&1 || true
    wrk -t1 -c"$READERS" -d3s "$BASE/" >/dev/null 2>&1 || true
    local u="$BASE$unknown" answers=()
    answers+=("HEAD with If-None-Match: * $(spot -I -H 'If-None-Match: *' "$u")")
    answers+=("GET with If-None-Match: * $(spot -H 'If-None-Match: *' "$u")")
    answers+=("GET with If-Modified-Since $(spot -H 'If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT' "$u")")
    answers+=("POST $(spot -d x=y "$u")")
    answers+=("PUT $(spot -X PUT "$u")")
    answers+=("DELETE $(spot -X DELETE "$u")")
    answers+=("OPTIONS $(spot -X OPTIONS "$u")")
    SPOT="an unknown article answers $(printf '%s, ' "${answers[@]}" | sed 's/, $//')"
}

ensure_tools wrk curl
command -v jcmd >/dev/null || die "jcmd (from the JDK) is not on the PATH"
MACHINE=$(machine_summary)
LOAD_BEFORE=$(load_average)
STARTED=$(date +%s)
log "machine: $MACHINE; load average $LOAD_BEFORE; work directory $WORK"
build_jar
REVISION=$(git_revision)

PROXY_ARGS=()
[ $VIA_PROXY = 1 ] && PROXY_ARGS=(--gazette.security.trusted-proxies=127.0.0.1)
start_gazette site "${PROXY_ARGS[@]}"
SLUG=$(curl -s "$BASE/" 2>/dev/null | grep -o 'href="/articles/[^"?#]*"' | sed -n 1p | sed -E 's#href="/articles/([^"]*)"#\1#' || true)
SLUG=${SLUG:-$SEED_SLUG}
ARTICLE="/articles/$SLUG"
[ "$(probe "$BASE$ARTICLE" | cut -d' ' -f1)" = 200 ] || die "the article $ARTICLE does not answer 200"
log "warming up on $ARTICLE"
warm_up
HEAP=$(live_heap baseline)
BASELINE=$HEAP
PREVIOUS=baseline
[ "$HEAP" != - ] || die "could not read the live heap with jcmd; see $WORK/heap/baseline.txt"
log "live heap after the warm-up: $HEAP MB"

for kind in $KINDS; do
    run_kind "$kind"
done

sleep 2
FINAL_OK=no
healthy && FINAL_OK=yes
FINAL=$(live_heap final)
ALIVE=no
kill -0 "$APP_PID" 2>/dev/null && ALIVE=yes
GROWTH=$(mb_diff "$BASELINE" "$FINAL")
LOAD_AFTER=$(load_average)
ELAPSED=$(($(date +%s) - STARTED))
OOM=$(grep -c 'OutOfMemoryError' "$APP_DIR/app.log" || true)

REASONS=()
if [ "$FINAL" = - ]; then
    REASONS+=("the live heap could not be read at the end (Gazette running: $ALIVE)")
elif awk -v g="$GROWTH" -v m="$MAX_GROWTH" 'BEGIN { exit !(g > m) }'; then
    REASONS+=("the live heap grew by $GROWTH MB ($BASELINE -> $FINAL MB), more than $MAX_GROWTH MB")
fi
[ ${#UNHEALTHY[@]} -eq 0 ] || REASONS+=("unhealthy during the run: $(printf '%s; ' "${UNHEALTHY[@]}" | sed 's/; $//')")
[ "$FINAL_OK" = yes ] || REASONS+=("/actuator/health did not answer UP within 2 s at the end")
[ "$OOM" = 0 ] || REASONS+=("OutOfMemoryError in the log ($OOM lines)")

REPORT=$(
    echo "## Hostile load of $(date '+%Y-%m-%d %H:%M %Z') (bench/hostile-load.sh)"
    echo
    echo "- Machine: $MACHINE"
    echo "- Gazette revision $REVISION (jar built $JAR_BUILT), $([ $VIA_PROXY = 1 ] && echo 'behind a trusted proxy (127.0.0.1): every X-Forwarded-For a client of its own' || echo 'no trusted proxy: X-Forwarded-For ignored, every request from one client')"
    echo "- $DURATION s per kind at full speed (wrk, $ATTACK_CONNECTIONS connections), one kind after another on one instance; reader: $READERS connections on $ARTICLE"
    echo "- Live heap: jcmd GC.class_histogram (a full collection, then the bytes of the reachable objects)"
    echo "- Load average before $LOAD_BEFORE, after $LOAD_AFTER; the run took $((ELAPSED / 60)) min $((ELAPSED % 60)) s"
    echo "- Spot check with curl: $SPOT"
    echo
    echo "| kind | requests | req/s | timeouts, socket errors | statuses | live heap before MB | after MB | growth MB | full GCs | log lines | healthy (probes UP within 2 s) | reader p99 ms |"
    echo "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---:|"
    printf '%s\n' "${ROWS[@]}"
    echo "| **whole run** | | | | | $BASELINE | $FINAL | $GROWTH | | $(log_lines) | $([ ${#UNHEALTHY[@]} -eq 0 ] && [ "$FINAL_OK" = yes ] && echo yes || echo no) (at the end: $FINAL_OK) | |"
    echo
    echo "\"full GCs\": the full collections during the attack (the heap's, not the measurement's); \"log lines\": what Gazette wrote to its log meanwhile (whole run: all of it)."
    echo
    echo "Per kind, the classes outside the JDK whose live bytes grew most, and the statuses of each variant:"
    echo
    printf '%s\n' "${DETAILS[@]}"
    echo
    if [ ${#REASONS[@]} -eq 0 ]; then
        echo "PASS: the live heap grew by $GROWTH MB (at most $MAX_GROWTH MB allowed) and Gazette stayed healthy throughout."
    else
        echo "FAIL:"
        printf -- '- %s\n' "${REASONS[@]}"
    fi
    echo
)
echo
echo "$REPORT"
echo "$REPORT" >"$WORK/results.md"
[ -z "$RESULTS" ] || echo "$REPORT" >>"$RESULTS"
log "report in $WORK/results.md"
[ ${#REASONS[@]} -eq 0 ]
