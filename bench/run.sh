#!/usr/bin/env bash
# Nettoria's load benchmark, end to end (see bench/README.md). Usually run as `./nettoria bench`.
#
#   1. installs PostgreSQL with apt-get if it is missing, starts the local cluster, creates role and database
#      nettoria/nettoria if they do not exist;
#   2. builds the platform jar (unless --skip-build) and starts it on 127.0.0.1:$BENCH_PORT against that database
#      (profile "postgres", development tokens switched ON for the benchmark only);
#   3. runs the Gatling simulation (bench/pom.xml, WalletSimulation): throughput, latency, projection lag;
#   4. stops the application, then measures PostgreSQL's raw single-row-insert commit rate with pgbench;
#   5. prints one summary table; everything is kept in bench/results/<run-id>/.
#
# Options: --skip-build (reuse ui/target/nettoria.jar), --reset-db (drop and recreate the database first).
# Knobs (environment): see bench/README.md, e.g. BENCH_ASYNC_USERS=16 BENCH_ASYNC_SECONDS=60 ./nettoria bench
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SKIP_BUILD=${BENCH_SKIP_BUILD:-0}
RESET_DB=${BENCH_RESET_DB:-0}
for arg in "$@"; do
  case "$arg" in
    --skip-build) SKIP_BUILD=1 ;;
    --reset-db) RESET_DB=1 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

export BENCH_RUN_ID=${BENCH_RUN_ID:-$(date +%Y%m%d-%H%M%S)}
PORT=${BENCH_PORT:-18080}
DB_NAME=${BENCH_DB_NAME:-nettoria}
DB_USER=${BENCH_DB_USER:-nettoria}
DB_PASSWORD=${BENCH_DB_PASSWORD:-nettoria}
RAW_SECONDS=${BENCH_RAW_SECONDS:-10}
RAW_CLIENTS=${BENCH_RAW_CLIENTS:-1 8}
APP_JAVA_OPTS=${BENCH_APP_JAVA_OPTS:--Xms512m -Xmx2g}
APP_ARGS=${BENCH_APP_ARGS:-}
RESULTS=$ROOT/bench/results/$BENCH_RUN_ID
export BENCH_BASE_URL=http://127.0.0.1:$PORT
export BENCH_RESULTS_FILE=$RESULTS/simulation.properties
mkdir -p "$RESULTS"
exec > >(tee -a "$RESULTS/run.log") 2>&1

log() { printf '\n== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "bench: $*" >&2; exit 1; }
if [ "$(id -u)" -eq 0 ]; then
  as_root() { "$@"; }
  as_postgres() { (cd / && runuser -u postgres -- "$@"); }
else
  as_root() { sudo "$@"; }
  as_postgres() { (cd / && sudo -u postgres "$@"); }
fi
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# ---------------------------------------------------------------------------------------------- PostgreSQL
PG_STARTED_BY_US=0
APP_PID=""
cleanup() {
  local status=$?
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    echo "bench: stopping the application (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$RESULTS/app-data" # the application's throwaway JWT signing key
  if [ "$PG_STARTED_BY_US" = 1 ] && [ "${BENCH_KEEP_DB_RUNNING:-0}" != 1 ]; then
    echo "bench: stopping PostgreSQL $PG_VERSION/$PG_CLUSTER (this run started it; BENCH_KEEP_DB_RUNNING=1 keeps it)"
    as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop || true
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "PostgreSQL"
missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} with apt-get"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
fi
PG_VERSION=${BENCH_PG_VERSION:-$(ls /usr/lib/postgresql | sort -V | tail -n 1)}
PG_CLUSTER=${BENCH_PG_CLUSTER:-main}
PGBENCH=/usr/lib/postgresql/$PG_VERSION/bin/pgbench
[ -x "$PGBENCH" ] || die "no pgbench for PostgreSQL $PG_VERSION at $PGBENCH"
cluster() { pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c'; }
if [ -z "$(cluster)" ]; then
  echo "creating cluster $PG_VERSION/$PG_CLUSTER"
  as_root pg_createcluster "$PG_VERSION" "$PG_CLUSTER"
fi
if [ "$(cluster | awk '{print $4}')" != online ]; then
  as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  PG_STARTED_BY_US=1
fi
PG_PORT=$(cluster | awk '{print $3}')
psql_admin() { as_postgres psql -X -q -p "$PG_PORT" -v ON_ERROR_STOP=1 "$@"; }
echo "PostgreSQL $PG_VERSION/$PG_CLUSTER online on port $PG_PORT$([ $PG_STARTED_BY_US = 1 ] && echo ' (started by this run)')"
if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" ]; then
  psql_admin -c "CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASSWORD'"
fi
if [ "$RESET_DB" = 1 ]; then
  echo "dropping database $DB_NAME (--reset-db)"
  psql_admin -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)"
fi
if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]; then
  psql_admin -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\""
