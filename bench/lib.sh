# Shared helpers of the bench/ scripts: tools, building, starting and stopping Gazette as
# a separate process, filling its hot article through the desk's import (fill_article),
# running wrk and reading its figures. Sourced, not run. Only 127.0.0.1 is ever contacted.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The JVM as every script starts Gazette (BENCHMARKS.md has the evidence for each):
# a 160 MB heap, the heap the peak RSS target is met with, committed from the start
# (grown from 32 MB, it took full collections of 136-161 ms while posting on a young
# instance); the parallel collector, whose two threads keep full collections shorter
# than the serial one's; a young generation of fixed size (48 MB) with survivor spaces
# large enough that objects living through a few young collections die there instead
# of filling the old generation (left to itself, the collector shrank them to 4 MB and
# promoted whatever survived one collection: posting promoted twice as much); and at
# most two glibc malloc arenas (MALLOC_ARENA_MAX), so that the memory the JIT compilers
# and the request threads free is reused rather than kept in an arena per thread.
: "${JAVA_OPTS:=-Xmx160m -Xms160m -XX:+UseParallelGC -Xmn48m -XX:SurvivorRatio=4 -XX:-UseAdaptiveSizePolicy}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
ROOT=$(dirname "$BENCH_DIR")
SEED_SLUG=as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe

# The posting limits off, for the scripts that post as fast as they can (bench/wrk/post.lua
# counts a 303 with the comment published): every comment approved at once, no flood
# control, no rate limit. Every other rule of the posting flow still runs. Scripts pass
# these to start_gazette; a cluster's nodes get them as environment variables.
BENCH_POSTING=(--gazette.moderation.mode=none --gazette.comments.flood-interval=0s
    --gazette.comments.rate-limit.enabled=false)

log() {
    printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

die() {
    log "ERROR: $*"
    exit 1
}

# ensure_tools [TOOL...]: the tools (wrk, nginx and curl unless named) from Debian's
# packages, installed when absent (needs root).
ensure_tools() {
    local missing=() tool
    [ $# -gt 0 ] || set -- wrk nginx curl
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { [ "$tool" = nginx ] && [ -x /usr/sbin/nginx ]; } || missing+=("$tool")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        if [ "$(id -u)" -ne 0 ]; then
            die "missing ${missing[*]}: install with 'sudo apt-get install -y ${missing[*]}'"
        fi
        log "installing ${missing[*]} from Debian's packages"
        apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}" >/dev/null \
            || { apt-get update -q >/dev/null && apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}" >/dev/null; } \
            || die "could not install ${missing[*]}"
    fi
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
    command -v java >/dev/null || die "java (17 or later) is not on the PATH"
}

