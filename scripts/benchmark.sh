#!/usr/bin/env bash
# The one benchmark command (issues 11 and 12): everything below in one run, printed and written as Markdown to
# target/benchmark-report.md (docs/performance.md holds it verbatim).
#
#   1. the full `./mvnw verify`, timed and broken down: Maven/JVM start, compilation, tests per module, the provisioner's
#      template work;
#   2. the provisioning harness (ProvisioningBenchmark): our fresh and recycle modes next to Flyway per test, replay per
#      test, template-database clone + drop, TRUNCATE and DELETE resets; one-test runs cold and warm; catalog bloat vs
#      VACUUM (the threshold's measurement);
#   3. the attune-repositories suite, the seed plan's way (-Dattune.test.isolation=flyway-per-test: Flyway into a new
#      schema per test, tests one at a time) against the default, in the same run;
#   4. the JMH module attune-benchmarks (repository calls vs hand-written JDBC), when it exists.
#
# Needs ATTUNE_TEST_DATABASE_URL (else every test JVM starts an embedded server, which the figures would include).
# Iteration counts (the defaults took 1,133 s on a 2-core machine, docs/performance.md):
# BENCH_SCHEMAS (20), BENCH_LEASES (200), BENCH_TRUNCATES (50), BENCH_COLD_RUNS (3), BENCH_WARM_RUNS (20),
# BENCH_BLOAT_LEVELS (0,50000,200000,400000), BENCH_BLOAT_REPLAYS (5).
# SUITE_TESTS narrows step 3 to a Surefire pattern (a quick try of the script: SUITE_TESTS='dev/attune/repositories/pack/**/*').
# SKIP_FULL_VERIFY=1 skips step 1 (then the build must be compiled already); MVN_FLAGS are added to every Maven call.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
MVN=("$ROOT/mvnw" ${MVN_FLAGS:-})
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
REPORT_BODY="$WORK/report.md"
: > "$REPORT_BODY"

if [[ -z "${ATTUNE_TEST_DATABASE_URL:-}" ]]; then
  echo "benchmark.sh: ATTUNE_TEST_DATABASE_URL is not set; the test JVMs will start embedded servers" >&2
