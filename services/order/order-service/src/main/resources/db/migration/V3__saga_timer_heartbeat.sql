-- When the saga timer last swept. A gap means no instance was timing sagas (all stopped, killed,
-- or cut off from this database); every running clock is moved on by that gap, so that replies
-- waiting in Kafka meanwhile still count.
create table saga_timer (
    id        smallint    primary key check (id = 1),
    swept_at  timestamptz not null
);
insert into saga_timer (id, swept_at) values (1, now());