port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Builds the jar (unless BUILD=0; the build compiles the tests too, where fill_article's
# generator lives) and copies it into the work directory, so that a rebuild during the
# run cannot change what is measured.
build_jar() {
    if [ "${BUILD:-1}" = 1 ]; then
        log "building the jar (./mvnw -q -DskipTests package)"
        (cd "$ROOT" && ./mvnw -q -B -DskipTests package) || die "the build failed"
    fi
    local jar
    jar=$(ls "$ROOT"/target/gazette-*.jar 2>/dev/null | grep -v -- '-plain' | sed -n 1p || true)
    [ -n "$jar" ] || die "no jar in $ROOT/target: run without --no-build"
    cp "$jar" "$WORK/gazette.jar"
    JAR_BUILT=$(date -r "$jar" '+%Y-%m-%d %H:%M')
    prepare_launch
}

# measured_instance NAME DEFAULT_PORT JAR: the set-up of the one-figure scripts
# (post-cpu.sh, queue-cpu.sh, page-cpu.sh): a work directory with a copy of JAR laid out
# for launch, the port (GAZETTE_PORT or DEFAULT_PORT), 16 connections on 2 wrk threads,
# and an editor password of its own; stops Gazette on exit.
measured_instance() {
    PORT=${GAZETTE_PORT:-$2}; BASE="http://127.0.0.1:$PORT"; THREADS=2; CONNECTIONS=16
    EDITOR_PASSWORD="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
    require_generator
    WORK=$(mktemp -d "/tmp/gazette-$1.XXXXXX")
    cp "$3" "$WORK/gazette.jar"
    prepare_launch
    APP_PID=
    trap 'stop_gazette; rm -rf "$WORK"/*/data' EXIT
}

# Lays the jar out as Spring Boot recommends for production (extracted, so that the
# JVM can map its classes from a class-data sharing archive) and trains that archive
# once: a start of the application that exits when the context is refreshed, on a
# throwaway database. Sets LAUNCH (the java arguments that run Gazette). CDS=0 runs
# the packaged jar as it is instead.
prepare_launch() {
    if [ "${CDS:-1}" = 0 ]; then
        LAUNCH=(-jar "$WORK/gazette.jar")
        return
    fi
    log "extracting the jar and training its class-data sharing archive"
    rm -rf "$WORK/app" "$WORK/cds-training"
    java -Djarmode=tools -jar "$WORK/gazette.jar" extract --destination "$WORK/app" >/dev/null \
        || die "could not extract the jar"
    mkdir -p "$WORK/cds-training"
    # shellcheck disable=SC2086
    (cd "$WORK/cds-training" && java $JAVA_OPTS -XX:ArchiveClassesAtExit="$WORK/app/gazette.jsa" \
        -Dspring.context.exit=onRefresh -jar "$WORK/app/gazette.jar" --server.port=0 --management.server.port=0 \
        --gazette.editor.password="training-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')") \
        >"$WORK/cds-training/training.log" 2>&1 || die "the CDS training run failed; see $WORK/cds-training/training.log"
    rm -rf "$WORK/cds-training/data"
    [ -s "$WORK/app/gazette.jsa" ] || die "no CDS archive was written; see $WORK/cds-training/training.log"
    LAUNCH=(-XX:SharedArchiveFile="$WORK/app/gazette.jsa" -jar "$WORK/app/gazette.jar")
}

# start_gazette NAME [ARGS...]: starts the jar as its own process with its working
# directory (and so its H2 database, ./data) in $WORK/NAME; waits for /actuator/health
# to say UP. Sets APP_PID, APP_DIR, HEALTHY_MS.
start_gazette() {
    launch_gazette "$@"
    await_gazette "$1"
}

# launch_gazette NAME [ARGS...]: the start of start_gazette, without the wait: Gazette on
# $PORT, its public origin SITE_URL (default $BASE, the node itself), its output in
# $WORK/NAME/app.log. Sets APP_PID, APP_DIR, LAUNCHED_NS.
launch_gazette() {
    local name=$1
    shift
    APP_DIR="$WORK/$name"
    mkdir -p "$APP_DIR"
    port_free "$PORT" || die "port $PORT is taken${PORT_HINT:-: set GAZETTE_PORT}"
    LAUNCHED_NS=$(date +%s%N)
    # shellcheck disable=SC2086
    (cd "$APP_DIR" && exec java $JAVA_OPTS "${LAUNCH[@]}" --server.port="$PORT" --management.server.port=0 \
        --gazette.base-url="${SITE_URL:-$BASE}" --gazette.editor.password="$EDITOR_PASSWORD" "$@") \
        </dev/null >"$APP_DIR/app.log" 2>&1 &
    APP_PID=$!
}

# await_gazette NAME: waits until the Gazette just launched (APP_PID on $BASE) says UP on
# /actuator/health, at most 180 s. Sets HEALTHY_MS.
await_gazette() {
    local now
    until curl -fs -m 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
        kill -0 "$APP_PID" 2>/dev/null || die "Gazette exited during start-up; see $APP_DIR/app.log"
        now=$(date +%s%N)
        [ $(((now - LAUNCHED_NS) / 1000000000)) -lt 180 ] || die "Gazette was not healthy after 180 s; see $APP_DIR/app.log"
        sleep 0.05
    done
    HEALTHY_MS=$((($(date +%s%N) - LAUNCHED_NS) / 1000000))
    log "Gazette ($1, pid $APP_PID) healthy after ${HEALTHY_MS} ms"
}

GENERATOR_CLASSES="$ROOT/target/test-classes"

# Dies unless the checkout's compiled tests hold fill_article's generator.
require_generator() {
    [ -f "$GENERATOR_CLASSES/org/gazette/exchange/HotArticleExport.class" ] \
        || die "no $GENERATOR_CLASSES/org/gazette/exchange/HotArticleExport.class: the hot article's generator is test code; build the checkout first (./mvnw -q -DskipTests package compiles it)"
}

# fill_article APPROVED PENDING SEED [ID_OFFSET [EARLIER_FILE]]: fills the hot article of
# the Gazette on $BASE as a newsroom brings comments in: the test-scope generator
# (org.gazette.exchange.HotArticleExport) writes a WordPress export under $WORK (one
# published post, APPROVED approved comments threaded like a real discussion, then
# PENDING pending ones; SEED makes it reproducible), the editor (EDITOR_PASSWORD) signs in
# and uploads it through the desk's import, and the job is followed until it ends
# (FILL_TIMEOUT s, 900). A second fill of the same article adds to it: ID_OFFSET at least
# the first file's comment count, and its file (FILL_FILE of the first fill) as
# EARLIER_FILE so that its replies answer the comments there. Sets FILL_FILE, HOT_SLUG
# (the article's slug) and FILL_SUMMARY (counts, time and rate of the import).
fill_article() {
    local approved=$1 pending=$2 seed=$3 offset=${4:-0} earlier=${5:-}
    local jar="$WORK/fill-cookies.txt" made csrf answer action headers job json state waited=0 created threads took
    require_generator
    FILL_FILE="$WORK/fill-$approved-$pending-$seed-$offset.xml"
    made=$(java -cp "$GENERATOR_CLASSES" org.gazette.exchange.HotArticleExport "$FILL_FILE" "$approved" "$pending" \
        "$seed" "$offset" ${earlier:+"$earlier"}) || die "the generator could not write $FILL_FILE"
    HOT_SLUG=$(sed -n 's/.*, slug \([a-z0-9-]*\):.*/\1/p' <<<"$made")
    [ -n "$HOT_SLUG" ] || die "the generator named no slug: $made"
    rm -f "$jar"
    csrf=$(curl -s -c "$jar" "$BASE/login" | tr '>' '\n' | grep 'name="_csrf"' | sed -E 's/.*value="([^"]*)".*/\1/' | sed -n 1p || true)
    answer=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" --data-urlencode "username=editor" \
        --data-urlencode "password=$EDITOR_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login" || true)
    [[ "$answer" == 302* && "$answer" != *error* ]] || die "the editor could not sign in on $BASE to import ($answer)"
    # The form sends its CSRF token in its action's query (the upload is read as it streams).
    action=$(curl -s -b "$jar" -c "$jar" "$BASE/moderation/articles/import" | tr '\n' ' ' \
        | grep -o '<form class="import-form"[^>]*>' | sed -E 's/.* action="([^"]*)".*/\1/' | sed 's/&amp;/\&/g' || true)
    [[ "$action" == /moderation/articles/import* ]] || die "no import form on $BASE/moderation/articles/import"
    headers="$WORK/fill-upload.txt"
    answer=$(curl -s -o /dev/null -D "$headers" -w '%{http_code}' -b "$jar" -c "$jar" \
        -F "file=@$FILL_FILE;type=text/xml" "$BASE$action" || true)
    job=$(tr -d '\r' <"$headers" 2>/dev/null | sed -n 's/^[Ll]ocation: .*#job-\([0-9]*\)$/\1/p' || true)
    [ "$answer" = 303 ] && [ -n "$job" ] || die "the desk refused the upload of $FILL_FILE (HTTP $answer); see $headers"
    while :; do
        json=$(curl -s -b "$jar" "$BASE/moderation/articles/import/jobs/$job" || true)
        state=$(grep -o '"state":"[a-z]*"' <<<"$json" | sed 's/.*:"\(.*\)"/\1/' || true)
        case $state in
            done) break ;;
            running) ;;
            *) die "import job $job of $FILL_FILE ended ${state:-in no known state}: $(grep -o '"message":"[^"]*' <<<"$json" | sed 's/"message":"//' || true) ($json)" ;;
        esac
        [ $waited -lt $((${FILL_TIMEOUT:-900} * 4)) ] || die "import job $job was still running after ${FILL_TIMEOUT:-900} s"
        sleep 0.25
        waited=$((waited + 1))
    done
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/articles/$HOT_SLUG")" = 200 ] \
        || die "the hot article is not at $BASE/articles/$HOT_SLUG (another article took its slug?)"
    created=$(grep -o '"  comments created: [^;"]*' <<<"$json" | sed 's/.*created: //' || true)
    threads=$(sed -n 's/.*), \([0-9]* replies, nested [0-9]* deep\).*/\1/p' <<<"$made")
    took=$(grep -o '"  in [^"]*"' <<<"$json" | sed 's/^"  //; s/"$//' || true)
    FILL_SUMMARY="${created:-no} comments ($threads) imported through the desk ${took:-(no time reported)}"
    log "filled /articles/$HOT_SLUG: $FILL_SUMMARY"
}