fi

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
section() { printf '\n## %s\n\n' "$1" >> "$REPORT_BODY"; printf '\n=== %s ===\n' "$1"; }
emit() { printf '%s\n' "$*" >> "$REPORT_BODY"; printf '%s\n' "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# Tests run in a Maven log: the sum of Surefire's per-module totals.
count() { grep -E '^\[(INFO|WARNING)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$1" \
  | awk -F'[:,] *' '{ n += $2 } END { print n + 0 }'; }

START_LOAD=$(load)
STARTED=$(now)

# --- 1. the full build -------------------------------------------------------------------------------------------
if [[ "${SKIP_FULL_VERIFY:-0}" != 1 ]]; then
  section "The full ./mvnw verify"
  t0=$(now); "${MVN[@]}" -q validate > "$WORK/validate.log" 2>&1 || { cat "$WORK/validate.log"; exit 1; }; t1=$(now)
  MAVEN_START=$(seconds "$t0" "$t1")
  # What `clean` does, without needing the clean plugin: every module's build output goes.
  for pom in */pom.xml; do rm -rf "$(dirname "$pom")/target"; done
  t0=$(now); "${MVN[@]}" -q test-compile > "$WORK/compile.log" 2>&1 || { tail -40 "$WORK/compile.log"; exit 1; }; t1=$(now)
  COMPILE=$(seconds "$t0" "$t1")
  t0=$(now); "${MVN[@]}" verify > "$WORK/verify.log" 2>&1 || { tail -80 "$WORK/verify.log"; exit 1; }; t1=$(now)
  VERIFY=$(seconds "$t0" "$t1")
  TESTS=$(count "$WORK/verify.log")
  JVMS=$(grep -c 'd.a.p.TestSchemaProvisioner - Test run [0-9a-f]* on ' "$WORK/verify.log" || true)
  BUILT=$(grep -c 'Built the shared template' "$WORK/verify.log" || true)
  emit "| Part | Wall time s | How it is measured |"
  emit "|---|---|---|"
  emit "| Maven and JVM start, reactor of every module | $MAVEN_START | \`./mvnw -q validate\` |"
  emit "| Compilation (main and test, every module) | $COMPILE | \`./mvnw -q test-compile\` after deleting every \`target/\` (includes Maven start) |"
  emit "| \`./mvnw verify\` right after (packaging, $TESTS tests, javadoc checks) | $VERIFY | includes Maven start; per module below |"
  emit "| Sum: a full \`./mvnw verify\` from nothing built | $(awk -v a="$COMPILE" -v b="$VERIFY" -v c="$MAVEN_START" 'BEGIN { printf "%.1f", a + b - c }') | compilation + verify − one Maven start |"
  emit ""
  emit "Test runs that started a provisioner: $JVMS; of those, $BUILT built the shared template (the others found it ready:"
  emit "their start is the *warm template* row of the harness below, a cold one the *cold* row)."
  emit ""
  emit '```'
  sed -n '/Reactor Summary/,/BUILD SUCCESS/p' "$WORK/verify.log" | sed 's/^\[INFO\] //' | tee -a "$REPORT_BODY"
  emit '```'
fi

# --- 2. the provisioning harness ---------------------------------------------------------------------------------
section "Provisioning: ours and its peers, one harness run"
HARNESS=(-pl attune-provisioning -am -Pbenchmark verify -DskipTests
  -Dbenchmark.schemas="${BENCH_SCHEMAS:-20}" -Dbenchmark.leases="${BENCH_LEASES:-200}" -Dbenchmark.truncates="${BENCH_TRUNCATES:-50}"
  -Dbenchmark.coldRuns="${BENCH_COLD_RUNS:-3}" -Dbenchmark.warmRuns="${BENCH_WARM_RUNS:-20}"
  -Dbenchmark.bloatLevels="${BENCH_BLOAT_LEVELS:-0,50000,200000,400000}"
  -Dbenchmark.bloatReplays="${BENCH_BLOAT_REPLAYS:-5}" -Dbenchmark.output="$WORK/provisioning.md")
emit "\`./mvnw -q ${HARNESS[*]/#-Dbenchmark.output=*/}\`"
"${MVN[@]}" -q "${HARNESS[@]}" > "$WORK/harness.log" 2>&1 || { tail -80 "$WORK/harness.log"; exit 1; }
tee -a "$REPORT_BODY" < "$WORK/provisioning.md"

# --- 3. the suite, the seed plan's way vs ours -------------------------------------------------------------------
section "The attune-repositories suite: the seed plan's way vs ours"
SUITE=(-pl attune-repositories -am verify -Dtest="${SUITE_TESTS:-dev/attune/repositories/**/*}"
  -Dsurefire.failIfNoSpecifiedTests=false)
"${MVN[@]}" -q "${SUITE[@]}" -DskipTests > "$WORK/suite-build.log" 2>&1 || { tail -40 "$WORK/suite-build.log"; exit 1; }
t0=$(now); "${MVN[@]}" -q "${SUITE[@]}" -DskipTests > "$WORK/suite-none.log" 2>&1; t1=$(now)
NONE=$(seconds "$t0" "$t1")
t0=$(now); "${MVN[@]}" "${SUITE[@]}" > "$WORK/suite-ours.log" 2>&1 || { tail -80 "$WORK/suite-ours.log"; exit 1; }; t1=$(now)
OURS=$(seconds "$t0" "$t1")
t0=$(now); "${MVN[@]}" "${SUITE[@]}" -Dattune.test.isolation=flyway-per-test > "$WORK/suite-flyway.log" 2>&1 \
  || { tail -80 "$WORK/suite-flyway.log"; exit 1; }; t1=$(now)
FLYWAY=$(seconds "$t0" "$t1")
emit "| How | Tests | Maven wall time s | Of which tests s (minus the same command with -DskipTests, $NONE s) |"
emit "|---|---|---|---|"
emit "| Seed plan: \`-Dattune.test.isolation=flyway-per-test\` (Flyway into a new schema per test, one test at a time) | $(count "$WORK/suite-flyway.log") | $FLYWAY | $(seconds "$NONE" "$FLYWAY") |"
emit "| Ours (default: recycle mode, tests in parallel) | $(count "$WORK/suite-ours.log") | $OURS | $(seconds "$NONE" "$OURS") |"
emit ""
emit "Ratio of the test time: $(awk -v f="$FLYWAY" -v o="$OURS" -v n="$NONE" 'BEGIN { printf "%.1fx", (f - n) / (o - n) }') faster;"
emit "of the wall time: $(awk -v f="$FLYWAY" -v o="$OURS" 'BEGIN { printf "%.1fx", f / o }') faster."
emit "Command: \`./mvnw ${SUITE[*]} [-Dattune.test.isolation=flyway-per-test]\`"

# --- 4. JMH ------------------------------------------------------------------------------------------------------
section "Repository calls vs hand-written JDBC (JMH, attune-benchmarks)"
if [[ -f attune-benchmarks/pom.xml ]]; then
  # -Dexec.skip=true: -am brings attune-provisioning, whose harness (step 2) has the same profile id.
  "${MVN[@]}" -q -pl attune-benchmarks -am -Pbenchmark verify -DskipTests -Dexec.skip=true > "$WORK/jmh.log" 2>&1 \
    || { tail -80 "$WORK/jmh.log"; exit 1; }
  tee -a "$REPORT_BODY" < attune-benchmarks/target/jmh-results.md
else
  emit "Skipped: attune-benchmarks/pom.xml does not exist in this tree."
fi

# --- the report --------------------------------------------------------------------------------------------------
FINISHED=$(now)
mkdir -p target
{
  echo "# Benchmark report"
  echo
  echo "Produced by \`scripts/benchmark.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') in $(seconds "$STARTED" "$FINISHED") s."
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo),"\
    "$(java -version 2>&1 | head -1) (the server: first line of the harness section)."
  echo "Load average (1, 5, 15 min) at the start: $START_LOAD; at the end: $(load)."
  echo "Iterations: BENCH_SCHEMAS=${BENCH_SCHEMAS:-20} BENCH_LEASES=${BENCH_LEASES:-200} BENCH_COLD_RUNS=${BENCH_COLD_RUNS:-3}"\
    "BENCH_TRUNCATES=${BENCH_TRUNCATES:-50} BENCH_WARM_RUNS=${BENCH_WARM_RUNS:-20} BENCH_BLOAT_LEVELS=${BENCH_BLOAT_LEVELS:-0,50000,200000,400000}"\
    "BENCH_BLOAT_REPLAYS=${BENCH_BLOAT_REPLAYS:-5}."
  cat "$REPORT_BODY"
} > target/benchmark-report.md
echo
echo "Written: $ROOT/target/benchmark-report.md"
