-- 緊急連絡網 (issue #14): the response team's people in the order they are called, each with
-- their part in the response, when they can be reached and who stands in for them. The phone
-- number stays on the account (user_account.phone): one place to change it. A person of the
-- team without a row here is still listed, after the others; the row holds only what this
-- page adds.
create table emergency_contact (
    username      varchar(64)   primary key,
    position      integer       not null check (position between 1 and 99),
    -- free text: 責任者, 連絡担当, 技術対応 …
    response_role varchar(100),
    -- free text: 夜間も可、休日は携帯へ …
    reachable     varchar(200),
    -- another member of the team; never the person themselves
    stand_in      varchar(64)   check (stand_in is null or stand_in <> username),
    updated_by    varchar(64)   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null default 0
);

-- The list as a whole: who last said 「確認しました」 and when. One row.
create table emergency_contact_list (
    id          smallint      primary key check (id = 1),
    verified_by varchar(64),
    verified_at timestamptz,
    version     bigint        not null default 0
);
insert into emergency_contact_list (id) values (1);
