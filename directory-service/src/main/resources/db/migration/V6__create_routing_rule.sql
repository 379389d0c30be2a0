-- Who receives a referral: per place and theme, an ordered list of services. Rules exist at
-- area (district or whole municipality), municipality, care zone and region level; the most
-- local rule is tried first, the zone's helpdesk answers when none matches.
CREATE TABLE routing_rule (
    scope_kind  text     NOT NULL CHECK (scope_kind IN ('AREA', 'MUNICIPALITY', 'CARE_ZONE', 'REGION')),
    scope_code  text     NOT NULL,
    theme_code  text     NOT NULL REFERENCES theme (code),
    position    smallint NOT NULL CHECK (position >= 1),
    service_id  text     NOT NULL REFERENCES service (id),
    PRIMARY KEY (scope_kind, scope_code, theme_code, position),
    UNIQUE (scope_kind, scope_code, theme_code, service_id)
);

CREATE INDEX routing_rule_by_service ON routing_rule (service_id);
