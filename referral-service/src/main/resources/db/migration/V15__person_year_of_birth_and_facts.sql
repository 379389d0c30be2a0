-- What the referrer knows of the person for routing to weigh who a service is for: the year of birth and facts such
-- as "lives alone", each true or false (a fact left out is not known). Personal data, erased with the rest of it.
ALTER TABLE referral
    ADD COLUMN person_year_of_birth integer,
    ADD COLUMN person_facts         jsonb NOT NULL DEFAULT '{}';
