-- What a form accepts must fit every column it lands in. The audit trail names its subject with
-- what was typed (a company's playbook point may be 500 characters, a register's system 200, an
-- imported file's name 255): the subject widens to hold it whole, and the detail (a list of what
-- changed) to the timeline's width. The application still clips both, with an ellipsis, as a last
-- guard, so that an administrative change can never fail on its own audit line.
-- Widening a varchar rewrites nothing and fires no trigger: the append-only history is untouched.

alter table audit_event alter column subject type varchar(1000);
alter table audit_event alter column detail type varchar(4000);

-- The timeline keeps what was recorded whole: a team of many members is one line listing them all,
-- a note or a record field may be as long as its form allows. text has no limit to outgrow; the
-- forms keep theirs. (varchar to text rewrites nothing; the hashes are over the values, unchanged.)
alter table incident_timeline_entry alter column before_value type text;
alter table incident_timeline_entry alter column after_value type text;
alter table incident_timeline_entry alter column note type text;
