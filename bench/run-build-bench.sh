#!/usr/bin/env bash
# Build benchmark (issue #5): a 6-step Dockerfile (FROM, COPY of a 10 MB context, 3× RUN, CMD) built cold
# (--no-cache) and fully cached, and `commit` of a container with a 50 MB change — berth beside dockerd's
# classic builder (DOCKER_BUILDKIT=0; dockerd is started for the run when installed but not running) and podman.
#   flock /tmp/bench.lock bench/run-build-bench.sh [-n RUNS] [--write]
# Uses the daemon at $BERTH_HOST, or a temporary berthd from artifacts/dist (as bench/run-bench.sh).
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
    "$berth" rm -f "$prefix" >/dev/null 2>&1
    "$berth" rmi "$prefix:build" >/dev/null 2>&1
    "$berth" image prune -f >/dev/null 2>&1
    if [ "${have_dockerd:-0}" = 1 ]; then
        $dockerd_cli rm -f "$prefix" >/dev/null 2>&1
        $dockerd_cli rmi "$prefix:build" >/dev/null 2>&1
        $dockerd_cli image prune -f >/dev/null 2>&1
    fi
    if [ "${have_podman:-0}" = 1 ]; then
        podman rm -f -t 0 "$prefix" >/dev/null 2>&1
        podman rmi "$prefix:build" >/dev/null 2>&1
        podman image prune -f >/dev/null 2>&1
    fi
    bench_stop_berth
    bench_stop_dockerd
    bench_unmount_work
    rm -rf "$work"
}
trap cleanup EXIT

bench_start_berth
# The issue compares with dockerd's classic builder in the same run.
bench_start_dockerd
bench_images

# The context: 10 MB of random bytes and the Dockerfile (busybox is named per engine).
mkdir -p "$work/ctx-berth" "$work/ctx-other"
head -c 10485760 /dev/urandom >"$work/ctx-berth/data.bin"
cp "$work/ctx-berth/data.bin" "$work/ctx-other/data.bin"
steps='COPY data.bin /data.bin
RUN echo one > /one
RUN echo two > /two
RUN echo three > /three
CMD ["sh"]'
printf 'FROM busybox\n%s\n' "$steps" >"$work/ctx-berth/Dockerfile"
printf 'FROM berth-bench-busybox\n%s\n' "$steps" >"$work/ctx-other/Dockerfile"

names=() commands=()
add() { names+=("$1"); commands+=("$2"); }
add "berth build (cold)" "$berth build --no-cache -q -t $prefix:build $work/ctx-berth"
"$berth" build -q -t "$prefix:build" "$work/ctx-berth" >/dev/null
add "berth build (cached)" "$berth build -q -t $prefix:build $work/ctx-berth"
"$berth" run --name "$prefix" busybox sh -c 'head -c 52428800 /dev/urandom > /big.bin' >/dev/null
add "berth commit (50 MB)" "$berth commit $prefix"
if [ "$have_dockerd" = 1 ]; then
    add "dockerd build (cold)" "env DOCKER_BUILDKIT=0 $dockerd_cli build --no-cache -q -t $prefix:build $work/ctx-other"
    env DOCKER_BUILDKIT=0 $dockerd_cli build -q -t "$prefix:build" "$work/ctx-other" >/dev/null
    add "dockerd build (cached)" "env DOCKER_BUILDKIT=0 $dockerd_cli build -q -t $prefix:build $work/ctx-other"
    $dockerd_cli run --name "$prefix" berth-bench-busybox sh -c 'head -c 52428800 /dev/urandom > /big.bin' >/dev/null
    add "dockerd commit (50 MB)" "$dockerd_cli commit $prefix"
fi
if [ "$have_podman" = 1 ]; then
    add "podman build (cold)" "podman build --no-cache -q -t $prefix:build $work/ctx-other"
    podman build -q -t "$prefix:build" "$work/ctx-other" >/dev/null
    add "podman build (cached)" "podman build -q -t $prefix:build $work/ctx-other"
    podman run $podman_limits --network none --name "$prefix" berth-bench-busybox sh -c 'head -c 52428800 /dev/urandom > /big.bin' >/dev/null
    add "podman commit (50 MB)" "podman commit $prefix"
fi
args=()
for i in "${!names[@]}"; do args+=("${names[$i]}" "${commands[$i]}"); done
bench_medians "$runs" "$work/build.csv" "${args[@]}"

report=$work/report.md
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
{
    echo "Measured $(date -u +%F) on $(uname -r), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs with $tool."
    echo
    echo "| Operation | median ms |"
    echo "|---|---:|"
    for i in "${!names[@]}"; do echo "| ${names[$i]} | ${medians[$i]} |"; done
    if [ "$have_dockerd" = 1 ]; then
        echo
        echo "berth/dockerd: cold build $(ratio "${medians[0]}" "${medians[3]}")× (target ≤ 0.6×), cached rebuild $(ratio "${medians[1]}" "${medians[4]}")×, commit $(ratio "${medians[2]}" "${medians[5]}")×."
    fi
} >"$report"
cat "$report"
[ "$write" = 1 ] && bench_write_section "$report" "<!-- bench:build:start -->" "<!-- bench:build:end -->"
exit 0
