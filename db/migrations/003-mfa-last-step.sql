-- The RFC 6238 time step of the last TOTP code an account used: a code is accepted once only
-- (RFC 6238 section 5.2), so a code seen on the wire cannot be replayed within its window.
ALTER TABLE pacer_accounts ADD COLUMN mfa_last_step INTEGER;
