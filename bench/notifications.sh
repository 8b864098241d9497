#!/usr/bin/env bash
# Hikeshi's notification benchmark. Starts a throw-away PostgreSQL, a local SMTP sink
# (bench/SmtpSink.java) and the application jar, completes the first-run setup, makes three
# security leads with mail addresses and one member of staff, and measures:
#
#  1. mail latency: from the commit of a staff report (the moment POST /report returned; the
#     commit happens before the response) to the sink accepting the leads' mails, over reports
#     submitted one after another;
#  2. intake rate with notifications off and on: reports per second with concurrent clients,
#     the application restarted between runs on the same database (restored from a template).
#
#   bench/notifications.sh [reports for latency, default 200] [reports per intake run, default 800]
#
# Every run starts from the same database (restored from a template made after the setup) and a
# fresh JVM, which is warmed up with BENCH_WARMUP reports (default 1600, from the concurrent
# clients) before anything is timed: a cold JVM takes reports at a third of its warm rate.
# Environment: BENCH_CLIENTS (4), BENCH_ROUNDS (3 off/on pairs, alternating), BENCH_WARMUP (1600),
# BENCH_PACED_MS (500: a second latency run with this pause between reports; 0 skips it),
# BENCH_SPLIT (1: each round also runs "unsent", the outbox written but the sender asleep; 0 skips it),
# BENCH_NO_BUILD=1 to use the jar already in target/, BENCH_PG_BIN, BENCH_PG_PORT (55433),
# BENCH_APP_PORT (18081), BENCH_SMTP_PORT (25252). Results in bench/results/notifications/.
# Does not load bench/seed.sql: the database holds only the reports submitted here.
set -euo pipefail
cd "$(dirname "$0")/.."

