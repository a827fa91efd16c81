#!/usr/bin/env bash
# Where a page's time goes: starts Gazette on a fresh database with the posting limits off
# (lib.sh's BENCH_POSTING), fills its hot article with N approved comments (lib.sh's
# fill_article: the desk's import), loads one page with wrk and records it with Java Flight
# Recorder, then prints where the request threads spent their samples: by layer
# (template, database, comment rendering, security, server) and the hottest methods.
#
#   bench/profile.sh [--no-build] [N (default 2000)] [PATH (default: the article page)]
#   bench/profile.sh --analyse RECORDING.jfr      (the same summary of an earlier recording)
#
# PATH "post" records comment posting instead (bench/wrk/post.lua on the article); a
# PATH under /moderation is fetched signed in as the editor.
# Environment: DURATION (s recorded, 20), PENDING (comments in the moderation queue, 0),
# JAVA_OPTS and MALLOC_ARENA_MAX (defaults in lib.sh), GAZETTE_PORT (18080).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# analyse RECORDING: where the request threads' samples went.
analyse() {
    jfr print --events jdk.ExecutionSample --stack-depth 200 "$1" >"$WORK/samples.txt"
    jfr summary "$1" | awk '/jdk.GarbageCollection |jdk.GCPhasePause /' >"$WORK/gc.txt" || true

    awk '
        function bucket(f) {
            if (f ~ /^org\.thymeleaf|^org\.attoparser|^org\.unbescape/) return "Thymeleaf (templates)"
            if (f ~ /^org\.h2/) return "H2 (database engine)"
            if (f ~ /^org\.hibernate|^com\.zaxxer|^org\.springframework\.(orm|data|jdbc|transaction)/) return "Hibernate, JDBC pool, transactions"
            if (f ~ /^org\.jsoup|CommentRenderer/) return "comment text rendering (CommentRenderer, jsoup)"
            if (f ~ /^io\.micrometer|Observation/) return "metrics and observations (Micrometer)"
            if (f ~ /^org\.springframework\.security/) return "Spring Security"
            if (f ~ /^org\.springframework\.web\.servlet\.resource|^org\.springframework\.core\.io|boot\.loader/) return "static resource lookups (resource chain, jar)"
            if (f ~ /^org\.springframework/) return "Spring MVC and core"
            if (f ~ /^org\.apache/) return "Tomcat"
            if (f ~ /^org\.gazette/) return "Gazette code itself"
            return "other (" f ")"
        }
        /sampledThread = / { web = ($0 ~ /http-nio/) }
        /stackTrace = \[/ { inside = 1; depth = 0; owner = ""; delete seen; next }
        inside && /^[ \t]*\]/ {
            inside = 0
            if (!web) next
            samples++
            layers[(owner == "") ? "JDK only" : owner]++
            next
        }
        inside {
            frame = $0
            sub(/^[ \t]+/, "", frame)
            sub(/\(.*$/, "", frame)
            if (depth == 0 && web) self[frame]++
            depth++
            if (!web) next
            if (owner == "" && frame !~ /^(java|javax|jdk|sun)\./) owner = bucket(frame)
            if (frame in seen) next
            seen[frame] = 1
            total[frame]++
        }
        END {
            printf "samples\t%d\n", samples > (out "/count")
            for (l in layers) printf "%.1f%%\t%s\n", 100 * layers[l] / samples, l > (out "/layers")
            for (f in self) printf "%.1f%%\t%s\n", 100 * self[f] / samples, f > (out "/self")
            for (f in total) if (f ~ /^org\.gazette/) printf "%.1f%%\t%s\n", 100 * total[f] / samples, f > (out "/gazette")
        }
    ' out="$WORK" "$WORK/samples.txt"
    printf '\nSamples on request threads: %s\n' "$(cut -f2 "$WORK/count")"
    printf '\nBy layer (each sample goes to the library of its innermost frame outside the JDK):\n'
    sort -rn "$WORK/layers" | sed 's/^/  /'
    printf '\nHottest methods, self time:\n'
    sort -rn "$WORK/self" | head -n 20 | sed 's/^/  /' || true
    printf '\nGazette methods, including what they call:\n'
    sort -rn "$WORK/gazette" | head -n 20 | sed 's/^/  /' || true
    echo
    echo "Garbage collection during the recording (count, total):"
    cat "$WORK/gc.txt"
}

if [ "${1:-}" = --analyse ]; then
    WORK=$(mktemp -d /tmp/gazette-profile.XXXXXX)
    analyse "$2"
    exit 0
fi

BUILD=1
if [ "${1:-}" = --no-build ]; then
    BUILD=0
    shift
fi
N=${1:-2000}
PAGE=${2:-}
: "${DURATION:=20}" "${PENDING:=0}"
THREADS=2
CONNECTIONS=16
PORT=${GAZETTE_PORT:-18080}
BASE="http://127.0.0.1:$PORT"
EDITOR_PASSWORD="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
WORK=$(mktemp -d /tmp/gazette-profile.XXXXXX)
APP_PID=
trap 'stop_gazette; rm -rf "$WORK"/*/data' EXIT

ensure_tools
build_jar
require_generator
start_gazette profile "${BENCH_POSTING[@]}"
fill_article "$N" "$PENDING" "$N"
ARTICLE="/articles/$HOT_SLUG"
if [ "$PAGE" = post ]; then
    PAGE="$ARTICLE/comments"
    LOAD=(-s "$BENCH_DIR/wrk/post.lua" "$BASE$PAGE" -- "$BASE" profile)
elif [[ "$PAGE" == /moderation* ]]; then
    # The desk: sign in first (the CSRF token comes from the sign-in form).
    jar="$WORK/cookies.txt"
    csrf=$(curl -s -c "$jar" "$BASE/login" | tr '>' '\n' | grep 'name="_csrf"' \
        | sed -E 's/.*value="([^"]*)".*/\1/' | sed -n 1p || true)
    curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=editor" \
        --data-urlencode "password=$EDITOR_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
    LOAD=(-H "Cookie: JSESSIONID=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -n 1)" "$BASE$PAGE")
else
    PAGE=${PAGE:-$ARTICLE}
    LOAD=("$BASE$PAGE")
fi
log "warming up $PAGE"
wrk -t2 -c16 -d10s "${LOAD[@]}" >/dev/null 2>&1 || true
jcmd "$APP_PID" JFR.start name=page settings=profile filename="$WORK/page.jfr" >/dev/null
wrk_run "$WORK/wrk.txt" -d"${DURATION}s" "${LOAD[@]}"
jcmd "$APP_PID" JFR.stop name=page >/dev/null
log "$PAGE: $(parse_wrk "$WORK/wrk.txt" | awk '{ printf "%s req/s, p50 %s ms, p99 %s ms", $1, $2, $3 }') while recorded"

analyse "$WORK/page.jfr"
log "recording kept in $WORK/page.jfr (open with JDK Mission Control, or: jfr print $WORK/page.jfr)"
