-- When an incident first left containment and first reached prevention (recovery confirmed),
-- kept on the incident so that the dashboard's time-to-contain and time-to-recover need no
-- scan of the timeline. Filled from the timeline for incidents that already have them.
alter table incident
    add column contained_at timestamptz,
    add column recovered_at timestamptz;

update incident i
set contained_at = t.contained, recovered_at = t.recovered
from (select incident_id,
             min(occurred_at) filter (where from_state = 'CONTAINMENT') as contained,
             min(occurred_at) filter (where to_state = 'PREVENTION') as recovered
      from incident_timeline_entry
      where kind = 'STATE_CHANGED'
      group by incident_id) t
where t.incident_id = i.id;
