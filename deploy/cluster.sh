#!/usr/bin/env bash
# Gazette as a site of several nodes on one machine: a PostgreSQL server of its own, two
# or three Gazette nodes (the packaged jar) on it, and nginx in front of them with
# deploy/nginx/gazette.conf. For a developer's laptop, the failover test and
# bench/cluster.sh. Everything lives in a run directory of its own; the system's
# PostgreSQL and nginx services are never touched.
#
#   deploy/cluster.sh start [--nodes N] [--port P] [--pg-port Q] [--no-build]
#   deploy/cluster.sh status
#   deploy/cluster.sh stop                      stops everything it started (nothing running: no error)
#   deploy/cluster.sh stop-node K [--kill]      takes node K out of the proxy, then SIGTERM: it
#                                               finishes its requests and stops; --kill: SIGKILL
#                                               and nothing else, as a crash
#   deploy/cluster.sh start-node K              starts node K, and once it is ready puts it back
#   deploy/cluster.sh restart-node K [--kill]   one step of a rolling restart
#   deploy/cluster.sh database [--pg-port Q]    PostgreSQL alone (bench/run.sh --postgresql)
#   deploy/cluster.sh proxy-cache on|off        nginx with its cache, or as a plain balancer
#
# Options:   --run-dir DIR   the run directory (GAZETTE_CLUSTER_DIR; default target/cluster)
#            --nodes N       nodes, 1 to 9 (default 2)
#            --port P        nginx's port (default 8200); node K listens on P+K
#            --pg-port Q     PostgreSQL's port (default 15432)
#            --no-build      use the jar already in target/
# The nodes inherit the environment, so any setting of README's table can be given as an
# environment variable (GAZETTE_MODERATION_MODE=all deploy/cluster.sh start); those given
# at start are kept in the run directory for every node started later. Also read:
# GAZETTE_EDITOR_PASSWORD (the first editor's; otherwise generated into secrets.env in the
# run directory, with the database's password and the held-comment key), JAVA_OPTS,
# MALLOC_ARENA_MAX and CDS (as bench/lib.sh), GAZETTE_CLUSTER_USER (who runs PostgreSQL
# and nginx's workers when started as root: nobody). Needs java 17+, curl, nginx (installed
# from Debian's packages when absent and run as root) and PostgreSQL's server programs
# (on the PATH or under /usr/lib/postgresql/*/bin). Linux only. Only 127.0.0.1 is used.
set -euo pipefail
DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$DEPLOY_DIR/../bench/lib.sh"

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
}

COMMAND=${1:-}
[ -n "$COMMAND" ] || { usage; exit 2; }
shift
NODE=
KILL=0
BUILD=1
RUN=${GAZETTE_CLUSTER_DIR:-$ROOT/target/cluster}
OPT_NODES=
OPT_PORT=
OPT_PG_PORT=
case $COMMAND in
    stop-node|start-node|restart-node)
        [[ "${1:-}" =~ ^[1-9]$ ]] || die "$COMMAND needs a node number (1-9)"
        NODE=$1
        shift
        ;;
    proxy-cache)
        [[ "${1:-}" =~ ^(on|off)$ ]] || die "proxy-cache takes on or off"
        CACHE_SWITCH=$1
        shift
        ;;
    start|stop|status|database) ;;
    -h|--help|help) usage; exit 0 ;;
    *) die "unknown command $COMMAND (see --help)" ;;
esac
while [ $# -gt 0 ]; do
    case $1 in
        --run-dir) RUN=$2; shift ;;
        --nodes) OPT_NODES=$2; shift ;;
        --port) OPT_PORT=$2; shift ;;
        --pg-port) OPT_PG_PORT=$2; shift ;;
        --no-build) BUILD=0 ;;
        --kill) KILL=1 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
if [ ! -d "$RUN" ]; then
    [ "$COMMAND" = start ] || [ "$COMMAND" = database ] || { [ "$COMMAND" = stop ] && exit 0; die "no cluster in $RUN"; }
    mkdir -p "$RUN"
