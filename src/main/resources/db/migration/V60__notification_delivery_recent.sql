-- The notification settings page says how delivery has gone: it counted every mail and
-- chat message ever written by state (a scan of the whole outbox, 43 ms at 300,000 rows and growing
-- with every report), and looked for the last day's failures among all of that day's rows. Both
-- now read an index of what they ask for: the last 30 days' mails and chat messages by time and
-- state (an index-only count), and the failures alone, which are few.
create index notification_delivery_recent on notification (created_at, state) where channel in ('EMAIL', 'CHAT');
create index notification_delivery_failures on notification (created_at) include (failure, state)
    where failure is not null and channel in ('EMAIL', 'CHAT');
