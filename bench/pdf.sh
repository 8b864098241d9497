#!/usr/bin/env bash
# The incident report and the required-items record as PDF, for an incident with a 200-entry timeline.
#
#   bench/pdf.sh [requests per document, default 50]
#
# Starts a throw-away PostgreSQL (Debian's server binaries), starts the jar, completes the
# first-run setup, makes one incident through the REST API (reported, taken, escalated, then
# notes until its timeline holds 200 entries), signs in, fetches each PDF 10 times to warm up,
# then times GET /incidents/{id}/report.pdf and /record.pdf one after the other with one client
# over loopback (curl's time_total). Prints median, p95, the PDF's size and keeps the last PDFs.
# Environment: HIKESHI_JAVA_OPTS (the JVM options, by default the README's jar command's: jvm.options
# and the class-data-sharing archive), BENCH_NO_BUILD=1 (use target/hikeshi's jar), BENCH_PG_BIN,
# BENCH_PG_PORT (55435), BENCH_APP_PORT (18083). Results in bench/results/pdf/.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-50}
ENTRIES=200
PG_BIN=${BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_PORT=${BENCH_PG_PORT:-55435}
APP_PORT=${BENCH_APP_PORT:-18083}
WORK=$(mktemp -d /tmp/hikeshi-bench-pdf.XXXXXX)
RESULTS=bench/results/pdf
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*
chmod 777 "$WORK"
PASSWORD="tall-Lighthouse-keeps-41"
BASE="http://localhost:$APP_PORT"

cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  su postgres -c "$PG_BIN/pg_ctl -D $WORK/pgdata stop -m fast" >/dev/null 2>&1 || true
  cp "$WORK"/*.log "$RESULTS/" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

sql() { psql -h localhost -p "$PG_PORT" -U postgres -d hikeshi -v ON_ERROR_STOP=1 -Atqc "$1"; }
token() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

echo "== building the jar"
if [ -z "${BENCH_NO_BUILD:-}" ]; then ./mvnw -B -o -q -DskipTests package; fi
# the unpacked jar the build leaves in target/hikeshi, run as the README runs it
JAR=$(ls "$PWD"/target/hikeshi/hikeshi-*.jar | head -n 1)
[ -n "$JAR" ] || { echo "no jar in target/hikeshi"; exit 1; }
if [ -z "${HIKESHI_JAVA_OPTS+x}" ]; then
  HIKESHI_JAVA_OPTS="@$PWD/src/main/jvm/jvm.options -XX:SharedArchiveFile=$PWD/target/hikeshi/hikeshi.jsa"
fi
echo "   JVM options: $HIKESHI_JAVA_OPTS"

echo "== starting PostgreSQL ($PG_BIN)"
su postgres -c "$PG_BIN/initdb -D $WORK/pgdata -U postgres --auth=trust" >/dev/null
su postgres -c "$PG_BIN/pg_ctl -D $WORK/pgdata -o '-p $PG_PORT -k $WORK' -l $WORK/pg.log -w start" >/dev/null
psql -h localhost -p "$PG_PORT" -U postgres -qc "create database hikeshi"

echo "== starting Hikeshi"
# in $WORK: the key for secrets it makes on first start lands there (data/secret.key)
# shellcheck disable=SC2086
(cd "$WORK" && SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/hikeshi" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD= MALLOC_ARENA_MAX=2 exec java $HIKESHI_JAVA_OPTS -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" \
  --server.port="$APP_PORT" --hikeshi.api.requests-per-minute=10000000 > "$WORK/app.log" 2>&1) &
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
  --data-urlencode "displayName=計測 太郎" -d additionalRoles=SECURITY_LEAD -d additionalRoles=EXECUTIVE \
  -d requireSecondFactor=false -d "password=$PASSWORD" -d "passwordConfirmation=$PASSWORD")
[ "$STATUS" = 302 ] || { echo "first-run setup failed ($STATUS)"; exit 1; }

# a personal API token, stored as the application stores them (a SHA-256 hash)
ROLES=$(sql "select string_agg(r.role, ',' order by array_position(array['REPORTER','SECURITY_LEAD','RESPONDER','EXECUTIVE','ADMIN']::varchar[], r.role))
             from user_account_role r join user_account u on u.id = r.user_account_id where u.username = 'bench'")
SECRET="hks_bench$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
HASH=$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)
sql "insert into api_token (owner, name, token_hash, hint, roles, created_at, expires_at)
     values ('bench', 'bench pdf', '$HASH', '${SECRET:0:8}…', '$ROLES', now(), now() + interval '1 day')"
api() { curl -sf -H "Authorization: Bearer $SECRET" -H "Content-Type: application/json" "$@"; }

echo "== one incident with $ENTRIES timeline entries"
AT=$(date -u -d '-1 day' +%Y-%m-%dT%H:%M:%SZ)
ID=$(api "$BASE/api/v1/reports" -d "{\"description\":\"経理部のPCに身代金要求の画面が表示された。共有フォルダのファイルが開けない。\",\"discoveredAt\":\"$AT\",\"stillHappening\":\"YES\",\"source\":\"bench\"}" | jq -r .id)
# the version a report starts with is the application's to choose: read, as a client does
V=$(api "$BASE/api/v1/incidents/$ID" | jq -r .version)
api "$BASE/api/v1/incidents/$ID/transitions" -d "{\"transition\": \"TAKE\", \"version\": $V}" >/dev/null
V=$(api "$BASE/api/v1/incidents/$ID" | jq -r .version)
api "$BASE/api/v1/incidents/$ID/transitions" -d "{\"transition\": \"ESCALATE\", \"version\": $V, \"category\": \"VIRUS_RANSOMWARE\", \"severity\": \"HIGH\", \"note\": \"経理PCで暗号化を確認\"}" >/dev/null
HAVE=$(sql "select count(*) from incident_timeline_entry where incident_id = $ID")
for i in $(seq $((HAVE + 1)) "$ENTRIES"); do
  api "$BASE/api/v1/incidents/$ID/notes" -d "{\"text\": \"対応メモ $i：ファイルサーバーのログを確認し、不審な接続元（10.0.$((i % 250)).$((i % 200))）を遮断した。影響範囲を引き続き調査する。\"}" >/dev/null
done
HAVE=$(sql "select count(*) from incident_timeline_entry where incident_id = $ID")
echo "   incident $ID, $HAVE timeline entries"

echo "== signing in"
COOKIES="$WORK/bench.cookies"
T=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/login" | token)
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" "$BASE/login" -d "_csrf=$T" -d username=bench -d "password=$PASSWORD"

# measure NAME URL: RUNS timed requests after 10 to warm up; prints median, p95, size
measure() {
  local name=$1 url=$2 i
  for i in $(seq 1 10); do curl -sf -b "$COOKIES" -o "$RESULTS/$name.pdf" "$url"; done
  : > "$WORK/$name.times"
  for i in $(seq 1 "$RUNS"); do
    curl -sf -b "$COOKIES" -o "$RESULTS/$name.pdf" -w '%{time_total}\n' "$url" | awk '{ printf "%.1f\n", $1 * 1000 }' >> "$WORK/$name.times"
  done
  sort -n "$WORK/$name.times" | awk -v size="$(stat -c %s "$RESULTS/$name.pdf")" '{ t[NR] = $1 }
    END { printf "median %6.1f ms   p95 %6.1f ms   max %6.1f ms   %d KB", t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.5)], t[NR], size / 1024 }'
}

{
  echo "Hikeshi PDFs, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, commit $(git rev-parse --short HEAD), $RUNS requests each, $HAVE timeline entries"
  echo "  report.pdf   $(measure report "$BASE/incidents/$ID/report.pdf")"
  echo "  record.pdf   $(measure record "$BASE/incidents/$ID/record.pdf")"
  echo "  report (HTML) $(for i in $(seq 1 "$RUNS"); do curl -sf -b "$COOKIES" -o /dev/null -w '%{time_total}\n' "$BASE/incidents/$ID/report"; done \
    | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "median %6.1f ms   p95 %6.1f ms", t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.5)] }')"
  echo "  heap: $(grep -c 'Pause Full' "$WORK/gc.log") full collections in the whole run, largest $(grep -o '([0-9]*M)' "$WORK/gc.log" | tr -d '()M' | sort -n | tail -n 1) MB; PSS after: $(awk '/^Pss:/ { print int($2 / 1024) }' "/proc/$APP_PID/smaps_rollup") MB"
} | tee "$RESULTS/latest.txt"
