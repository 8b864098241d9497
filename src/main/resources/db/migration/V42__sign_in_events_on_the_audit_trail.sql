-- Sign-in events on the audit trail (issue #16): where each entry came from. Filled for every
-- entry made during a request; the user agent is cut to its first 200 characters.
alter table audit_event add column address varchar(45);
alter table audit_event add column user_agent varchar(200);

-- the administrator's filters: by kind and by address, newest first
create index audit_event_action_idx on audit_event (action, occurred_at desc);
create index audit_event_address_idx on audit_event (address varchar_pattern_ops);
