-- Japan's national holidays (国民の祝日, 振替休日 and 国民の休日), which the PPC's deadlines roll
-- over (行政機関の休日). Data, not code: the app fills it from the Cabinet Office's CSV it ships
-- with, and an administrator replaces whole years from a newer CSV without a release.
create table public_holiday (
    day    date          primary key,
    name   varchar(100)  not null,
    source varchar(20)   not null check (source in ('SHIPPED', 'UPLOADED'))
);

-- Who replaced which years, when. Years an administrator has replaced are never refilled from
-- the shipped file, so a holiday the government removed stays removed after a restart.
create table holiday_upload (
    id            bigserial     primary key,
    uploaded_by   varchar(64)   not null,
    uploaded_at   timestamptz   not null,
    first_year    integer       not null,
    last_year     integer       not null check (last_year >= first_year),
    holiday_count integer       not null,
    file_name     varchar(255)
);
