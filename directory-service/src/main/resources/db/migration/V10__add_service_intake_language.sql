-- The language an intake mailbox is written to in; none: the organisation reads both, so mail is bilingual.
ALTER TABLE service ADD COLUMN intake_language text CHECK (intake_language IN ('nl', 'fr'));
