-- A saga step's clock starts when its command is published, not when the saga decides to send it:
-- the order keeps the id of the command it waits on and how long the step may take, and the
-- deadline stays empty until the outbox has published that command.
alter table customer_order add column saga_command uuid;
alter table customer_order add column saga_wait_ms bigint;
update customer_order set saga_command = gen_random_uuid(), saga_wait_ms = 30000 where saga_deadline is not null;
alter table customer_order add constraint customer_order_wait_whole
    check ((saga_command is null) = (saga_wait_ms is null));

-- A compensation unanswered after its last attempt leaves the saga for an operator.
alter table customer_order drop constraint customer_order_saga_phase_check;
alter table customer_order add constraint customer_order_saga_phase_check
    check (saga_phase in ('RUNNING', 'COMPENSATING', 'NEEDS_ATTENTION', 'DONE'));

create index customer_order_clock_not_started on customer_order (saga_command)
    where saga_deadline is null and saga_command is not null;
create index customer_order_needing_attention on customer_order (placed_at)
    where saga_phase = 'NEEDS_ATTENTION';
