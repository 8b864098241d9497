-- 対応方針 (issue #14): the short structured policy the executive approves before the fire. One
-- row per version; a new draft starts from the latest version. An approved version is history:
-- never changed, never deleted. At most one draft at a time.

create table response_policy_version (
    number      integer       primary key check (number > 0),
    drafted_by  varchar(64)   not null,
    drafted_at  timestamptz   not null,
    approved_by varchar(64),
    approved_at timestamptz,
    version     bigint        not null default 0,
    check ((approved_by is null) = (approved_at is null))
);
create unique index response_policy_one_draft on response_policy_version ((true)) where approved_at is null;

-- The sections' texts, as the company typed them.
create table response_policy_section (
    policy_number integer       not null references response_policy_version (number),
    section       varchar(20)   not null
        check (section in ('PURPOSE', 'ORGANISATION', 'ESCALATION', 'CONTAINMENT', 'DISCLOSURE',
                           'COMMUNICATION', 'OUTSIDE_HELP', 'RANSOM', 'BACKUPS', 'AUTHORITIES', 'REVIEW')),
    text          varchar(2000) not null,
    primary key (policy_number, section)
);

-- An approved version is never changed: neither its row (approving is the draft's last change)
-- nor its sections.
create function refuse_change_to_approved_policy() returns trigger language plpgsql as $$
declare
    kept integer;
begin
    if tg_table_name = 'response_policy_version' then
        kept := case when old.approved_at is not null then old.number end;
    elsif tg_op = 'INSERT' then
        kept := (select number from response_policy_version where number = new.policy_number and approved_at is not null);
    else
        kept := (select number from response_policy_version where number = old.policy_number and approved_at is not null);
    end if;
    if kept is not null then
        raise exception 'the approved response policy % is never changed', kept using errcode = 'integrity_constraint_violation';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end $$;

create trigger response_policy_version_approved_kept
    before update or delete on response_policy_version
    for each row execute function refuse_change_to_approved_policy();

create trigger response_policy_section_approved_kept
    before insert or update or delete on response_policy_section
    for each row execute function refuse_change_to_approved_policy();

create trigger response_policy_version_no_truncate
    before truncate on response_policy_version
    for each statement execute function refuse_change_to_history();
