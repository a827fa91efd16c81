#!/usr/bin/env bash
# Gazette's benchmark (issue 5). Builds the jar, starts Gazette as a separate process
# on a fresh database for each size with the posting limits off (lib.sh's BENCH_POSTING),
# fills its hot article through the desk's import of a generated WordPress export
# (lib.sh's fill_article), and measures that article with wrk (keep-alive, 16
# connections, 2 threads), each figure alternating with nginx serving a saved copy of
# the same response bytes. Every figure is measured as browsers ask, with
# "Accept-Encoding: gzip" (nginx serves the saved gzip bytes with gzip_static), and the
# pages also without it, as a second column. Prints a markdown table and appends it to
# bench/results.md.
#
#   bench/run.sh              full run: N = 200, 2,000 and 20,000 (about 15 minutes)
#   bench/run.sh --quick      N = 200 and 2,000, shorter measurements (about 5 minutes)
#   bench/run.sh --postgresql the same on PostgreSQL (a server of its own, started with
#                             deploy/cluster.sh database; a fresh database per instance;
#                             synchronous_commit on, as PostgreSQL ships)
#
# Options:   --no-build           use the jar already in target/
#            --sizes "200 2000"   the comment counts to measure
#            --results FILE       where to append the results (default bench/results.md)
# Environment: JAVA_OPTS and MALLOC_ARENA_MAX (defaults in lib.sh), GAZETTE_PORT (18080), NGINX_PORT (18081),
#            DURATION (s per measurement and round), ROUNDS, WARMUP (s), PENDING (10000),
#            CONNECTIONS (16), THREADS (2), QUEUE_AT (the sizes at which the moderation
#            queue is filled with PENDING comments and measured: the largest by default, or "all")
# Only 127.0.0.1 is contacted. Needs java 17+, curl, wrk and nginx (installed from
# Debian's packages when absent and run as root).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

QUICK=0
POSTGRESQL=0
BUILD=1
SIZES=
RESULTS="$BENCH_DIR/results.md"
while [ $# -gt 0 ]; do
    case $1 in
        --quick) QUICK=1 ;;
        --postgresql) POSTGRESQL=1 ;;
        --no-build) BUILD=0 ;;
        --sizes) SIZES=$2; shift ;;
        --results) RESULTS=$2; shift ;;
        -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
if [ $QUICK = 1 ]; then
    : "${DURATION:=3}" "${ROUNDS:=1}" "${WARMUP:=2}"
    SIZES=${SIZES:-"200 2000"}
else
    : "${DURATION:=5}" "${ROUNDS:=2}" "${WARMUP:=3}"
    SIZES=${SIZES:-"200 2000 20000"}
