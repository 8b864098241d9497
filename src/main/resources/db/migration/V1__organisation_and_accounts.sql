-- The company using this installation: exactly one row, written by the first-run setup.
-- The fixed primary key makes a second, concurrent setup fail in the database itself.
create table organisation (
    id                   smallint     primary key default 1 check (id = 1),
    name                 varchar(200) not null,
    industry             varchar(40)  not null,
    supervising_ministry varchar(200),
    time_zone            varchar(64)  not null default 'Asia/Tokyo',
    created_at           timestamptz  not null,
    version              bigint       not null default 0
);

create table user_account (
    id                       bigserial    primary key,
    username                 varchar(64)  not null,
    display_name             varchar(100) not null,
    department               varchar(100),
    email                    varchar(254),
    password_hash            varchar(255) not null,
    enabled                  boolean      not null default true,
    password_change_required boolean      not null default false,
    created_at               timestamptz  not null,
    updated_at               timestamptz  not null,
    version                  bigint       not null default 0
);

create unique index user_account_username_uk on user_account (lower(username));

create table user_account_role (
    user_account_id bigint      not null references user_account (id),
    role            varchar(20) not null
        check (role in ('REPORTER', 'SECURITY_LEAD', 'RESPONDER', 'EXECUTIVE', 'ADMIN')),
    primary key (user_account_id, role)
);

-- Who did what to accounts and settings. Append-only: the database refuses to change history.
create table audit_event (
    id          bigserial    primary key,
    occurred_at timestamptz  not null,
    actor       varchar(64)  not null,
    action      varchar(40)  not null,
    subject     varchar(200) not null,
    detail      varchar(1000)
);

create index audit_event_occurred_at_idx on audit_event (occurred_at desc);

create function refuse_change_to_history() returns trigger
    language plpgsql as
$$
begin
    raise exception '% on % is not allowed: this table is append-only', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function refuse_change_to_history();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function refuse_change_to_history();
