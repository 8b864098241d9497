-- The text search asks the gram index (V49) for a few of the words' grams, the rarest, rather
-- than all of them: any of them narrows the candidates to a superset of the matches, which the
-- LIKE then checks, and a gram every incident holds ("in", "c-", "20" in a reference) only
-- makes GIN read a posting list as long as the table (29 ms of CPU for a reference at a million
-- incidents, 3 ms for its three rarest grams).

-- The index's condition for the given grams (already lowered), inlined to the indexed expression.
create function incident_text_holds(title text, description text, reference text, grams text[]) returns boolean
language sql immutable parallel safe
as $$ select (incident_text_grams(title, description, reference) collate "C") @> grams $$;

-- How often the grams ANALYZE found most common occur (the share of incidents holding each);
-- a gram not listed is rarer than all of them. The statistics of an index's expression are shown
-- only to those who may read the index, which the application's role may not: the function reads
-- them as the owner. No rows before the first ANALYZE of incident.
create function incident_text_gram_frequencies() returns table (gram text, frequency real)
language sql stable security definer set search_path = pg_catalog, pg_temp
as $$
  select e.gram, e.frequency
  from pg_stats s,
       unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(gram, frequency)
  where s.schemaname = 'public' and s.tablename = 'incident_text_grams_idx' and e.gram is not null
$$;

revoke all on function incident_text_gram_frequencies() from public;
grant execute on function incident_text_gram_frequencies() to ${approle};

-- The newest incidents (drills aside) in the list's order, read from the index alone: the search
-- asks when the nth newest was reported before it reads that many row by row (up to 30,000), and
-- incident_reported_at_idx had to visit the table for each of them (2.9 ms of CPU at 9,500, now
-- 0.5 ms). About 30 MB at a million incidents.
create index incident_real_reported_idx on incident (reported_at desc, id desc) where not drill;
