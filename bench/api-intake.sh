#!/usr/bin/env bash
# Report intake through the REST API beside the staff form, at 100,000 incidents.
#
#   bench/api-intake.sh [reports per run, default 960]
#
# Starts a throw-away PostgreSQL (Debian's server binaries), starts the jar, completes the
# first-run setup, seeds bench/seed.sql (100,000 incidents, 1,000,000 timeline entries), and
# then, for 1, 4 and 16 concurrent clients (each one curl process with keep-alive), submits the
# run's reports through `POST /api/v1/reports` (a personal API token per client, JSON) and through
# `POST /report` (a signed-in session per client, the form with its CSRF token), alternating, after
# a warm-up of the same size through both doors. Prints requests per second and each request's
# median and p99 (curl's time_total over loopback). The per-token rate limit (600 a minute) is
# raised for the run: it is there to stop a runaway script, not to measure.
# Environment: BENCH_NO_BUILD=1 (use target/'s jar), BENCH_PG_BIN, BENCH_PG_PORT (55434),
# BENCH_APP_PORT (18082), BENCH_CLIENT_COUNTS ("1 4 16"). Results in bench/results/api-intake/.
set -euo pipefail
cd "$(dirname "$0")/.."

REPORTS=${1:-960}
COUNTS=${BENCH_CLIENT_COUNTS:-"1 4 16"}
PG_BIN=${BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_PORT=${BENCH_PG_PORT:-55434}
APP_PORT=${BENCH_APP_PORT:-18082}
WORK=$(mktemp -d /tmp/hikeshi-bench-api.XXXXXX)
RESULTS=bench/results/api-intake
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*
chmod 777 "$WORK"
PASSWORD="tall-Lighthouse-keeps-41"
BASE="http://localhost:$APP_PORT"
MAX_CLIENTS=0
for c in $COUNTS; do
  (( REPORTS % c == 0 )) || { echo "reports per run must be a multiple of $c clients"; exit 1; }
  (( c > MAX_CLIENTS )) && MAX_CLIENTS=$c
done

cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  su postgres -c "$PG_BIN/pg_ctl -D $WORK/pgdata stop -m fast" >/dev/null 2>&1 || true
  cp "$WORK"/*.log "$RESULTS/" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

sql() { psql -h localhost -p "$PG_PORT" -U postgres -d hikeshi -v ON_ERROR_STOP=1 -Atqc "$1"; }
token() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
discovered_local() { TZ=Asia/Tokyo date -d '-1 min' +%Y-%m-%dT%H:%M; }
discovered_iso() { date -u -d '-1 min' +%Y-%m-%dT%H:%M:%SZ; }

echo "== building the jar"
if [ -z "${BENCH_NO_BUILD:-}" ]; then ./mvnw -B -o -q -DskipTests package; fi
JAR=$(ls target/hikeshi-*.jar | grep -v original | head -n 1)
[ -n "$JAR" ] || { echo "no jar in target/"; exit 1; }

echo "== starting PostgreSQL ($PG_BIN)"
su postgres -c "$PG_BIN/initdb -D $WORK/pgdata -U postgres --auth=trust" >/dev/null
su postgres -c "$PG_BIN/pg_ctl -D $WORK/pgdata -o '-p $PG_PORT -k $WORK' -l $WORK/pg.log -w start" >/dev/null
psql -h localhost -p "$PG_PORT" -U postgres -qc "create database hikeshi"

echo "== starting Hikeshi"
SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/hikeshi" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD= java -Xmx1g -jar "$JAR" --server.port="$APP_PORT" \
  --hikeshi.api.requests-per-minute=10000000 > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done

echo "== first-run setup"
JAR0="$WORK/setup.cookies"
T=$(curl -s -c "$JAR0" -b "$JAR0" "$BASE/setup" | token)
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR0" -b "$JAR0" "$BASE/setup" --data-urlencode "_csrf=$T" \
  --data-urlencode "companyName=ベンチマーク株式会社" -d industry=MANUFACTURING -d username=bench \
  --data-urlencode "displayName=計測" -d additionalRoles=SECURITY_LEAD -d additionalRoles=EXECUTIVE \
  -d requireSecondFactor=false -d "password=$PASSWORD" -d "passwordConfirmation=$PASSWORD")
[ "$STATUS" = 302 ] || { echo "first-run setup failed ($STATUS)"; exit 1; }

echo "== seeding 100,000 incidents and 1,000,000 timeline entries"
psql -h localhost -p "$PG_PORT" -U postgres -d hikeshi -q -v incidents=100000 -f bench/seed.sql

# one personal API token per client, stored as the application stores them (a SHA-256 hash),
# with the owner's roles in the application's order
ROLES=$(sql "select string_agg(r.role, ',' order by array_position(array['REPORTER','SECURITY_LEAD','RESPONDER','EXECUTIVE','ADMIN']::varchar[], r.role))
             from user_account_role r join user_account u on u.id = r.user_account_id where u.username = 'bench'")
declare -A API_TOKEN CSRF
for c in $(seq 1 "$MAX_CLIENTS"); do
  secret="hks_bench$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  hash=$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)
  sql "insert into api_token (owner, name, token_hash, hint, roles, created_at, expires_at)
       values ('bench', 'bench client $c', '$hash', '${secret:0:8}…', '$ROLES', now(), now() + interval '1 day')"
  API_TOKEN[$c]=$secret
  jar="$WORK/client$c.cookies"
  t=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | token)
  curl -s -o /dev/null -c "$jar" -b "$jar" "$BASE/login" -d "_csrf=$t" -d username=bench -d "password=$PASSWORD"
  CSRF[$c]=$(curl -s -b "$jar" -c "$jar" "$BASE/report" | token)
done
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${API_TOKEN[1]}" "$BASE/api/v1/me")" = 200 ] \
  || { echo "the bench token does not work"; exit 1; }

# batch DOOR CLIENTS TOTAL TAG: CLIENTS concurrent curl processes, TOTAL reports in all; prints seconds
batch() {
  local door=$1 clients=$2 total=$3 tag=$4 per=$(( $3 / $2 )) c i pids=() start
  local local_at iso_at
  local_at=$(discovered_local); iso_at=$(discovered_iso)
  for c in $(seq 1 "$clients"); do
    local cfg="$WORK/$door-$c.curl"
    : > "$cfg"
    for i in $(seq 1 "$per"); do
      [ "$i" -gt 1 ] && echo "next" >> "$cfg"
      if [ "$door" = api ]; then
        cat >> "$cfg" <<EOF
url = "$BASE/api/v1/reports"
output = "/dev/null"
header = "Authorization: Bearer ${API_TOKEN[$c]}"
header = "Content-Type: application/json"
write-out = "%{http_code} %{time_total}\\n"
data = "{\"description\":\"ベンチマークの報告 $tag $c-$i\",\"discoveredAt\":\"$iso_at\",\"stillHappening\":\"UNKNOWN\",\"source\":\"bench\"}"
EOF
      else
        cat >> "$cfg" <<EOF
url = "$BASE/report"
output = "/dev/null"
cookie = "$WORK/client$c.cookies"
write-out = "%{http_code} %{time_total}\\n"
data = "_csrf=${CSRF[$c]}"
data-urlencode = "description=ベンチマークの報告 $tag $c-$i"
data = "discoveredAt=$local_at"
data = "stillHappening=UNKNOWN"
EOF
      fi
    done
  done
  start=$EPOCHREALTIME
  for c in $(seq 1 "$clients"); do
    curl -s -K "$WORK/$door-$c.curl" > "$WORK/$door-$c.out" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.3f", e - s }'
  local expected=201; [ "$door" = form ] && expected=302
  local ok; ok=$(cat "$WORK"/$door-*.out | grep -c "^$expected " || true)
  [ "$ok" = "$total" ] || { echo " only $ok of $total $door reports accepted" >&2; sort "$WORK"/$door-*.out | uniq -c | head -3 >&2; exit 1; }
  cat "$WORK"/$door-*.out | awk '{ print $2 * 1000 }' > "$WORK/$door.times"
  rm -f "$WORK"/$door-*.out
}

# "rate median p99" of the last batch of a door
summary() {
  sort -n "$WORK/$1.times" | awk -v secs="$2" '{ t[NR] = $1 }
    END { printf "%7.1f/s   median %6.1f ms   p99 %6.1f ms", NR / secs, t[int((NR + 1) / 2)], t[int(NR * 0.99 + 0.5)] }'
}

INCIDENTS=$(sql "select count(*) from incident")
echo "== warm-up: $REPORTS reports through each door"
batch api 4 "$REPORTS" warm >/dev/null
batch form 4 "$REPORTS" warm >/dev/null

{
  echo "Hikeshi report intake, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, commit $(git rev-parse --short HEAD), $REPORTS reports a run"
  echo "incidents at the start: $INCIDENTS"
  for c in $COUNTS; do
    s=$(batch api "$c" "$REPORTS" "api$c");   echo "  API  (POST /api/v1/reports), $(printf '%2d' "$c") clients: $(summary api "$s")"
    s=$(batch form "$c" "$REPORTS" "form$c"); echo "  form (POST /report),         $(printf '%2d' "$c") clients: $(summary form "$s")"
  done
  echo "incidents at the end: $(sql "select count(*) from incident")"
} | tee "$RESULTS/latest.txt"