fi
RUN=$(cd "$RUN" && pwd)
WORK=$RUN
PORT_HINT=": choose other ports with --port"
SETTINGS="$RUN/cluster.env"
SECRETS="$RUN/secrets.env"
NODE_SETTINGS="$RUN/node.env"
PG_DIR="$RUN/postgres"

# PostgreSQL refuses to run as root, so when started as root the database (and nginx's
# workers) run as an unprivileged user; as anyone else, as that user.
if [ "$(id -u)" -eq 0 ]; then
    RUN_AS=${GAZETTE_CLUSTER_USER:-nobody}
    id "$RUN_AS" >/dev/null 2>&1 || die "no user $RUN_AS to run PostgreSQL as: set GAZETTE_CLUSTER_USER"
    as_owner() { (cd / && runuser -u "$RUN_AS" -- "$@"); }
else
    RUN_AS=
    as_owner() { "$@"; }
fi

# --- settings kept in the run directory ------------------------------------------------

load_settings() {
    [ -f "$SETTINGS" ] || die "no cluster in $RUN (deploy/cluster.sh start)"
    # shellcheck disable=SC1090
    source "$SETTINGS"
    # shellcheck disable=SC1090
    source "$SECRETS"
    # shellcheck disable=SC1090
    [ ! -f "$NODE_SETTINGS" ] || source "$NODE_SETTINGS"
    SITE_URL="http://127.0.0.1:$PROXY_PORT"
}

# Keeps the settings the nodes get from the environment at start (Gazette's and Spring's
# variables, JAVA_OPTS, MALLOC_ARENA_MAX), so that a node started again later runs as the
# others do whatever the environment of that later command.
save_node_settings() {
    local name
    (
        umask 077
        for name in $(compgen -e | grep -E '^(GAZETTE|SPRING|MANAGEMENT|LOGGING|SERVER)_|^JAVA_OPTS$|^MALLOC_ARENA_MAX$' || true); do
            printf 'export %s=%q\n' "$name" "${!name}"
        done >"$NODE_SETTINGS"
    )
}

random_secret() {
    od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'
}

# The secrets every node shares, made once for the run directory: the database's password,
# the key that signs held-comment links and the first editor's password.
ensure_secrets() {
    [ -f "$SECRETS" ] && return 0
    (
        umask 077
        {
            echo "DB_PASSWORD=$(random_secret 16)"
            echo "TOKEN_SECRET=$(random_secret 32)"
            printf 'EDITOR_PASSWORD=%q\n' "${GAZETTE_EDITOR_PASSWORD:-editor-$(random_secret 8)}"
        } >"$SECRETS"
    )
}

# --- processes ---------------------------------------------------------------------

