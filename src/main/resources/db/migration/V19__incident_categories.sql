-- An incident may be of more than one kind (ransomware that also leaked data): the primary
-- category stays in incident.category, where the dashboard counts it; the others are kept
-- beside it as enum names in enum order, comma-separated, as playbook_point.categories are.
alter table incident add column additional_categories varchar(400) not null default '';

-- 紛失 and 盗難 apart (theft is a crime). Existing incidents take the weaker claim, 紛失;
-- the security lead corrects those that were stolen. The timeline keeps the old names as
-- they were written (its rows are hashed and never change): their labels stay in the bundles.
update incident set category = 'LOST_DEVICE' where category = 'LOST_OR_STOLEN_DEVICE';
update incident set leak_kind = 'LOSS' where leak_kind = 'LOSS_OR_THEFT';

-- A company point for lost or stolen devices applies to both.
update playbook_point
   set categories = array_to_string(array(
           select distinct c from unnest(string_to_array(
               replace(categories, 'LOST_OR_STOLEN_DEVICE', 'LOST_DEVICE,STOLEN_DEVICE'), ',')) as c
           order by c), ',')
 where categories like '%LOST_OR_STOLEN_DEVICE%';
