-- Accounts opened per client address, so that one client cannot open them by the thousand.
create table registration_attempt (
    id             bigint generated always as identity primary key,
    client_address varchar(64) not null,
    attempted_at   timestamptz not null default now()
);

create index registration_attempt_address on registration_attempt (client_address, attempted_at);

-- Failures of one account from one client: what login throttling now counts.
create index login_attempt_account_client on login_attempt (email_key, client_address, attempted_at);
