-- Who a service is for (HSDS minimum_age, maximum_age; the platform's target groups): routing skips it for a
-- person who is certainly not among them. Existing services are for everyone.
ALTER TABLE service
    ADD COLUMN minimum_age   integer CHECK (minimum_age BETWEEN 0 AND 120),
    ADD COLUMN maximum_age   integer CHECK (maximum_age BETWEEN 0 AND 120),
    ADD COLUMN target_groups text[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT service_age_range_in_order CHECK (minimum_age <= maximum_age);
