-- The application runs as a role that owns nothing (#16); Flyway migrates as the owner. The role may
-- read and change the ordinary tables but only read and add to the append-only ones, and, owning
-- none of them, can neither disable their triggers nor alter, truncate or drop them. Its name is
-- Flyway's placeholder approle (spring.flyway.placeholders.approle, hikeshi_app by default). Who
-- provisions the database gives it LOGIN and a password (the embedded database and docker-compose.yml
-- do); here it is only made, without LOGIN, where it does not exist yet.
do $$
begin
    if not exists (select from pg_roles where rolname = '${approle}') then
        create role ${approle} nologin;
    end if;
end
$$;

grant usage on schema public to ${approle};
grant select, insert, update, delete on all tables in schema public to ${approle};
grant usage, select on all sequences in schema public to ${approle};

-- the history: read and added to, never changed (their triggers refuse even the owner)
revoke update, delete on audit_event, incident_timeline_entry, evidence_custody from ${approle};

-- the migrations' own record is the owner's; the application may read it, so that a node without the
-- owner's credentials starts (Flyway validates) once another has migrated
revoke all on ${flyway:table} from ${approle};
grant select on ${flyway:table} to ${approle};

-- Tables and sequences later migrations make get the same grants; a new append-only table's
-- migration revokes update and delete from ${approle} as above.
alter default privileges in schema public grant select, insert, update, delete on tables to ${approle};
alter default privileges in schema public grant usage, select on sequences to ${approle};
