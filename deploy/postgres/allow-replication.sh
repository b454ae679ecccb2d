#!/bin/bash
# Run once by the postgres image's entrypoint when it initializes the primary (/docker-entrypoint-initdb.d): lets the
# streaming replica (compose service postgres-replica) connect for replication with the same password as the platform.
# The image's own pg_hba.conf line ("host all all all scram-sha-256") does not cover replication connections.
set -euo pipefail
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
