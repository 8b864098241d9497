-- Benchmark history: 100,000 incidents over five years and 1,000,000 timeline entries
-- (ten per incident), spread over the categories, severities and states. The hashes are
-- stand-ins: the benchmark measures pages, it does not verify chains.
set synchronous_commit = off;

insert into incident (reference, title, description, category, severity, state, discovered_at, occurred_at,
                      reported_at, responsible, reported_by, timeline_length, timeline_head, disclosure_status,
                      damage_direct_yen, disruption_days, contained_at, recovered_at)
select 'BENCH-' || g,
       'ベンチマーク用インシデント ' || g,
       '不審な事象の説明 ' || g,
       (array['INFORMATION_LEAK','VIRUS_RANSOMWARE','UNAUTHORISED_ACCESS','SYSTEM_OUTAGE','WEBSITE_DEFACEMENT',
              'LOST_DEVICE','MISSENT_EMAIL','OTHER'])[1 + g % 8],
       (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4],
       case when g % 50 = 0 then 'CONTAINMENT' when g % 40 = 0 then 'RECOVERY' when g % 30 = 0 then 'ESCALATED'
            when g % 20 = 0 then 'REPORTED' else 'CLOSED' end,
       ts,
       ts - (g % 5) * interval '1 day',
       ts + interval '1 hour',
       'bench-lead', 'bench-staff', 10, 'x', 'NOT_REQUIRED', (g % 7) * 100000, (g % 4),
       ts + interval '24 hours', ts + interval '48 hours'
from (select g, now() - (g % 1825) * interval '1 day' - (g % 24) * interval '1 hour' as ts
      from generate_series(1, 100000) as g) as s;

insert into incident_timeline_entry (incident_id, sequence, occurred_at, actor, kind, from_state, to_state,
                                     previous_hash, hash, shared_with_reporter)
select i.id, s.seq, i.discovered_at + s.seq * interval '6 hours', 'bench-lead',
       case s.seq when 1 then 'REPORTED' when 4 then 'STATE_CHANGED' when 8 then 'STATE_CHANGED' else 'NOTE' end,
       case s.seq when 4 then 'CONTAINMENT' when 8 then 'RECOVERY' end,
       case s.seq when 1 then 'REPORTED' when 4 then 'DISCLOSURE' when 8 then 'PREVENTION' end,
       '', md5(i.id || '-' || s.seq), s.seq = 1
from incident i cross join generate_series(1, 10) as s(seq)
where i.reference like 'BENCH-%';

analyze;
