-- The sign-in throttle (issue #16), shared by every application node and kept over a restart.
-- One row per key: a name's password path ('password:hanako'), an address ('address:10.0.0.1'),
-- a name from an address ('pair:10.0.0.1|hanako'), a password-change form ('password-change:hanako')
-- and an address sending wrong API tokens ('token-address:10.0.0.1'). Each attempt is decided and
-- counted by one upsert before the password is checked, so simultaneous attempts cannot all pass.
create table sign_in_throttle (
    key          varchar(300) primary key,
    failures     integer      not null check (failures >= 0),
    last_at      timestamptz  not null,
    -- whether the latest attempt on this key was let through to the password check
    let_through  boolean      not null
);

-- old rows are removed a bounded batch at a time, oldest first
create index sign_in_throttle_last_at_idx on sign_in_throttle (last_at);
