-- The REST API (#12), reports sent by tools.
--
-- An Idempotency-Key makes a retried report return the first result instead of opening a second
-- incident: one row per (owner, key), written in the same transaction as the report, with a hash
-- of the request body (the same key with another body is refused) and the incident it opened.
-- Keys count for 24 hours; older rows are ignored and removed when their owner sends again.
create table api_idempotency (
    owner           varchar(64)  not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    incident_id     bigint       references incident (id),
    -- the state the first answer named, so that a replay answers the same
    state           varchar(20),
    created_at      timestamptz  not null,
    primary key (owner, idempotency_key)
);

create index api_idempotency_owner_created on api_idempotency (owner, created_at);

-- Where a report sent by a tool came from, as the tool says ("mail gateway", "EDR"); shown on the
-- incident page beside the reporter. Reports made on the page have none.
alter table incident add column source varchar(100);
