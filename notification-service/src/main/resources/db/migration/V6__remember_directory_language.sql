-- The social map has names in Dutch and French only: a user who reads English chooses which of the
-- two they see (none chosen: Dutch).
ALTER TABLE user_contact ADD COLUMN directory_language text;
