-- The timeline's seals (V39) are history like the entries they seal: the application's role may read
-- and add them, never change or remove them. V39 came after V37's default grants, so it got all four.
revoke update, delete, truncate on incident_timeline_seal from ${approle};
