-- When the service's listing was last confirmed or changed by its organisation or an administrator: after a period
-- (six months by default) it is due for a check, and administrators see it among the stale ones. Services that
-- existed before count as checked on the day of this migration.
ALTER TABLE service ADD COLUMN checked_on date NOT NULL DEFAULT CURRENT_DATE;

CREATE INDEX service_by_checked_on ON service (checked_on);
