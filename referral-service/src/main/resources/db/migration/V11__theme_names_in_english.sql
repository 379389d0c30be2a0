-- The FHIR API publishes the themes as a CodeSystem in Dutch, French and English; the directory's events carry the
-- English name, which the copy now keeps too. Empty until the theme's next event (the directory republishes all of
-- them when it starts).
ALTER TABLE directory_theme ADD COLUMN name_en text;
