-- A key is now claimed, used and answered in one transaction, so a record always has its response.
-- Claims left by the earlier three-step scheme (a process that died half-way) are dropped: their
-- keys answered "in progress" for ever.
delete from idempotency_record where status is null;
alter table idempotency_record alter column status set not null;
