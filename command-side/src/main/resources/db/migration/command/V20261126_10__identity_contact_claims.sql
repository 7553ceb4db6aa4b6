-- The write side's set-based rule: one email address, one mobile number, one account (ContactDirectory).
-- Written in the same transaction as the registration's events.
create table identity_contact_claim (
    contact    varchar(254) primary key, -- lower-cased email address or E.164 mobile number
    kind       varchar(10)  not null check (kind in ('EMAIL', 'MOBILE')),
    user_id    varchar(64)  not null,
    claimed_at timestamptz  not null default now()
);
create index identity_contact_claim_user on identity_contact_claim (user_id);
