-- Evidence (証拠保全): files kept in PostgreSQL as large objects, streamed in and out, with the
-- SHA-256 computed on arrival and a chain of custody that the database keeps append-only.

create table evidence (
    id              bigserial     primary key,
    incident_id     bigint        not null references incident (id),
    file_name       varchar(255)  not null,
    content_type    varchar(100)  not null,
    size_bytes      bigint        not null check (size_bytes > 0),
    sha256          varchar(64)   not null,
    content_oid     oid,
    description     varchar(1000),
    collected_from  varchar(500)  not null,
    collected_by    varchar(64)   not null,
    collected_at    timestamptz   not null,
    litigation_hold boolean       not null default false,
    deleted_at      timestamptz,
    deleted_by      varchar(64),
    deletion_reason varchar(1000),
    version         bigint        not null default 0
);

-- the same file is kept once per incident (deleted evidence does not count)
create unique index evidence_incident_sha256_uk on evidence (incident_id, sha256) where deleted_at is null;

create table evidence_custody (
    id          bigserial     primary key,
    evidence_id bigint        not null references evidence (id),
    occurred_at timestamptz   not null,
    actor       varchar(64)   not null,
    action      varchar(20)   not null,
    detail      varchar(1000),
    hash_ok     boolean
);

create index evidence_custody_evidence_idx on evidence_custody (evidence_id, occurred_at);

create trigger evidence_custody_append_only
    before update or delete on evidence_custody
    for each row execute function refuse_change_to_history();

create trigger evidence_custody_no_truncate
    before truncate on evidence_custody
    for each statement execute function refuse_change_to_history();