fi
: "${PENDING:=10000}" "${CONNECTIONS:=16}" "${THREADS:=2}"
# The queue does not depend on N: by default it is filled and measured at the largest N only.
: "${QUEUE_AT:=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -n 1)}"
PORT=${GAZETTE_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
BASE="http://127.0.0.1:$PORT"
NBASE="http://127.0.0.1:$NGINX_PORT"
EDITOR_PASSWORD="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"

WORK=$(mktemp -d /tmp/gazette-bench.XXXXXX)
chmod 755 "$WORK" # nginx's workers (www-data) read the saved copies
WWW="$WORK/nginx/www"
TSV="$WORK/figures.tsv"
INSTANCES="$WORK/instances.tsv"
APP_PID=
NGINX_PID=
: >"$TSV"
: >"$INSTANCES"

cleanup() {
    stop_gazette
    [ $POSTGRESQL = 0 ] || "$ROOT/deploy/cluster.sh" stop --run-dir "$WORK/postgres" >/dev/null 2>&1 || true
    if [ -n "$NGINX_PID" ]; then
        kill -QUIT "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"/*/data
    log "logs and raw wrk output kept in $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_nginx() {
    port_free "$NGINX_PORT" || die "port $NGINX_PORT is taken: set NGINX_PORT"
    mkdir -p "$WWW" "$WORK/nginx/tmp"
    sed -e "s#@PREFIX@#$WORK/nginx#g" -e "s#@PORT@#$NGINX_PORT#g" "$BENCH_DIR/nginx.conf.template" \
        >"$WORK/nginx/nginx.conf"
    # A small static file, for the 304 comparison: about the size of a 304's headers.
    head -c 200 /dev/zero | tr '\0' 'x' >"$WWW/small.html"
    "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" &
    NGINX_PID=$!
    local tries=0
    until curl -fs -o /dev/null "$NBASE/small.html"; do
        kill -0 "$NGINX_PID" 2>/dev/null || die "nginx did not start; see $WORK/nginx/error.log"
        tries=$((tries + 1))
        [ $tries -lt 100 ] || die "nginx did not answer"
        sleep 0.1
    done
    log "nginx (pid $NGINX_PID) serving $WWW on $NBASE"
}

# With --postgresql: the server, started once for the run.
start_database() {
    [ $POSTGRESQL = 1 ] || return 0
    "$ROOT/deploy/cluster.sh" database --run-dir "$WORK/postgres" --pg-port "${BENCH_PG_PORT:-18399}" >/dev/null \
        || die "PostgreSQL did not start"
    # shellcheck disable=SC1091
    source "$WORK/postgres/secrets.env"
    PG_JDBC="jdbc:postgresql://127.0.0.1:${BENCH_PG_PORT:-18399}"
    PG_VERSION=$(PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -p "${BENCH_PG_PORT:-18399}" -U gazette -d gazette -tAc \
        "SELECT current_setting('server_version') || ', synchronous_commit ' || current_setting('synchronous_commit') || ', fsync ' || current_setting('fsync')")
    log "PostgreSQL $PG_VERSION"
}

# database_args NAME: the settings that put instance NAME on a database of its own: H2
# in its directory (nothing to add), or with --postgresql the database bench_NAME, made
# when first asked for (the queue's instance starts again on the data of the one before).
database_args() {
    [ $POSTGRESQL = 1 ] || return 0
    local db="bench_$1"
    if ! PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -p "${BENCH_PG_PORT:-18399}" -U gazette -d gazette -tAc \
            "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
        PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -p "${BENCH_PG_PORT:-18399}" -U gazette -d gazette -qc \
            "CREATE DATABASE $db" >&2 || die "could not create the database $db"
    fi
    echo "--spring.datasource.url=$PG_JDBC/$db --spring.datasource.username=gazette --spring.datasource.password=$DB_PASSWORD"
}

nginx_workers() {
    ps -o pid= --ppid "$NGINX_PID" | tr '\n' ' '
}

# Processor time per request, in microseconds, of a set of wrk runs (FILE.txt with FILE.cpu).
cpu_per_request() {
    local ticks=0 requests=0 f
    for f in "$@"; do
        ticks=$((ticks + $(cat "${f%.txt}.cpu")))
        requests=$((requests + $(parse_wrk "$f" | awk '{ print $6 }')))
    done
    awk -v t="$ticks" -v r="$requests" -v hz="$CLK_TCK" 'BEGIN { if (r > 0) printf "%.0f", t * 1000000 / hz / r; else print "-" }'
}

# Saves the body of a Gazette response as a file nginx serves, plain and, beside it as
# NAME.gz, the gzip bytes Gazette sends a browser (served by nginx's gzip_static).
save_copy() {
    curl -s -o "$WWW/$2" "${@:3}" "$BASE$1"
    curl -s -o "$WWW/$2.gz" -H "$ACCEPT_GZIP" "${@:3}" "$BASE$1"
    gzip -t "$WWW/$2.gz" 2>/dev/null || die "Gazette did not answer $1 with gzip"
}

# Mean requests/s and p50, worst p99, summed errors of a set of wrk outputs.
aggregate() {
    for f in "$@"; do parse_wrk "$f"; done | awk '
        { r += $1; p50 += $2; if ($3 > p99) p99 = $3; non += $4; err += $5; req += $6; n++ }
        END { printf "%.1f\t%.2f\t%.2f\t%d\t%d\t%d", r / n, p50 / n, p99, non, err, req }'
}

# compare KEY N WHAT STATUS BYTES GAZETTE-ARRAY [BASELINE-ARRAY...]
# Measures with browsers' "Accept-Encoding: gzip" (rows KEY) and, unless PLAIN_TOO=0,
# once more without it (rows KEY~plain, the report's second column).
declare -A LABEL
ACCEPT_GZIP="Accept-Encoding: gzip"
PROBE_ARGS=(-H "$ACCEPT_GZIP")
PLAIN_TOO=1
compare() {
    CODING_ARGS=(-H "$ACCEPT_GZIP")
    compare_coded "$@"
    [ "$PLAIN_TOO" = 1 ] || return 0
    local key=$1
    shift
    CODING_ARGS=()
    compare_coded "$key~plain" "$@"
}

# compare_coded KEY N WHAT STATUS BYTES GAZETTE-ARRAY [BASELINE-ARRAY...]
# Warms Gazette up, then runs Gazette and each baseline in turn, ROUNDS times
# (Gazette, nginx, Gazette, nginx ...), each with CODING_ARGS, and records one row per baseline.
compare_coded() {
    local key=$1 n=$2 what=$3 status=$4 bytes=$5 gname=$6
    shift 6
    local dir="$WORK/wrk/${key/\~/-}" r i b
    mkdir -p "$dir"
    local -a gargs ba
    eval "gargs=(\"\${CODING_ARGS[@]}\" \"\${${gname}[@]}\")"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${gargs[@]}" >/dev/null 2>&1 || true
    local before workers
    workers=$(nginx_workers)
    for r in $(seq 1 "$ROUNDS"); do
        before=$(cpu_ticks "$APP_PID")
        wrk_run "$dir/g$r.txt" -d"${DURATION}s" "${gargs[@]}"
        echo $(($(cpu_ticks "$APP_PID") - before)) >"$dir/g$r.cpu"
        i=0
        for b in "$@"; do
            i=$((i + 1))
            eval "ba=(\"\${CODING_ARGS[@]}\" \"\${${b}[@]}\")"
            # shellcheck disable=SC2086
            before=$(cpu_ticks $workers)
            wrk_run "$dir/b$i-$r.txt" -d"${DURATION}s" "${ba[@]}"
            # shellcheck disable=SC2086
            echo $(($(cpu_ticks $workers) - before)) >"$dir/b$i-$r.cpu"
        done
    done
    local g gcpu
    g=$(aggregate "$dir"/g*.txt)
    gcpu=$(cpu_per_request "$dir"/g*.txt)
    if [ $# -eq 0 ]; then
        printf '%s\t%s\t%s\t%s\t%s\t%s\t-\t-\t-\t-\t-\t%s\t-\t-\n' "$key" "$n" "$what" "$status" "$bytes" "$g" "$gcpu" >>"$TSV"
    fi
    i=0
    for b in "$@"; do
        i=$((i + 1))
        local bs ratio bcpu cpuratio
        bs=$(aggregate "$dir"/b$i-*.txt | cut -f1-3)
        ratio=$(awk -v g="${g%%$'\t'*}" -v b="${bs%%$'\t'*}" 'BEGIN {
            if (b <= 0) print "-"; else if (100 * g / b < 1) printf "%.2f%%", 100 * g / b; else printf "%.1f%%", 100 * g / b }')
        bcpu=$(cpu_per_request "$dir"/b$i-*.txt)
        cpuratio=$(awk -v g="$gcpu" -v b="$bcpu" 'BEGIN {
            if (g <= 0 || b <= 0) print "-"; else if (100 * b / g < 1) printf "%.2f%%", 100 * b / g; else printf "%.1f%%", 100 * b / g }')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$key" "$n" "$what" "$status" "$bytes" "$g" \
            "${LABEL[$b]}" "$bs" "$ratio" "$gcpu" "$bcpu" "$cpuratio" >>"$TSV"
    done
    log "$what (N=$n): $(printf '%s' "$g" | awk -F'\t' '{ printf "%s req/s, p50 %s ms, p99 %s ms, non-2xx/3xx %s, socket errors %s", $1, $2, $3, $4, $5 }')$( [ $# -gt 0 ] && printf '; vs %s: %s' "${LABEL[$1]}" "$(tail -n $# "$TSV" | head -n 1 | cut -f16)")"
}

record_instance() {
    printf '%s\t%s\t%s\t%s\n' "$1" "$HEALTHY_MS" "$PEAK_MB" "${FILL_SUMMARY:--}" >>"$INSTANCES"
}

# The editors' session: signs in with curl (CSRF token from the sign-in form). Sets SESSION.
sign_in() {
    local jar="$WORK/cookies-$1.txt" csrf
    rm -f "$jar"
    csrf=$(curl -s -c "$jar" "$BASE/login" | tr '>' '\n' | grep 'name="_csrf"' | sed -E 's/.*value="([^"]*)".*/\1/' | sed -n 1p || true)
    curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=editor" \
        --data-urlencode "password=$EDITOR_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
    SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -n 1 || true)
}

