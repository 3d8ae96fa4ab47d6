#!/usr/bin/env bash
# Observability benchmark (issue #3): `exec c true` latency, `stats --no-stream` over 20 running containers,
# and `logs` of a container that printed 100k lines — berth beside raw `runc exec`, the docker CLI against
# berthd, dockerd and podman (when installed/running), in one run. See docs/benchmarks.md.
#   bench/run-observe-bench.sh [-n RUNS] [--write]
# Uses the daemon at $BERTH_HOST (default unix:///run/berth/berth.sock), or a temporary berthd from
# artifacts/dist under /tmp when none answers (as bench/run-bench.sh).
set -euo pipefail
. "$(dirname "$0")/../scripts/lib/common.sh"

REPO=$(repo_root)
. "$REPO/bench/lib/bench-common.sh"
bench_parse_args "$@"

work=$(mktemp -d /tmp/berth-bench.XXXXXX)
prefix=berth-bench-$$
dockerd_cli="docker -H unix:///var/run/docker.sock"
cleanup() {
    set +e
    local ids
    ids=$("$berth" ps -aq --filter "name=$prefix" 2>/dev/null)
    [ -z "$ids" ] || "$berth" rm -f $ids >/dev/null 2>&1
    if [ "${have_dockerd:-0}" = 1 ]; then
        ids=$($dockerd_cli ps -aq --filter "name=$prefix" 2>/dev/null)
        [ -z "$ids" ] || $dockerd_cli rm -f $ids >/dev/null 2>&1
    fi
    if [ "${have_podman:-0}" = 1 ]; then
        ids=$(podman ps -aq --filter "name=$prefix" 2>/dev/null)
        [ -z "$ids" ] || podman rm -f -t 0 $ids >/dev/null 2>&1
    fi
    bench_stop_berth
    bench_stop_dockerd
    bench_unmount_work
    rm -rf "$work"
}
trap cleanup EXIT

bench_start_berth
bench_start_dockerd
bench_images
exec_root=${BERTH_EXEC_ROOT:-/run/berth}
[ -z "$temp_daemon_pid" ] || exec_root=$work/exec

# --- containers: one to exec into, 20 idle ones for stats, one that printed 100k lines -------------------------
berth_run() { "$berth" run -d --name "$1" busybox "${@:2}" >/dev/null; }
dockerd_run() { $dockerd_cli run -d --name "$1" berth-bench-busybox "${@:2}" >/dev/null; }
podman_run() { podman run -d --network none $podman_limits --name "$1" localhost/berth-bench-busybox "${@:2}" >/dev/null; }
engines=(berth)
[ "$have_dockerd" = 1 ] && engines+=(dockerd)
[ "$have_podman" = 1 ] && engines+=(podman)
for engine in "${engines[@]}"; do
    "${engine}_run" "$prefix-exec" sleep 3600
    for i in $(seq 1 20); do "${engine}_run" "$prefix-s$i" sleep 3600; done
    "${engine}_run" "$prefix-logs" seq 1 100000
done
wait_lines() { # CMD…: until the container's log has 100000 lines
    for _ in $(seq 1 100); do
        [ "$("$@" 2>/dev/null | wc -l)" -ge 100000 ] && return 0
        sleep 0.2
    done
    die "the logs container did not print its 100k lines: $*"
}
wait_lines "$berth" logs "$prefix-logs"
[ "$have_dockerd" = 1 ] && wait_lines $dockerd_cli logs "$prefix-logs"
[ "$have_podman" = 1 ] && wait_lines podman logs "$prefix-logs"
exec_id=$("$berth" inspect -f '{{.Id}}' "$prefix-exec")
stats_names=$(printf "$prefix-s%d " $(seq 1 20))

# --- measurements ------------------------------------------------------------------------------------------------
report=$work/report.md
: >"$report"
notes=()
[ "$have_dockerd" = 1 ] || notes+=("dockerd not installed or not running: skipped")
[ "$have_podman" = 1 ] || notes+=("podman not installed: skipped")

# table TITLE BASE_INDEX RUNS NAME CMD …: measures and appends a table; ratios divide by row BASE_INDEX.
table() {
    local title=$1 base=$2 n=$3
    shift 3
    local pairs=("$@") names=() i
    for ((i = 0; i < ${#pairs[@]}; i += 2)); do
        names+=("${pairs[$i]}")
        ${pairs[$((i + 1))]} >/dev/null 2>&1 || die "'${pairs[$i]}' does not work: ${pairs[$((i + 1))]}"
    done
    bench_medians "$n" "$work/times.csv" "${pairs[@]}"
    {
        echo "| $title | median (ms) | × ${names[$base]} |"
        echo "|---|---:|---:|"
        for i in "${!names[@]}"; do
            echo "| ${names[$i]} | ${medians[$i]} | $(awk -v a="${medians[$i]}" -v b="${medians[$base]}" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }') |"
        done
        echo
    } >>"$report"
}

exec_cmds=("runc exec (raw)" "runc --root $exec_root/runc exec $exec_id true"
           "berth exec" "$berth -H $BERTH_HOST exec $prefix-exec true"
           "docker CLI → berthd" "docker -H unix://$socket exec $prefix-exec true")
[ "$have_dockerd" = 1 ] && exec_cmds+=("docker CLI → dockerd" "$dockerd_cli exec $prefix-exec true")
[ "$have_podman" = 1 ] && exec_cmds+=("podman exec" "podman exec $prefix-exec true")
table "exec c true" 0 "$runs" "${exec_cmds[@]}"

# Docker's stats?stream=false waits for a second sample (1–2 s a container): fewer runs keep this bounded.
stats_runs=$(( runs < 5 ? runs : 5 ))
stats_cmds=("berth stats" "$berth -H $BERTH_HOST stats --no-stream $stats_names"
            "docker CLI → berthd" "docker -H unix://$socket stats --no-stream $stats_names")
[ "$have_dockerd" = 1 ] && stats_cmds+=("docker CLI → dockerd" "$dockerd_cli stats --no-stream $stats_names")
[ "$have_podman" = 1 ] && stats_cmds+=("podman stats" "podman stats --no-stream $stats_names")
table "stats --no-stream, 20 containers" 0 "$stats_runs" "${stats_cmds[@]}"

logs_cmds=("berth logs" "$berth -H $BERTH_HOST logs $prefix-logs"
           "docker CLI → berthd" "docker -H unix://$socket logs $prefix-logs")
[ "$have_dockerd" = 1 ] && logs_cmds+=("docker CLI → dockerd" "$dockerd_cli logs $prefix-logs")
[ "$have_podman" = 1 ] && logs_cmds+=("podman logs" "podman logs $prefix-logs")
table "logs, 100k lines" 0 "$runs" "${logs_cmds[@]}"

{
    echo "Measured $(date -u +%Y-%m-%d) on $(uname -r), $(nproc) CPUs, with $tool; stats with $stats_runs runs."
    if [ "${#notes[@]}" -gt 0 ]; then
        echo
        printf -- '- %s\n' "${notes[@]}"
    fi
} >>"$report"
cat "$report"

if [ "$write" = 1 ]; then
    bench_write_section "$report" '<!-- bench:observe:start -->' '<!-- bench:observe:end -->'
fi
