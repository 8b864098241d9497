-- Passkeys (issue #16): Spring Security's WebAuthn tables (JdbcPublicKeyCredentialUserEntityRepository,
-- JdbcUserCredentialRepository; their column names), adapted to PostgreSQL and tied to the account:
-- a person's WebAuthn user entity names an existing account, and goes (with its passkeys) when the
-- account does. A disabled account keeps its passkeys but the sign-in refuses it (account.Passkeys).

-- the foreign key below needs the exact name unique; lower(username) already is, so this adds no rule
alter table user_account add constraint user_account_username_key unique (username);

create table user_entities (
    id           varchar(100) primary key,   -- the WebAuthn user handle (random, base64url), never shown
    name         varchar(64)  not null unique
        references user_account (username) on delete cascade,
    display_name varchar(200)
);

create table user_credentials (
    credential_id                varchar(1000) primary key,
    user_entity_user_id          varchar(100)  not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamptz,
    last_used                    timestamptz,
    -- the person's own name for it; the form allows 64 characters
    label                        varchar(64)   not null check (length(btrim(label)) > 0)
);

create index user_credentials_user_idx on user_credentials (user_entity_user_id);
