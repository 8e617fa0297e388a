#!/usr/bin/env bash
# Lists (default) or drops (--force) test schemas of dead test runs on the test server.
# Server: ATTUNE_TEST_DATABASE_URL (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres), via config.test.yaml.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
exec "$root/scripts/attune" cleanup-test-schemas --config "$root/config.test.yaml" "$@"
