-- Personal API tokens (#12): a script acts as the person who made the token, with their roles
-- and need-to-know. Only a SHA-256 hash of the token is kept; the token is shown once.
create table api_token (
    id           bigserial     primary key,
    owner        varchar(64)   not null,
    name         varchar(100)  not null,
    token_hash   varchar(64)      not null unique,
    -- the first characters, so that a person recognises a token in the list
    hint         varchar(20)   not null,
    -- the owner's roles when the token was made: a token stops working when they change
    roles        varchar(200)  not null,
    created_at   timestamptz   not null,
    expires_at   timestamptz   not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   varchar(64),
    check (expires_at > created_at)
);

create index api_token_owner on api_token (lower(owner), created_at desc);

-- What a token did is attributed to it: the timeline and the audit trail name the token beside
-- the person. Part of a timeline entry's hash where it is set.
alter table incident_timeline_entry add column via varchar(100);
alter table audit_event add column via varchar(100);