LATENCY_REPORTS=${1:-200}
INTAKE_REPORTS=${2:-800}
CLIENTS=${BENCH_CLIENTS:-4}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP=${BENCH_WARMUP:-1600}
SETTLE=5   # seconds of quiet after the warm-up's mails are out
PACED_MS=${BENCH_PACED_MS:-500}
SPLIT=${BENCH_SPLIT:-1}
PG_BIN=${BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_PORT=${BENCH_PG_PORT:-55433}
APP_PORT=${BENCH_APP_PORT:-18081}
SMTP_PORT=${BENCH_SMTP_PORT:-25252}
WORK=$(mktemp -d /tmp/hikeshi-bench-notify.XXXXXX)
RESULTS=bench/results/notifications
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*
chmod 777 "$WORK"
PASSWORD="tall-Lighthouse-keeps-41"
BASE="http://localhost:$APP_PORT"
LEADS=(bench lead2 lead3)
(( INTAKE_REPORTS % CLIENTS == 0 )) || { echo "reports per intake run must be a multiple of $CLIENTS clients"; exit 1; }

cleanup() {
  stop_app
  if [ -n "${SINK_PID:-}" ]; then kill "$SINK_PID" 2>/dev/null || true; fi
  su postgres -c "$PG_BIN/pg_ctl -D $WORK/pgdata stop -m fast" >/dev/null 2>&1 || true
  cp "$WORK"/*.log "$RESULTS/" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

sql() { psql -h localhost -p "$PG_PORT" -U postgres -d "${DB:-hikeshi}" -v ON_ERROR_STOP=1 -Atqc "$1"; }
token() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
# a discovery time a minute ago, in the company's zone (Asia/Tokyo, the setup's default)
discovered() { TZ=Asia/Tokyo date -d '-1 min' +%Y-%m-%dT%H:%M; }

# start_app NAME [arguments]: the jar against the database and the sink, until it is healthy
start_app() {
  local name=$1; shift
  SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/hikeshi" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATASOURCE_PASSWORD= java -Xmx1g -jar "$JAR" --server.port="$APP_PORT" \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
    --spring.mail.properties.mail.smtp.starttls.enable=false --spring.mail.properties.mail.smtp.starttls.required=false "$@" > "$WORK/app-$name.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 1
  done
  echo "Hikeshi did not start; see $RESULTS/app-$name.log"; exit 1
}

stop_app() {
  if [ -n "${APP_PID:-}" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
  fi
}

# restore_db: the database as it was after the setup (the application must be stopped)
restore_db() {
  DB=postgres sql "drop database if exists hikeshi"
  DB=postgres sql "create database hikeshi template hikeshi_base"
}

# sign_in USER JAR: a session in the cookie jar; prints the CSRF token of the report form
sign_in() {
  local user=$1 jar=$2 t status
  rm -f "$jar"
  t=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | token)
  status=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" "$BASE/login" \
    -d "_csrf=$t" -d "username=$user" -d "password=$PASSWORD")
  case "$status" in *error*|200*) echo "sign-in of $user failed ($status)" >&2; exit 1 ;; esac
  curl -s -b "$jar" -c "$jar" "$BASE/report" | token
}

# wait_for_mail TIMEOUT_S: until the outbox holds no pending mail; prints the seconds it took
wait_for_mail() {
  local start=$EPOCHREALTIME pending
  if [ "${SENDER_ASLEEP:-}" = 1 ]; then echo "-"; return 0; fi
  for _ in $(seq 1 $(( $1 * 5 ))); do
    pending=$(sql "select count(*) from notification where channel = 'EMAIL' and state = 'PENDING'")
    if [ "$pending" = 0 ]; then
      awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }'
      return 0
    fi
    sleep 0.2
  done
  echo "timeout ($pending mails still pending)"
}

mail_states() { sql "select state || coalesce(' ' || failure, '') || ': ' || count(*) from notification
                      where channel = 'EMAIL' group by state, failure order by 1" | paste -sd ' ' -; }

# CPU seconds used so far by the application, PostgreSQL (the postmaster and its backends) and the sink
cpu_ticks() { awk '{ s += $14 + $15 } END { print s + 0 }' "$@" 2>/dev/null || echo 0; }
cpu_snapshot() {
  local pm; pm=$(head -n 1 "$WORK/pgdata/postmaster.pid")
  echo "$(cpu_ticks /proc/"$APP_PID"/stat) $(cpu_ticks /proc/"$pm"/stat $(ps -o pid= --ppid "$pm" | awk '{ print "/proc/" $1 "/stat" }')) $(cpu_ticks /proc/"$SINK_PID"/stat)"
}
TICKS=$(getconf CLK_TCK)

# percentiles of a column of numbers: "median p95 max n"
stats() {
  sort -n | awk '{ t[NR] = $1 } END { if (NR == 0) { print "- - - 0"; exit }
    printf "%d %d %d %d\n", t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.5)], t[NR], NR }'
}

echo "== building the jar"
if [ -z "${BENCH_NO_BUILD:-}" ]; then ./mvnw -B -o -q -DskipTests package; fi
JAR=$(ls target/hikeshi-*.jar | grep -v original | head -n 1)
[ -n "$JAR" ] || { echo "no jar in target/"; exit 1; }

echo "== starting PostgreSQL ($PG_BIN) and the SMTP sink (port $SMTP_PORT)"
su postgres -c "$PG_BIN/initdb -D $WORK/pgdata -U postgres --auth=trust" >/dev/null
su postgres -c "$PG_BIN/pg_ctl -D $WORK/pgdata -o '-p $PG_PORT -k $WORK' -l $WORK/pg.log -w start" >/dev/null
DB=postgres sql "create database hikeshi"
MAIL_LOG="$WORK/mail.log"
: > "$MAIL_LOG"
java -XX:TieredStopAtLevel=1 bench/SmtpSink.java "$SMTP_PORT" "$MAIL_LOG" > "$WORK/sink.log" 2>&1 &
SINK_PID=$!
for _ in $(seq 1 100); do grep -q listening "$WORK/sink.log" 2>/dev/null && break; sleep 0.2; done
grep -q listening "$WORK/sink.log" || { echo "the SMTP sink did not start"; cat "$WORK/sink.log"; exit 1; }

echo "== first-run setup; three security leads with addresses, one member of staff"
start_app setup
JAR_COOKIES="$WORK/cookies"
T=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/setup" | token)
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/setup" --data-urlencode "_csrf=$T" \
  --data-urlencode "companyName=ベンチマーク株式会社" -d industry=MANUFACTURING -d username=bench \
  --data-urlencode "displayName=計測" -d additionalRoles=SECURITY_LEAD -d additionalRoles=EXECUTIVE \
  -d requireSecondFactor=false -d "password=$PASSWORD" -d "passwordConfirmation=$PASSWORD")
[ "$STATUS" = 302 ] || { echo "first-run setup failed ($STATUS)"; exit 1; }
# The leads and the staff member share bench's password (its hash copied). The reporter is not a
# lead: nobody is told of their own report.
sql "update user_account set email = 'bench@bench.example' where username = 'bench';
     insert into user_account (username, display_name, email, password_hash, created_at, updated_at)
       select v.username, v.display_name, v.email, b.password_hash, now(), now()
       from user_account b,
            (values ('lead2', '計測二', 'lead2@bench.example'), ('lead3', '計測三', 'lead3@bench.example'),
                    ('staff', '従業員', null)) as v (username, display_name, email)
       where b.username = 'bench';
     insert into user_account_role (user_account_id, role)
       select id, r from user_account, unnest(array['REPORTER', 'SECURITY_LEAD']) as r where username in ('lead2', 'lead3')
       union all select id, 'REPORTER' from user_account where username = 'staff';"
LEAD_COUNT=$(sql "select count(*) from user_account a join user_account_role r on r.user_account_id = a.id
                  where r.role = 'SECURITY_LEAD' and a.email is not null and a.enabled")
[ "$LEAD_COUNT" = ${#LEADS[@]} ] || { echo "expected ${#LEADS[@]} leads with addresses, found $LEAD_COUNT"; exit 1; }
sign_in staff "$WORK/staff.cookies" >/dev/null
stop_app
DB=postgres sql "create database hikeshi_base template hikeshi"

# one report by the signed-in staff member; prints "incident-id return-time-ms" (the return
# time taken as curl exits, so a little after the commit)
report_once() {
  local jar=$1 csrf=$2 n=$3 at=$4 location us
  location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" "$BASE/report" -d "_csrf=$csrf" \
    --data-urlencode "description=ベンチマークの報告 $n" -d "discoveredAt=$at" -d stillHappening=UNKNOWN)
  us=${EPOCHREALTIME/./}
  [[ "$location" =~ ^302\ .*/reports/([0-9]+)/sent$ ]] || { echo "report $n failed: $location" >&2; exit 1; }
  echo "${BASH_REMATCH[1]} $(( us / 1000 ))"
}

