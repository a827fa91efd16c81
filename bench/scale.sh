#!/usr/bin/env bash
# bench/scale.sh: reading at a newsroom's size (issue 15). Measures what readers and
# feed readers ask for (the front page, a deep front page, an article page, the site's
# feed, an article's comment feed and the sitemap), as browsers ask (Accept-Encoding:
# gzip, after a 3 s warm-up, and again with If-None-Match), first on a fresh database with the one built-in
# article, then on a site of POSTS articles with PER_POST comments each, brought in as a
# newsroom would: a WordPress export (the test-scope WxrGenerator writes it) imported
# with `java -jar gazette.jar import FILE`. Prints one table: each page's req/s and p99
# on both sites, and the import's time, rate and peak RSS.
#
# Options: --posts N (10000)  --per-post N (100)  --seconds S per figure (10)
#          --no-build (use target/ as it is)  --file FILE (an export to use instead)
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
source "$BENCH/lib.sh"

POSTS=10000
PER_POST=100
SECONDS_EACH=10
BUILD=1
FILE=
while [ $# -gt 0 ]; do
    case $1 in
        --posts) POSTS=$2; shift ;;
        --per-post) PER_POST=$2; shift ;;
        --seconds) SECONDS_EACH=$2; shift ;;
        --no-build) BUILD=0 ;;
        --file) FILE=$2; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done

ensure_tools
PORT=${GAZETTE_PORT:-18470}; BASE="http://127.0.0.1:$PORT"; THREADS=2; CONNECTIONS=16
EDITOR_PASSWORD="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
WORK=$(mktemp -d /tmp/gazette-scale.XXXXXX)
APP_PID=
trap 'stop_gazette; rm -rf "$WORK"/*/data' EXIT
build_jar

FILE=${FILE:-$ROOT/target/bench-import-$POSTS-$PER_POST.xml}
if [ ! -f "$FILE" ]; then
    [ "$BUILD" = 0 ] || (cd "$ROOT" && ./mvnw -B -q -DskipTests test-compile) || die "the build failed"
    log "generating $FILE ($POSTS posts, $PER_POST comments each)"
    java -cp "$ROOT/target/test-classes" org.gazette.exchange.WxrGenerator "$FILE" "$POSTS" "$PER_POST"
fi

gzip_header=(-H "Accept-Encoding: gzip")
SEED_SLUG=as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe
declare -A RESULT

# measure SITE NAME PATH: the page with gzip, then with its ETag in If-None-Match
measure() {
    local site=$1 name=$2 path=$3 etag out
    out="$WORK/$site-$name.txt"
    wrk_run "$WORK/warm-up.txt" "${gzip_header[@]}" -d 3s "$BASE$path"
    wrk_run "$out" "${gzip_header[@]}" -d "${SECONDS_EACH}s" "$BASE$path"
    RESULT["$site $name"]=$(parse_wrk "$out")
    RESULT["$site $name bytes"]=$(probe "$BASE$path" "${gzip_header[@]}" | awk '{ print $2 }')
    etag=$(curl -s -o /dev/null -D - "${gzip_header[@]}" "$BASE$path" | awk -F': ' 'tolower($1) == "etag" { print $2 }' | tr -d '\r')
    out="$WORK/$site-$name-304.txt"
    wrk_run "$out" "${gzip_header[@]}" -H "If-None-Match: $etag" -d "${SECONDS_EACH}s" "$BASE$path"
    RESULT["$site $name 304"]=$(parse_wrk "$out")
}

# the newest article the site's feed names that is not the built-in one (which has no
# comments), or the built-in one on a site of one article; as a path
first_article() {
    local paths
    paths=$(curl -s "$BASE/feed" | tr '<' '\n' | grep -o 'link rel="alternate" [^>]*href="[^"]*/articles/[^"]*"' \
        | sed -E 's#.*href="[^"]*(/articles/[^"]*)".*#\1#')
    { grep -v -x "/articles/$SEED_SLUG" <<<"$paths" || echo "$paths"; } | sed -n 1p
}

measure_site() {
    local site=$1 article
    article=$(first_article)
    [ -n "$article" ] || die "the feed of $site names no article"
    log "$site: measuring (article $article), after 20 s of warming the node up"
    # a freshly started node needs some 20 s of requests before its figures settle (the
    # front page of a site just imported: 3,300/s in the first 10 s, 9,100 in the next,
    # then 27,700 and 28,300)
    wrk_run "$WORK/warm-up.txt" "${gzip_header[@]}" -d 20s "$BASE/"
    measure "$site" front "/"
    [ "$site" = one ] || measure "$site" "front, page 50" "/?page=50"
    measure "$site" article "$article"
    measure "$site" feed "/feed"
    measure "$site" "comment feed" "$article/comments/feed"
    measure "$site" sitemap "/sitemap.xml"
}

start_gazette one
measure_site one
stop_gazette

mkdir -p "$WORK/big"
log "importing $FILE with the command line"
# shellcheck disable=SC2086
(cd "$WORK/big" && /usr/bin/time -v java $JAVA_OPTS "${LAUNCH[@]}" import "$FILE" >"$WORK/import.out" 2>"$WORK/import.err") \
    || die "the import failed; see $WORK/import.err"
IMPORT_SUMMARY=$(tr '\n' ' ' <"$WORK/import.out")
IMPORT_RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$WORK/import.err")
IMPORT_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$WORK/import.err")
log "imported in $IMPORT_WALL, peak RSS $IMPORT_RSS MB: $IMPORT_SUMMARY"
start_gazette big
measure_site big
stop_gazette

{
    echo
    echo "## bench/scale.sh, $(date -u '+%Y-%m-%d %H:%M') UTC, revision $(git_revision), load $(load_average)"
    echo
    echo "Import of $(basename "$FILE") ($POSTS posts x $PER_POST comments): $IMPORT_WALL, peak RSS $IMPORT_RSS MB."
    echo "$IMPORT_SUMMARY"
    echo
    echo "| page (gzip) | one article: req/s (p99 ms) | $POSTS articles: req/s (p99 ms) | gzip bytes (one / $POSTS) | 304, one article | 304, $POSTS articles |"
    echo "|---|---:|---:|---:|---:|---:|"
    for name in front "front, page 50" article feed "comment feed" sitemap; do
        read -r r1 _ p1 n1 _ <<<"${RESULT["one $name"]:-– 0 – 0 0 0}"
        read -r r2 _ p2 n2 _ <<<"${RESULT["big $name"]}"
        read -r c1 _ q1 _ <<<"${RESULT["one $name 304"]:-– 0 – 0}"
        read -r c2 _ q2 _ <<<"${RESULT["big $name 304"]}"
        echo "| $name | $r1 ($p1)$([ "$n1" = 0 ] || echo ", $n1 non-2xx") | $r2 ($p2)$([ "$n2" = 0 ] || echo ", $n2 non-2xx") | ${RESULT["one $name bytes"]:-–} / ${RESULT["big $name bytes"]} | $c1 ($q1) | $c2 ($q2) |"
    done
} | tee -a "$BENCH/results.md"
