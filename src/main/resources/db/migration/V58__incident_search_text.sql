-- The list's text search compared each of title, description and reference lowered, at every
-- search and for every row it read: lowering was four fifths of checking a row (2 µs of 2.4 at a
-- million incidents), so a search for an ASCII word could afford to read a third as many of the
-- newest incidents as a search in kana or kanji. PostgreSQL now keeps the three lowered, joined by
-- newlines as incident_text_grams (V49) joins them, when an incident is written; a search reads
-- the one column with a plain LIKE. Words holding a newline, which could match across two fields
-- here, are still compared field by field. Adding the column rewrites the table once (about two
-- minutes at a million incidents).
alter table incident add column search_text text
    generated always as (lower(title) || E'\n' || lower(description) || E'\n' || lower(reference)) stored;
