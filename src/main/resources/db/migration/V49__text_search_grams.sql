-- The list's text search (issue #15) answered by an index, for a word of any length in Japanese
-- or ASCII and whatever the database's ctype: a GIN index over the unigrams and bigrams of the
-- three searched fields, lowered as the search lowers them (pg_trgm ignores Japanese under ctype C
-- and cannot serve one or two characters). A row holding the word holds each of its grams, so
-- the index returns a superset of the matches and the search's own LIKE stays the exact check:
-- the results are the substring search's, only found sooner.

-- The unigrams and bigrams of title, description and reference, each field lowered alone (as
-- the LIKE lowers them) and the three joined by newlines. Duplicates are left in: GIN keeps
-- each key once a row. Costly to compute (about 60 µs a row), hence its cost, so that the
-- planner never calls it row by row as a filter.
create function incident_text_grams(title text, description text, reference text) returns text[]
language sql immutable parallel safe cost 1000
as $$
  select u || array(select a || b from unnest(u[:cardinality(u) - 1], u[2:]) as pair(a, b))
  from string_to_array(lower(coalesce(title, '')) || E'\n' || lower(coalesce(description, ''))
                       || E'\n' || lower(coalesce(reference, '')), null) as u
$$;

-- The grams a row must hold to contain the (already lowered) words: the character itself for
-- one, its bigrams for more.
create function search_text_grams(words text) returns text[]
language sql immutable parallel safe
as $$
  select case when cardinality(u) < 2 then u
              else array(select a || b from unnest(u[:cardinality(u) - 1], u[2:]) as pair(a, b)) end
  from string_to_array(words, null) as u
$$;

-- The index's condition, in a function the application can call and PostgreSQL inlines to the
-- indexed expression. Keys compared bytewise (collation "C"): equality is the same under every
-- deterministic collation, and the build is a third quicker than under a libc locale.
create function incident_text_may_contain(title text, description text, reference text, words text) returns boolean
language sql immutable parallel safe
as $$ select (incident_text_grams(title, description, reference) collate "C") @> search_text_grams(words) $$;

create index incident_text_grams_idx on incident
    using gin ((incident_text_grams(title, description, reference)) collate "C");
