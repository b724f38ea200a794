#!/usr/bin/env bash
# The whole test suite: unit tests of every module, then end-to-end tests against a real
# James 3.8.1 with the built extension jar. Installs the tools the tests need when missing.
# Extra arguments go to Maven (e.g. ./test.sh -Dit.test=FoundationIT).
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-tools.sh
exec mvn -B verify "$@"
