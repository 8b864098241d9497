-- 資産・情報の台帳 (issue #14): what the company wrote down before the fire. The systems and
-- services it runs, the personal data each holds, the vendors that operate them and the
-- clients (委託元) whose data it processes. Kept by the administrator and the security lead;
-- each change goes to the audit trail. A system an incident named is retired, never deleted,
-- so that the incident keeps pointing at what it was.

create table vendor (
    id               bigserial     primary key,
    kind             varchar(20)   not null
        check (kind in ('IT_VENDOR', 'CLOUD', 'HOSTING', 'PAYROLL', 'OTHER')),
    name             varchar(200)  not null,
    -- whom to call at the vendor when something happens
    incident_contact varchar(200),
    phone            varchar(30)
        -- as the account forms accept them (V23)
        check (phone ~ '^[-0-9０-９+＋()（） 　－]*[0-9０-９][-0-9０-９+＋()（） 　－]*$'),
    email            varchar(200),
    contract_note    varchar(1000),
    created_by       varchar(64)   not null,
    created_at       timestamptz   not null,
    updated_by       varchar(64)   not null,
    updated_at       timestamptz   not null,
    version          bigint        not null default 0
);
create unique index vendor_name_uq on vendor (lower(name));

-- 委託元: a company whose personal data this company processes for it.
create table client_company (
    id          bigserial     primary key,
    name        varchar(200)  not null,
    contact     varchar(200),
    phone       varchar(30)
        -- as the account forms accept them (V23)
        check (phone ~ '^[-0-9０-９+＋()（） 　－]*[0-9０-９][-0-9０-９+＋()（） 　－]*$'),
    email       varchar(200),
    note        varchar(1000),
    created_by  varchar(64)   not null,
    created_at  timestamptz   not null,
    updated_by  varchar(64)   not null,
    updated_at  timestamptz   not null,
    version     bigint        not null default 0
);
create unique index client_company_name_uq on client_company (lower(name));

create table register_system (
    id              bigserial     primary key,
    name            varchar(200)  not null,
    kind            varchar(20)   not null
        check (kind in ('PC', 'SERVER', 'NAS', 'NETWORK_DEVICE', 'CLOUD_SERVICE', 'WEBSITE', 'EC_SITE', 'OTHER')),
    -- where it runs: the office, a data centre, the vendor's cloud
    location        varchar(200),
    -- the person or department responsible for it
    owner           varchar(200),
    vendor_id       bigint        references vendor (id),
    internet_facing boolean       not null default false,
    backup          varchar(20)   not null default 'UNKNOWN'
        check (backup in ('BACKED_UP', 'NONE', 'UNKNOWN')),
    backup_location varchar(200),
    note            varchar(1000),
    -- set when the system is taken out of use; it stays for the incidents that named it
    retired_at      timestamptz,
    created_by      varchar(64)   not null,
    created_at      timestamptz   not null,
    updated_by      varchar(64)   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0,
    check (backup = 'BACKED_UP' or backup_location is null)
);
create unique index register_system_name_uq on register_system (lower(name)) where retired_at is null;

-- The personal data a system holds, in the shape of step 2's data sets (personal_data_set), so
-- that choosing the system for an incident can propose them as they are.
create table register_data_set (
    id                bigserial     primary key,
    system_id         bigint        not null references register_system (id) on delete cascade,
    position          integer       not null,
    description       varchar(200)  not null,
    items             varchar(1000),
    whose             varchar(20)   not null check (whose in ('CUSTOMERS', 'EMPLOYEES', 'CLIENT', 'OTHER')),
    client_id         bigint        references client_company (id),
    -- how many people at most the data concerns
    people_count      integer       check (people_count between 0 and 100000000),
    -- 要配慮個人情報
    sensitive         boolean       not null default false,
    -- card numbers, banking credentials
    financial         boolean       not null default false,
    -- 特定個人情報
    my_number         boolean       not null default false,
    encrypted         boolean       not null default false,
    encryption_method varchar(200),
    -- who keeps the key, and where
    key_custody       varchar(200),
    check (whose = 'CLIENT' or client_id is null),
    check (encrypted or (encryption_method is null and key_custody is null)),
    unique (system_id, position)
);
create index register_data_set_client_idx on register_data_set (client_id);

-- The register's systems an incident concerns.
create table incident_system (
    incident_id bigint        not null references incident (id),
    system_id   bigint        not null references register_system (id),
    chosen_by   varchar(64)   not null,
    chosen_at   timestamptz   not null,
    primary key (incident_id, system_id)
);
create index incident_system_system_idx on incident_system (system_id);