# The last page of a paged listing that answers 200, found by doubling then halving.
last_page() {
    local url=$1 cookie=$2 low=1 high=2 mid
    while [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "$url&page=$high")" = 200 ]; do
        low=$high
        high=$((high * 2))
        [ $high -lt 1000000 ] || break
    done
    while [ $((high - low)) -gt 1 ]; do
        mid=$(((low + high) / 2))
        if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "$url&page=$mid")" = 200 ]; then
            low=$mid
        else
            high=$mid
        fi
    done
    echo "$low"
}

# The article page with 200 approved comments, every one shown (page size 200).
measure_page_size_200() {
    log "== the article page with 200 comments, page size 200"
    FILL_SUMMARY=
    # shellcheck disable=SC2046
    start_gazette p200 $(database_args p200) "${BENCH_POSTING[@]}" --gazette.comments.page-size=200
    fill_article 200 0 200
    local slug=$HOT_SLUG shown
    save_copy "/articles/$slug" "p200.html"
    shown=$(grep -o 'id="comment-[0-9]*"' "$WWW/p200.html" | sort -u | wc -l || true)
    read -r status bytes < <(probe "$BASE/articles/$slug")
    G_P200=("$BASE/articles/$slug")
    N_P200=("$NBASE/p200.html")
    LABEL[N_P200]="nginx, same bytes"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((WARMUP * 2))s" -H "$ACCEPT_GZIP" "${G_P200[@]}" >/dev/null 2>&1 || true
    compare p200 200 "article page, all 200 comments shown ($shown on the page)" "$status" "$bytes" G_P200 N_P200
    stop_gazette
    record_instance "N=200, page size 200"
}

