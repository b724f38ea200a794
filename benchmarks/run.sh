#!/usr/bin/env bash
# Runs James Guard's benchmarks and writes their tables to benchmarks/target/benchmarks.md (one section per
# benchmark in benchmarks/target/results/). Not part of the test suite. About 35 minutes for all; run it on
# a quiet machine, since every other process skews the numbers.
#   benchmarks/run.sh                  all: store redis smtp dns
#   benchmarks/run.sh smtp             only some, e.g. the SMTP load side by side with plain James
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-tools.sh
mvn -B -q -DskipTests package -pl benchmarks -am
# shellcheck disable=SC2086 # JAVA_OPTS holds several options, e.g. -Dbench.rounds=9 -Dbench.seconds=10
exec java -Xmx2g ${JAVA_OPTS:-} -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.jamesguard.bench.Benchmarks "$@"
