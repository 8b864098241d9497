#!/usr/bin/env bash
# Hikeshi's benchmark: every target of issue #15 measured in one run, printed as one table.
#
#   bench/run.sh
#
# 1. starts a throw-away PostgreSQL (Debian's server binaries; fsync on), a webhook receiver
#    (bench/HookSink.java) and an SMTP server that accepts every mail (bench/SmtpSink.java);
# 2. starts the jar on the empty database (start, empty: JVM launch to /actuator/health UP),
#    completes the first-run setup (a security lead with an address, who gets a mail per report),
#    adds a member of staff who reports, an API token and a webhook endpoint for every event;
# 3. stops it and seeds bench/seed.sql: 1,000,000 incidents and 10,000,000 timeline entries,
#    each phase timed (target: under 5 minutes);
# 4. starts it again on the migrated database (start, migrated: the median of BENCH_STARTS);
# 5. makes one incident with 200 timeline entries, 30 checklist items and 10 evidence files
#    through the REST API and the pages;
# 6. warms the server up (every path below, BENCH_WARMUP times), then
#    times with one client over loopback (curl, keep-alive): the incident list searched for
#    Japanese of 1, 2 and 3+ characters, ASCII words and references; the dashboard for a period
#    of about 10,000 incidents and for one of all of them; the incident page and its whole timeline;
# 7. report intake (bench/Load.java, the staff form) with notifications and webhooks on: 4 clients,
#    then 8 clients for 60 s, after which the application's PSS is read (/proc/PID/smaps_rollup);
# 8. stops the application and measures the PostgreSQL limit with pgbench: one incident and one
#    timeline row per transaction, 4 clients, synchronous commit.
# Prints one table (measure | figure | target | held) and keeps it in bench/results/latest.txt.
#
# Environment:
#   HIKESHI_JAVA_OPTS  the JVM options the application runs with (default: the README's jar command's,
#                      @src/main/jvm/jvm.options and the build's class-data-sharing archive
#                      target/hikeshi/hikeshi.jsa)
#   BENCH_INCIDENTS    incidents to seed (1000000; 20000 for a quick dry run)
#   BENCH_REQUESTS     timed requests per row (100), after 10 to warm up
#   BENCH_WARMUP       before any row is timed, every timed path is asked this many times, in turns (40)
#   BENCH_STARTS       starts on the migrated database, the median kept (3)
#   BENCH_INTAKE_SECONDS (30), BENCH_MEMORY_SECONDS (60), BENCH_PGBENCH_SECONDS (20)
#   BENCH_NO_BUILD=1   use target/hikeshi's jar; BENCH_PG_BIN; BENCH_PG_PORT (55660); BENCH_APP_PORT (18160)
#   BENCH_KEEP=1       leave the database (and its data directory) for a look afterwards
set -euo pipefail
cd "$(dirname "$0")/.."

