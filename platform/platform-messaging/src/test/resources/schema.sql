create table if not exists sample_order (id text primary key, status text not null);
-- Deliberately without a unique key: a second application of one event would show as a second row.
create table if not exists applied_event (event_id text not null, order_id text not null, type text not null, applied_order bigint generated always as identity);
