-- Signed webhooks for integrators (#12): the administrator registers endpoints, each with the
-- events it wants and a secret; each delivery is a JSON event signed the Standard Webhooks way.
-- Deliveries go through the notification outbox (V22) on a channel of their own, 'HOOK', so the
-- same sender takes them with FOR UPDATE SKIP LOCKED and retries them with the same backoff.

create table integration_endpoint (
    id               bigserial     primary key,
    name             varchar(100)  not null,
    url              varchar(1000) not null,
    -- the signing secret (whsec_ and Base64 of 32 random bytes), encrypted with AES-GCM: shown
    -- once, when the endpoint is created, and never again
    secret_encrypted bytea         not null,
    events           varchar(40)[] not null
        check (cardinality(events) > 0 and events <@ array['REPORT_RECEIVED', 'STATE_CHANGED', 'DUTY_DUE_SOON',
            'DUTY_OVERDUE', 'DUTY_FILED', 'INCIDENT_CLOSED']::varchar(40)[]),
    enabled          boolean       not null default true,
    created_by       varchar(64)   not null,
    created_at       timestamptz   not null
);

-- A delivery is a notification row on the channel 'HOOK': its rule column holds the event
-- (REPORT_RECEIVED …), payload the exact JSON body (the same on every try, so the webhook-id
-- stays), http_status the last answer. The endpoint's deliveries go with it when it is deleted.
alter table notification
    add column endpoint_id bigint references integration_endpoint (id) on delete cascade,
    add column payload     text,
    add column http_status smallint;

alter table notification drop constraint notification_channel_check;
alter table notification add constraint notification_channel_check
    check (channel in ('EMAIL', 'CHAT', 'IN_APP', 'HOOK'));
-- V22's check ((channel = 'CHAT') = (recipient is null)): a chat message and a delivery to an
-- endpoint have no person as recipient; a mail and an in-app notification always have one.
alter table notification drop constraint notification_check;
alter table notification add constraint notification_recipient_check
    check ((channel in ('CHAT', 'HOOK')) = (recipient is null));
alter table notification add constraint notification_endpoint_check
    check ((channel = 'HOOK') = (endpoint_id is not null) and (channel = 'HOOK') = (payload is not null));

-- once per occurrence, channel and addressee, the endpoint now among the addressees
drop index notification_once;
create unique index notification_once
    on notification (occurrence, channel, coalesce(recipient, ''), coalesce(webhook_id, 0), coalesce(endpoint_id, 0));
-- each endpoint's delivery log, newest first (and the cascade when an endpoint is deleted)
create index notification_endpoint_log on notification (endpoint_id, created_at desc, id desc)
    where endpoint_id is not null;