INCIDENTS=${BENCH_INCIDENTS:-1000000}
REQUESTS=${BENCH_REQUESTS:-100}
WARMUP=${BENCH_WARMUP:-40}
STARTS=${BENCH_STARTS:-3}
INTAKE_SECONDS=${BENCH_INTAKE_SECONDS:-30}
PGBENCH_SECONDS=${BENCH_PGBENCH_SECONDS:-20}
MEMORY_SECONDS=${BENCH_MEMORY_SECONDS:-60}
PG_BIN=${BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_PORT=${BENCH_PG_PORT:-55660}
APP_PORT=${BENCH_APP_PORT:-18160}
HOOK_PORT=$((APP_PORT + 1))
SMTP_PORT=$((APP_PORT + 2))
# the JVM options a user runs the jar with (README, "Memory and start"): the project's jvm.options and
# the class-data-sharing archive the build makes beside the unpacked jar
if [ -z "${HIKESHI_JAVA_OPTS+x}" ]; then
  HIKESHI_JAVA_OPTS="@$PWD/src/main/jvm/jvm.options -XX:SharedArchiveFile=$PWD/target/hikeshi/hikeshi.jsa"
fi
WORK=$(mktemp -d /tmp/hikeshi-bench.XXXXXX)
RESULTS=bench/results
mkdir -p "$RESULTS"
chmod 777 "$WORK"
PASSWORD="tall-Lighthouse-keeps-41"
BASE="http://localhost:$APP_PORT"
RUN_START=$EPOCHREALTIME

cleanup() {
  if [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null; then
    for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  [ -n "${HOOK_PID:-}" ] && kill "$HOOK_PID" 2>/dev/null || true
  [ -n "${SMTP_PID:-}" ] && kill "$SMTP_PID" 2>/dev/null || true
  cp "$WORK"/*.log "$RESULTS/" 2>/dev/null || true
  if [ -z "${BENCH_KEEP:-}" ]; then
    su postgres -c "$PG_BIN/pg_ctl -D $WORK/pgdata stop -m fast" >/dev/null 2>&1 || true
    rm -rf "$WORK"
  else
    echo "kept: PostgreSQL on port $PG_PORT, data in $WORK/pgdata"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sql() { psql -h localhost -p "$PG_PORT" -U postgres -d hikeshi -v ON_ERROR_STOP=1 -Atqc "$1"; }
# the page's first CSRF token (awk reads to the end: head would stop grep with SIGPIPE, fatal under pipefail)
token() { grep -o 'name="_csrf" value="[^"]*"' | awk 'NR == 1 { sub(/.*value="/, ""); sub(/"$/, ""); print }'; }
uri() { jq -rn --arg v "$1" '$v | @uri'; }
since() { awk -v s="$1" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }'; }
load() { awk '{ print $1 }' /proc/loadavg; }

[ -f bench/Load.java ] || { echo "bench/Load.java (the intake load generator) is missing"; exit 1; }

echo "== building the jar"
if [ -z "${BENCH_NO_BUILD:-}" ]; then ./mvnw -B -o -q -DskipTests package; fi
# the unpacked jar the build leaves in target/hikeshi, as the README runs it
JAR=$(ls "$PWD"/target/hikeshi/hikeshi-*.jar | head -n 1)
[ -n "$JAR" ] || { echo "no jar in target/"; exit 1; }
echo "   JVM options: $HIKESHI_JAVA_OPTS"

echo "== starting PostgreSQL ($PG_BIN), the webhook receiver and the SMTP sink"
su postgres -c "$PG_BIN/initdb -D $WORK/pgdata -U postgres --auth=trust" >/dev/null
# a larger WAL between checkpoints for the bulk load; everything else as installed (fsync on)
su postgres -c "$PG_BIN/pg_ctl -D $WORK/pgdata -o '-p $PG_PORT -k $WORK -c max_wal_size=4GB' -l $WORK/pg.log -w start" >/dev/null
psql -h localhost -p "$PG_PORT" -U postgres -qc "create database hikeshi"
java -XX:TieredStopAtLevel=1 bench/HookSink.java "$HOOK_PORT" > "$WORK/hooks.log" 2>&1 &
HOOK_PID=$!
: > "$WORK/mail.log"
java -XX:TieredStopAtLevel=1 bench/SmtpSink.java "$SMTP_PORT" "$WORK/mail.log" > "$WORK/smtp.log" 2>&1 &
SMTP_PID=$!
for _ in $(seq 1 100); do grep -q listening "$WORK/smtp.log" 2>/dev/null && grep -q sink "$WORK/hooks.log" 2>/dev/null && break; sleep 0.2; done

# start_app NAME: launches the jar as a user does (HIKESHI_JAVA_OPTS), waits for health UP and
# sets APP_PID and STARTED_IN (seconds from launch)
start_app() {
  local name=$1 started=$EPOCHREALTIME
  if curl -s -o /dev/null "$BASE/actuator/health"; then echo "something already answers on port $APP_PORT" >&2; exit 1; fi
  # in $WORK: the key for secrets it makes on first start lands there (data/secret.key)
  # shellcheck disable=SC2086
  (cd "$WORK" && MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/hikeshi" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATASOURCE_PASSWORD= exec java $HIKESHI_JAVA_OPTS -jar "$JAR" --server.port="$APP_PORT" \
    --hikeshi.public-base-url="$BASE" --hikeshi.api.requests-per-minute=10000000 \
    --hikeshi.integrations.allow-local-addresses=true \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
    --spring.mail.properties.mail.smtp.starttls.enable=false --spring.mail.properties.mail.smtp.starttls.required=false \
    > "$WORK/app-$name.log" 2>&1) &
  APP_PID=$!
  until curl -sf -o /dev/null "$BASE/actuator/health"; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $RESULTS/app-$name.log" >&2; exit 1; }
    sleep 0.05
  done
  STARTED_IN=$(since "$started")
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

echo "== start on the empty database"
start_app empty
START_EMPTY=$STARTED_IN
START_EMPTY_LOAD=$(load)
echo "   ${START_EMPTY} s"

echo "== first-run setup, a member of staff, an API token, a webhook endpoint"
COOKIES="$WORK/bench.cookies"
T=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/setup" | token)
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -c "$COOKIES" -b "$COOKIES" "$BASE/setup" --data-urlencode "_csrf=$T" \
  --data-urlencode "companyName=ベンチマーク株式会社" -d industry=MANUFACTURING -d username=bench \
  --data-urlencode "displayName=計測 太郎" -d email=bench@bench.example -d additionalRoles=SECURITY_LEAD \
  -d additionalRoles=EXECUTIVE -d requireSecondFactor=false -d "password=$PASSWORD" -d "passwordConfirmation=$PASSWORD")
[ "$STATUS" = 302 ] || { echo "first-run setup failed ($STATUS)"; exit 1; }
# the member of staff who reports shares bench's password (its hash copied); bench, the lead, is told
sql "update user_account set email = 'bench@bench.example' where username = 'bench';
     insert into user_account (username, display_name, email, password_hash, created_at, updated_at)
       select 'staff', '従業員', null, password_hash, now(), now() from user_account where username = 'bench';
     insert into user_account_role (user_account_id, role) select id, 'REPORTER' from user_account where username = 'staff'"
ROLES=$(sql "select string_agg(r.role, ',' order by array_position(array['REPORTER','SECURITY_LEAD','RESPONDER','EXECUTIVE','ADMIN']::varchar[], r.role))
             from user_account_role r join user_account u on u.id = r.user_account_id where u.username = 'bench'")
SECRET="hks_bench$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
sql "insert into api_token (owner, name, token_hash, hint, roles, created_at, expires_at)
     values ('bench', 'bench', '$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)', '${SECRET:0:8}…', '$ROLES', now(), now() + interval '1 day')"
# api URL [curl options]: the answer's body; stops the run, with the answer, on anything but 2xx
api() {
  local out code
  out=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $SECRET" -H "Content-Type: application/json" "$@")
  code=${out##*$'\n'}
  [[ $code == 2* ]] || { echo "API $1 answered $code: ${out%$'\n'*}" >&2; exit 1; }
  printf '%s' "${out%$'\n'*}"
}
api "$BASE/api/v1/webhooks" -d "{\"name\": \"ベンチマーク\", \"url\": \"http://127.0.0.1:$HOOK_PORT/hikeshi\",
  \"events\": [\"report.received\", \"incident.state_changed\", \"incident.closed\"]}" >/dev/null \
  || { echo "the webhook endpoint was refused"; exit 1; }
stop_app

echo "== seeding $INCIDENTS incidents and $((INCIDENTS * 10)) timeline entries"
SEED_START=$EPOCHREALTIME
SEED_LOAD_BEFORE=$(load)
psql -h localhost -p "$PG_PORT" -U postgres -d hikeshi -q -v incidents="$INCIDENTS" -f bench/seed.sql | sed '/^$/d; s/^ */   /' | tee "$WORK/seed.log"
SEED_SECONDS=$(since "$SEED_START")
echo "   ${SEED_SECONDS} s in all"

echo "== start on the migrated database, $STARTS times"
: > "$WORK/starts"
for _ in $(seq 1 "$STARTS"); do
  [ -n "${APP_PID:-}" ] && stop_app
  start_app migrated; echo "$STARTED_IN" >> "$WORK/starts"; echo "   $STARTED_IN s"
done
START_MIGRATED=$(sort -n "$WORK/starts" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
START_MIGRATED_LOAD=$(load)

echo "== one incident with 200 timeline entries, 30 checklist items and 10 evidence files"
T=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/login" | token)
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" "$BASE/login" -d "_csrf=$T" -d username=bench -d "password=$PASSWORD"
AT=$(date -u -d '-1 day' +%Y-%m-%dT%H:%M:%SZ)
report() {
  api "$BASE/api/v1/reports" -d "{\"description\": \"経理部のPCに身代金要求の画面が表示された。共有フォルダのファイルが開けない。\",
    \"discoveredAt\": \"$AT\", \"stillHappening\": \"YES\", \"source\": \"bench\"}" | jq -r .id
}
escalate() {
  local v; v=$(api "$BASE/api/v1/incidents/$1" | jq -r .version)
  api "$BASE/api/v1/incidents/$1/transitions" -d "{\"transition\": \"TAKE\", \"version\": $v}" >/dev/null
  v=$(api "$BASE/api/v1/incidents/$1" | jq -r .version)
  api "$BASE/api/v1/incidents/$1/transitions" -d "{\"transition\": \"ESCALATE\", \"version\": $v,
    \"category\": \"VIRUS_RANSOMWARE\", \"severity\": \"HIGH\", \"note\": \"経理PCで暗号化を確認\"}" >/dev/null
}
# the playbook's own points make up the checklist to 30 (the built-in ones counted on a probe incident)
PROBE=$(report); escalate "$PROBE"
BUILTIN=$(sql "select count(*) from incident_checklist_item where incident_id = $PROBE")
for i in $(seq $((BUILTIN + 1)) 30); do
  T=$(curl -s -b "$COOKIES" -c "$COOKIES" "$BASE/admin/playbooks" | token)
  curl -s -o /dev/null -b "$COOKIES" -c "$COOKIES" "$BASE/admin/playbooks" -d "_csrf=$T" \
    --data-urlencode "text=自社の手順 $i：関係部署へ連絡し、対応状況を記録する" -d active=true
done
ID=$(report); escalate "$ID"
for i in $(seq 1 10); do
  head -c $((20000 + i * 1000)) /dev/urandom > "$WORK/evidence-$i.bin"
  T=$(curl -s -b "$COOKIES" -c "$COOKIES" "$BASE/incidents/$ID/evidence" | token)
  curl -s -o /dev/null -b "$COOKIES" -c "$COOKIES" "$BASE/incidents/$ID/evidence" -H "X-CSRF-TOKEN: $T" \
    -F "file=@$WORK/evidence-$i.bin;filename=ログ$i.bin" -F "collectedFrom=経理部PC" -F "description=証拠 $i"
done
HAVE=$(sql "select count(*) from incident_timeline_entry where incident_id = $ID")
for i in $(seq $((HAVE + 1)) 200); do
  api "$BASE/api/v1/incidents/$ID/notes" -d "{\"text\": \"対応メモ $i：ファイルサーバーのログを確認し、不審な接続元（10.0.$((i % 250)).$((i % 200))）を遮断した。\"}" >/dev/null
done
PAGE_SHAPE=$(sql "select (select count(*) from incident_timeline_entry where incident_id = $ID) || ' entries, '
                  || (select count(*) from incident_checklist_item where incident_id = $ID) || ' checklist items, '
                  || (select count(*) from evidence where incident_id = $ID) || ' evidence files'")
echo "   incident $ID: $PAGE_SHAPE"

# timed NAME PATH...: REQUESTS requests over one keep-alive connection, cycling through the paths,
# after 10 to warm up; keeps each time in ms in $WORK/NAME.times and prints "median p95"
timed() {
  local name=$1; shift
  local paths=("$@") cfg="$WORK/$name.curl" i n=${#paths[@]}
  : > "$cfg"
  for i in $(seq 0 $((REQUESTS + 9))); do
    printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "${paths[$((i % n))]}" >> "$cfg"
  done
  curl -s -b "$COOKIES" -K "$cfg" -w '%{http_code} %{time_total}\n' > "$WORK/$name.out"
  if grep -vq '^200 ' "$WORK/$name.out"; then echo "$name: not every answer was 200:" >&2; sort "$WORK/$name.out" | awk '{print $1}' | uniq -c >&2; exit 1; fi
  tail -n +11 "$WORK/$name.out" | awk '{ printf "%.2f\n", $2 * 1000 }' | sort -n > "$WORK/$name.times"
  awk '{ t[NR] = $1 } END { printf "%.1f %.1f", t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.5)] }' "$WORK/$name.times"
}
search() { local q p=(); for q in "$@"; do p+=("/incidents?text=$(uri "$q")"); done; echo "${p[@]}"; }

REFS=$(sql "select string_agg(reference, ' ') from (select reference from incident where reported_by = 'bench-staff'
            order by id desc offset $((INCIDENTS / 3)) limit 3) r")
TODAY=$(TZ=Asia/Tokyo date +%F)
SMALL_FROM=$(sql "select (reported_at at time zone 'Asia/Tokyo')::date from incident where not drill and category is not null
                  order by reported_at desc offset 9999 limit 1")
ALL_FROM=$(sql "select (min(reported_at) at time zone 'Asia/Tokyo')::date from incident")
SMALL_COUNT=$(sql "select count(*) from incident where not drill and category is not null and reported_at >= '$SMALL_FROM'::date::timestamp at time zone 'Asia/Tokyo'")
ALL_COUNT=$(sql "select count(*) from incident where not drill and category is not null and reported_at >= '$ALL_FROM'::date::timestamp at time zone 'Asia/Tokyo'")

# the server as it runs for weeks, not as it just started: every path timed below is asked WARMUP
# times first, in turns. The JIT compiles a method after about 800 calls (jvm.options:
# CompileThresholdScaling=4), so code that runs once a page is interpreted for the first few hundred
# pages after a start; 10 requests a row left a row's shared code (filters, security, the session)
# half-compiled, and the first rows slower for it.
# shellcheck disable=SC2046
WARM_PATHS=($(search メ 盗 炎 紛失 ログ 火災 ランサムウェア 請求書メール 不審な接続元 標的型攻撃 VPN emotet windows phishing $REFS 12345)
            "/incidents" "/dashboard?from=$SMALL_FROM&to=$TODAY" "/dashboard?from=$ALL_FROM&to=$TODAY" "/incidents/$ID"
            "/incidents/$ID/timeline")
echo "== warming up: ${#WARM_PATHS[@]} paths, $WARMUP times each (load $(load))"
: > "$WORK/warm.curl"
for _ in $(seq 1 "$WARMUP"); do
  for path in "${WARM_PATHS[@]}"; do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "$path" >> "$WORK/warm.curl"; done
done
WARM_START=$EPOCHREALTIME
curl -s -b "$COOKIES" -K "$WORK/warm.curl" -w '%{http_code}\n' | sort | uniq -c | sed 's/^ */   answers: /'
echo "   $(since "$WARM_START") s"

echo "== timing pages, $REQUESTS requests a row (load $(load))"
declare -A FIG
# shellcheck disable=SC2046
{
FIG[s1]=$(timed search-1 $(search メ 盗 炎));                       echo "   search, 1 character (メ 盗 炎): ${FIG[s1]}"
FIG[s2]=$(timed search-2 $(search 紛失 ログ 火災));                 echo "   search, 2 characters (紛失 ログ 火災): ${FIG[s2]}"
FIG[s3]=$(timed search-3 $(search ランサムウェア 請求書メール 不審な接続元 標的型攻撃)); echo "   search, 3+ characters: ${FIG[s3]}"
FIG[sa]=$(timed search-ascii $(search VPN emotet windows phishing)); echo "   search, ASCII words: ${FIG[sa]}"
# shellcheck disable=SC2086
FIG[sr]=$(timed search-ref $(search $REFS 12345));                  echo "   search, references ($REFS 12345): ${FIG[sr]}"
FIG[list]=$(timed list "/incidents");                               echo "   list, first 50: ${FIG[list]}"
FIG[dsmall]=$(timed dashboard-small "/dashboard?from=$SMALL_FROM&to=$TODAY"); echo "   dashboard $SMALL_FROM..$TODAY ($SMALL_COUNT): ${FIG[dsmall]}"
FIG[dall]=$(timed dashboard-all "/dashboard?from=$ALL_FROM&to=$TODAY");       echo "   dashboard $ALL_FROM..$TODAY ($ALL_COUNT): ${FIG[dall]}"
FIG[page]=$(timed incident-page "/incidents/$ID");                  echo "   incident page: ${FIG[page]}"
FIG[whole]=$(timed timeline-page "/incidents/$ID/timeline");        echo "   the whole timeline: ${FIG[whole]}"
}
PAGES_LOAD=$(load)

echo "== report intake with notifications and webhooks on"
HOOKS_BEFORE=$(curl -s "http://127.0.0.1:$HOOK_PORT/count")
INTAKE4=$(java bench/Load.java "$BASE" staff "$PASSWORD" 4 "$INTAKE_SECONDS" 10 | tee "$WORK/intake-4.txt")
INTAKE4_LOAD=$(load)
echo "   $INTAKE4"
INTAKE8=$(java bench/Load.java "$BASE" staff "$PASSWORD" 8 "$MEMORY_SECONDS" | tee "$WORK/intake-8.txt")
PSS_KB=$(awk '/^Pss:/ { print $2 }' "/proc/$APP_PID/smaps_rollup")
RSS_KB=$(awk '/^Rss:/ { print $2 }' "/proc/$APP_PID/smaps_rollup")
MEMORY_LOAD=$(load)
echo "   $INTAKE8"
echo "   PSS $((PSS_KB / 1024)) MB, RSS $((RSS_KB / 1024)) MB"
sleep 5   # the outbox's last deliveries of the run
HOOKS=$(( $(curl -s "http://127.0.0.1:$HOOK_PORT/count") - HOOKS_BEFORE ))
MAILS=$(wc -l < "$WORK/mail.log")
REPORTS=$(sql "select count(*) from incident where reported_by = 'staff'")
echo "   $REPORTS reports made, $HOOKS webhook deliveries and $MAILS mails received so far"
stop_app

echo "== the PostgreSQL limit: pgbench, one incident and one timeline row per transaction, 4 clients, ${PGBENCH_SECONDS} s"
sql "create sequence bench_pgbench_seq"
cat > "$WORK/pgbench.sql" <<'EOF'
with i as (
  insert into incident (reference, title, description, state, discovered_at, reported_at, reported_by, timeline_length, timeline_head)
  values ('PGB-' || nextval('bench_pgbench_seq'), 'pgbench の報告', '共有フォルダのファイルが開けない', 'REPORTED', now(), now(), 'pgbench', 1, md5(random()::text))
  returning id, timeline_head)
insert into incident_timeline_entry (incident_id, sequence, occurred_at, actor, kind, to_state, previous_hash, hash, shared_with_reporter)
select id, 1, now(), 'pgbench', 'REPORTED', 'REPORTED', '', timeline_head, true from i;
EOF
PGBENCH_LOAD_BEFORE=$(load)
pgbench -h localhost -p "$PG_PORT" -U postgres -n -c 4 -j 2 -T "$PGBENCH_SECONDS" -f "$WORK/pgbench.sql" hikeshi > "$WORK/pgbench.log" 2>&1
LIMIT=$(awk '/^tps = / { printf "%.0f", $3; exit }' "$WORK/pgbench.log")
echo "   $LIMIT transactions/s (load before: $PGBENCH_LOAD_BEFORE)"

# the table
field() { awk -v k="$2" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }' <<< "$1" | tr -d '/s'; }
median() { cut -d' ' -f1 <<< "$1"; }
p95() { cut -d' ' -f2 <<< "$1"; }
held() { awk -v c="$1" 'BEGIN { print (c ? "yes" : "no") }'; }
RATE4=$(field "$INTAKE4" rate); RATE8=$(field "$INTAKE8" rate)
PSS_MB=$((PSS_KB / 1024))
RATIO=$(awk -v a="$(median "${FIG[dall]}")" -v b="$(median "${FIG[dsmall]}")" 'BEGIN { printf "%.2f", a / b }')
SHARE=$(awk -v a="$RATE4" -v b="$LIMIT" 'BEGIN { printf "%.0f", 100 * a / b }')
row() { printf '| %s | %s | %s | %s |\n' "$@"; }
searchrow() {
  local m p; m=$(median "$2"); p=$(p95 "$2")
  row "search, $1" "median $m ms, p95 $p ms" "≤ 20 ms, ≤ 50 ms" "$(held "$(awk -v m="$m" -v p="$p" 'BEGIN { print (m <= 20 && p <= 50) }')")"
}
{
  echo "Hikeshi benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '+changes'), $(nproc) cores"
  echo "$INCIDENTS incidents and $((INCIDENTS * 10)) timeline entries seeded in ${SEED_SECONDS} s (load ${SEED_LOAD_BEFORE} before); $REQUESTS requests a row, one client"
  echo "JVM options: $HIKESHI_JAVA_OPTS ($( [[ $HIKESHI_JAVA_OPTS == @* ]] && grep -v '^#' "$(cut -d' ' -f1 <<< "${HIKESHI_JAVA_OPTS#@}")" | tr '\n' ' '))"
  echo
  echo "| measure | figure | target | held |"
  echo "|---|---|---|---|"
  searchrow "1 character (メ 盗 炎)" "${FIG[s1]}"
  searchrow "2 characters (紛失 ログ 火災)" "${FIG[s2]}"
  searchrow "3+ characters (ランサムウェア 請求書メール 不審な接続元 標的型攻撃)" "${FIG[s3]}"
  searchrow "ASCII words (VPN emotet windows phishing)" "${FIG[sa]}"
  searchrow "references" "${FIG[sr]}"
  row "list, first 50, no filter" "median $(median "${FIG[list]}") ms, p95 $(p95 "${FIG[list]}") ms" "–" "–"
  row "dashboard, $SMALL_COUNT incidents in the period" "median $(median "${FIG[dsmall]}") ms, p95 $(p95 "${FIG[dsmall]}") ms" "≤ 50 ms" "$(held "$(awk -v m="$(median "${FIG[dsmall]}")" 'BEGIN { print (m <= 50) }')")"
  row "dashboard, $ALL_COUNT incidents in the period" "median $(median "${FIG[dall]}") ms, p95 $(p95 "${FIG[dall]}") ms" "≤ 50 ms" "$(held "$(awk -v m="$(median "${FIG[dall]}")" 'BEGIN { print (m <= 50) }')")"
  row "dashboard, flat: all / 10,000" "$RATIO" "≤ 1.5" "$(held "$(awk -v r="$RATIO" 'BEGIN { print (r <= 1.5) }')")"
  row "incident page ($PAGE_SHAPE; it shows the newest 50 entries)" "median $(median "${FIG[page]}") ms, p95 $(p95 "${FIG[page]}") ms" "≤ 10 ms" "$(held "$(awk -v m="$(median "${FIG[page]}")" 'BEGIN { print (m <= 10) }')")"
  row "its whole timeline (200 entries)" "median $(median "${FIG[whole]}") ms, p95 $(p95 "${FIG[whole]}") ms" "–" "–"
  row "memory, PSS after $MEMORY_SECONDS s of 8-client intake" "$PSS_MB MB (RSS $((RSS_KB / 1024)) MB; $RATE8/s)" "≤ 300 MB" "$(held "$(( PSS_MB <= 300 ))")"
  row "start, migrated database ($STARTS starts, median)" "$START_MIGRATED s" "≤ 5 s" "$(held "$(awk -v s="$START_MIGRATED" 'BEGIN { print (s <= 5) }')")"
  row "start, empty database" "$START_EMPTY s" "≤ 10 s" "$(held "$(awk -v s="$START_EMPTY" 'BEGIN { print (s <= 10) }')")"
  row "intake, 4 clients, notifications and webhooks on" "$RATE4/s, $SHARE % of the limit (median $(field "$INTAKE4" median) ms, p99 $(field "$INTAKE4" p99) ms)" "≥ 600/s" "$(held "$(awk -v r="$RATE4" 'BEGIN { print (r >= 600) }')")"
  row "PostgreSQL limit (pgbench, 4 clients, fsync on)" "$LIMIT/s" "–" "–"
  echo
  echo "load average (1 min): seed $SEED_LOAD_BEFORE, starts $START_EMPTY_LOAD / $START_MIGRATED_LOAD, pages $PAGES_LOAD, intake $INTAKE4_LOAD, memory $MEMORY_LOAD, pgbench $PGBENCH_LOAD_BEFORE"
  echo "intake: $REPORTS reports, $HOOKS webhook deliveries and $MAILS mails received during the run"
  grep '^   seed:' "$WORK/seed.log" | sed 's/^   //'
  echo "whole run: $(since "$RUN_START") s"
} | tee "$RESULTS/latest.txt"
