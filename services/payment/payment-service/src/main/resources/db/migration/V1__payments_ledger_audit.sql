-- One row per payment; its history lives in the two append-only tables below.
create table payment (
    payment_id         text primary key,
    order_id           text,
    customer_id        text,
    amount             numeric(19, 4),
    currency           char(3),
    status             text        not null
        check (status in ('AUTHORIZING', 'AUTHORIZED', 'DECLINED', 'CAPTURED', 'VOIDED', 'REFUNDED')),
    provider_reference text,
    decline_code       text,
    reply_to           text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    -- Only a payment voided before its authorization arrived has no amount.
    check ((amount is null) = (currency is null)),
    check (amount is not null or status = 'VOIDED')
);

create index payment_by_order on payment (order_id);

-- Every movement of money, once per kind and payment.
create table payment_ledger (
    entry_id           bigint generated always as identity primary key,
    payment_id         text           not null references payment,
    kind               text           not null check (kind in ('AUTHORIZATION', 'CAPTURE', 'VOID', 'REFUND')),
    amount             numeric(19, 4) not null check (amount > 0),
    currency           char(3)        not null,
    provider_reference text,
    recorded_at        timestamptz    not null default now(),
    unique (payment_id, kind)
);

-- Every change of a payment's status: old, new, why and who.
create table payment_audit (
    audit_id   bigint generated always as identity primary key,
    payment_id text        not null references payment,
    old_status text,
    new_status text        not null,
    reason     text        not null,
    actor      text        not null,
    changed_at timestamptz not null default now()
);

create index payment_audit_by_payment on payment_audit (payment_id, audit_id);

create function refuse_rewriting_history() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: rows are never updated or deleted', tg_table_name;
end
$$;

create trigger payment_ledger_is_append_only
    before update or delete on payment_ledger
    for each row execute function refuse_rewriting_history();

create trigger payment_audit_is_append_only
    before update or delete on payment_audit
    for each row execute function refuse_rewriting_history();
