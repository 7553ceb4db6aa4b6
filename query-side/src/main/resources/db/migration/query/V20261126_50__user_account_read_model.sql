-- Read model of the user account projection (processing group "user-account-projection"): one row per account,
-- everything UserView shows. Rebuilt from the event store on replay: the projection's reset handler empties it.
-- The identity document number is stored masked (IdentityDocument.maskedNumber()), never in full.
CREATE TABLE user_account (
    user_id                  VARCHAR(255) NOT NULL PRIMARY KEY,
    first_name               TEXT,
    last_name                TEXT,
    email                    VARCHAR(254) NOT NULL,
    -- E.164
    mobile                   VARCHAR(16)  NOT NULL,
    email_verified           BOOLEAN      NOT NULL,
    mobile_verified          BOOLEAN      NOT NULL,
    status                   VARCHAR(16)  NOT NULL,
    suspension_reason        TEXT,
    -- Role names, sorted, no duplicates
    roles                    TEXT[]       NOT NULL,
    two_factor_enabled       BOOLEAN      NOT NULL,
    language                 VARCHAR(16),
    identity_status          VARCHAR(16)  NOT NULL,
    identity_document_type   VARCHAR(32),
    identity_document_masked VARCHAR(32),
    identity_country         CHAR(2),
    birth_date               DATE,
    registered_at            TIMESTAMPTZ  NOT NULL,
    last_login_at            TIMESTAMPTZ,
    -- the user aggregate's sequence number of the last event applied here: a repeated or older event changes nothing
    last_sequence            BIGINT       NOT NULL,
    -- what the administrators' search matches (names, email, mobile), lower-cased once here
    search_text              TEXT GENERATED ALWAYS AS (
                                 lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' '
                                       || email || ' ' || mobile)) STORED
);
-- logins by email or mobile (the write side keeps them unique; a read model does not refuse a recorded fact)
CREATE INDEX user_account_email_idx ON user_account (email);
CREATE INDEX user_account_mobile_idx ON user_account (mobile);
-- the search lists newest accounts first
CREATE INDEX user_account_registered_idx ON user_account (registered_at DESC, user_id DESC);
CREATE INDEX user_account_roles_idx ON user_account USING GIN (roles);