# latency_run NAME REPORTS PAUSE_MS: reports one after another, then each matched to its mails
latency_run() {
  local name=$1 count=$2 pause=$3 jar="$WORK/staff.cookies" csrf submits at seconds
  submits="$WORK/$name.submits"
  csrf=$(sign_in staff "$jar")
  at=$(discovered)
  seconds=$(awk -v p="$pause" 'BEGIN { print p / 1000 }')
  : > "$submits"
  local start; start=$EPOCHREALTIME
  for i in $(seq 1 "$count"); do
    report_once "$jar" "$csrf" "$name-$i" "$at" >> "$submits"
    if (( pause > 0 )); then sleep "$seconds"; fi
  done
  local submitted_in; submitted_in=$(awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }')
  local drained; drained=$(wait_for_mail 600)
  sql "select id, reference from incident" | tr '|' ' ' > "$WORK/$name.refs"
  # per report: reference, commit (return) time, first and last mail, mails received
  awk -v leads=${#LEADS[@]} '
    FILENAME == ARGV[1] { ref[$1] = $2; next }
    FILENAME == ARGV[2] { split($0, f, "\t"); if (match(f[3], /INC-[0-9]+-[0-9]+/)) { r = substr(f[3], RSTART, RLENGTH);
                            n[r]++; if (!(r in lo) || f[1] < lo[r]) lo[r] = f[1]; if (f[1] > hi[r]) hi[r] = f[1] } next }
    { r = ref[$1]; if (n[r] + 0 == 0) { print $1, r, $2, "-", "-", 0; next }
      print $1, r, $2, lo[r] - $2, hi[r] - $2, n[r] }' \
    "$WORK/$name.refs" "$MAIL_LOG" "$submits" > "$RESULTS/$name.tsv"
  local complete; complete=$(awk -v l=${#LEADS[@]} '$6 == l' "$RESULTS/$name.tsv" | wc -l)
  read -r f_med f_p95 f_max _ < <(awk '$4 != "-" { print $4 }' "$RESULTS/$name.tsv" | stats)
  read -r l_med l_p95 l_max _ < <(awk '$5 != "-" { print $5 }' "$RESULTS/$name.tsv" | stats)
  printf '%s: %d reports in %s s (%s, %d ms apart on average), %d with all %d mails; outbox empty %s s after the last report\n' \
    "$name" "$count" "$submitted_in" "$( (( pause > 0 )) && echo "${pause} ms pause after each" || echo "back to back")" \
    "$(awk -v s="$submitted_in" -v n="$count" 'BEGIN { printf "%d", s * 1000 / n }')" "$complete" ${#LEADS[@]} "$drained"
  printf '  first mail of a report  median %6d ms   p95 %6d ms   max %6d ms\n' "$f_med" "$f_p95" "$f_max"
  printf '  last mail (all leads)   median %6d ms   p95 %6d ms   max %6d ms\n' "$l_med" "$l_p95" "$l_max"
  # how long one mail takes the sender: a report's mails go one after another
  read -r g_med g_p95 _ < <(awk -v l=${#LEADS[@]} '$6 == l && l > 1 { print int(($5 - $4) / (l - 1)) }' "$RESULTS/$name.tsv" | stats)
  printf '  one mail, while the sender is busy with a report: median %d ms, p95 %d ms\n' "$g_med" "$g_p95"
  # does it grow along the run (a queue) or stay flat: the last mail's median by tenths of the run
  local tenth=$(( count / 10 )) k line="  last mail by tenth of the run (median ms):"
  if (( tenth > 0 )); then
    for k in $(seq 0 9); do
      line+=" $(sed -n "$(( k * tenth + 1 )),$(( (k + 1) * tenth ))p" "$RESULTS/$name.tsv" | awk '$5 != "-" { print $5 }' | stats | cut -d' ' -f1)"
    done
    echo "$line"
  fi
}

# intake_batch TAG REPORTS: CLIENTS concurrent clients (one curl each, keep-alive), REPORTS in all;
# prints the seconds it took
intake_batch() {
  local tag=$1 total=$2 per=$(( $2 / CLIENTS )) c i pids=() start at
  at=$(discovered)
  for c in $(seq 1 "$CLIENTS"); do
    local cfg="$WORK/client$c.curl"
    : > "$cfg"
    for i in $(seq 1 "$per"); do
      if [ "$i" -gt 1 ]; then echo "next" >> "$cfg"; fi
      cat >> "$cfg" <<EOF
url = "$BASE/report"
output = "/dev/null"
cookie = "$WORK/client$c.cookies"
write-out = "%{http_code} %{redirect_url}\\n"
data = "_csrf=${CSRF[$c]}"
data-urlencode = "description=ベンチマークの報告 $tag $c-$i"
data = "discoveredAt=$at"
data = "stillHappening=UNKNOWN"
EOF
    done
  done
  start=$EPOCHREALTIME
  for c in $(seq 1 "$CLIENTS"); do
    curl -s -K "$WORK/client$c.curl" > "$WORK/client$c.out" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.3f", e - s }'
  local ok; ok=$(cat "$WORK"/client*.out | grep -c '^302 .*/reports/[0-9]*/sent$' || true)
  [ "$ok" = "$total" ] || { echo " only $ok of $total reports accepted" >&2; head -3 "$WORK/client1.out" >&2; exit 1; }
}

# warm_up: CLIENTS sessions of the staff member (their tokens in CSRF), WARMUP reports from them,
# then until every mail is out and a few seconds more
warm_up() {
  local c
  declare -gA CSRF
  for c in $(seq 1 "$CLIENTS"); do CSRF[$c]=$(sign_in staff "$WORK/client$c.cookies"); done
  if [ "$WARMUP" -gt 0 ]; then intake_batch "warm-up" "$WARMUP" >/dev/null; fi
  wait_for_mail 900 >/dev/null
  sleep "$SETTLE"
}

# intake_run off|on|unsent ROUND: restore, start, warm up, then time INTAKE_REPORTS from the clients.
# "unsent" is on with the sender asleep (no wake-up after commit, no poll): the outbox rows are
# written in the report's transaction and left pending, which splits the cost of "on" in two.
intake_run() {
  local mode=$1 round=$2 options
  case "$mode" in
    off) options=(--hikeshi.notifications.enabled=false) ;;
    on) options=(--hikeshi.notifications.enabled=true) ;;
    unsent) options=(--hikeshi.notifications.enabled=true --hikeshi.notifications.send-on-commit=false
                     --hikeshi.notifications.jobs.enabled=false) ;;
  esac
  SENDER_ASLEEP=$([ "$mode" = unsent ] && echo 1 || echo 0)
  restore_db
  start_app "intake-$mode-$round" "${options[@]}"
  warm_up
  local incidents_before mails_before seconds drained incidents cpu0 cpu1 cpu2 load
  incidents_before=$(sql "select count(*) from incident")
  mails_before=$(wc -l < "$MAIL_LOG")
  cpu0=$(cpu_snapshot)
  seconds=$(intake_batch "$mode-$round" "$INTAKE_REPORTS")
  cpu1=$(cpu_snapshot)
  load=$(cut -d' ' -f1 /proc/loadavg)
  drained=$(wait_for_mail 900)
  cpu2=$(cpu_snapshot)
  incidents=$(sql "select count(*) from incident")
  local mails=$(( $(wc -l < "$MAIL_LOG") - mails_before ))
  # rate, application CPU a report while the reports came in, and until the last mail was out
  local figures; figures=$(echo "$cpu0 $cpu1 $cpu2" | awk -v t="$TICKS" -v n="$INTAKE_REPORTS" -v s="$seconds" '{
    printf "%.1f %.1f %.1f %.1f %.1f", n / s, ($4 - $1) / t * 1000 / n, ($7 - $1) / t * 1000 / n, ($5 - $2) / t * 1000 / n, ($9 - $3) / t }')
  local rate app_in app_all pg_in sink
  read -r rate app_in app_all pg_in sink <<< "$figures"
  printf 'notifications %-6s round %d: %d reports in %6.2f s = %6.1f reports/s   (incidents %d -> %d; %d mails, the last %s s after the last report; load average %s)\n' \
    "$mode" "$round" "$INTAKE_REPORTS" "$seconds" "$rate" "$incidents_before" "$incidents" "$mails" "$drained" "$load"
  printf '    CPU a report: application %s ms while reports came in, %s ms until the last mail was out; PostgreSQL %s ms; SMTP sink %s s in all\n' \
    "$app_in" "$app_all" "$pg_in" "$sink"
  echo "$mode $rate $app_in $app_all" >> "$WORK/rates"
  stop_app
  SENDER_ASLEEP=0
}

exec > >(tee "$RESULTS/latest.txt")
echo "Hikeshi notification benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "no seed: the database holds only the reports submitted here; ${#LEADS[@]} security leads with addresses; reports by a member of staff"
echo
echo "-- 1. mail latency: notifications on, warmed up with $WARMUP reports from $CLIENTS clients, then one client"
restore_db
start_app latency
warm_up
latency_run latency "$LATENCY_REPORTS" 0
if [ "$PACED_MS" -gt 0 ]; then latency_run latency-paced "$LATENCY_REPORTS" "$PACED_MS"; fi
echo "  mails by state: $(mail_states)"
stop_app
echo
echo "-- 2. intake rate: $CLIENTS concurrent clients, $INTAKE_REPORTS reports a run; each run restored to $(DB=hikeshi_base sql "select count(*) from incident") incidents, a fresh JVM, warmed up with $WARMUP reports"
: > "$WORK/rates"
for round in $(seq 1 "$ROUNDS"); do
  intake_run off "$round"
  intake_run on "$round"
  if [ "$SPLIT" = 1 ]; then intake_run unsent "$round"; fi
done
median_of() { awk -v m="$1" -v c="$2" '$1 == m { print $c }' "$WORK/rates" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
awk -v n="$ROUNDS" -v off="$(median_of off 2)" -v on="$(median_of on 2)" -v unsent="$(median_of unsent 2)" \
    -v in_off="$(median_of off 3)" -v in_on="$(median_of on 3)" -v in_unsent="$(median_of unsent 3)" \
    -v all_off="$(median_of off 4)" -v all_on="$(median_of on 4)" 'BEGIN {
  printf "median of %d rounds: off %.1f reports/s, on %.1f reports/s, on/off = %.2f (%+.1f %%)\n", n, off, on, on / off, (on / off - 1) * 100
  if (unsent != "") printf "  unsent (rows written, sender asleep) %.1f reports/s, unsent/off = %.2f (%+.1f %%)\n", unsent, unsent / off, (unsent / off - 1) * 100
  printf "application CPU a report, median: off %.1f ms, on %.1f ms while reports came in; off %.1f ms, on %.1f ms until the last mail was out\n", in_off, in_on, all_off, all_on
  if (unsent != "") printf "  unsent %.1f ms a report while reports came in\n", in_unsent }'
