-- An event Kafka refused for what it is (too large, an invalid topic) is parked with the reason,
-- out of the relay's way, until an operator releases it.
alter table outbox_event add column parked_at timestamptz;
alter table outbox_event add column park_reason varchar(1000);

drop index outbox_event_pending;
create index outbox_event_pending on outbox_event (sequence) where published_at is null and parked_at is null;
create index outbox_event_parked on outbox_event (parked_at) where parked_at is not null;
