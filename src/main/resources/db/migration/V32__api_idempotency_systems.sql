-- An Idempotency-Key may also guard POST /api/v1/systems (issue #14): a retried request answers
-- with the system the first one added instead of refusing the name as taken.
alter table api_idempotency add column system_id bigint references register_system (id);
