-- Each evidence file's SHA-256 anchored outside the database (#16): an HMAC over the evidence,
-- its incident, its hash and its size, with a key derived from the installation's secret
-- (HIKESHI_SECRET_KEY) that is never stored here. Replacing the bytes together with the stored
-- hash no longer verifies. Files kept before this migration are sealed once when the application
-- starts; sealed_at_upgrade says when, for the evidence page to tell.
alter table evidence add column seal varchar(64);
alter table evidence add column sealed_at_upgrade timestamptz;