measure_size() {
    local n=$1 slug status bytes last etag first_fill
    log "== N = $n approved comments"
    FILL_SUMMARY=
    # shellcheck disable=SC2046
    start_gazette "n$n" $(database_args "n$n") "${BENCH_POSTING[@]}"
    fill_article "$n" 0 "$n"
    first_fill=$FILL_FILE
    slug=$HOT_SLUG
    local article="/articles/$slug"

    # The first comment page (page size 50).
    save_copy "$article" "p1-$n.html"
    read -r status bytes < <(probe "$BASE$article")
    eval "G_P1_$n=(\"\$BASE\$article\")"
    eval "N_P1_$n=(\"\$NBASE/p1-$n.html\")"
    LABEL[N_P1_$n]="nginx, same bytes"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((WARMUP * 3))s" -H "$ACCEPT_GZIP" "$BASE$article" >/dev/null 2>&1 || true
    compare "p1-$n" "$n" "article page, first comment page" "$status" "$bytes" "G_P1_$n" "N_P1_$n"

    # The last comment page.
    last=$(grep -o "$article?page=[0-9]*" "$WWW/p1-$n.html" | sed 's/.*page=//' | sort -n | tail -n 1 || true)
    last=${last:-1}
    save_copy "$article?page=$last" "last-$n.html"
    read -r status bytes < <(probe "$BASE$article?page=$last")
    eval "G_LAST_$n=(\"\$BASE\$article?page=\$last\")"
    eval "N_LAST_$n=(\"\$NBASE/last-$n.html\")"
    LABEL[N_LAST_$n]="nginx, same bytes"
    compare "last-$n" "$n" "article page, last comment page (page $last)" "$status" "$bytes" "G_LAST_$n" "N_LAST_$n"

    # The front page.
    save_copy "/" "front-$n.html"
    read -r status bytes < <(probe "$BASE/")
    eval "G_FRONT_$n=(\"\$BASE/\")"
    eval "N_FRONT_$n=(\"\$NBASE/front-$n.html\")"
    LABEL[N_FRONT_$n]="nginx, same bytes"
    compare "front-$n" "$n" "front page" "$status" "$bytes" "G_FRONT_$n" "N_FRONT_$n"

    # A conditional GET of the article page with the ETag it was served with.
    etag=$(curl -s -D - -o /dev/null -H "$ACCEPT_GZIP" "$BASE$article" | awk -F': ' 'tolower($1) == "etag" { sub(/\r$/, "", $2); print $2 }')
    local ngetag
    ngetag=$(curl -s -D - -o /dev/null "$NBASE/small.html" | awk -F': ' 'tolower($1) == "etag" { sub(/\r$/, "", $2); print $2 }')
    local what="article page, conditional GET with its ETag"
    if [ -z "$etag" ]; then
        etag='W/"no-etag-served"'
        what="article page, conditional GET (no ETag served: If-None-Match $etag)"
    fi
    read -r status bytes < <(probe "$BASE$article" -H "If-None-Match: $etag")
    eval "G_304_$n=(-H \"If-None-Match: \$etag\" \"\$BASE\$article\")"
    # The 304 is for the gzip representation's tag: only the gzip measurement asks with it.
    PLAIN_TOO=0
    N_SMALL=("$NBASE/small.html")
    LABEL[N_SMALL]="nginx, 200-byte static file"
    N_304=(-H "If-None-Match: $ngetag" "$NBASE/small.html")
    LABEL[N_304]="nginx's own 304"
    compare "304-$n" "$n" "$what" "$status" "$bytes" "G_304_$n" N_SMALL N_304
    PLAIN_TOO=1

    # Posting (last: it adds comments). Limits off, mode none; one new comment a request.
    local origin="$BASE"
    read -r status bytes < <(probe "$BASE$article/comments" -H "Origin: $origin" \
        --data-urlencode "comment=A first comment from the benchmark, checking the answer before measuring." \
        --data-urlencode "author=Bench Probe $n" --data-urlencode "email=probe$n@example.com")
    eval "G_POST_$n=(-s \"\$BENCH_DIR/wrk/post.lua\" \"\$BASE\$article/comments\" -- \"\$origin\" \"n$n\")"
    eval "N_POST_$n=(-s \"\$BENCH_DIR/wrk/post.lua\" \"\$NBASE/post\" -- \"\$origin\" \"n$n\")"
    LABEL[N_POST_$n]="nginx answering 303"
    PLAIN_TOO=0 # a 303 without a body: the same with and without Accept-Encoding
    compare "post-$n" "$n" "comment posting (303 = accepted and published)" "$status" "$bytes" "G_POST_$n" "N_POST_$n"
    PLAIN_TOO=1
    stop_gazette
    record_instance "N=$n, fresh database"

    # The same database with the moderation queue filled: the queue, and posting again.
    [ "$PENDING" -gt 0 ] || return 0
    [ "$QUEUE_AT" = all ] || [[ " $QUEUE_AT " == *" $n "* ]] || return 0
    log "== N = $n with $PENDING comments in the moderation queue"
    FILL_SUMMARY=
    # shellcheck disable=SC2046
    start_gazette "n$n" $(database_args "n$n") "${BENCH_POSTING[@]}"
    # A second export of the same post: its comment ids follow the first's, its replies answer them.
    fill_article 0 "$PENDING" "$((n + 1))" "$n" "$first_fill"
    # The moderation queue, signed in, paging through the pending comments.
    sign_in "$n"
    local queue="/moderation?status=pending" cookie="Cookie: JSESSIONID=$SESSION" pages
    read -r status bytes < <(probe "$BASE$queue" -H "$cookie")
    if [ "$status" = 200 ]; then
        pages=$(last_page "$BASE$queue" "$cookie")
        save_copy "$queue" "queue-$n.html" -H "$cookie"
        local -a queue_load=(-H "$cookie" -s "$BENCH_DIR/wrk/pages.lua" "$BASE$queue" -- "$pages" "$queue")
        eval "G_QUEUE_$n=(\"\${queue_load[@]}\")"
        eval "N_QUEUE_$n=(\"\$NBASE/queue-$n.html\")"
        LABEL[N_QUEUE_$n]="nginx, first page's bytes"
        # A page this instance has never served: as long a warm-up as the first article page's.
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((WARMUP * 3))s" -H "$ACCEPT_GZIP" "${queue_load[@]}" >/dev/null 2>&1 || true
        compare "queue-$n" "$n" "moderation queue, $PENDING pending, pages 1-$pages in turn" "$status" "$bytes" \
            "G_QUEUE_$n" "N_QUEUE_$n"
    else
        log "the moderation queue answered $status (session ${SESSION:-none}): not measured"
        printf '%s\t%s\t%s\t%s\t%s\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\n' "queue-$n" "$n" \
            "moderation queue (answered $status signed in: not measured)" "$status" "$bytes" >>"$TSV"
    fi

    eval "G_POSTQ_$n=(-s \"\$BENCH_DIR/wrk/post.lua\" \"\$BASE\$article/comments\" -- \"\$origin\" \"q$n\")"
    read -r status bytes < <(probe "$BASE$article/comments" -H "Origin: $origin" \
        --data-urlencode "comment=A second comment from the benchmark, with the moderation queue full." \
        --data-urlencode "author=Bench Probe $n" --data-urlencode "email=probe$n@example.com")
    PLAIN_TOO=0
    compare "postq-$n" "$n" "comment posting, $PENDING comments pending in the queue" "$status" "$bytes" \
        "G_POSTQ_$n" "N_POST_$n"
    PLAIN_TOO=1
    stop_gazette
    record_instance "N=$n, restarted on the same data, +$PENDING pending"
}