# The JVM's peak resident set so far (VmHWM), in MB.
peak_rss_mb() {
    awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0
}

# Reads the peak RSS, then stops Gazette gracefully (SIGTERM) and waits for it. Sets PEAK_MB.
stop_gazette() {
    [ -n "${APP_PID:-}" ] || return 0
    PEAK_MB=$(peak_rss_mb)
    kill -TERM "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
}

# wrk_run OUT WRK-ARGS...: one wrk run at the set connections and threads, --latency,
# waiting up to 10 s for an answer (wrk's default, 2 s, would drop the slowest from the
# percentiles and count them as timeouts only).
wrk_run() {
    local out=$1
    shift
    wrk -t"$THREADS" -c"$CONNECTIONS" --latency --timeout 10s "$@" >"$out" 2>&1 || true
}

# parse_wrk FILE: "requests/s p50-ms p99-ms non-2xx/3xx socket-errors requests"
parse_wrk() {
    awk '
        function ms(v,   n) {
            n = v
            if (v ~ /us$/) { sub(/us$/, "", n); return n / 1000 }
            if (v ~ /ms$/) { sub(/ms$/, "", n); return n + 0 }
            if (v ~ /m$/)  { sub(/m$/, "", n);  return n * 60000 }
            if (v ~ /s$/)  { sub(/s$/, "", n);  return n * 1000 }
            return n + 0
        }
        /Requests\/sec:/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        /Non-2xx or 3xx responses:/ { non = $5 }
        /Socket errors:/ { gsub(/,/, ""); errs = $4 + $6 + $8 + $10 }
        /requests in/ { req = $1 }
        END { printf "%.1f %.2f %.2f %d %d %d\n", rps, p50, p99, non, errs, req }
    ' "$1"
}

