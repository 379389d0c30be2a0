-- The directory copy is one module (directory-copy) for every service that keeps one, and it now keeps the theme's
-- English name too (referral-service publishes it in its FHIR CodeSystem).
ALTER TABLE directory_theme ADD COLUMN name_en text;