# ---------------------------------------------------------------------------------
ensure_tools
MACHINE=$(machine_summary)
LOAD_BEFORE=$(load_average)
log "machine: $MACHINE; load average $LOAD_BEFORE"
log "work directory $WORK; sizes $SIZES; $ROUNDS round(s) of ${DURATION}s per figure"
build_jar
require_generator
REVISION=$(git_revision)
start_database
start_nginx
STARTED=$(date +%s)
measure_page_size_200
for n in $SIZES; do
    measure_size "$n"
done
LOAD_AFTER=$(load_average)
ELAPSED=$(($(date +%s) - STARTED))

# ---------------------------------------------------------------------------------
# The report.
figure() { # figure KEY COLUMN [BASELINE-LABEL]: one cell of the figures
    awk -F'\t' -v k="$1" -v c="$2" -v b="${3:-}" '$1 == k && (b == "" || $12 == b) { print $c; exit }' "$TSV"
}
verdict() { # verdict VALUE OP LIMIT UNIT: "met" or "not met (by ...)"
    awk -v v="$1" -v op="$2" -v l="$3" -v u="$4" 'BEGIN {
        if (v == "" || v == "-") { print "not measured"; exit }
        ok = (op == ">=") ? (v >= l) : (v < l)
        if (ok) { print "met"; exit }
        if (op == ">=") printf "not met (%.1f%s short, %.0f%% of the target)\n", l - v, u, 100 * v / l
        else printf "not met (%.1f%s over)\n", v - l, u
    }'
}
pct() { printf '%s' "${1%\%}"; }

