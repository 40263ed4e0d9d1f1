#!/usr/bin/env bash
# Prints a JWT signed with the key run.sh uses (same config, environment and data dir).
# For scripts/cluster.sh, run it with the cluster's keys:
#   (source data/cluster/env && scripts/token.sh --account 1000000 --role ADMIN)
# Usage: scripts/token.sh --account 1000000 --role ADMIN [--permissions INTEGRATIONS=READ,ISSUES=READ_WRITE]
#        [--ttl-minutes 1440] (1 to 525600: every token printed expires)
# --permissions takes the features INTEGRATIONS and ISSUES with the levels NO_ACCESS, READ and
# READ_WRITE; any other feature or level is refused with an error naming it, and no token is printed.
# With --permissions and no --role, the token claims the role CUSTOM (else ADMIN by default).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
build_jar_if_needed
exec java $GATEWAY_JVM_ARGS -jar "$JAR" token "$@" 2> >(grep -v -e '^WARNING' >&2)
