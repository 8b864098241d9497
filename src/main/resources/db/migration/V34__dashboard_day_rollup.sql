-- The dashboard's period figures (issue #15) from one row per day and category instead of a scan
-- of the period's incidents: a twelve-month period reads at most 366 rows per category, whether
-- it holds ten thousand incidents or a million. Triggers keep the rows in the same transaction as
-- the change to the incident, on every path (the application, the API, SQL seeds). The rows hold
-- counts and SUMS (not averages), so the figures stay exact: an average is a sum over a count.
--
-- The day is the day reported in the organisation's zone (the zone the dashboard's periods are
-- cut in); changing the zone rebuilds the rows in the transaction that changes it.
-- Drills (訓練) are never counted.
--
-- The triggers only ever INSERT (a row of what each incident adds or takes back), never update a
-- shared row: an upsert on today's row would make every report wait for the
-- commit of the one before it (measured with pgbench, 4 clients: 418 → 126-166 reports/s).
-- incident_rollup_fold() merges the rows of each day and category into one; the triggers call it
-- every 256th time they write and after any statement that wrote 256 rows or more, so a reader,
-- who sums whatever rows a day has, folded or not, finds a few hundred waiting at most.

create table incident_day_rollup (
    day              date          not null,
    -- '' for not yet classified, so that its rows group like the others
    category         varchar(40)   not null,
    reported         bigint        not null,
    -- seconds from 発生 to 発覚, and how many incidents knew their 発生
    detect_seconds   numeric       not null,
    detect_counted   bigint        not null,
    -- seconds from 発覚 to leaving containment
    contain_seconds  numeric       not null,
    contain_counted  bigint        not null,
    -- seconds from 発覚 to recovery confirmed
    recover_seconds  numeric       not null,
    recover_counted  bigint        not null,
    -- incidents with any damage recorded, and the damage (numeric: a million incidents may pass bigint)
    damaged          bigint        not null,
    direct_yen       numeric       not null,
    indirect_yen     numeric       not null,
    disruption_days  numeric       not null,
    -- how many recorded the days of disruption (none: the dashboard shows 0, not 0.0)
    disruption_counted bigint      not null,
    -- false for the differences a trigger wrote, true for the one row the fold made of them
    folded           boolean       not null default false
);

create index incident_day_rollup_day_idx on incident_day_rollup (day, category);
create index incident_day_rollup_unfolded_idx on incident_day_rollup (day, category) where not folded;

-- What one incident adds to its day and category (sign 1), or takes back (sign -1). PL/pgSQL, not
-- SQL: a SQL function called from a trigger is planned again on every call, a third of a
-- millisecond per report on this machine; PL/pgSQL keeps its plans.
create function incident_rollup_term(sign integer, i incident, zone text) returns incident_day_rollup
language plpgsql stable as $$
declare
    t incident_day_rollup;
begin
    t.day := (i.reported_at at time zone zone)::date;
    t.category := coalesce(i.category, '');
    t.reported := sign;
    t.detect_seconds := coalesce(sign * extract(epoch from (i.discovered_at - i.occurred_at)), 0);
    t.detect_counted := case when i.occurred_at is null then 0 else sign end;
    t.contain_seconds := coalesce(sign * extract(epoch from (i.contained_at - i.discovered_at)), 0);
    t.contain_counted := case when i.contained_at is null then 0 else sign end;
    t.recover_seconds := coalesce(sign * extract(epoch from (i.recovered_at - i.discovered_at)), 0);
    t.recover_counted := case when i.recovered_at is null then 0 else sign end;
    t.damaged := case when coalesce(i.damage_direct_yen, i.damage_indirect_yen, i.disruption_days) is null
                      then 0 else sign end;
    t.direct_yen := coalesce(sign * i.damage_direct_yen, 0);
    t.indirect_yen := coalesce(sign * i.damage_indirect_yen, 0);
    t.disruption_days := coalesce(sign * i.disruption_days, 0);
    t.disruption_counted := case when i.disruption_days is null then 0 else sign end;
    t.folded := false;
    return t;
end;
$$;

-- The zone the days are cut in: the organisation's, Asia/Tokyo until the company is registered
-- (as OrganisationService says).
create function incident_rollup_zone() returns text language plpgsql stable as $$
begin
    return coalesce((select time_zone from organisation where id = 1), 'Asia/Tokyo');
end;
$$;

-- Counts the triggers' writes, to fold every 256th time.
create sequence incident_rollup_writes;

-- Folds after a bulk write or every 256th write. The fold runs in the writer's transaction but
-- only deletes rows no writer touches and skips when another fold runs: a report never waits.
create function incident_rollup_maybe_fold(written bigint) returns void language plpgsql as $$
begin
    if written >= 256 or nextval('incident_rollup_writes') % 256 = 0 then
        perform incident_rollup_fold();
    end if;
end;
$$;

-- Inserted or deleted incidents, grouped by day and category: a statement writing a million
-- incidents writes one row per day and category (the same sums as incident_rollup_term).
create function incident_rollup_on_statement() returns trigger language plpgsql as $$
declare
    sign integer := case tg_op when 'INSERT' then 1 else -1 end;
    zone text := incident_rollup_zone();
    written bigint;
