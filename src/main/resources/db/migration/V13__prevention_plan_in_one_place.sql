-- Issue #9: the prevention plan (根本原因と再発防止の計画) is the one place for the root cause and
-- the prevention measures. Until now the incident also held both as free text, and the closing
-- guard read only that text. The text moves into the plan, and the two columns go.
--
-- The choices, so that every incident keeps its meaning and its closability:
-- * A non-blank incident.root_cause becomes the plan's explanation (prevention_plan.root_cause_note).
--   No cause of the taxonomy is invented for it: UNKNOWN would say "could not be found" where
--   the text says what was found. The guard therefore counts a root cause as recorded when a
--   cause is chosen OR the explanation is written, so an incident that passed the old guard
--   passes the new one.
-- * A non-blank incident.prevention_measures becomes one measure, so the guard's "at least one
--   measure" holds as the old "the text is filled in" did:
--   - kind RULES: the text is a commitment written down, and often mixes technology, rules
--     and training; RULES (ルール・体制) claims the least about what it is;
--   - owner: whoever last wrote the text (its FIELD_CHANGED 'preventionMeasures' line on the
--     timeline), else the incident's responsible, else whoever approved the closing, else the
--     reporter; created by that writer (or the owner), when the text was written (or now);
--   - due on the day the incident closed, in the organisation's zone; for an incident still
--     open, today, so the measure shows on the open list at once and the lead replaces it with
--     measures that each have their own owner and date;
--   - done on the day it closed, by its owner, if the incident is closed (as the old guard let
--     it close on this text).
--   The measure's description may hold the old text's 4000 characters; the form still takes
--   up to 1000 for a new one.
-- * No timeline line is written here: the timeline already holds the text's history (the
--   FIELD_CHANGED lines), and its hash chain is written by the application only.

create table prevention_plan (
    incident_id     bigint        primary key references incident (id),
    -- 根本原因の説明: the explanation, in the team's own words, beside the causes chosen
    root_cause_note varchar(4000),
    version         bigint        not null default 0
);

insert into prevention_plan (incident_id, root_cause_note)
select i.id, case when btrim(i.root_cause) <> '' then i.root_cause end
  from incident i
 where btrim(i.root_cause) <> ''
    or exists (select 1 from root_cause c where c.incident_id = i.id);

-- the causes chosen belong to the plan
alter table root_cause
    add constraint root_cause_plan_fk foreign key (incident_id) references prevention_plan (incident_id);

alter table prevention_measure
    add column version bigint not null default 0,
    alter column description type varchar(4000);

insert into prevention_measure (incident_id, kind, description, owner, due_on, done_on, done_by, created_by,
                                created_at)
select i.id,
       'RULES',
       i.prevention_measures,
       coalesce(w.actor, i.responsible, i.closing_approved_by, i.reported_by, 'unknown'),
       coalesce((i.closed_at at time zone z.zone)::date, (now() at time zone z.zone)::date),
       case when i.state = 'CLOSED' then coalesce((i.closed_at at time zone z.zone)::date,
                                                  (now() at time zone z.zone)::date) end,
       case when i.state = 'CLOSED' then coalesce(w.actor, i.responsible, i.closing_approved_by, i.reported_by,
                                                  'unknown') end,
       coalesce(w.actor, i.responsible, i.closing_approved_by, i.reported_by, 'unknown'),
       coalesce(w.occurred_at, now())
  from incident i
 cross join (select coalesce((select time_zone from organisation where id = 1), 'Asia/Tokyo') as zone) z
  left join lateral (select e.actor, e.occurred_at
                       from incident_timeline_entry e
                      where e.incident_id = i.id
                        and e.kind = 'FIELD_CHANGED'
                        and e.field = 'preventionMeasures'
                        and btrim(e.after_value) <> ''
                      order by e.sequence desc
                      limit 1) w on true
 where btrim(i.prevention_measures) <> '';

alter table incident
    drop column root_cause,
    drop column prevention_measures;
