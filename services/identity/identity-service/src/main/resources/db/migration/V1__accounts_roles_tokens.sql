create table app_user (
    id            uuid          primary key,
    email         varchar(254)  not null,
    email_key     varchar(254)  not null unique, -- the address in lower case: unique case-insensitively
    password_hash varchar(255)  not null,
    display_name  varchar(100)  not null,
    created_at    timestamptz   not null default now()
);

-- RBAC as relations: users -> roles -> permissions (resource, action).
create table role (
    name varchar(32) primary key
);

create table permission (
    resource varchar(64) not null,
    action   varchar(32) not null,
    primary key (resource, action)
);

create table role_permission (
    role_name varchar(32) not null references role (name),
    resource  varchar(64) not null,
    action    varchar(32) not null,
    primary key (role_name, resource, action),
    foreign key (resource, action) references permission (resource, action)
);

create table user_role (
    user_id    uuid        not null references app_user (id) on delete cascade,
    role_name  varchar(32) not null references role (name),
    granted_at timestamptz not null default now(),
    primary key (user_id, role_name)
);

insert into role (name) values ('CUSTOMER'), ('ADMIN'), ('SUPPORT');

insert into permission (resource, action) values
    ('cart', 'own'), ('order', 'own'), ('payment', 'own'), ('notification', 'own'),
    ('order', 'read-any'), ('payment', 'read-any'), ('user', 'read-any'),
    ('catalog', 'write'), ('inventory', 'write'), ('role', 'grant');

insert into role_permission (role_name, resource, action) values
    ('CUSTOMER', 'cart', 'own'), ('CUSTOMER', 'order', 'own'), ('CUSTOMER', 'payment', 'own'),
    ('CUSTOMER', 'notification', 'own'),
    ('SUPPORT', 'order', 'read-any'), ('SUPPORT', 'payment', 'read-any'), ('SUPPORT', 'user', 'read-any'),
    ('ADMIN', 'order', 'read-any'), ('ADMIN', 'payment', 'read-any'), ('ADMIN', 'user', 'read-any'),
    ('ADMIN', 'catalog', 'write'), ('ADMIN', 'inventory', 'write'), ('ADMIN', 'role', 'grant');

-- Refresh tokens are opaque; only their SHA-256 is stored. A family is one login's chain of rotations.
create table refresh_token (
    id         uuid        primary key,
    user_id    uuid        not null references app_user (id) on delete cascade,
    family_id  uuid        not null,
    token_hash char(64)    not null unique,
    issued_at  timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);

create index refresh_token_family on refresh_token (family_id);
create index refresh_token_user on refresh_token (user_id);

create table login_attempt (
    id             bigint generated always as identity primary key,
    email_key      varchar(254) not null,
    client_address varchar(64)  not null,
    succeeded      boolean      not null,
    attempted_at   timestamptz  not null default now()
);

create index login_attempt_account on login_attempt (email_key, attempted_at);
create index login_attempt_address on login_attempt (client_address, attempted_at);

-- RSA keys that sign access tokens. The newest active key signs; retired keys stay published until
-- every token they signed has expired.
create table signing_key (
    kid         varchar(64)  primary key,
    private_key bytea        not null,
    public_key  bytea        not null,
    created_at  timestamptz  not null default now(),
    retired_at  timestamptz
);
