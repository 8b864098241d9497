-- 復旧: the repair confirmed (what was checked, by whom, when) and reported to the executive,
-- before the incident may move to prevention.
alter table incident
    add column recovery_checks        varchar(2000),
    add column recovery_confirmed_by  varchar(64),
    add column recovery_confirmed_at  timestamptz,
    add column recovery_reported      boolean not null default false;
