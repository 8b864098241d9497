-- Benchmark history, run by bench/run.sh on a database Hikeshi has already migrated (so the
-- triggers of later migrations fire on these rows as on real ones):
--   psql -v incidents=1000000 -f bench/seed.sql      (default 1,000,000)
-- Ten timeline entries an incident, reported evenly over the last five years (about 550 a day at
-- 1,000,000: a period of 18 days holds about 10,000), in Japanese words drawn from a small
-- vocabulary so that searches for one, two or several characters, ASCII words and references
-- find what they would find in a real register. The hashes are stand-ins: the benchmark
-- measures pages, it does not verify chains (each entry's hash is its id in hexadecimal, the
-- incident's head the last one's: md5 would take a third of the load's time). Nor are they sealed:
-- the application's seal backfill was recorded done at the first start, on the empty database (V51).
--
-- Bulk load: the non-unique indexes and foreign keys of the two tables, the timeline's keys and
-- the non-unique indexes of tables pointing to them are dropped first and made again at the end
-- from their definitions as the database holds them (pg_indexes, pg_get_constraintdef), so that
-- those a later migration adds are rebuilt too. The incident's keys stay, for triggers that look
-- incidents up. Each phase
-- prints its seconds, so the cost a migration's trigger adds to the load shows in its phase.
\set ON_ERROR_STOP on
\if :{?incidents}
\else
  \set incidents 1000000
\endif
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
set work_mem = '64MB';
\pset footer off
\pset tuples_only on

select extract(epoch from clock_timestamp()) as t \gset

create table bench_seed_dropped (position serial, kind text, name text, restore text);
-- the non-unique indexes of the two tables and of the tables that point to them (a search index a
-- trigger fills, say)
insert into bench_seed_dropped (kind, name, restore)
select 'index', format('%I.%I', i.schemaname, i.indexname), i.indexdef
from pg_indexes i
join pg_class c on c.relname = i.indexname and c.relnamespace = i.schemaname::regnamespace
join pg_index x on x.indexrelid = c.oid
where i.schemaname = current_schema()
  and (x.indrelid in ('incident'::regclass, 'incident_timeline_entry'::regclass)
       or x.indrelid in (select conrelid from pg_constraint
                         where contype = 'f' and confrelid in ('incident'::regclass, 'incident_timeline_entry'::regclass)))
  and not x.indisunique and not x.indisprimary
  and not exists (select 1 from pg_constraint k where k.conindid = c.oid);
-- the keys of the timeline (ten million insertions into each would take three times the load's
-- time; a sort each at the end is quicker) and the foreign keys from the two tables and to the
-- timeline, checked once at the end instead of once a row; the incident's keys stay
insert into bench_seed_dropped (kind, name, restore)
select case k.contype when 'f' then 'foreign key' else 'key' end, format('%s %I', k.conrelid::regclass, k.conname),
       format('alter table %s add constraint %I %s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid))
from pg_constraint k
where (k.contype in ('p', 'u') and k.conrelid = 'incident_timeline_entry'::regclass)
   or (k.contype = 'f' and (k.conrelid in ('incident'::regclass, 'incident_timeline_entry'::regclass)
                            or k.confrelid = 'incident_timeline_entry'::regclass));
select format('alter table %s drop constraint %I', split_part(name, ' ', 1), split_part(name, ' ', 2))
from bench_seed_dropped where kind = 'foreign key' \gexec
select format('alter table %s drop constraint %I', split_part(name, ' ', 1), split_part(name, ' ', 2))
from bench_seed_dropped where kind = 'key' \gexec
select format('drop index %s', name) from bench_seed_dropped where kind = 'index' \gexec
select format('seed: dropped %s indexes, %s keys, %s foreign keys   %s s',
              count(*) filter (where kind = 'index'), count(*) filter (where kind = 'key'),
              count(*) filter (where kind = 'foreign key'), round((extract(epoch from clock_timestamp()) - :t)::numeric, 1))
from bench_seed_dropped;

select extract(epoch from clock_timestamp()) as t \gset
-- references follow the application's own (INC-year-number), after any it has given already
select nextval('incident_reference_seq') as ref0 \gset
-- ids given here, not drawn from the sequences row by row (a tenth of the time of the timeline's load)
select nextval(pg_get_serial_sequence('incident', 'id')) as id0,
       nextval(pg_get_serial_sequence('incident_timeline_entry', 'id')) as entry0 \gset
insert into incident (id, reference, title, description, category, severity, state, discovered_at, occurred_at,
                      reported_at, responsible, reported_by, timeline_length, timeline_head, disclosure_status,
                      damage_direct_yen, disruption_days, contained_at, recovered_at)
select :id0 + g - 1,
       format('INC-%s-%s', extract(year from ts at time zone 'Asia/Tokyo'), lpad((:ref0 + g)::text, greatest(5, length((:ref0 + g)::text)), '0')),
       (array['不審なメールの添付ファイルを開いた', 'ノートPCを電車内で紛失', 'ファイルサーバーでランサムウェア感染の疑い',
              'Webサイトが改ざんされた', '顧客リストを誤って社外に送信', 'VPN装置への不正ログイン', '基幹システムが停止',
              'USBメモリの紛失', '取引先を装った請求書メール', 'クラウドストレージの共有設定ミス', 'パスワードリスト攻撃を検知',
              'ECサイトのカード情報漏えいの疑い', 'Emotetに感染した可能性', '社用スマートフォンの盗難', 'FAXの誤送信',
              'Microsoft 365 アカウントの乗っ取り'])[1 + (g * 7) % 16]
         || '（' || (array['経理部', '営業部', '総務部', '製造部', '人事部', '情報システム部', '大阪支店', '名古屋工場'])[1 + (g * 3) % 8]
         || '）',
       (array['朝、', '昼休みに', '夕方、', '深夜に', '週明けに'])[1 + g % 5]
         || (array['担当者のPCに見慣れない画面が表示された。', '共有フォルダのファイルが開けなくなった。',
                   '取引先から不審なメールが届いたと連絡があった。', 'ログに海外のIPアドレスからの接続が多数残っていた。',
                   'お客様から問い合わせがあり発覚した。', '外部の専門家から脆弱性の指摘を受けた。',
                   'アンチウイルスソフトが警告を出した。', '退職者のアカウントで深夜にログインがあった。'])[1 + (g * 11) % 8]
         || (array['影響範囲は調査中。', '顧客情報が含まれている可能性がある。', '業務への影響は限定的。',
                   'バックアップから復旧できる見込み。', 'Windows Update が未適用だった。', 'パスワードは使い回されていた。'])[1 + (g * 13) % 6]
         || ' 端末番号 ' || g,
       (array['INFORMATION_LEAK','VIRUS_RANSOMWARE','UNAUTHORISED_ACCESS','SYSTEM_OUTAGE','WEBSITE_DEFACEMENT',
              'LOST_DEVICE','MISSENT_EMAIL','OTHER'])[1 + g % 8],
       (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4],
       case when g % 50 = 0 then 'CONTAINMENT' when g % 40 = 0 then 'RECOVERY' when g % 30 = 0 then 'ESCALATED'
            when g % 20 = 0 then 'REPORTED' else 'CLOSED' end,
       ts - interval '1 hour',
       ts - interval '1 hour' - (g % 5) * interval '1 day',
       ts,
       'bench-lead', 'bench-staff', 10, to_hex(:entry0 + g * 10 - 1), 'NOT_REQUIRED', (g % 7) * 100000, (g % 4),
       ts + interval '24 hours', ts + interval '48 hours'
from (select g, now() - interval '1 hour' - ((:incidents - g)::float8 / :incidents) * interval '1826 days' as ts
      from generate_series(1, :incidents) as g) as s;
select setval('incident_reference_seq', :ref0 + :incidents) \gset
select setval(pg_get_serial_sequence('incident', 'id'), :id0 + :incidents) \gset
select format('seed: %s incidents                %s s', :incidents, round((extract(epoch from clock_timestamp()) - :t)::numeric, 1));

-- The reminders a running Hikeshi wrote, long ago, for the reports among these that nobody took
-- (Reminders, TRIAGE_WAITING; in the app, read): without them the reminders' scan found 13,334
-- untaken reports at the first start and wrote 200 a minute through the whole run, each with a
-- mail to every lead and executive, and whatever page was being timed in that second paid for it.
select extract(epoch from clock_timestamp()) as t \gset
insert into notification (rule, occurrence, channel, recipient, incident_id, reference, params, link, state,
                          next_attempt_at, created_at, sent_at, read_at)
select 'TRIAGE_WAITING', 'incident:' || id || ':untaken', 'IN_APP', 'bench-lead', id, reference,
       '{"minutes": "30"}', '/incidents/' || id, 'SENT', reported_at + interval '30 minutes',
       reported_at + interval '30 minutes', reported_at + interval '30 minutes', reported_at + interval '2 hours'
from incident
where id >= :id0 and state = 'REPORTED';
select format('seed: %s reminders already written  %s s', count(*), round((extract(epoch from clock_timestamp()) - :t)::numeric, 1))
from notification where occurrence like 'incident:%:untaken';

select extract(epoch from clock_timestamp()) as t \gset
insert into incident_timeline_entry (id, incident_id, sequence, occurred_at, actor, kind, from_state, to_state,
                                     note, previous_hash, hash, shared_with_reporter)
select :entry0 + (i.id - :id0) * 10 + s.seq - 1, i.id, s.seq, i.reported_at + (s.seq - 1) * interval '6 hours', 'bench-lead',
       case s.seq when 1 then 'REPORTED' when 4 then 'STATE_CHANGED' when 8 then 'STATE_CHANGED' else 'NOTE' end,
       case s.seq when 4 then 'CONTAINMENT' when 8 then 'RECOVERY' end,
       case s.seq when 1 then 'REPORTED' when 4 then 'DISCLOSURE' when 8 then 'PREVENTION' end,
       case when s.seq not in (1, 4, 8) then
         (array['ファイアウォールのログを確認した。', '感染端末をネットワークから切り離した。', '保守業者に連絡し、調査を依頼した。',
                'パスワードを変更し、多要素認証を有効にした。', '警察に相談した。', '取引先へお詫びの連絡をした。',
                'バックアップからの復元を開始した。', '不審な接続元 203.0.113.7 を遮断した。',
                '個人情報保護委員会への報告要否を検討した。', 'EDRで全端末をスキャンし、追加の感染はなかった。'])[1 + (i.id * 7 + s.seq) % 10]
       end,
       case when s.seq > 1 then to_hex(:entry0 + (i.id - :id0) * 10 + s.seq - 2) else '' end,
       to_hex(:entry0 + (i.id - :id0) * 10 + s.seq - 1), s.seq = 1
from incident i cross join generate_series(1, 10) as s(seq)
where i.id >= :id0;
select setval(pg_get_serial_sequence('incident_timeline_entry', 'id'), :entry0 + 10 * :incidents) \gset
select format('seed: %s timeline entries        %s s', 10 * :incidents, round((extract(epoch from clock_timestamp()) - :t)::numeric, 1));

select extract(epoch from clock_timestamp()) as t \gset
select restore from bench_seed_dropped where kind = 'key' order by position \gexec
select format('seed: %s keys made again         %s s', count(*), round((extract(epoch from clock_timestamp()) - :t)::numeric, 1))
from bench_seed_dropped where kind = 'key';

select extract(epoch from clock_timestamp()) as t \gset
select restore from bench_seed_dropped where kind = 'index' order by position \gexec
select format('seed: %s indexes made again      %s s', count(*), round((extract(epoch from clock_timestamp()) - :t)::numeric, 1))
from bench_seed_dropped where kind = 'index';

select extract(epoch from clock_timestamp()) as t \gset
select restore from bench_seed_dropped where kind = 'foreign key' order by position \gexec
select format('seed: %s foreign keys checked    %s s', count(*), round((extract(epoch from clock_timestamp()) - :t)::numeric, 1))
from bench_seed_dropped where kind = 'foreign key';
drop table bench_seed_dropped;

select extract(epoch from clock_timestamp()) as t \gset
vacuum analyze;
select format('seed: vacuum analyze              %s s', round((extract(epoch from clock_timestamp()) - :t)::numeric, 1));