# is_ours PID: the process runs, and its command line names this run directory (a pid file
# left behind whose number another process has since taken is not ours to stop).
is_ours() {
    [ -n "$1" ] && [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$RUN/"
}

pid_of() {
    [ -f "$1" ] && sed -n 1p "$1" || true
}

# gone PID: the process has ended (or is a zombie its new parent has not reaped yet).
gone() {
    [ ! -e "/proc/$1" ] || [ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" = Z ]
}

# await_exit PID SECONDS: waits for the process to end; non-zero if it is still there.
await_exit() {
    local i
    for i in $(seq 1 $(($2 * 10))); do
        gone "$1" && return 0
        sleep 0.1
    done
    gone "$1"
}

# --- PostgreSQL --------------------------------------------------------------------

find_postgres() {
    local dir
    dir=$(command -v pg_ctl 2>/dev/null || true)
    if [ -n "$dir" ]; then
        dir=$(dirname "$(readlink -f "$dir")")
    fi
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ] || [ ! -x "$dir/postgres" ]; then
        dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    fi
    [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] \
        || die "PostgreSQL's server programs (initdb, pg_ctl, postgres) are neither on the PATH nor under /usr/lib/postgresql/*/bin: install Debian's postgresql"
    PG_BIN=$dir
    PSQL=$PG_BIN/psql
    [ -x "$PSQL" ] || PSQL=$(command -v psql || true)
    [ -n "$PSQL" ] || die "psql, PostgreSQL's client, is missing"
}

start_postgres() {
    local dir data
    dir=$PG_DIR
    data="$dir/data"
    mkdir -p "$dir"
    [ -z "$RUN_AS" ] || chown "$RUN_AS" "$dir"
    if [ -n "$RUN_AS" ] && ! runuser -u "$RUN_AS" -- test -w "$dir"; then
        die "user $RUN_AS cannot reach $dir (a parent directory is closed to it): choose a run directory it can reach with --run-dir, e.g. under /tmp"
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        log "creating a PostgreSQL cluster in $data ($PG_BIN)"
        local locale=C
        locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' && locale=C.UTF-8
        printf '%s\n' "$DB_PASSWORD" >"$dir/password"
        [ -z "$RUN_AS" ] || chown "$RUN_AS" "$dir/password"
        as_owner "$PG_BIN/initdb" -D "$data" -U gazette --pwfile="$dir/password" --auth=scram-sha-256 \
            --encoding=UTF8 --locale="$locale" >"$dir/initdb.log" 2>&1 \
            || { rm -f "$dir/password"; die "initdb failed; see $dir/initdb.log"; }
        rm -f "$dir/password"
        # TCP on the loopback interface only; no Unix socket (its path would have to be short).
        printf "listen_addresses = '127.0.0.1'\nunix_socket_directories = ''\n" >>"$data/postgresql.conf"
    fi
    port_free "$PG_PORT" || die "port $PG_PORT (PostgreSQL) is taken: choose another with --pg-port"
    as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$dir/postgres.log" -o "-p $PG_PORT" -w -t 60 start >/dev/null \
        || die "PostgreSQL did not start; see $dir/postgres.log"
    if ! PGPASSWORD=$DB_PASSWORD "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U gazette -d postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = 'gazette'" | grep -q 1; then
        PGPASSWORD=$DB_PASSWORD "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U gazette -d postgres -qc \
            "CREATE DATABASE gazette" || die "could not create the database gazette"
    fi
    log "PostgreSQL on 127.0.0.1:$PG_PORT (pid $(postgres_pid))"
}

postgres_pid() {
    local pid
    pid=$(pid_of "$PG_DIR/data/postmaster.pid")
    [ -n "$pid" ] && [ -e "/proc/$pid" ] && echo "$pid" || true
}

stop_postgres() {
    [ -n "$(postgres_pid)" ] || return 0
    find_postgres
    as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null \
        || log "PostgreSQL did not stop; see $PG_DIR/postgres.log"
    log "PostgreSQL stopped"
}

# --- Gazette nodes -----------------------------------------------------------------

# The java arguments that run Gazette, as prepare_launch laid the jar out at start.
restore_launch() {
    if [ "${CDS:-1}" != 0 ] && [ -s "$RUN/app/gazette.jsa" ]; then
        LAUNCH=(-XX:SharedArchiveFile="$RUN/app/gazette.jsa" -jar "$RUN/app/gazette.jar")
    elif [ -f "$RUN/gazette.jar" ]; then
        LAUNCH=(-jar "$RUN/gazette.jar")
    else
        die "no jar in $RUN: deploy/cluster.sh start"
    fi
}

# Builds the jar and lays it out in the run directory (bench/lib.sh's build_jar), unless
# --no-build finds the same jar laid out there by an earlier start.
prepare_jar() {
    local jar
    jar=$(ls "$ROOT"/target/gazette-*.jar 2>/dev/null | grep -v -- '-plain' | sed -n 1p || true)
    if [ "$BUILD" = 0 ] && [ -n "$jar" ] && cmp -s "$jar" "$RUN/gazette.jar" \
            && { [ "${CDS:-1}" = 0 ] || [ -s "$RUN/app/gazette.jsa" ]; }; then
        log "the jar laid out in $RUN is target/'s: reused"
        restore_launch
    else
        build_jar
    fi
}

node_pid() {
    local pid
    pid=$(pid_of "$RUN/node$1/pid")
    is_ours "$pid" && echo "$pid" || true
}

# launch_node K: starts node K on PROXY_PORT + K, without waiting for it.
launch_node() {
    local k=$1
    [ -z "$(node_pid "$k")" ] || die "node $k is running already (pid $(node_pid "$k"))"
    PORT=$((PROXY_PORT + k))
    BASE="http://127.0.0.1:$PORT"
    SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD GAZETTE_COMMENTS_TOKENSECRET=$TOKEN_SECRET \
        launch_gazette "node$k" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/gazette" \
        --spring.datasource.username=gazette --gazette.security.trusted-proxies=127.0.0.1 \
        --spring.application.name="gazette-node$k"
    echo "$APP_PID" >"$RUN/node$k/pid"
    NODE_LAUNCHED[$k]=$LAUNCHED_NS
}

# await_node K: waits for node K to be healthy, then ready.
await_node() {
    local k=$1
    PORT=$((PROXY_PORT + k))
    BASE="http://127.0.0.1:$PORT"
    APP_DIR="$RUN/node$k"
    APP_PID=$(pid_of "$APP_DIR/pid")
    LAUNCHED_NS=${NODE_LAUNCHED[$k]}
    await_gazette "node$k"
    until [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$BASE/readyz")" = 200 ]; do
        kill -0 "$APP_PID" 2>/dev/null || die "node $k exited; see $APP_DIR/app.log"
        sleep 0.1
    done
}

declare -A NODE_LAUNCHED

# stop_node K [keep-in-proxy]: takes node K out of the proxy, then SIGTERM and a wait for
# the graceful stop (drain, requests in flight); SIGKILL after 90 s. With --kill, SIGKILL at
# once, the proxy left as it is: a crash.
stop_node() {
    local k=$1 pid started
    pid=$(node_pid "$k")
    if [ -z "$pid" ]; then
        rm -f "$RUN/node$k/pid"
        return 0
    fi
    if [ "$KILL" = 1 ]; then
        kill -KILL "$pid" 2>/dev/null || true
        await_exit "$pid" 10 || die "node $k (pid $pid) did not die"
        log "node $k (pid $pid) killed (SIGKILL)"
    else
        [ "${2:-}" = keep-in-proxy ] || proxy_node out "$k"
        started=$(date +%s%N)
        kill -TERM "$pid" 2>/dev/null || true
        if ! await_exit "$pid" 90; then
            log "node $k (pid $pid) still running 90 s after SIGTERM: killed"
            kill -KILL "$pid" 2>/dev/null || true
            await_exit "$pid" 10 || true
        fi
        log "node $k (pid $pid) stopped gracefully in $((($(date +%s%N) - started) / 1000000)) ms"
    fi
    rm -f "$RUN/node$k/pid"
}

# --- nginx -------------------------------------------------------------------------

nginx_pid() {
    local pid
    pid=$(pid_of "$RUN/nginx/nginx.pid")
    is_ours "$pid" && echo "$pid" || true
}

# The nodes taken out of the proxy (one number a line): a node is taken out before a
# graceful stop and put back once it is ready again.
NODES_OUT="$RUN/nginx/nodes-out"
# "off" when the proxy's cache is switched off (deploy/cluster.sh proxy-cache off).
PROXY_CACHE="$RUN/nginx/proxy-cache"

# Writes nginx.conf from deploy/nginx/gazette.conf, with the nodes taken out marked down,
# and has nginx check it.
render_nginx() {
    local dir="$RUN/nginx" servers="" k user="" down
    mkdir -p "$dir/tmp" "$dir/cache"
    touch "$NODES_OUT"
    if [ -n "$RUN_AS" ]; then
        user="user $RUN_AS $(id -gn "$RUN_AS");"
        chown -R "$RUN_AS" "$dir/tmp" "$dir/cache"
    fi
    for k in $(seq 1 "$NODES"); do
        down=
        ! grep -qx "$k" "$NODES_OUT" || down=" down"
        servers+="server 127.0.0.1:$((PROXY_PORT + k)) max_fails=1 fail_timeout=5s$down;"$'\n        '
    done
    local cache=(cat)
    [ "$(cat "$PROXY_CACHE" 2>/dev/null)" != off ] || cache=(sed -E 's/^( *)proxy_cache gazette_pages;/\1proxy_cache off;/')
    sed -e "s#@PREFIX@#$dir#g" -e "s#@LISTEN@#127.0.0.1:$PROXY_PORT#g" -e "s#@USER@#$user#" \
        "$DEPLOY_DIR/nginx/gazette.conf" | "${cache[@]}" \
        | awk -v servers="${servers%$'\n        '}" '$1 == "@SERVERS@" { print "        " servers; next } { print }' \
        >"$dir/nginx.conf.new"
    "$NGINX" -t -q -p "$dir" -c "$dir/nginx.conf.new" -e "$dir/error.log" 2>"$dir/test.log" \
        || die "nginx refused its configuration: $(cat "$dir/test.log")"
    mv "$dir/nginx.conf.new" "$dir/nginx.conf"
}

start_nginx() {
    local dir="$RUN/nginx" tries=0
    mkdir -p "$dir"
    : >"$NODES_OUT"
    echo on >"$PROXY_CACHE"
    render_nginx
    port_free "$PROXY_PORT" || die "port $PROXY_PORT (nginx) is taken: choose another with --port"
    "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" </dev/null >>"$dir/stderr.log" 2>&1 &
    until [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$SITE_URL/actuator/health")" = 200 ]; do
        kill -0 $! 2>/dev/null || die "nginx did not start; see $dir/error.log"
        tries=$((tries + 1))
        [ $tries -lt 100 ] || die "nginx did not answer on $SITE_URL"
        sleep 0.1
    done
    log "nginx (pid $(nginx_pid)) on $SITE_URL"
}

# proxy_node out|in K: takes node K out of the proxy, or puts it back: nginx reloads its
# configuration and the workers of the old one finish their requests and exit, so that
# when this returns no request will go to a node taken out. Nothing to do without nginx.
proxy_node() {
    if [ "$1" = out ]; then
        grep -qx "$2" "$NODES_OUT" 2>/dev/null || echo "$2" >>"$NODES_OUT"
    else
        grep -qx "$2" "$NODES_OUT" 2>/dev/null || return 0
        { grep -vx "$2" "$NODES_OUT" || true; } >"$NODES_OUT.new"
        mv -f "$NODES_OUT.new" "$NODES_OUT"
    fi
    reload_nginx || return 0
    log "node $2 $([ "$1" = out ] && echo "taken out of" || echo "back in") the proxy"
}

# Rewrites nginx's configuration and has nginx reload it; returns when the workers of the
# old configuration have finished their requests and exited. Non-zero without nginx.
reload_nginx() {
    local pid workers old i
    pid=$(nginx_pid)
    [ -n "$pid" ] || return 1
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
    render_nginx
    workers=$(ps -o pid= --ppid "$pid" | tr -d ' ')
    kill -HUP "$pid"
    for old in $workers; do
        for i in $(seq 1 300); do
            gone "$old" && break
            sleep 0.1
        done
    done
}

stop_nginx() {
    local pid
    pid=$(nginx_pid)
    [ -n "$pid" ] || return 0
    kill -QUIT "$pid" 2>/dev/null || true
    await_exit "$pid" 30 || { kill -TERM "$pid" 2>/dev/null || true; await_exit "$pid" 10 || true; }
    log "nginx stopped"
}

# --- commands ----------------------------------------------------------------------

stop_all() {
    [ -f "$SETTINGS" ] || return 0
    # shellcheck disable=SC1090
    source "$SETTINGS"
    stop_nginx
    local k
    for k in $(seq 1 9); do
        [ -z "$(node_pid "$k")" ] || stop_node "$k" keep-in-proxy &
    done
    wait
    stop_postgres
}

# running PID: "pid PID", or "stopped" when PID is empty.
running() {
    if [ -n "$1" ]; then echo "pid $1"; else echo stopped; fi
}

status() {
    load_settings
    local k pid ready
    echo "Gazette on $SITE_URL/ (run directory $RUN)"
    echo "  nginx       $(running "$(nginx_pid)"), cache $(cat "$PROXY_CACHE" 2>/dev/null || echo on)"
    for k in $(seq 1 "$NODES"); do
        pid=$(node_pid "$k")
        ready=
        [ -z "$pid" ] || ready=", /readyz $(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$((PROXY_PORT + k))/readyz" || true)"
        ! grep -qx "$k" "$NODES_OUT" 2>/dev/null || ready+=", out of the proxy"
        echo "  node $k      http://127.0.0.1:$((PROXY_PORT + k))/ $(running "$pid")$ready"
    done
    echo "  PostgreSQL  jdbc:postgresql://127.0.0.1:$PG_PORT/gazette (user gazette) $(running "$(postgres_pid)")"
}

