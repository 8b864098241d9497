-- The dashboard's figures of now (issue #15) from a few rows instead of every open incident: the
-- open incidents by state and severity, and the decisions waiting (escalated; in prevention with
-- the closing not yet approved), read 73,000 entries of incident_open_idx at a million incidents
-- with 7 % open. Triggers keep the counts in the same transaction as the change to the incident, on
-- every path (the application, the API, SQL seeds), so the figures stay exact.
--
-- As the day rollup (V34), the triggers only ever INSERT a difference, never update a shared row:
-- every report is a REPORTED incident without a severity, so one counter row per state and
-- severity would make each report wait for the commit of the one before it. incident_open_fold()
-- merges the differences of each state and severity into one row; the triggers call it every
-- 256th time they write and after any statement that wrote 256 rows or more, so the dashboard,
-- which sums whatever rows there are, reads a few hundred at most.
-- Drills (訓練) are never counted.

create table incident_open_count (
    state       varchar(20) not null,
    -- '' for not yet rated, so that its rows group like the others
    severity    varchar(20) not null,
    incidents   bigint      not null,
    -- of those, the ones whose closing is not approved (the decision waits on those in PREVENTION)
    unapproved  bigint      not null,
    -- false for the differences a trigger wrote, true for the one row the fold made of them
    folded      boolean     not null default false
);

-- Counts the triggers' writes, to fold every 256th time.
create sequence incident_open_writes;

-- Merges the differences of each state and severity that has some waiting into one row. One fold at
-- a time (a second caller returns at once); the triggers' inserts go on meanwhile, untouched: they
-- are not in the fold's snapshot and wait for the next one.
create function incident_open_fold() returns void language plpgsql as $$
begin
    if not pg_try_advisory_xact_lock(hashtext('incident_open_fold')) then
        return;
    end if;
    with gone as (
        delete from incident_open_count c
        where (c.state, c.severity) in (select state, severity from incident_open_count where not folded)
        returning c.*)
    insert into incident_open_count
    select state, severity, sum(incidents), sum(unapproved), true
    from gone
    group by state, severity
    -- a state and severity left without incidents leaves no row
    having sum(incidents) <> 0 or sum(unapproved) <> 0;
end;
$$;

create function incident_open_maybe_fold(written bigint) returns void language plpgsql as $$
begin
    if written >= 256 or nextval('incident_open_writes') % 256 = 0 then
        perform incident_open_fold();
    end if;
end;
$$;

-- Inserted or deleted incidents, grouped by state and severity: a report writes one row.
create function incident_open_on_statement() returns trigger language plpgsql as $$
declare
    sign integer := case tg_op when 'INSERT' then 1 else -1 end;
    written bigint;
begin
    insert into incident_open_count
    select c.state, coalesce(c.severity, ''), sign * count(*),
           sign * count(*) filter (where c.closing_approved_at is null), false
    from changed_rows c
    where c.state not in ('CLOSED', 'DISMISSED') and not c.drill
    group by 1, 2;
    get diagnostics written = row_count;
    if written > 0 then
        perform incident_open_maybe_fold(written);
    end if;
    return null;
end;
$$;

-- What the incident took out of its state and severity, and what it put in; nothing for an incident
-- closed or dismissed before and after.
create function incident_open_on_update() returns trigger language plpgsql as $$
declare
    written bigint;
begin
    insert into incident_open_count
    select d.state, d.severity, d.sign, case when d.approved then 0 else d.sign end, false
    from (values (old.state, coalesce(old.severity, ''), -1, old.closing_approved_at is not null,
                  old.state not in ('CLOSED', 'DISMISSED') and not old.drill),
                 (new.state, coalesce(new.severity, ''), 1, new.closing_approved_at is not null,
                  new.state not in ('CLOSED', 'DISMISSED') and not new.drill))
         as d(state, severity, sign, approved, open)
    where d.open;
    get diagnostics written = row_count;
    if written > 0 then
        perform incident_open_maybe_fold(written);
    end if;
    return null;
end;
$$;

create trigger incident_open_insert
    after insert on incident
    referencing new table as changed_rows
    for each statement execute function incident_open_on_statement();

create trigger incident_open_delete
    after delete on incident
    referencing old table as changed_rows
    for each statement execute function incident_open_on_statement();

-- per row, and only when a counted column changed: most updates (a title, a timestamp) cost no call
create trigger incident_open_update
    after update on incident
    for each row
    when ((old.state, old.severity, old.drill, old.closing_approved_at is null)
          is distinct from (new.state, new.severity, new.drill, new.closing_approved_at is null))
    execute function incident_open_on_update();

-- The counts of the incidents there are: the share lock waits for the incidents being written and
-- holds new ones back until the rows are made, so none is counted twice or missed.
lock table incident in share mode;

insert into incident_open_count
select state, coalesce(severity, ''), count(*), count(*) filter (where closing_approved_at is null), true
from incident
where state not in ('CLOSED', 'DISMISSED') and not drill
group by 1, 2;
