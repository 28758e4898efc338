create table if not exists sample_item (id uuid primary key, name text not null);
