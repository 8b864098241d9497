-- Damage in money and days (DOMAIN.md §6), recorded on each incident by the security lead,
-- and the indexes the executive's dashboard needs to stay fast as the history grows.

alter table incident
    add column damage_direct_yen   bigint check (damage_direct_yen between 0 and 10000000000000),
    add column damage_indirect_yen bigint check (damage_indirect_yen between 0 and 10000000000000),
    add column disruption_days     numeric(6, 1) check (disruption_days between 0 and 3650);

-- When each incident left containment and reached prevention: the first such entry per incident.
create index incident_timeline_state_change_idx on incident_timeline_entry (incident_id, from_state, to_state, occurred_at)
    where kind = 'STATE_CHANGED';

create index incident_category_reported_idx on incident (category, reported_at);
