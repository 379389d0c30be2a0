-- The language a user chose in the web application; it wins over the one their token names.
ALTER TABLE user_contact ADD COLUMN chosen_language text;