fi
export PGPASSWORD=$DB_PASSWORD
psql_app() { psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 "$@"; }
psql_app -tAc "SELECT 1" >/dev/null || die "cannot log in to $DB_NAME as $DB_USER over TCP"

# --------------------------------------------------------------------------------------------- application
if [ "$SKIP_BUILD" != 1 ]; then
  log "building the platform jar"
  # package (not install): the jar is all the benchmark needs, and nothing is written to ~/.m2
  ./mvnw -B -ntp -q -DskipTests package
fi
[ -f ui/target/nettoria.jar ] || die "ui/target/nettoria.jar is missing (run without --skip-build)"
# compile the simulation now, so that compiling is not part of the measured load
./mvnw -B -ntp -q -f bench/pom.xml test-compile
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already taken; set BENCH_PORT"
fi

log "starting Nettoria on 127.0.0.1:$PORT (profile postgres, dev tokens ON for the benchmark)"
# shellcheck disable=SC2086
NETTORIA_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME" \
NETTORIA_DB_USER=$DB_USER NETTORIA_DB_PASSWORD=$DB_PASSWORD \
NETTORIA_DATA_DIR=$RESULTS/app-data \
  java $APP_JAVA_OPTS -jar ui/target/nettoria.jar \
    --spring.profiles.active=postgres \
    --server.address=127.0.0.1 --server.port="$PORT" \
    --nettoria.security.dev-tokens.enabled=true \
    $APP_ARGS >"$RESULTS/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$RESULTS/app.log"; die "the application exited while starting"; }
  if curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/actuator/health" | grep -q '"status":"UP"' \
  || { tail -n 40 "$RESULTS/app.log"; die "the application did not become healthy in 180 s"; }
echo "healthy (pid $APP_PID); log: $RESULTS/app.log"

# ----------------------------------------------------------------------------------------------- the load
# Who used the CPU during the load: every 2 s a snapshot of /proc/stat and of every process's CPU time, so the
# summary can say how much went to the platform, to PostgreSQL, to the load generator and to anything else.
cpu_sampler() {
  local stat_line f line
  while :; do
    read -r stat_line </proc/stat
    echo "T $(date +%s.%N) $stat_line"
    for f in /proc/[0-9]*/stat; do
      read -r line <"$f" 2>/dev/null && echo "P $line"
    done
    sleep 2
  done
}
cpu_shares() { # samples-file app-pid postmaster-pid bench-pid → a line per class, then the busiest other processes
  local hz; hz=$(getconf CLK_TCK)
  awk -v app="$2" -v pg="$3" -v bench="$4" -v cores="$(nproc)" -v hz="$hz" '
    $1 == "T" { busy = $4 + $5 + $6 + $9 + $10 + $11; if (t0 == "") { t0 = $2; b0 = busy }
                t1 = $2; b1 = busy; samples++; next }
    $1 == "P" {
      line = substr($0, 3); pid = line + 0
      op = index(line, "("); match(line, /\) [A-Za-z] /); cl = RSTART
      comm = substr(line, op + 1, cl - op - 1); split(substr(line, cl + 2), f, " ")
      parent[pid] = f[2]; name[pid] = comm; ticks = f[12] + f[13]
      if (!(pid in first)) first[pid] = (samples == 1) ? ticks : 0
      last[pid] = ticks
    }
    function kind(p,   n) {
      for (n = 0; p > 1 && n < 64; n++) {
        if (p == app) return "platform"; if (p == pg) return "postgresql"; if (p == bench) return "load generator"
        p = parent[p]
      }
      return "other"
    }
    END {
      window = t1 - t0; if (window <= 0) exit 1
      for (p in last) { k = kind(p); used[k] += last[p] - first[p]; if (k == "other") mine[p] = last[p] - first[p] }
      machine = b1 - b0; rest = machine - used["platform"] - used["postgresql"] - used["load generator"]
      used["other"] = rest < 0 ? 0 : rest
      cap = hz * window * cores / 100
      printf "S\t%.0f s, %d cores busy %.0f%%: platform %.0f%%, PostgreSQL %.0f%%, load generator %.0f%%, other processes %.0f%%\n",
        window, cores, machine / cap, used["platform"] / cap, used["postgresql"] / cap, used["load generator"] / cap,
        used["other"] / cap
      for (p in mine) if (mine[p] > 0) printf "O\t%d\t%s (pid %s)\n", mine[p], name[p], p
    }' "$1" | sort -t "$(printf '\t')" -k1,1r -k2,2nr \
    | awk -F '\t' -v hz="$hz" '$1 == "S" { print $2; next } n++ < 5 { printf "  busiest other: %s %.1f CPU-s\n", $3, $2 / hz }' 
}

