#!/bin/sh
# Runs once, when the db service starts on an empty volume (docker-entrypoint-initdb.d): the role
# Hikeshi runs as. It owns nothing; Flyway, connecting as the owner (POSTGRES_USER), grants it what it
# needs (V37). The password comes from the environment, never from this file.
set -eu
: "${HIKESHI_APP_DB_PASSWORD:?set HIKESHI_APP_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set=password="$HIKESHI_APP_DB_PASSWORD" <<'SQL'
create role hikeshi_app login password :'password';
SQL
