#!/usr/bin/env bash
# Hikeshi's speed benchmark. Seeds a PostgreSQL with 100,000 incidents and 1,000,000 timeline
# entries, starts the application jar against it, and times, over loopback, the dashboard, the
# incident list, the incident page and the report form submission: median, p95 and throughput.
#
#   bench/run.sh [requests per page, default 200]
#
# Needs PostgreSQL server binaries (Debian: apt-get install postgresql; BENCH_PG_BIN to point
# elsewhere), curl and a JDK. Runs as root by starting PostgreSQL as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${1:-200}
PG_BIN=${BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_PORT=${BENCH_PG_PORT:-55432}
APP_PORT=${BENCH_APP_PORT:-18080}
WORK=$(mktemp -d /tmp/hikeshi-bench.XXXXXX)
RESULTS=bench/results
mkdir -p "$RESULTS"
chmod 777 "$WORK"
PASSWORD="tall-Lighthouse-keeps-41"

cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  su postgres -c "$PG_BIN/pg_ctl -D $WORK/pgdata stop -m fast" >/dev/null 2>&1 || true
  cp "$WORK/app.log" "$RESULTS/app.log" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building the jar"
./mvnw -B -q -DskipTests package
JAR=$(ls target/hikeshi-*.jar | grep -v original | head -n 1)
[ -n "$JAR" ] || { echo "no jar in target/"; exit 1; }

echo "== starting PostgreSQL ($PG_BIN)"
su postgres -c "$PG_BIN/initdb -D $WORK/pgdata -U postgres --auth=trust" >/dev/null
su postgres -c "$PG_BIN/pg_ctl -D $WORK/pgdata -o '-p $PG_PORT -k $WORK' -l $WORK/pg.log -w start" >/dev/null
psql -h localhost -p "$PG_PORT" -U postgres -qc "create database hikeshi"

echo "== starting Hikeshi"
SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/hikeshi" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD= java -Xmx1g -jar "$JAR" --server.port="$APP_PORT" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$APP_PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done

echo "== seeding 100,000 incidents and 1,000,000 timeline entries"
psql -h localhost -p "$PG_PORT" -U postgres -d hikeshi -q -f bench/seed.sql

BASE="http://localhost:$APP_PORT"
JAR_COOKIES="$WORK/cookies"
token() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

echo "== first-run setup and sign-in"
T=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/setup" | token)
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/setup" --data-urlencode "_csrf=$T" \
  --data-urlencode "companyName=ベンチマーク株式会社" -d industry=MANUFACTURING -d username=bench \
  --data-urlencode "displayName=計測" -d additionalRoles=SECURITY_LEAD -d additionalRoles=EXECUTIVE \
  -d "password=$PASSWORD" -d "passwordConfirmation=$PASSWORD")
[ "$STATUS" = 302 ] || { echo "first-run setup failed ($STATUS)"; exit 1; }
T=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | token)
curl -s -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" -d "_csrf=$T" -d username=bench -d "password=$PASSWORD"

INCIDENTS=$(psql -h localhost -p "$PG_PORT" -U postgres -d hikeshi -Atc "select count(*) from incident")
ENTRIES=$(psql -h localhost -p "$PG_PORT" -U postgres -d hikeshi -Atc "select count(*) from incident_timeline_entry")
FIRST=$(psql -h localhost -p "$PG_PORT" -U postgres -d hikeshi -Atc "select min(id) from incident")

# time one page N times; prints "name median_ms p95_ms requests_per_second"
measure() {
  local name=$1; shift
  local times="$WORK/$name.times"
  : > "$times"
  for i in $(seq 1 10); do "$@" "$i" >/dev/null; done   # warm-up
  local start end
  start=$(date +%s.%N)
  for i in $(seq 1 "$REQUESTS"); do "$@" "$i" >> "$times"; done
  end=$(date +%s.%N)
  sort -n "$times" | awk -v n="$name" -v s="$start" -v e="$end" '
    { t[NR] = $1 * 1000 }
    END { m = t[int((NR + 1) / 2)]; p = t[int(NR * 0.95 + 0.5)];
          printf "%-18s median %7.1f ms   p95 %7.1f ms   %6.1f req/s\n", n, m, p, NR / (e - s) }'
}
get() { curl -s -o /dev/null -w '%{time_total}\n' -b "$JAR_COOKIES" "$BASE$1"; }
dashboard() { get "/dashboard"; }
list() { get "/incidents?page=$(( $1 % 50 ))"; }
page() { get "/incidents/$(( FIRST + ($1 * 7919) % INCIDENTS ))"; }
REPORT_TOKEN=$(curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE/report" | token)
report() {
  curl -s -o /dev/null -w '%{time_total}\n' -b "$JAR_COOKIES" "$BASE/report" -d "_csrf=$REPORT_TOKEN" \
    --data-urlencode "description=ベンチマークの報告 $1" -d "discoveredAt=$(date +%Y-%m-%dT%H:%M)" -d stillHappening=UNKNOWN
}

{
  echo "Hikeshi benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $REQUESTS requests per page, one client over loopback"
  echo "rows: $INCIDENTS incidents, $ENTRIES timeline entries"
  measure dashboard dashboard
  measure incident-list list
  measure incident-page page
  measure report-submit report
} | tee "$RESULTS/latest.txt"
