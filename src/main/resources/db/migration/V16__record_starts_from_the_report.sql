-- The required-items record starts from what the staff report already said: 発生事象 from the
-- description, 被害を受けたシステム from the device or system named. New reports are filled in by
-- the application; this fills the records that are still empty. The timeline's field column
-- widens so that a company's own checklist point is kept whole on its entry.

update incident set events_and_damage = description where events_and_damage is null or btrim(events_and_damage) = '';

update incident set affected_systems_status = affected_system
where (affected_systems_status is null or btrim(affected_systems_status) = '') and affected_system is not null;

alter table incident_timeline_entry alter column field type varchar(1000);
