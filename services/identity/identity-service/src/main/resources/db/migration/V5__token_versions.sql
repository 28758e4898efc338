-- Every access token carries its user's token version; a role or password change raises it, and
-- services refuse older tokens from the next request on (polyshop.security.revocations-url).
alter table app_user add column token_version bigint not null default 0;
