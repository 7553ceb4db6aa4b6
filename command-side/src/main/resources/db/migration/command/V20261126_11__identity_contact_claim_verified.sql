-- A claim becomes permanent once its owner verifies the contact; until then a later registration may take it
-- over after a grace period (ContactDirectory#claim), so nobody can squat someone else's email or mobile.
alter table identity_contact_claim add column verified boolean not null default false;
