-- The executive's inbox (/executive/inbox, and its counts on the home page and in the digest):
-- teams to form and closings to approve, a page at a time, oldest first, with how many in all.
-- At a million incidents 20,000 were escalated, and counting them visited each row for its state
-- and approval (115 ms); the count now reads this index alone (2 ms), and a page is its first rows.
create index incident_awaiting_executive_idx on incident (reported_at, id)
  where not drill and (state = 'ESCALATED' or (state = 'PREVENTION' and closing_approved_at is null));
