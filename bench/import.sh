#!/usr/bin/env bash
# The import benchmark (issue 16): generates a WordPress export (by default 10,000 posts
# with 100 comments each, 1,000,000 comments) with the test-scope WxrGenerator, then
# times one import of it (`java -jar target/gazette-*.jar import FILE`, the command an
# operator runs) into a fresh database, with the production heap (JAVA_OPTS
# from lib.sh), under /usr/bin/time -v for the peak RSS. Prints the import's report
# (comments per second) and the peak RSS.
#
#   bench/import.sh                      H2, in a fresh file database under target/
#   bench/import.sh --postgresql URL     PostgreSQL at URL (an empty database), e.g. one
#                                        started with deploy/cluster.sh database;
#                                        user and password from PGUSER and PGPASSWORD
# Options:   --posts N (10000)  --per-post N (100)  --no-build (use target/ as it is)
#            --file FILE        the export to use (generated when absent)
# Environment: JAVA_OPTS (lib.sh), TIME_LOG (where /usr/bin/time's output goes,
#            target/bench-import-time.txt)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

POSTS=10000
PER_POST=100
BUILD=1
URL=
FILE=
while [ $# -gt 0 ]; do
    case $1 in
        --posts) POSTS=$2; shift ;;
        --per-post) PER_POST=$2; shift ;;
        --postgresql) URL=$2; shift ;;
        --no-build) BUILD=0 ;;
        --file) FILE=$2; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
cd "$ROOT"
if [ "$BUILD" = 1 ]; then
    ./mvnw -B -q -DskipTests package
fi
JAR=$(ls target/gazette-*.jar | grep -v -- '-plain' | sed -n 1p)
[ -n "$JAR" ] || die "no jar in target/: run without --no-build"
FILE=${FILE:-target/bench-import-$POSTS-$PER_POST.xml}
if [ ! -f "$FILE" ]; then
    log "generating $FILE"
    java -cp target/test-classes org.gazette.exchange.WxrGenerator "$FILE" "$POSTS" "$PER_POST"
fi
if [ -z "$URL" ]; then
    DB_DIR=$(mktemp -d "$ROOT/target/bench-import-h2.XXXXXX")
    DATABASE=(--spring.datasource.url="jdbc:h2:file:$DB_DIR/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE")
    log "importing into H2 at $DB_DIR"
else
    DATABASE=(--spring.datasource.url="$URL" --spring.datasource.username="${PGUSER:-gazette}"
        --spring.datasource.password="${PGPASSWORD:-}")
    log "importing into $URL"
fi
# shellcheck disable=SC2086
/usr/bin/time -v java $JAVA_OPTS -jar "$JAR" import "$FILE" \
    --logging.level.root=WARN "${DATABASE[@]}" 2> >(tee "${TIME_LOG:-target/bench-import-time.txt}" >&2)
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "${TIME_LOG:-target/bench-import-time.txt}"