start() {
    if [ -f "$SETTINGS" ]; then
        # shellcheck disable=SC1090
        source "$SETTINGS"
        local running
        running=$(nginx_pid)$(postgres_pid)$(for k in $(seq 1 9); do node_pid "$k"; done)
        [ -z "$running" ] || die "a cluster runs in $RUN already (deploy/cluster.sh status; deploy/cluster.sh stop)"
    fi
    NODES=${OPT_NODES:-2}
    PROXY_PORT=${OPT_PORT:-8200}
    PG_PORT=${OPT_PG_PORT:-15432}
    [[ "$NODES" =~ ^[1-9]$ ]] || die "--nodes takes 1 to 9"
    [[ "$PROXY_PORT" =~ ^[0-9]+$ ]] && [ "$PROXY_PORT" -lt 65526 ] || die "--port takes a port number"
    [[ "$PG_PORT" =~ ^[0-9]+$ ]] || die "--pg-port takes a port number"
    printf 'NODES=%s\nPROXY_PORT=%s\nPG_PORT=%s\n' "$NODES" "$PROXY_PORT" "$PG_PORT" >"$SETTINGS"
    ensure_secrets
    save_node_settings
    load_settings
    ensure_tools nginx curl
    find_postgres
    local k
    for k in $(seq 1 "$NODES"); do
        port_free $((PROXY_PORT + k)) || die "port $((PROXY_PORT + k)) (node $k) is taken: choose other ports with --port"
    done
    trap 'log "start failed: stopping what was started"; stop_all' EXIT
    prepare_jar
    start_postgres
    EDITOR_PASSWORD=${GAZETTE_EDITOR_PASSWORD:-$EDITOR_PASSWORD}
    for k in $(seq 1 "$NODES"); do
        launch_node "$k"
    done
    for k in $(seq 1 "$NODES"); do
        await_node "$k"
    done
    start_nginx
    trap - EXIT
    echo
    status
    echo "  editor      $SITE_URL/login as editor, with the password the database was made with"
    echo "              (GAZETTE_EDITOR_PASSWORD at the first start, or EDITOR_PASSWORD in $SECRETS)"
    echo "Stop it with: $0 stop${RUN:+ --run-dir $RUN}"
}

