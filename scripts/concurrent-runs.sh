#!/usr/bin/env bash
# Proves that test runs never touch what they did not create: runs two complete test runs at once against one test
# database, N times in a row, and requires every time that
#   - both runs pass (the surefire reports' counts are printed),
#   - nothing is left: no test_* schema, no attune_test_* database of this database's runs, no new role, no schema
#     that was not there before — except the shared template test_tpl_<key> and at most 8 spare schemas
#     test_spare_<key>_<run>_<n>, which runs keep for later runs by design (docs/schema-per-test.md),
#   - a sentinel schema "attune" with rows is byte-identical (md5 of its tables, columns and ordered rows).
# The sentinel is created only when the test database has no schema "attune"; an existing one is used as it is, only
# read, and never modified. A sentinel this script created is dropped at the end.
#
#   scripts/concurrent-runs.sh [-n N] [maven arguments]     (defaults: N=5, "verify")
#   scripts/concurrent-runs.sh -n 1 -pl attune-provisioning,attune-cli -am verify
#
# Server: ATTUNE_TEST_DATABASE_URL (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres); psql must be
# installed. The working tree (committed or not, without target/) is copied into two temporary folders, so that the
# builds share nothing but the database and the local Maven repository. Exit code 0 only when every check passed.
# Roles are cluster-wide: while other projects' tests create roles on the same server, the role check can flag theirs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

iterations=5
if [[ ${1:-} == -n ]]; then
  iterations=$2
  shift 2
