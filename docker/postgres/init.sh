#!/bin/sh
# Each service owns its database and its user; the gateway's holds web sessions and rate-limit buckets. The passwords come from the environment
# (docker-compose.yml); an empty one stops the database from starting rather than leaving a user open.
set -eu
for service in directory referral notification statistics gateway; do
  password_variable="$(echo "$service" | tr a-z A-Z)_DB_PASSWORD"
  password="$(printenv "$password_variable" || true)"
  if [ -z "$password" ]; then
    echo "$password_variable is not set" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -v name="$service" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
SQL
done
