-- The company's own contacts for an incident (vendor, insurer, lawyer …), kept by the
-- administrator and shown beside the public desks of DOMAIN.md §7 when asking for help.
create table contact (
    id         bigserial     primary key,
    kind       varchar(20)   not null check (kind in ('VENDOR', 'INSURER', 'LAWYER', 'FORENSICS', 'OTHER')),
    name       varchar(200)  not null,
    phone      varchar(50),
    note       varchar(500),
    created_by varchar(64)   not null,
    created_at timestamptz   not null
);
