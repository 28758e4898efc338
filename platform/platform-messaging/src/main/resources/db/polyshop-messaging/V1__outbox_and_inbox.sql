-- Events waiting to be relayed to Kafka, written in the same transaction as the state change.
create table outbox_event (
    sequence     bigint generated always as identity primary key,
    event_id     uuid          not null unique,
    topic        varchar(249)  not null,
    message_key  varchar(255)  not null,
    event_type   varchar(255)  not null,
    envelope     bytea         not null, -- CloudEvents 1.0 structured JSON, exactly as published
    trace_parent varchar(55),
    created_at   timestamptz   not null default now(),
    published_at timestamptz,
    attempts     integer       not null default 0,
    last_error   varchar(1000)
);

create index outbox_event_pending on outbox_event (sequence) where published_at is null;

-- Event ids a consumer has applied, recorded in the same transaction as the effect.
create table inbox_event (
    consumer     varchar(200) not null,
    event_id     varchar(255) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
