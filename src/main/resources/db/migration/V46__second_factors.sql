-- Second factors (issue #16): the authenticator app (RFC 6238), its recovery codes, remembered
-- devices and the roles that must use a second factor.

-- One authenticator app per person. The secret is encrypted with a key derived from the
-- installation's secret (AES-GCM, Base64 of nonce and ciphertext); it counts only once a code
-- from the app has been confirmed. last_step is the time step of the last code accepted: a code of
-- that step or earlier is refused, and the check-and-set is one statement, so one code signs in once.
create table authenticator_app (
    account_id    bigint       primary key references user_account (id) on delete cascade,
    secret        varchar(200) not null,
    confirmed_at  timestamptz,
    last_step     bigint       not null default 0,
    created_at    timestamptz  not null
);

-- Ten single-use recovery codes per person, kept as HMAC-SHA256 under a derived key (the codes
-- are random, so no slow hash is needed); a used code stays, marked, so that its reuse is recognised.
create table recovery_code (
    id          bigint generated always as identity primary key,
    account_id  bigint       not null references user_account (id) on delete cascade,
    code_hash   varchar(64)  not null,
    used_at     timestamptz,
    unique (account_id, code_hash)
);

-- Browsers a person chose to remember after passing a second factor on them: the cookie's token as
-- HMAC-SHA256, a label from the browser's user agent, and an expiry of at most 30 days.
create table remembered_device (
    id          bigint generated always as identity primary key,
    account_id  bigint       not null references user_account (id) on delete cascade,
    token_hash  varchar(64)  not null unique,
    label       varchar(100) not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null
);
create index remembered_device_account_idx on remembered_device (account_id);

-- The roles whose holders must pass a second factor. Empty on installations that existed before
-- this migration (the requirement is off there); a new installation's first administrator chooses.
create table second_factor_role (
    role  varchar(40) primary key
);
