-- The timeline anchored outside the database (#16). Each entry's hash is sealed with an HMAC
-- whose key is derived from the installation's secret (HIKESHI_SECRET_KEY), which is never
-- stored here: someone with the database's credentials can rewrite an entry and its hash, or
-- insert one and move the head, but cannot seal it. Seals are their own append-only rows, so
-- that the entries stay untouched and the application only ever inserts. Entries written
-- before this migration are sealed once when the application starts (at_upgrade).
create table incident_timeline_seal (
    entry_id   bigint       primary key references incident_timeline_entry (id),
    mac        varchar(64)  not null,
    sealed_at  timestamptz  not null,
    at_upgrade boolean      not null default false
);

create trigger incident_timeline_seal_append_only
    before update or delete on incident_timeline_seal
    for each row execute function refuse_change_to_history();

create trigger incident_timeline_seal_no_truncate
    before truncate on incident_timeline_seal
    for each statement execute function refuse_change_to_history();

-- The head the incident remembers (length and last hash), sealed likewise: a removed last entry
-- cannot be hidden by moving the head back.
alter table incident add column timeline_seal varchar(64);
