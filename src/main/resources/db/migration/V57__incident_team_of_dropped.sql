-- V56's functions are no longer called. incident_on_team(id, person) was inlined to
-- id = any(incident_team_of(person)), an index condition evaluated once when the person is on few
-- incidents; but the planner evaluates a stable function's result to estimate, and for a person on
-- most incidents (a lead filtering the list by a colleague named in 999,996 of a million) it chose
-- to read the list's index and check each row, calling the function, and its query, once per row:
-- the list did not answer. The application now finds a person's incidents itself and reads them by
-- id when there are few, and asks each incident in turn otherwise (IncidentService.team).
drop function incident_on_team(bigint, text);
drop function incident_team_of(text);