report() {
    local mode="full"
    [ $QUICK = 1 ] && mode="quick (--quick)"
    echo "## Run of $(date '+%Y-%m-%d %H:%M %Z'): $mode"
    echo
    echo "- Machine: $MACHINE"
    echo "- Gazette revision $REVISION (jar built $JAR_BUILT); wrk -t$THREADS -c$CONNECTIONS, keep-alive, $ROUNDS round(s) of ${DURATION}s per figure after a ${WARMUP}s warm-up, Gazette and nginx alternating; every request with \"$ACCEPT_GZIP\" (nginx: gzip_static, the saved gzip bytes), the pages also without it (last three columns)"
    if [ $POSTGRESQL = 1 ]; then
        echo "- Database: PostgreSQL $PG_VERSION, on this machine, a fresh database per instance"
    else
        echo "- Database: H2 (embedded, file mode), a fresh database per instance"
    fi
    echo "- Load average before $LOAD_BEFORE, after $LOAD_AFTER; the run took $((ELAPSED / 60)) min $((ELAPSED % 60)) s"
    echo
    echo "| N | what | status | bytes (gzip) | req/s | p50 ms | p99 ms | errors | compared with | its req/s | its p99 ms | ratio | CPU µs/req | its CPU µs/req | CPU ratio | no Accept-Encoding: req/s | p99 ms | ratio |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' '
        { rows[NR] = $0 }
        $1 ~ /~plain$/ { k = $1; sub(/~plain$/, "", k); plain[k SUBSEP $12] = $6 "\t" $8 "\t" $16 }
        END {
            for (i = 1; i <= NR; i++) {
                split(rows[i], f, "\t")
                if (f[1] ~ /~plain$/) continue
                err = f[9] + f[10]
                p = ((f[1] SUBSEP f[12]) in plain) ? plain[f[1] SUBSEP f[12]] : "-\t-\t-"
                split(p, q, "\t")
                printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", f[2], f[3], f[4], f[5], f[6], f[7], f[8], err, f[12], f[13], f[15], f[16], f[17], f[18], f[19], q[1], q[2], q[3]
            }
        }' "$TSV"
    echo
    echo "\"ratio\": Gazette's req/s over the baseline's, measured alternately. \"errors\": responses other than 2xx/3xx plus socket errors (timeouts included). \"CPU µs/req\": processor time (user + system, from /proc) the JVM, or nginx's workers, spent per request during the measurement, wrk's own excluded; \"CPU ratio\": the baseline's CPU per request over Gazette's, a cost ratio that a busy machine disturbs less than req/s. Raw wrk output: the run's work directory (logged at the start), wrk/."
    echo
    echo "| instance | time to healthy | peak RSS (VmHWM) | fill (desk import) |"
    echo "|---|---:|---:|---|"
    awk -F'\t' '{ printf "| %s | %.1f s | %s MB | %s |\n", $1, $2 / 1000, $3, $4 }' "$INSTANCES"
    echo
    local largest smallest
    smallest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | head -n 1)
    largest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -n 1)
    local r200 p99_200 r200plain p1_small p1_large scale worst304 worstpost worstpostp99 worstqueue maxrss maxstart
    r200=$(pct "$(figure p200 16)")
    p99_200=$(figure p200 8)
    r200plain=$(pct "$(figure "p200~plain" 16)")
    p1_small=$(figure "p1-$smallest" 6)
    p1_large=$(figure "p1-$largest" 6)
    scale=$(awk -v a="$p1_large" -v b="$p1_small" 'BEGIN { if (b > 0) printf "%.1f", 100 * a / b }')
    [ "$smallest" != "$largest" ] || scale=
    worst304=$(awk -F'\t' '$1 ~ /^304-/ && $12 ~ /200-byte/ { v = $16 + 0; if (w == "" || v < w) { w = v; c = $19 } } END { print w; print c }' "$TSV")
    local cpu304 cpu200
    cpu304=$(echo "$worst304" | sed -n 2p)
    worst304=$(echo "$worst304" | sed -n 1p)
    cpu200=$(figure p200 19)
    worstpost=$(awk -F'\t' '$1 ~ /^post-/ { v = ($11 > 0) ? $6 * (1 - $9 / $11) : 0; if (w == "" || v < w) w = v } END { if (w != "") printf "%.1f", w }' "$TSV")
    worstpostp99=$(awk -F'\t' '$1 ~ /^post-/ { if ($8 > w) w = $8 } END { print w }' "$TSV")
    worstqueue=$(awk -F'\t' '$1 ~ /^queue-/ && $1 !~ /~plain$/ && $8 != "-" { if ($8 > w) w = $8 } END { print w }' "$TSV")
    maxrss=$(awk -F'\t' '{ if ($3 > w) w = $3 } END { print w }' "$INSTANCES")
    maxstart=$(awk -F'\t' '{ if ($2 > w) w = $2 } END { printf "%.1f", w / 1000 }' "$INSTANCES")
    echo "| target (issues 5 and 17; with $ACCEPT_GZIP unless said) | figure | verdict |"
    echo "|---|---:|---|"
    echo "| article page, 200 comments all shown, gzip: ≥ 30% of nginx gzip_static's req/s for the same bytes | ${r200:--}% (CPU ratio ${cpu200:--}) | $(verdict "$r200" ">=" 30 " points") |"
    echo "| the same page: p99 < 50 ms at $CONNECTIONS connections | ${p99_200:--} ms | $(verdict "$p99_200" "<" 50 " ms") |"
    echo "| the same page without Accept-Encoding: ≥ 50% of nginx's req/s for the same bytes | ${r200plain:--}% | $(verdict "$r200plain" ">=" 50 " points") |"
    echo "| first comment page at N = $largest: ≥ 90% of its req/s at N = $smallest | ${scale:--}% | $(verdict "$scale" ">=" 90 " points")$( [ "$largest" != 20000 ] && echo " (N = 20,000 not measured in this run)") |"
    echo "| conditional GET: 304 at ≥ 20% of nginx's req/s for a small static file (worst N) | ${worst304:--}% (CPU ratio ${cpu304:--}) | $(verdict "$worst304" ">=" 20 " points")$(awk -F'\t' '$1 ~ /^304-/ && $4 != 304 { printf " (answered %s, not 304)", $4; exit }' "$TSV") |"
    echo "| posting: ≥ 500 accepted comments/s (worst N) | ${worstpost:--}/s | $(verdict "$worstpost" ">=" 500 "/s") |"
    echo "| posting: p99 < 100 ms (worst N) | ${worstpostp99:--} ms | $(verdict "$worstpostp99" "<" 100 " ms") |"
    local postq
    postq=$(awk -F'\t' '$1 ~ /^postq-/ { v = ($11 > 0) ? $6 * (1 - $9 / $11) : 0; if (w == "" || v < w) { w = v; p = $8 } } END { if (w != "") printf "%.1f/s, p99 %s ms", w, p }' "$TSV")
    local postqp99=${postq##*p99 }
    echo "| (not a target) posting with $PENDING comments pending in the queue (worst N) | ${postq:--} | against the posting targets: rate $(verdict "${postq%%/*}" ">=" 500 "/s"), p99 $(verdict "${postqp99%% ms}" "<" 100 " ms") |"
    echo "| moderation queue, $PENDING pending: p99 < 100 ms per page (worst N) | ${worstqueue:--} ms | $(verdict "$worstqueue" "<" 100 " ms") |"
    echo "| peak RSS < 512 MB with $JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX (worst instance) | ${maxrss:--} MB | $(verdict "$maxrss" "<" 512 " MB") |"
    echo "| start-up to healthy < 10 s (worst instance, fresh database) | ${maxstart:--} s | $(verdict "$maxstart" "<" 10 " s") |"
    echo
}

REPORT=$(report)
echo
echo "$REPORT"
{
    [ -s "$RESULTS" ] || printf '# Benchmark results\n\nAppended by bench/run.sh, newest last. See BENCHMARKS.md.\n\n'
    echo "$REPORT"
} >>"$RESULTS"
log "appended to $RESULTS"
