#!/usr/bin/env bash
# The James Guard demo: builds what is missing, then runs James 3.8.1 (memory server) with James Guard
# on loopback, seeded with example.test and three users, and prints what to try. Ctrl-C stops it.
#   ./demo.sh            build if needed, start
#   ./demo.sh --rebuild  build again first
set -euo pipefail
cd "$(dirname "$0")"

built() {
  [ -f james-conf/target/james-classpath.txt ] && [ -f dist/target/test-classpath.txt ] \
    && [ -f dist/target/test-classes/org/jamesguard/demo/Demo.class ] \
    && compgen -G "dist/target/james-guard-*.jar" >/dev/null
}
if [ "${1:-}" = "--rebuild" ] || ! built; then
  echo "Building James Guard..."
  mvn -B -q -DskipTests package
fi
scripts/ensure-tools.sh || echo "(swaks is missing: the suggestions below need it)" >&2

exec java -cp "dist/target/test-classes:$(cat dist/target/test-classpath.txt)" org.jamesguard.demo.Demo
