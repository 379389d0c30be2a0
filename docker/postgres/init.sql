-- Each service owns its database and its user, as in production. Demo passwords only.
CREATE ROLE directory LOGIN PASSWORD 'directory';
CREATE DATABASE directory OWNER directory;
CREATE ROLE referral LOGIN PASSWORD 'referral';
CREATE DATABASE referral OWNER referral;
CREATE ROLE notification LOGIN PASSWORD 'notification';
CREATE DATABASE notification OWNER notification;
