-- The kinds of need a referral is about (thema / thème). Administrators add and deactivate
-- themes; a theme is never deleted, because referrals and statistics keep pointing at it.
CREATE TABLE theme (
    code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    name_nl     text    NOT NULL,
    name_fr     text    NOT NULL,
    name_en     text    NOT NULL,
    active      boolean NOT NULL DEFAULT true,
    version     integer NOT NULL DEFAULT 0
);

-- The starting list, from reference-data/themes.csv (BruZEL seeds 000, 002, 003).
INSERT INTO theme (code, name_nl, name_fr, name_en) VALUES
    ('loneliness', 'Eenzaamheid en sociaal contact', 'Solitude et contacts sociaux', 'Loneliness and social contact'),
    ('finances', 'Financiën en schulden', 'Finances et dettes', 'Money and debts'),
    ('housing', 'Wonen', 'Logement', 'Housing'),
    ('rights', 'Administratie en sociale rechten', 'Démarches administratives et accès aux droits', 'Paperwork and social rights'),
    ('work', 'Werk en dagbesteding', 'Emploi et occupation', 'Work and daytime activity'),
    ('mental', 'Psychisch welzijn', 'Bien-être psychique', 'Mental wellbeing'),
    ('movement', 'Bewegen', 'Activité physique', 'Physical activity'),
    ('family', 'Gezin en opvoeding', 'Famille et éducation', 'Family and parenting'),
    ('language', 'Taal en geletterdheid', 'Langue et alphabétisation', 'Language and literacy'),
    ('food', 'Voeding', 'Alimentation', 'Food'),
    ('addiction', 'Verslaving', 'Assuétudes', 'Addiction'),
    ('care-at-home', 'Zorg en hulp thuis', 'Aide et soins à domicile', 'Care and help at home');
