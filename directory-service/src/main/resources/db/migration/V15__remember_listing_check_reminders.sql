-- The check a reminder was sent for (the checked_on it found): one reminder per check, none again until the listing
-- has been checked and gone unchecked for another period.
ALTER TABLE service ADD COLUMN check_reminded_for date;
