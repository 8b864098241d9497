-- The dashboard flat in its period's length (issue #15): a period of five years read 14,600 rows of
-- the day rollup (V34), one per day and category, where a fortnight reads 150. Months now hold the
-- sums of their folded days, so a period reads its whole months here, and only its first and last
-- partial months (and the few differences waiting for a fold) from the days: at most about 62 days
-- and 60 months per category, whatever the period's length.
--
-- Only the fold writes these rows, in the transaction in which it folds the days, adding what it
-- folded in: a month is always the sum of its folded days, never of a part of them. The triggers
-- that write on every report are unchanged (no cost added to a report), and the fold runs one at a
-- time (its advisory lock), so an update of a month's row waits for no one.

create table incident_month_rollup (
    -- the first day of the month, in the organisation's zone as the days are
    month              date        not null,
    category           varchar(40) not null,
    reported           bigint      not null,
    detect_seconds     numeric     not null,
    detect_counted     bigint      not null,
    contain_seconds    numeric     not null,
    contain_counted    bigint      not null,
    recover_seconds    numeric     not null,
    recover_counted    bigint      not null,
    damaged            bigint      not null,
    direct_yen         numeric     not null,
    indirect_yen       numeric     not null,
    disruption_days    numeric     not null,
    disruption_counted bigint      not null,
    primary key (month, category)
);

-- As V34's fold, which also adds to each month what it folds into the month's days.
create or replace function incident_rollup_fold() returns void language plpgsql as $$
begin
    if not pg_try_advisory_xact_lock(hashtext('incident_rollup_fold')) then
        return;
    end if;
    with gone as (
        delete from incident_day_rollup r
        where (r.day, r.category) in (select day, category from incident_day_rollup where not folded)
        returning r.*),
    months as (
        insert into incident_month_rollup as m
        select date_trunc('month', day::timestamp)::date, category, sum(reported), sum(detect_seconds),
               sum(detect_counted), sum(contain_seconds), sum(contain_counted), sum(recover_seconds),
               sum(recover_counted), sum(damaged), sum(direct_yen), sum(indirect_yen), sum(disruption_days),
               sum(disruption_counted)
        from gone
        where not folded
        group by 1, 2
        on conflict (month, category) do update set
            reported = m.reported + excluded.reported,
            detect_seconds = m.detect_seconds + excluded.detect_seconds,
            detect_counted = m.detect_counted + excluded.detect_counted,
            contain_seconds = m.contain_seconds + excluded.contain_seconds,
            contain_counted = m.contain_counted + excluded.contain_counted,
            recover_seconds = m.recover_seconds + excluded.recover_seconds,
            recover_counted = m.recover_counted + excluded.recover_counted,
            damaged = m.damaged + excluded.damaged,
            direct_yen = m.direct_yen + excluded.direct_yen,
            indirect_yen = m.indirect_yen + excluded.indirect_yen,
            disruption_days = m.disruption_days + excluded.disruption_days,
            disruption_counted = m.disruption_counted + excluded.disruption_counted)
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

-- As V34's rebuild, which also makes the months again from the days it made.
create or replace function incident_rollup_rebuild() returns void language plpgsql as $$
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
    perform incident_rollup_months_from_days();
end;
$$;

-- The months as the sums of the folded days: at the rebuild, and once here.
create function incident_rollup_months_from_days() returns void language plpgsql as $$
begin
    delete from incident_month_rollup;
    insert into incident_month_rollup
    select date_trunc('month', day::timestamp)::date, category, sum(reported), sum(detect_seconds),
           sum(detect_counted), sum(contain_seconds), sum(contain_counted), sum(recover_seconds), sum(recover_counted),
           sum(damaged), sum(direct_yen), sum(indirect_yen), sum(disruption_days), sum(disruption_counted)
    from incident_day_rollup
    where folded
    group by 1, 2;
end;
$$;

select incident_rollup_months_from_days();

-- The rows of the period from first_day to last_day (both included), as the day rollup's rows to
-- sum: the whole months from the months (their first day as the day), the days of the partial
-- months, and the differences still waiting for a fold in the whole months. Summed, they are what
-- the period's days sum to. The whole months run from incident_rollup_whole_from (included) to
-- incident_rollup_whole_to (excluded); none when the first is not before the second. SQL, so the
-- planner inlines it and each part reads its own range of an index.
create function incident_rollup_whole_from(first_day date) returns date language sql immutable as $$
    select (date_trunc('month', (first_day - 1)::timestamp) + interval '1 month')::date
$$;

create function incident_rollup_whole_to(last_day date) returns date language sql immutable as $$
    select date_trunc('month', (last_day + 1)::timestamp)::date
$$;

create function incident_rollup_period(first_day date, last_day date) returns setof incident_day_rollup
language sql stable as $$
    select * from incident_day_rollup
    where day >= first_day and day <= least(last_day, incident_rollup_whole_from(first_day) - 1)
    union all
    select * from incident_day_rollup
    where day >= greatest(first_day, incident_rollup_whole_to(last_day), incident_rollup_whole_from(first_day)) and day <= last_day
    union all
    select * from incident_day_rollup
    where day >= incident_rollup_whole_from(first_day) and day < incident_rollup_whole_to(last_day) and not folded
    union all
    select month, category, reported, detect_seconds, detect_counted, contain_seconds, contain_counted,
           recover_seconds, recover_counted, damaged, direct_yen, indirect_yen, disruption_days,
           disruption_counted, true
    from incident_month_rollup
    where month >= incident_rollup_whole_from(first_day) and month < incident_rollup_whole_to(last_day)
$$;
