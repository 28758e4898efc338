-- Permissions per resource, as tokens carry them (platform-security's Permission): own, read-any,
-- write-any. SUPPORT reads and changes nothing; ADMIN reads and changes anything.
insert into permission (resource, action) values
    ('cart', 'read-any'), ('cart', 'write-any'), ('order', 'write-any'),
    ('notification', 'read-any'), ('notification', 'write-any'),
    ('catalog', 'read-any'), ('catalog', 'write-any'),
    ('inventory', 'read-any'), ('inventory', 'write-any'),
    ('search', 'write-any'), ('signing-key', 'rotate'), ('platform', 'operate');

delete from role_permission where action = 'write' and resource in ('catalog', 'inventory');
delete from permission where action = 'write' and resource in ('catalog', 'inventory');

insert into role_permission (role_name, resource, action) values
    ('SUPPORT', 'cart', 'read-any'), ('SUPPORT', 'notification', 'read-any'),
    ('SUPPORT', 'catalog', 'read-any'), ('SUPPORT', 'inventory', 'read-any'),
    ('ADMIN', 'cart', 'read-any'), ('ADMIN', 'cart', 'write-any'), ('ADMIN', 'order', 'write-any'),
    ('ADMIN', 'notification', 'read-any'), ('ADMIN', 'notification', 'write-any'),
    ('ADMIN', 'catalog', 'read-any'), ('ADMIN', 'catalog', 'write-any'),
    ('ADMIN', 'inventory', 'read-any'), ('ADMIN', 'inventory', 'write-any'),
    ('ADMIN', 'search', 'write-any'), ('ADMIN', 'signing-key', 'rotate'), ('ADMIN', 'platform', 'operate');
