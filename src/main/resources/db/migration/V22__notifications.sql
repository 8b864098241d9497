-- Notifications (#11): who is told what, by mail, chat and in the app, kept as an outbox.
-- A notification row is written in the transaction of the fact it tells about and sent after
-- that transaction commits; its state says whether it went out.

-- The company's choices: one row, like the organisation's.
create table notification_settings (
    id                     smallint      primary key check (id = 1),
    sender                 varchar(254),
    public_base_url        varchar(200),
    triage_timeout_minutes integer       not null default 30 check (triage_timeout_minutes between 5 and 1440),
    digest_hour            smallint      not null default 8 check (digest_hour between 0 and 23),
    version                bigint        not null default 0
);
insert into notification_settings (id) values (1);

-- Each row of the "who is told what" table, as the administrator switched it. A rule without a
-- row keeps its defaults; mandatory channels are kept on by the code, whatever is stored.
create table notification_rule (
    rule  varchar(40) primary key,
    email boolean     not null,
    chat  boolean     not null
);

-- Incoming webhooks of Teams, Slack and Google Chat. The URL is a secret (whoever has it can post
-- to the channel): kept encrypted with AES-GCM, shown only by its hint.
create table chat_webhook (
    id            bigserial     primary key,
    kind          varchar(20)   not null check (kind in ('TEAMS', 'SLACK', 'GOOGLE_CHAT')),
    name          varchar(100)  not null,
    url_encrypted bytea         not null,
    url_hint      varchar(120)  not null,
    language      varchar(2)    not null check (language in ('ja', 'en')),
    created_by    varchar(64)   not null,
    created_at    timestamptz   not null
);

-- Each person's own choices: the language of their mails, the daily digest.
create table notification_person (
    username   varchar(64)  primary key,
    language   varchar(2)   not null default 'ja' check (language in ('ja', 'en')),
    digest     boolean      not null default false,
    updated_at timestamptz  not null
);

-- Rules a person turned off for themselves (never a mandatory one).
create table notification_opt_out (
    username varchar(64) not null,
    rule     varchar(40) not null,
    primary key (username, rule)
);

create table notification (
    id              bigserial     primary key,
    rule            varchar(40)   not null,
    -- what happened, once: 'incident:12:reported', 'duty:7:DUE_TODAY:2026-12-03'. With the channel
    -- and the addressee it is unique, so the same notification is never written, or sent, twice.
    occurrence      varchar(120)  not null,
    channel         varchar(10)   not null check (channel in ('EMAIL', 'CHAT', 'IN_APP')),
    recipient       varchar(64),
    webhook_id      bigint,       -- the chat_webhook; kept when the webhook is removed, so the log still reads
    incident_id     bigint,
    reference       varchar(30),
    -- what the message says besides the reference: labels' codes, counts, dates (rendered at send time)
    params          jsonb         not null default '{}'::jsonb,
    link            varchar(200),
    priority        smallint      not null default 5,
    state           varchar(10)   not null check (state in ('PENDING', 'SENT', 'FAILED', 'NOT_SENT')),
    failure         varchar(30),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    read_at         timestamptz,
    check ((channel = 'CHAT') = (recipient is null))
);

create unique index notification_once
    on notification (occurrence, channel, coalesce(recipient, ''), coalesce(webhook_id, 0));
-- the dispatcher's queue
create index notification_pending on notification (priority, id) where state = 'PENDING';
-- each person's list, and the bell's count of what is unread (on every page)
create index notification_inbox on notification (recipient, id desc) where channel = 'IN_APP';
create index notification_unread on notification (recipient) where channel = 'IN_APP' and read_at is null;
-- the administrator's log, newest first
create index notification_log on notification (created_at desc, id desc);
