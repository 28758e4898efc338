-- Private signing keys are stored encrypted (AES-GCM under polyshop.identity.signing-key-secret);
-- keys stored before are sealed when identity next starts.
alter table signing_key add column sealed boolean not null default false;