# PostgreSQL alone, with no node and no proxy: for measuring one node started by other
# means (bench/run.sh --postgresql). The password is DB_PASSWORD in the run directory's
# secrets.env; stop it with the stop command.
database() {
    PG_PORT=${OPT_PG_PORT:-15432}
    [[ "$PG_PORT" =~ ^[0-9]+$ ]] || die "--pg-port takes a port number"
    printf 'NODES=0\nPROXY_PORT=0\nPG_PORT=%s\n' "$PG_PORT" >"$SETTINGS"
    ensure_secrets
    load_settings
    find_postgres
    start_postgres
    echo "PostgreSQL: jdbc:postgresql://127.0.0.1:$PG_PORT/gazette (user gazette, password DB_PASSWORD in $SECRETS)"
}

case $COMMAND in
    start) start ;;
    database) database ;;
    stop) stop_all ;;
    status) status ;;
    stop-node)
        load_settings
        stop_node "$NODE"
        ;;
    proxy-cache)
        load_settings
        echo "$CACHE_SWITCH" >"$PROXY_CACHE"
        reload_nginx || die "nginx is not running"
        log "the proxy's cache is $CACHE_SWITCH"
        ;;
    start-node|restart-node)
        load_settings
        [ "$NODE" -le "$NODES" ] || die "the cluster has $NODES nodes"
        [ "$COMMAND" = start-node ] || stop_node "$NODE"
        EDITOR_PASSWORD=${GAZETTE_EDITOR_PASSWORD:-$EDITOR_PASSWORD}
        restore_launch
        launch_node "$NODE"
        await_node "$NODE"
        proxy_node in "$NODE"
        ;;
esac
