-- The list and its search find the newest incidents from incident_real_reported_idx (V53) alone,
-- which an index-only scan can do only for rows the visibility map marks all-visible: only a
-- vacuum marks them. Autovacuum vacuums a table that is only added to after a fifth of its size
-- in new rows, 200,000 at a million incidents, so the newest reports were never marked: reading
-- when the 30,000th newest was reported visited 25,000 of them in the table (57 ms instead of 5),
-- and the searches behind 22,000 new reports took twice as long. Vacuuming after every 2,000 new
-- incidents reads only the pages they were added to.
alter table incident set (autovacuum_vacuum_insert_threshold = 2000, autovacuum_vacuum_insert_scale_factor = 0);
