-- A phone number on an account (issue #11): staff who have just reported something see the
-- security lead's number on the page that thanks them, to call at once. Digits and what
-- separates them (half- or full-width: spaces, + - and brackets), as the account forms accept;
-- at least one digit; no letters, no line breaks.
alter table user_account
    add column phone varchar(30)
        constraint user_account_phone_ck
            check (phone ~ '^[-0-9０-９+＋()（） 　－]*[0-9０-９][-0-9０-９+＋()（） 　－]*$');
