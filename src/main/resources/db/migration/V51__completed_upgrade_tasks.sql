-- The upgrade tasks the application has finished once and for all (a migration cannot do them: they
-- need the key, which is not in the database). The timeline's seal backfill looked for unsealed
-- entries at every start, an anti-join over the whole timeline: 90 s before ready at ten million.
create table completed_upgrade_task (
    name         varchar(100) primary key,
    completed_at timestamptz  not null
);

-- a task is done once: the application records it and never takes it back
revoke update, delete, truncate on completed_upgrade_task from ${approle};
