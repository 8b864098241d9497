-- The bell's count of a reader's unread notifications (Inbox.unread, asked on every page) reads them
-- newest first from an index that holds only unread ones. With the index on the recipient alone,
-- PostgreSQL chose a sequential scan with LIMIT for a reader it expected many unread for: where the
-- table's older rows were other people's it read 13,482 of them (3 ms, on every page) before the
-- first of a lead's 13,910 unread. Ordered by the index, the count reads at most its 100 entries,
-- and none for a reader with none. The updates that mark notifications read use its first column.
create index notification_unread_newest on notification (recipient, id desc)
    where channel = 'IN_APP' and read_at is null;
drop index notification_unread;
