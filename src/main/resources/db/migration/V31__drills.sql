-- 机上演習 (issue #14): drills run the real workflow on an incident marked 訓練. The mark is set
-- when the incident is created and never changes: every query that counts real incidents filters
-- on it, and a trigger refuses any update that would turn a drill into a real incident (or back).

alter table incident add column drill boolean not null default false;

create function refuse_drill_mark_change() returns trigger language plpgsql as $$
begin
    if new.drill is distinct from old.drill then
        raise exception 'the drill mark of an incident is set at creation and never changes';
    end if;
    return new;
end;
$$;

create trigger incident_drill_mark_fixed
    before update of drill on incident
    for each row execute function refuse_drill_mark_change();

-- the dashboard's and lists' figures read real incidents only
create index incident_real_state_idx on incident (state) where not drill;

-- A scenario: the report the drill starts from, the timed injects, the duties it expects.
create table drill_scenario (
    id              bigserial     primary key,
    name_ja         varchar(200)  not null,
    name_en         varchar(200)  not null,
    report_ja       varchar(4000) not null,
    report_en       varchar(4000) not null,
    -- DutyType names, comma-separated, in enum order ('' : none expected)
    expected_duties varchar(400)  not null default '',
    updated_by      varchar(64)   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0
);
create unique index drill_scenario_name_uq on drill_scenario (lower(name_ja));

create table drill_scenario_inject (
    scenario_id    bigint        not null references drill_scenario (id) on delete cascade,
    position       integer       not null,
    minute_offset  integer       not null check (minute_offset between 0 and 10080),
    text_ja        varchar(1000) not null,
    text_en        varchar(1000) not null,
    primary key (scenario_id, position)
);

-- A drill: the incident it runs on, the scenario as it was when it started (a later edit of
-- the scenario does not change a drill under way or its debrief).
create table drill (
    id              bigserial     primary key,
    incident_id     bigint        not null unique references incident (id),
    scenario_id     bigint        references drill_scenario (id) on delete set null,
    name_ja         varchar(200)  not null,
    name_en         varchar(200)  not null,
    expected_duties varchar(400)  not null,
    started_by      varchar(64)   not null,
    started_at      timestamptz   not null,
    ended_by        varchar(64),
    ended_at        timestamptz
);
create index drill_ended_idx on drill (ended_at);

create table drill_inject (
    drill_id       bigint        not null references drill (id),
    position       integer       not null,
    minute_offset  integer       not null,
    text_ja        varchar(1000) not null,
    text_en        varchar(1000) not null,
    -- when the lead read it out (it then went onto the incident's timeline)
    read_by        varchar(64),
    read_at        timestamptz,
    primary key (drill_id, position)
);

-- A move the team tried and a guard refused: not on the incident (the refusal changed nothing
-- and its transaction rolled back), written beside it for the debrief.
create table drill_refusal (
    id          bigserial     primary key,
    drill_id    bigint        not null references drill (id),
    occurred_at timestamptz   not null,
    actor       varchar(64)   not null,
    transition  varchar(30)   not null,
    code        varchar(200)  not null,
    arguments   jsonb         not null default '[]'
);
create index drill_refusal_drill_idx on drill_refusal (drill_id);

-- What the team found, in its own words; a note may become a real prevention measure.
create table drill_note (
    id          bigserial     primary key,
    drill_id    bigint        not null references drill (id),
    text        varchar(2000) not null,
    created_by  varchar(64)   not null,
    created_at  timestamptz   not null,
    measure_id  bigint        references prevention_measure (id)
);
create index drill_note_drill_idx on drill_note (drill_id);

-- The shipped scenarios, in the spirit of IPA's tabletop-exercise kit (text in Hikeshi's own words).
insert into drill_scenario (id, name_ja, name_en, report_ja, report_en, expected_duties, updated_by, updated_at)
values
(1, 'ランサムウェア: 身代金要求画面', 'Ransomware: a ransom note on screen',
 '経理のPCに「ファイルはすべて暗号化された。72時間以内に暗号資産で10万米ドルを支払え」という画面が表示され、カウントダウンが進んでいます。共有フォルダのファイルも開けません。',
 'A PC in accounting shows a note: "All your files are encrypted. Pay USD 100,000 in crypto currency within 72 hours." A countdown is running. Files on the shared folder no longer open.',
 'PPC_PRELIMINARY,IPA,POLICE', 'system', now()),
(2, 'メール誤送信: 顧客リストの流出', 'E-mail leak: a customer list sent to the wrong address',
 '営業担当が取引先に送るはずのメールに、顧客1,200名の氏名・住所・電話番号を含むExcelファイルを添付し、無関係の宛先に送ってしまいました。',
 'A salesperson sent an e-mail meant for a client, with an Excel file of 1,200 customers'' names, addresses and phone numbers attached, to an unrelated address.',
 'PPC_PRELIMINARY,PERSON_NOTICE', 'system', now()),
(3, 'ノートPCの紛失', 'A lost laptop',
 '社員が帰宅途中の電車に業務用ノートPCを置き忘れました。ディスクの暗号化が有効だったかは分かりません。顧客の連絡先が保存されています。',
 'An employee left a work laptop on the train home. Whether its disk was encrypted is not known. Customer contact details are stored on it.',
 'PPC_PRELIMINARY,POLICE', 'system', now()),
(4, 'Webサイトの改ざん', 'Website tampering',
 '顧客から「御社のWebサイトを開くと見知らぬサイトに転送される」と電話がありました。トップページに見覚えのないスクリプトが埋め込まれています。',
 'A customer phoned: "Your website sends me to a strange site." An unknown script has been inserted into the home page.',
 'IPA', 'system', now());

select setval('drill_scenario_id_seq', 4);

insert into drill_scenario_inject (scenario_id, position, minute_offset, text_ja, text_en) values
(1, 1, 10, '+10分: 経理担当者が「電源を切ってもいいですか」と聞いてきました。', '+10 min: the accountant asks: "May I switch it off?"'),
(1, 2, 20, '+20分: 別のPCでもファイルが開けないと連絡がありました。', '+20 min: another PC cannot open its files either.'),
(1, 3, 40, '+40分: NASのバックアップも暗号化されていることが分かりました。', '+40 min: the backups on the NAS are encrypted too.'),
(1, 4, 60, '+60分: 攻撃者から「顧客データを公開する」というメールが届きました。', '+60 min: the attacker mails: "We will publish your customer data."'),
(2, 1, 10, '+10分: 誤送信先のアドレスは個人のフリーメールだと分かりました。', '+10 min: the wrong address turns out to be a private free-mail account.'),
(2, 2, 30, '+30分: 誤送信先に削除をお願いするメールを送りましたが、返事がありません。', '+30 min: a request to delete it was sent to the address; no answer.'),
(2, 3, 60, '+60分: 顧客の一人から「変なメールが来た」と問い合わせがありました。', '+60 min: a customer calls about a strange e-mail.'),
(3, 1, 15, '+15分: 鉄道会社の忘れ物センターには届いていません。', '+15 min: the railway''s lost-property office has not received it.'),
(3, 2, 45, '+45分: ノートPCのパスワードが付箋で貼られていたと本人が話しました。', '+45 min: the employee says the password was on a sticky note on the laptop.'),
(4, 1, 10, '+10分: 改ざんされたページからウイルスが配られていた可能性があります。', '+10 min: the tampered page may have been handing out malware.'),
(4, 2, 30, '+30分: 制作会社に連絡しましたが、担当者が休暇中です。', '+30 min: the web agency is called; the person in charge is on holiday.');
