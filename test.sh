#!/usr/bin/env bash
# Runs the whole berth test suite: installs the apt packages tests need, publishes berthd, berth and
# berth-shim into artifacts/dist (nothing is installed system-wide and no daemon is started: tests start
# their own), then runs every test project of Berth.slnx and prints "N passed, N failed[, N skipped]".
# Exits non-zero when a test failed, a test run crashed, or no test ran. Root is needed for the
# integration tests (runc, mounts). Usage: ./test.sh [extra `dotnet test` arguments, e.g. --filter X]
set -euo pipefail
. "$(dirname "$0")/scripts/lib/common.sh"

REPO=$(repo_root)
cd "$REPO"
exec </dev/null

if [ "$(id -u)" -eq 0 ]; then
    ensure_apt_packages "${BERTH_APT_DEPS[@]}"
else
    warn "not root: skipping apt packages; integration tests need root"
fi
require_dotnet
dotnet_quiet_env
command -v docker >/dev/null 2>&1 || warn "the docker CLI is not on PATH: the compatibility tests that drive it will fail"

started=$(date +%s)
dist=$REPO/artifacts/dist
publish_binaries "$REPO" "$dist"
export BERTHD=$dist/berthd BERTH_CLI=$dist/berth BERTH_SHIM=$dist/berth-shim BERTH_REGISTRY=$dist/berth-registry

log "building Berth.slnx"
dotnet build Berth.slnx -c Debug -nologo -v:q -clp:ErrorsOnly || die "build failed"

results=$REPO/artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

mapfile -t projects < <(grep -o 'test/[^"]*\.Tests\.csproj' Berth.slnx)
[ "${#projects[@]}" -gt 0 ] || die "no test projects in Berth.slnx"

# trx_counter FILE NAME: one attribute of the <Counters> element of a trx file (0 when absent).
trx_counter() {
    local value
    value=$(grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]*' || true)
    echo "${value:-0}"
}

total_passed=0 total_failed=0 total_skipped=0 crashed=()
summary=()
for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    log "testing $name"
    set +e
    # A test that hangs longer than the blame timeout ends its run, naming the test (no dump written).
    timeout --kill-after=30 "${BERTH_TEST_TIMEOUT:-900}" \
        dotnet test "$project" -c Debug --no-build -nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
        --blame-hang-timeout "${BERTH_TEST_HANG_TIMEOUT:-3m}" --blame-hang-dump-type none \
        "$@" 2>&1 | tee "$results/$name.log"
    rc=${PIPESTATUS[0]}
    set -e
    trx=$results/$name.trx
    if [ -f "$trx" ]; then
        passed=$(trx_counter "$trx" passed)
        failed=$(trx_counter "$trx" failed)
        errors=$(trx_counter "$trx" error)
        timeouts=$(trx_counter "$trx" timeout)
        aborted=$(trx_counter "$trx" aborted)
        skipped=$(trx_counter "$trx" notExecuted)
        failed=$((failed + errors + timeouts + aborted))
    else
        passed=0 failed=0 skipped=0
    fi
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
        # The test host crashed, timed out or the run aborted before recording a failure.
        hung=$(grep -A1 'The test running when the crash occurred' "$results/$name.log" | tail -n 1 | tr -d '\r' || true)
        crashed+=("$name (exit $rc${hung:+; running: $hung})")
        failed=1
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
    line=$(printf '%-28s %4d passed, %4d failed' "$name" "$passed" "$failed")
    [ "$skipped" -eq 0 ] || line+=", $skipped skipped"
    summary+=("$line")
done

echo
echo "Test results ($(( $(date +%s) - started ))s, trx files in ${results#"$REPO"/}):"
printf '  %s\n' "${summary[@]}"
for entry in "${crashed[@]}"; do
    echo "  run failed without a recorded test failure: $entry"
done
final="$total_passed passed, $total_failed failed"
[ "$total_skipped" -eq 0 ] || final+=", $total_skipped skipped"
echo "$final"

[ "$total_failed" -eq 0 ] || exit 1
[ "$total_passed" -gt 0 ] || { echo "error: no test ran" >&2; exit 1; }
