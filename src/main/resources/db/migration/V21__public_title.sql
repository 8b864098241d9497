-- The title the public reads (issue #10, DOMAIN.md §4.4): announcements are headed
-- 「{公表用件名}について（第N報）」, never with the internal title of the incident.
alter table reporting_case add column public_title varchar(200)