fi
maven_args=("$@")
((${#maven_args[@]})) || maven_args=(verify)

export ATTUNE_TEST_DATABASE_URL="${ATTUNE_TEST_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}"

# The JDBC URL as a libpq URI: pgjdbc's own parameters are dropped, user/password/sslmode kept.
libpq_uri() {
  local url=${ATTUNE_TEST_DATABASE_URL#jdbc:}
  local base=${url%%\?*} query='' kept=() parameter
  [[ $url == *\?* ]] && query=${url#*\?}
  IFS='&' read -r -a parameters <<<"$query"
  for parameter in "${parameters[@]+"${parameters[@]}"}"; do
    case $parameter in
      user=* | password=* | sslmode=*) kept+=("$parameter") ;;
    esac
  done
  local joined
  joined=$(IFS='&'; echo "${kept[*]+"${kept[*]}"}")
  printf '%s%s' "$base" "${joined:+?$joined}"
}
uri=$(libpq_uri)
sql() { psql "$uri" -X -v ON_ERROR_STOP=1 -Atq "$@"; }

# Everything a run could leave behind, one line each (the sentinel is checked separately). Databases are cluster-wide:
# only those whose marker names this database as their lease database (or that carry no marker) can be ours.
leftovers() {
  sql <<'SQL'
select 'schema ' || nspname from pg_namespace
 where nspname like 'test\_%' and nspname not like 'test\_tpl\_%' and nspname not like 'test\_spare\_%' order by 1;
select 'schema count ' || count(*) || ' spares, more than the 8 allowed' from pg_namespace
 where nspname like 'test\_spare\_%' having count(*) > 8;
select 'database ' || datname from pg_database, shobj_description(oid, 'pg_database') as marker
 where datname like 'attune\_test\_%'
   and (marker is null or marker not like '% lease=%' or marker like '% lease=' || current_database() || ' %')
 order by 1;
SQL
}
catalog_state() {
  sql <<'SQL'
select 'schema ' || nspname from pg_namespace where nspname !~ '^(pg_(toast_)?temp_|test_tpl_|test_spare_)' order by 1;
select 'role ' || rolname from pg_roles order by 1;
SQL
}

# md5 of schema attune: its comment, its tables and columns, and every table's rows in a fixed order.
sentinel_checksum() {
  sql <<'SQL' | md5sum | cut -d' ' -f1
select 'comment ' || coalesce(obj_description(oid, 'pg_namespace'), '') from pg_namespace where nspname = 'attune';
select table_name || '.' || column_name || ' ' || data_type from information_schema.columns
 where table_schema = 'attune' order by table_name, ordinal_position;
select format('select %L || '' '' || count(*) || '' '' || coalesce(md5(string_agg(t::text, E''\n'' order by t::text)), '''')'
              ' from attune.%I t', tablename, tablename)
  from pg_tables where schemaname = 'attune' order by tablename
\gexec
SQL
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/attune-concurrent-runs.XXXXXX")
logs=$(mktemp -d "${TMPDIR:-/tmp}/attune-concurrent-runs-logs.XXXXXX")
created_sentinel=false
build_pids=()
cleanup() {
  local pid
  for pid in "${build_pids[@]+"${build_pids[@]}"}"; do
    kill -- "-$pid" 2>/dev/null || true
  done
  if $created_sentinel; then
    sql -c 'drop schema attune cascade' && echo "Dropped the sentinel schema attune this script created."
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if [[ $(sql -c "select count(*) from pg_namespace where nspname = 'attune'") == 0 ]]; then
  sql <<'SQL'
begin;
create schema attune;
comment on schema attune is 'sentinel of scripts/concurrent-runs.sh: test runs must never touch it';
create table attune.pack (id bigint primary key, ref text not null unique, label text not null);
insert into attune.pack select n, 'sentinel.pack' || n, 'Sentinel pack ' || n from generate_series(1, 100) n;
create table attune.sentinel (id int primary key, note text, at timestamptz not null);
insert into attune.sentinel values (1, 'created by concurrent-runs.sh', '2026-01-01T00:00:00Z'), (2, null, 'epoch');
commit;
SQL
  created_sentinel=true
  echo "Created a sentinel schema attune (100 + 2 rows)."
else
  echo "Schema attune exists: using it as the sentinel, read-only."
fi
sentinel_before=$(sentinel_checksum)
echo "Sentinel md5: $sentinel_before"
catalog_before=$(catalog_state)
if [[ -n $(leftovers) ]]; then
  echo "Before the first run the server already holds test schemas or databases (live runs, or leaks):" >&2
  leftovers >&2
  echo "Run this when no other test run uses the server (scripts/cleanup-test-schemas.sh --force drops leaks)." >&2
  exit 1
fi

for clone in a b; do
  mkdir -p "$tmp/$clone"
  (cd "$root" && git ls-files -z --cached --others --exclude-standard) \
    | (cd "$root" && tar --null -T - -cf -) | tar -xf - -C "$tmp/$clone"
done

# Prints "tests failures errors skipped" summed over the surefire/failsafe reports under $1.
test_counts() {
  find "$1" -path '*/target/*-reports/TEST-*.xml' -print0 | xargs -0 -r grep -h -o '<testsuite [^>]*>' \
    | awk '{ for (i = 1; i <= NF; i++) if (split($i, kv, "=") == 2) { gsub(/[">]/, "", kv[2]); s[kv[1]] += kv[2] } }
           END { printf "%d tests, %d failures, %d errors, %d skipped", s["tests"], s["failures"], s["errors"], s["skipped"] }'
}

failed=0
echo "Running 2 x ./mvnw ${maven_args[*]} at once, $iterations time(s), against $(sql -c 'select current_database()')."
for iteration in $(seq 1 "$iterations"); do
  started=$(date +%s)
  build_pids=()
  for clone in a b; do
    find "$tmp/$clone" -path '*/target/*-reports' -prune -exec rm -rf {} +
    (cd "$tmp/$clone" && exec setsid ./mvnw -B -ntp "${maven_args[@]}" >"$tmp/$clone.log" 2>&1) &
    build_pids+=($!)
  done
  codes=()
  for pid in "${build_pids[@]}"; do
    code=0
    wait "$pid" || code=$?
    codes+=("$code")
  done
  build_pids=()
  seconds=$(($(date +%s) - started))

  problems=()
  for index in 0 1; do
    clone=$([[ $index == 0 ]] && echo a || echo b)
    echo "  run $iteration$clone: exit ${codes[$index]}, $(test_counts "$tmp/$clone")"
    if [[ ${codes[$index]} != 0 ]]; then
      problems+=("run $clone failed")
      cp "$tmp/$clone.log" "$logs/run-$iteration$clone.log"
      grep -E '<<< (FAILURE|ERROR)!|^\[ERROR\]   [A-Za-z]|BUILD FAILURE|COMPILATION ERROR' "$tmp/$clone.log" \
        | head -n 20 | sed 's/^/    /'
    fi
  done
  left=$(leftovers)
  [[ -z $left ]] || problems+=("left behind: $(echo "$left" | tr '\n' ' ')")
  catalog_diff=$(diff <(echo "$catalog_before") <(catalog_state) | grep '^[<>]' || true)
  [[ -z $catalog_diff ]] || problems+=("catalog changed: $(echo "$catalog_diff" | tr '\n' ' ')")
  sentinel_now=$(sentinel_checksum)
  [[ $sentinel_now == "$sentinel_before" ]] || problems+=("sentinel changed: md5 $sentinel_now")

  if ((${#problems[@]})); then
    failed=$((failed + 1))
    echo "Iteration $iteration/$iterations FAILED after ${seconds}s: ${problems[*]}"
  else
    echo "Iteration $iteration/$iterations green after ${seconds}s: both runs passed, nothing left, sentinel unchanged."
  fi
done

if ((failed)); then
  echo "$failed of $iterations iteration(s) failed (logs of the failed runs: $logs)." >&2
  exit 1
fi
rmdir "$logs"
echo "All $iterations iteration(s) green."
