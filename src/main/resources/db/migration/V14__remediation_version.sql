-- A repair is marked done once: its row carries a version, so that of two people marking it
-- done at the same moment one succeeds and the other is told (optimistic locking).
alter table remediation_action add column version bigint not null default 0;
