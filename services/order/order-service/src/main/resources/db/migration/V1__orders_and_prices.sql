-- An order with its checkout saga. Lines, history and the saga's log are written with the order
-- and read with it on every saga step, so they live in the row: one statement reads or writes
-- everything a step needs.
create table customer_order (
    order_id            uuid primary key,
    customer_id         text           not null,
    from_cart           boolean        not null,
    status              text           not null
        check (status in ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLING', 'CANCELLED', 'SHIPPED')),
    currency            char(3)        not null,
    subtotal            numeric(19, 4) not null check (subtotal >= 0),
    shipping            numeric(19, 4) not null check (shipping >= 0),
    tax                 numeric(19, 4) not null check (tax >= 0),
    grand_total         numeric(19, 4) not null check (grand_total = subtotal + shipping + tax),
    shipping_address    jsonb          not null,
    lines               jsonb          not null,
    history             jsonb          not null,
    saga_phase          text           not null check (saga_phase in ('RUNNING', 'COMPENSATING', 'DONE')),
    saga_step           text           not null,
    saga_compensations  jsonb          not null,
    saga_ending         text,
    saga_reason         text,
    saga_deadline       timestamptz,
    saga_attempts       integer        not null,
    saga_log            jsonb          not null,
    -- Kept only until the payment has been asked for.
    payment_method      text,
    placed_at           timestamptz    not null,
    version             bigint         not null
);

create index customer_order_by_customer on customer_order (customer_id, placed_at desc, order_id);
create index customer_order_overdue on customer_order (saga_deadline) where saga_deadline is not null;

-- The read model of catalog prices, per SKU, at the newest catalog version seen.
create table product_price (
    sku         text primary key,
    product_id  text           not null,
    name        text           not null,
    amount      numeric(19, 4) not null check (amount >= 0),
    currency    char(3)        not null,
    purchasable boolean        not null,
    version     bigint         not null
);

create index product_price_by_product on product_price (product_id);