begin
    insert into incident_day_rollup
    select (c.reported_at at time zone zone)::date, coalesce(c.category, ''), sign * count(*),
           coalesce(sign * sum(extract(epoch from (c.discovered_at - c.occurred_at))), 0), sign * count(c.occurred_at),
           coalesce(sign * sum(extract(epoch from (c.contained_at - c.discovered_at))), 0), sign * count(c.contained_at),
           coalesce(sign * sum(extract(epoch from (c.recovered_at - c.discovered_at))), 0), sign * count(c.recovered_at),
           sign * count(coalesce(c.damage_direct_yen, c.damage_indirect_yen, c.disruption_days)),
           coalesce(sign * sum(c.damage_direct_yen), 0), coalesce(sign * sum(c.damage_indirect_yen), 0),
           coalesce(sign * sum(c.disruption_days), 0), sign * count(c.disruption_days), false
    from changed_rows c
    where not c.drill
    group by 1, 2;
    get diagnostics written = row_count;
    perform incident_rollup_maybe_fold(written);
    return null;
end;
$$;

create function incident_rollup_on_update() returns trigger language plpgsql as $$
declare
    zone text := incident_rollup_zone();
begin
    insert into incident_day_rollup
    select t.* from incident_rollup_term(-1, old, zone) t
    union all
    select t.* from incident_rollup_term(1, new, zone) t;
    perform incident_rollup_maybe_fold(2);
    return null;
end;
$$;

create trigger incident_rollup_insert
    after insert on incident
    referencing new table as changed_rows
    for each statement execute function incident_rollup_on_statement();

create trigger incident_rollup_delete
    after delete on incident
    referencing old table as changed_rows
    for each statement execute function incident_rollup_on_statement();

-- per row, and only when a counted column changed: a state change that leaves them alone (most
-- updates) costs no call and takes no lock on the rollup
create trigger incident_rollup_update
    after update on incident
    for each row
    when (not new.drill and (old.reported_at, old.category, old.discovered_at, old.occurred_at, old.contained_at,
                             old.recovered_at, old.damage_direct_yen, old.damage_indirect_yen, old.disruption_days)
          is distinct from (new.reported_at, new.category, new.discovered_at, new.occurred_at, new.contained_at,
                            new.recovered_at, new.damage_direct_yen, new.damage_indirect_yen, new.disruption_days))
    execute function incident_rollup_on_update();

-- Merges the rows of each day and category that has differences waiting into one. One fold at a
-- time (a second caller returns at once); the triggers' inserts go on meanwhile, untouched: they
-- are not in the fold's snapshot and wait for the next one.
create function incident_rollup_fold() returns void language plpgsql as $$
begin
    if not pg_try_advisory_xact_lock(hashtext('incident_rollup_fold')) then
        return;
    end if;
    with gone as (
        delete from incident_day_rollup r
        where (r.day, r.category) in (select day, category from incident_day_rollup where not folded)
        returning r.*)
    insert into incident_day_rollup
    select day, category, sum(reported), sum(detect_seconds), sum(detect_counted), sum(contain_seconds),
           sum(contain_counted), sum(recover_seconds), sum(recover_counted), sum(damaged), sum(direct_yen),
           sum(indirect_yen), sum(disruption_days), sum(disruption_counted), true
    from gone
    group by day, category
    -- a day and category left without incidents (moved elsewhere) leaves no row
    having sum(reported) <> 0;
end;
$$;

-- Rebuilds every row from the incidents: after a change of zone, or after a bulk load that ran with
-- the triggers disabled. The share lock waits for the incidents being written and holds new ones
-- back until the rows are rebuilt, so none is counted twice or missed; the fold's lock keeps a fold
-- from putting back rows this deletes.
create function incident_rollup_rebuild() returns void language plpgsql as $$
declare
    sign integer := 1;
    zone text := incident_rollup_zone();
begin
    perform pg_advisory_xact_lock(hashtext('incident_rollup_fold'));
    lock table incident in share mode;
    delete from incident_day_rollup;
    -- as incident_rollup_on_statement with sign 1; one statement: one row per day and category
    insert into incident_day_rollup
    select (c.reported_at at time zone zone)::date, coalesce(c.category, ''), sign * count(*),
           coalesce(sign * sum(extract(epoch from (c.discovered_at - c.occurred_at))), 0), sign * count(c.occurred_at),
           coalesce(sign * sum(extract(epoch from (c.contained_at - c.discovered_at))), 0), sign * count(c.contained_at),
           coalesce(sign * sum(extract(epoch from (c.recovered_at - c.discovered_at))), 0), sign * count(c.recovered_at),
           sign * count(coalesce(c.damage_direct_yen, c.damage_indirect_yen, c.disruption_days)),
           coalesce(sign * sum(c.damage_direct_yen), 0), coalesce(sign * sum(c.damage_indirect_yen), 0),
           coalesce(sign * sum(c.disruption_days), 0), sign * count(c.disruption_days), true
    from incident c
    where not c.drill
    group by 1, 2;
end;
$$;

create function incident_rollup_on_zone_change() returns trigger language plpgsql as $$
begin
    perform incident_rollup_rebuild();
    return null;
end;
$$;

create trigger organisation_registered_rebuilds_rollup
    after insert on organisation
    for each row when (new.time_zone <> 'Asia/Tokyo')
    execute function incident_rollup_on_zone_change();

create trigger organisation_zone_rebuilds_rollup
    after update of time_zone on organisation
    for each row when (old.time_zone is distinct from new.time_zone)
    execute function incident_rollup_on_zone_change();

select incident_rollup_rebuild();

-- The figures of now read the open incidents only, not a million closed ones: counted by state and
-- severity from this index alone, and the first few of each state and severity named in its order.
create index incident_open_idx on incident (state, severity, reported_at, id)
    where state not in ('CLOSED', 'DISMISSED') and not drill;
