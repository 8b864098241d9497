-- What the register does for an incident (issue #14). A data set step 2 took from a system
-- the incident names is a proposal until the security lead confirms it; it counts for the
-- duties at once. An incident a vendor (委託先) told the company about names the vendor: the
-- company is then 委託元, and 発覚 is when the vendor told it (the incident's discovered_at).

alter table personal_data_set
    add column proposed_from_system_id bigint references register_system (id),
    add column confirmed_by            varchar(64),
    add column confirmed_at            timestamptz,
    add check ((confirmed_by is null) = (confirmed_at is null)),
    add check (proposed_from_system_id is not null or confirmed_at is null);
create index personal_data_set_system_idx on personal_data_set (proposed_from_system_id);

alter table incident
    add column reported_by_vendor_id bigint references vendor (id);
create index incident_vendor_idx on incident (reported_by_vendor_id);
