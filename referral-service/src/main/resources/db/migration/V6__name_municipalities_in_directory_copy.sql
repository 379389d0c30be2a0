-- A district's name is not its municipality's: statistics by municipality name Brussel, not Haren.
ALTER TABLE directory_area
    ADD COLUMN municipality_name_nl text,
    ADD COLUMN municipality_name_fr text;