# probe URL [CURL-ARGS...]: "status bytes" of one request, bytes as sent (PROBE_ARGS, e.g.
# -H "Accept-Encoding: gzip", come first; curl decompresses nothing without --compressed).
probe() {
    local url=$1
    shift
    curl -s -o /dev/null -w '%{http_code} %{size_download}\n' ${PROBE_ARGS[@]+"${PROBE_ARGS[@]}"} "$@" "$url" || echo "000 0"
}

machine_summary() {
    local cpu mem jvm
    cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
    mem=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
    jvm=$(java -version 2>&1 | sed -n 2p)
    printf '%s cores (%s), %s memory; %s; JAVA_OPTS=%s, MALLOC_ARENA_MAX=%s; %s' "$(nproc)" "$cpu" "$mem" "$jvm" \
        "$JAVA_OPTS" "$MALLOC_ARENA_MAX" \
        "$([ "${CDS:-1}" = 0 ] && echo 'packaged jar' || echo 'extracted jar with a CDS archive')"
}

load_average() {
    cut -d' ' -f1-3 /proc/loadavg
}

git_revision() {
    (cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null && { git diff --quiet HEAD 2>/dev/null || echo "+uncommitted"; }) \
        | tr -d '\n' || echo unknown
}

CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)

# cpu_ticks PID...: user + system processor time the processes have used, in clock ticks.
cpu_ticks() {
    local total=0 pid
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
    done
    echo "$total"
}

# cpu_measured_run DURATION WRK-ARGS...: 10 s of warm-up, then DURATION seconds of wrk at
# the set connections (recorded with Java Flight Recorder into $JFR when set), with the
# Gazette process's CPU time read around it. Sets RPS P50 P99 NON ERRS REQ (parse_wrk),
# CPU_MS (ms of CPU per request), LOAD_FROM and LOAD_TO (load averages).
cpu_measured_run() {
    local duration=$1 c0 c1
    shift
    wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "$@" >/dev/null 2>&1 || true
    c0=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
    LOAD_FROM=$(cut -d' ' -f1 /proc/loadavg)
    [ -z "${JFR:-}" ] || jcmd "$APP_PID" JFR.start name=p settings=profile filename="$JFR" >/dev/null
    wrk_run "$WORK/wrk.txt" -d"${duration}s" "$@"
    [ -z "${JFR:-}" ] || jcmd "$APP_PID" JFR.stop name=p >/dev/null
    c1=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
    LOAD_TO=$(cut -d' ' -f1-3 /proc/loadavg)
    read -r RPS P50 P99 NON ERRS REQ < <(parse_wrk "$WORK/wrk.txt")
    CPU_MS=$(echo "($c1 - $c0) * 1000 / $(getconf CLK_TCK) / $REQ" | bc -l)
}
