-- Step 3's follow-up: root causes from a short taxonomy, and prevention measures with an owner
-- and a due date that stay open after the incident closes, until they are done.

create table root_cause (
    incident_id bigint      not null references incident (id),
    cause       varchar(40) not null,
    primary key (incident_id, cause)
);

create table prevention_measure (
    id          bigserial     primary key,
    incident_id bigint        not null references incident (id),
    kind        varchar(20)   not null check (kind in ('TECHNICAL', 'RULES', 'TRAINING')),
    description varchar(1000) not null,
    owner       varchar(64)   not null,
    due_on      date          not null,
    done_on     date,
    done_by     varchar(64),
    created_by  varchar(64)   not null,
    created_at  timestamptz   not null
);

create index prevention_measure_open_idx on prevention_measure (due_on) where done_on is null;
create index prevention_measure_incident_idx on prevention_measure (incident_id);