db_counters() {
  psql_admin -d "$DB_NAME" -tA -F' ' -c "SELECT (SELECT wal_sync FROM pg_stat_wal), (SELECT wal_records FROM pg_stat_wal),
      (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
      (SELECT tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname = current_database()),
      extract(epoch FROM pg_postmaster_start_time())" 2>/dev/null || echo "0 0 0 0 down"
}
LOAD_BEFORE=$(loadavg)
read -r WAL_SYNC_0 WAL_REC_0 XACT_0 ROWS_0 PG_START_0 <<<"$(db_counters)"
PG_POSTMASTER=$(psql_admin -tAc "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'" \
  | xargs -r ps -o ppid= -p | tr -d ' ')
cpu_sampler >"$RESULTS/cpu-samples.txt" 2>/dev/null &
SAMPLER_PID=$!
log "Gatling (load average $LOAD_BEFORE)"
gatling_status=0
./mvnw -B -ntp -f bench/pom.xml gatling:test -Dgatling.runDescription="nettoria bench $BENCH_RUN_ID" \
  -Dbench.gatlingResults="$RESULTS/gatling-report" \
  | tee "$RESULTS/gatling.log" || gatling_status=$?
read -r WAL_SYNC_1 WAL_REC_1 XACT_1 ROWS_1 PG_START_1 <<<"$(db_counters)"
DB_WARNING=""
if [ "$PG_START_1" != "$PG_START_0" ]; then
  # someone else stopped or restarted the shared cluster during the load: the figures are not valid
  DB_WARNING="WARNING: PostgreSQL was stopped or restarted during the load (see the cluster's log); figures are NOT valid"
  echo "bench: $DB_WARNING" >&2
fi
LOAD_AFTER=$(loadavg)
kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null || true
cpu_shares "$RESULTS/cpu-samples.txt" "$APP_PID" "${PG_POSTMASTER:-0}" "$$" >"$RESULTS/cpu-shares.txt" || true
[ "$gatling_status" = 0 ] || echo "bench: Gatling ended with status $gatling_status"
[ -f "$BENCH_RESULTS_FILE" ] || die "the simulation wrote no figures ($BENCH_RESULTS_FILE)"

log "stopping the application"
kill "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
errors_in_log=$(grep -c ' ERROR ' "$RESULTS/app.log" || true)

# ------------------------------------------------------------------------------------ the physical limit
log "raw single-row-insert commit rate (pgbench, ${RAW_SECONDS} s per client count: $RAW_CLIENTS)"
psql_app -c "DROP TABLE IF EXISTS bench_raw_insert" \
         -c "CREATE TABLE bench_raw_insert (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL,
                                             created_at TIMESTAMPTZ NOT NULL DEFAULT now())"
echo "INSERT INTO bench_raw_insert (payload) VALUES ('nettoria raw insert');" >"$RESULTS/raw-insert.sql"
declare -A RAW_TPS
for clients in $RAW_CLIENTS; do
  threads=$(( clients < $(nproc) ? clients : $(nproc) ))
  "$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -n -f "$RESULTS/raw-insert.sql" \
    -c "$clients" -j "$threads" -T "$RAW_SECONDS" "$DB_NAME" >"$RESULTS/pgbench-c$clients.log" 2>&1 \
    || { cat "$RESULTS/pgbench-c$clients.log"; die "pgbench failed"; }
  RAW_TPS[$clients]=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$RESULTS/pgbench-c$clients.log" | head -n 1)
  echo "  $clients client(s): ${RAW_TPS[$clients]} commits/s"
