-- 5W1H's "when" as a date as well as words, checked against the recovery; and when a repair
-- recorded as in progress was finished.
alter table investigation add column started_on date;
