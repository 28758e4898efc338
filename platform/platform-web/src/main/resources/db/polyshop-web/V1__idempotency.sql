-- The first response to a POST carrying an Idempotency-Key, replayed for repeats of that key.
create table idempotency_record (
    scope         varchar(200)  not null,
    key           varchar(255)  not null,
    fingerprint   char(64)      not null, -- SHA-256 of method, path and body
    status        integer,                -- null while the first request is still running
    content_type  varchar(255),
    body          bytea,
    created_at    timestamptz   not null default now(),
    primary key (scope, key)
);
