-- Playbooks the company can edit: the built-in checklist points can be switched off or
-- reworded, and the company adds points of its own for the categories it chooses. An
-- incident's checklist is copied from the playbook when it is escalated, so later edits
-- never change the checklists of incidents already started.

create table playbook_point (
    id         bigserial    primary key,
    builtin    varchar(60)  unique,
    text       varchar(500),
    categories varchar(400) not null default '',
    active     boolean      not null default true,
    position   integer      not null default 0,
    constraint playbook_point_text_ck check (builtin is not null or text is not null)
);

alter table incident_checklist_item alter column item drop not null;
alter table incident_checklist_item add column custom_text varchar(500);