done
psql_app -c "DROP TABLE IF EXISTS bench_raw_insert"

# ------------------------------------------------------------------------------------------------ summary
prop() { sed -n "s/^$1=//p" "$BENCH_RESULTS_FILE" | head -n 1; }
num() { local v; v=$(prop "$1"); echo "${v:--}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "-") printf "%.3f", a / b; else printf "-" }'; }
per() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }
total_commands=0
for phase in warmup async sync; do
  total_commands=$(( total_commands + $(num "$phase.commands.ok" | tr -d -) + 0 ))
done
async_tps=$(num async.throughput.per.second)
sync_tps=$(num sync.throughput.per.second)
first_clients=${RAW_CLIENTS%% *}
last_clients=${RAW_CLIENTS##* }
{
  echo "Nettoria bench $BENCH_RUN_ID — $(date -Iseconds), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
       "PostgreSQL $PG_VERSION, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "load average before/after the load: $LOAD_BEFORE / $LOAD_AFTER (the load itself counts: one per busy thread)"
  sed 's/^/CPU during the load: /; 2,$s/^CPU during the load: /  /' "$RESULTS/cpu-shares.txt" 2>/dev/null || true
  echo "async: $(prop settings.async), lag probe every $(prop settings.lagEvery) commands; sync: $(prop settings.sync); warmup $(prop settings.warmup) not counted"
  echo
  printf '%-46s %12s %10s %10s %10s\n' "" "per second" "p50 ms" "p95 ms" "p99 ms"
  printf '%-46s %12s %10s %10s %10s\n' "wallet commands, Prefer: respond-async (202)" "$async_tps" \
    "$(num async.latency.p50.ms)" "$(num async.latency.p95.ms)" "$(num async.latency.p99.ms)"
  printf '%-46s %12s %10s %10s %10s\n' "projection lag (202 -> visible via the API)" "" \
    "$(num async.lag.p50.ms)" "$(num async.lag.p95.ms)" "$(num async.lag.p99.ms)"
  printf '%-46s %12s %10s %10s %10s\n' "wallet commands, synchronous (200, visible)" "$sync_tps" \
    "$(num sync.latency.p50.ms)" "$(num sync.latency.p95.ms)" "$(num sync.latency.p99.ms)"
  for clients in $RAW_CLIENTS; do
    printf '%-46s %12s\n' "raw single-row INSERT commits, $clients client(s)" "${RAW_TPS[$clients]}"
  done
  echo
  echo "ratio async commands/s ÷ raw commits/s: $(ratio "$async_tps" "${RAW_TPS[$last_clients]}") (vs $last_clients clients)," \
       "$(ratio "$async_tps" "${RAW_TPS[$first_clients]}") (vs $first_clients client)"
  echo "ratio sync commands/s ÷ raw commits/s:  $(ratio "$sync_tps" "${RAW_TPS[$last_clients]}") (vs $last_clients clients)," \
       "$(ratio "$sync_tps" "${RAW_TPS[$first_clients]}") (vs $first_clients client)"
  echo "per wallet command, whole load (warmup+async+sync, $total_commands commands, incl. lag polls and sign-ins):" \
       "$(per $((WAL_SYNC_1 - WAL_SYNC_0)) "$total_commands") WAL flushes, $(per $((XACT_1 - XACT_0)) "$total_commands") committed transactions," \
       "$(per $((ROWS_1 - ROWS_0)) "$total_commands") rows written, $(per $((WAL_REC_1 - WAL_REC_0)) "$total_commands") WAL records"
  echo "lag probes: $(num async.lag.count), $(num async.polls) polls (requests the probing added during the async phase)"
  echo "failed commands: async $(num async.commands.failed), sync $(num sync.commands.failed), warmup $(num warmup.commands.failed);" \
       "lag probes timed out: $(num async.lag.timeouts); sync answered 202 (not visible in time): $(num sync.sync.not.visible);" \
       "ERROR lines in app.log: $errors_in_log"
  echo "async commands per second over the phase: $(prop async.per.second)"
  [ -z "$DB_WARNING" ] || echo "$DB_WARNING"
  echo
  echo "details: $RESULTS/ (simulation.properties, gatling-report/*/index.html, app.log, pgbench-c*.log)"
} | tee "$RESULTS/summary.txt"
exit "$gatling_status"
