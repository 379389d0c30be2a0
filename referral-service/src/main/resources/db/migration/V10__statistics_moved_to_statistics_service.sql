-- The statistics are statistics-service's now, in its own database: it rebuilds them from referral.events
-- (kept forever) on its first start, so nothing here needs to be carried over.
DROP TABLE statistics_referral;
DROP TABLE statistics_generation;
DROP SEQUENCE statistics_revision;
DELETE FROM processed_event WHERE consumer = 'referral-service.statistics';
