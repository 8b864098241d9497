-- Sign-in with Microsoft Entra ID and Google Workspace (issue #16): the administrator's settings
-- (one row), the accounts allowed to sign in with a password once passwords are switched off, and
-- the identities at a provider linked to an account at their first successful match.

create table sign_in_settings (
    id                     smallint      primary key check (id = 1),
    entra_enabled          boolean       not null default false,
    entra_tenant_id        varchar(36),
    entra_client_id        varchar(200),
    -- AES-GCM under the installation's key (ApplicationSecret), never in clear
    entra_client_secret    bytea,
    entra_allowed_domains  varchar(1000),
    google_enabled         boolean       not null default false,
    google_client_id       varchar(200),
    google_client_secret   bytea,
    google_allowed_domains varchar(1000),
    just_in_time           boolean       not null default false,
    passwords_enabled      boolean       not null default true,
    updated_at             timestamptz,
    version                bigint        not null default 0
);

insert into sign_in_settings (id) values (1);

-- the break-glass accounts: their password still works when passwords are switched off
create table sign_in_break_glass (
    sign_in_settings_id smallint not null references sign_in_settings (id),
    user_account_id     bigint   not null references user_account (id),
    primary key (sign_in_settings_id, user_account_id)
);

create table external_identity (
    id              bigserial    primary key,
    provider        varchar(20)  not null check (provider in ('ENTRA', 'GOOGLE')),
    issuer          varchar(300) not null,
    subject         varchar(255) not null,
    user_account_id bigint       not null references user_account (id),
    linked_at       timestamptz  not null,
    unique (issuer, subject)
);

create index external_identity_account_idx on external_identity (user_account_id);
