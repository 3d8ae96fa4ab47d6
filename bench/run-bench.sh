#!/usr/bin/env bash
# End-to-end benchmark: container start latency and memory of berth beside raw runc (and dockerd/podman when
# installed). See bench/README.md and docs/benchmarks.md.
#   bench/run-bench.sh [-n RUNS] [--write]
# Uses the daemon at $BERTH_HOST (default unix:///run/berth/berth.sock, as installed by install.sh); when none
# answers there, starts a temporary berthd from artifacts/dist (run ./test.sh or install.sh first) under /tmp.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib/common.sh"

REPO=$(repo_root)
. "$REPO/bench/lib/bench-common.sh"
bench_parse_args "$@"

work=$(mktemp -d /tmp/berth-bench.XXXXXX)
sleepers=()
cleanup() {
    set +e
    local id
    for id in "${sleepers[@]}"; do "$berth" rm -f "$id" >/dev/null 2>&1 || true; done
    bench_stop_berth
    bench_stop_dockerd
    runc --root "$work/runc" delete --force berth-bench >/dev/null 2>&1 || true
    bench_unmount_work
    rm -rf "$work"
}
trap cleanup EXIT

# --- the berth daemon under test and the images ---------------------------------------------------------
bench_start_berth
bench_start_dockerd
bench_images

# --- a raw runc bundle of the same rootfs ---------------------------------------------------------------------
bundle=$work/bundle
mkdir -p "$bundle/rootfs" "$work/runc"
tar -xf "$work/busybox.tar" -C "$bundle/rootfs"
(cd "$bundle" && runc spec)
sed -i -e 's/"terminal": true/"terminal": false/' -e 's/^\(\s*\)"sh"$/\1"true"/' "$bundle/config.json"
grep -q '"true"' "$bundle/config.json" || die "could not adjust runc's config.json"

# --- the commands compared ---------------------------------------------------------------------------------------
names=() commands=() notes=()
add() { names+=("$1"); commands+=("$2"); }
add "runc run (raw)" "runc --root $work/runc run --bundle $bundle berth-bench"
add "berth run --rm" "$berth -H $BERTH_HOST run --rm busybox true"
if command -v docker >/dev/null 2>&1; then
    add "docker CLI → berthd" "docker -H unix://$socket run --rm busybox true"
else
    notes+=("docker CLI not installed: skipped docker → berthd")
fi
if [ "$have_dockerd" = 1 ]; then
    add "docker CLI → dockerd" "docker -H unix:///var/run/docker.sock run --rm berth-bench-busybox true"
else
    notes+=("dockerd not installed or not running: skipped")
fi
if [ "$have_podman" = 1 ]; then
    add "podman run --rm" "podman run --rm --network none $podman_limits localhost/berth-bench-busybox true"
else
    notes+=("podman not installed: skipped")
fi

for i in "${!commands[@]}"; do
    ${commands[$i]} >/dev/null 2>&1 || die "'${names[$i]}' does not work: ${commands[$i]}"
done

# --- memory of the idle daemon, before the timed runs ------------------------------------------------------------
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
daemon_pid=${temp_daemon_pid:-$(cat "$pidfile" 2>/dev/null || true)}
daemon_rss_mib() {
    if [ -n "$daemon_pid" ] && [ -r "/proc/$daemon_pid/status" ]; then
        awk -v k="$(rss_kib "$daemon_pid")" 'BEGIN { printf "%.1f", k / 1024 }'
    else
        echo "n/a"
    fi
}
daemon_rss_idle=$(daemon_rss_mib)

# --- timing ---------------------------------------------------------------------------------------------------
pairs=()
for i in "${!commands[@]}"; do pairs+=("${names[$i]}" "${commands[$i]}"); done
bench_medians "$runs" "$work/times.csv" "${pairs[@]}"

# --- memory -----------------------------------------------------------------------------------------------------
daemon_rss_after=$(daemon_rss_mib)

for i in 1 2 3 4 5; do
    sleepers+=("$("$berth" run -d busybox sleep 60)")
done
shim_total=0 shim_count=0
for id in "${sleepers[@]}"; do
    for pid in $(grep -l -- "$id" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
        if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = berth-shim ]; then
            shim_total=$(( shim_total + $(rss_kib "$pid") )); shim_count=$(( shim_count + 1 ))
        fi
    done
done
shim_rss="n/a"
[ "$shim_count" -eq 0 ] || shim_rss=$(awk -v t="$shim_total" -v n="$shim_count" 'BEGIN { printf "%.1f", t / n / 1024 }')

# --- report -----------------------------------------------------------------------------------------------------
report=$work/report.md
{
    echo "Measured $(date -u +%Y-%m-%d) on $(uname -r), $(nproc) CPUs; median of $runs runs with $tool."
    echo
    echo "| Command | median (ms) | × raw runc |"
    echo "|---|---:|---:|"
    for i in "${!names[@]}"; do
        ratio=$(awk -v a="${medians[$i]}" -v b="${medians[0]}" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
        echo "| ${names[$i]} | ${medians[$i]} | $ratio |"
    done
    echo
    echo "| Memory | RSS (MiB) |"
    echo "|---|---:|"
    echo "| berthd, idle (before the runs) | $daemon_rss_idle |"
    echo "| berthd, after the runs | $daemon_rss_after |"
    echo "| berth-shim per running container (average of $shim_count) | $shim_rss |"
    if [ "${#notes[@]}" -gt 0 ]; then
        echo
        printf -- '- %s\n' "${notes[@]}"
    fi
} >"$report"
cat "$report"

if [ "$write" = 1 ]; then
    bench_write_section "$report" '<!-- bench:results:start -->' '<!-- bench:results:end -->'
fi
