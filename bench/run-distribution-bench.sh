#!/usr/bin/env bash
# Distribution benchmark (issue #4): push then pull of a ~100 MB, 5-layer image over loopback — berth against
# berth-registry, and the docker CLI against dockerd with Debian's docker-registry when both are there — in MB/s
# of transferred (compressed) bytes. Each run uses a fresh, empty registry so every blob really moves.
#   bench/run-distribution-bench.sh [-n RUNS] [--write]      (RUNS defaults to 20; 3 is plenty here)
# Uses the daemon at $BERTH_HOST, or a temporary berthd from artifacts/dist (as bench/run-bench.sh).
set -euo pipefail
. "$(dirname "$0")/../scripts/lib/common.sh"

REPO=$(repo_root)
. "$REPO/bench/lib/bench-common.sh"
bench_parse_args "$@"

work=$(mktemp -d /tmp/berth-bench.XXXXXX)
dockerd_cli="docker -H unix:///var/run/docker.sock"
registry_pid=""
stop_registry() {
    [ -n "$registry_pid" ] || return 0
    kill "$registry_pid" 2>/dev/null || true
    wait "$registry_pid" 2>/dev/null || true
    registry_pid=""
}
cleanup() {
    set +e
    stop_registry
    # measure runs in a subshell: a registry it left running (it died midway) is known by its pid file only.
    local pid
    for pid in $(cat "$work/registry.pids" 2>/dev/null); do kill "$pid" 2>/dev/null; done
    bench_stop_berth
    bench_stop_dockerd
    bench_unmount_work
    rm -rf "$work"
}
trap cleanup EXIT

bench_start_berth
bench_start_dockerd
ensure_apt_packages skopeo python3
layers=5 mb_per_layer=20
bytes=$(python3 "$REPO/bench/lib/make-oci-layout.py" "$work/layout" "$layers" "$mb_per_layer" bench)
log "image: $layers layers, $bytes bytes to transfer"

# wait_http URL: until the registry answers.
wait_http() {
    for _ in $(seq 1 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
    die "no answer from $1"
}

# start_registry KIND PORT ROOT [keep]: berth-registry or docker-registry on 127.0.0.1:PORT with an empty ROOT
# (with "keep": on what ROOT already holds).
start_registry() {
    local kind=$1 port=$2 root=$3
    [ "${4:-}" = keep ] || rm -rf "$root"
    mkdir -p "$root"
    if [ "$kind" = berth ]; then
        "$berth" registry serve --addr "127.0.0.1:$port" --root "$root" >"$work/registry.log" 2>&1 &
    else
        printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:%s\n' \
            "$root" "$port" >"$work/registry.yml"
        docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
    fi
    registry_pid=$!
    echo "$registry_pid" >>"$work/registry.pids"
    wait_http "http://127.0.0.1:$port/v2/"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.0f", m }'; }

# measure KIND CLI: per run, a fresh registry gets the image from skopeo, the engine pulls it (timed), then
# pushes it to a second, empty registry (timed). Prints "pull_ms push_ms" medians.
measure() {
    local kind=$1 cli=$2 pulls=() pushes=() i t0 src dst
    for i in $(seq 1 "$runs"); do
        start_registry "$kind" 5801 "$work/reg-src"
        skopeo copy -q --dest-tls-verify=false "oci:$work/layout:bench" "docker://127.0.0.1:5801/bench/img:$i" >/dev/null
        stop_registry
        start_registry "$kind" 5801 "$work/reg-src" keep  # restarted: no server-side cache warms the pull
        src=127.0.0.1:5801/bench/img:$i
        $cli rmi -f "$src" >/dev/null 2>&1 || true
        t0=$(now_ms); $cli pull -q "$src" >/dev/null; pulls+=($(( $(now_ms) - t0 )))
        stop_registry
        start_registry "$kind" 5802 "$work/reg-dst"
        dst=127.0.0.1:5802/bench/copy:$i
        $cli tag "$src" "$dst"
        t0=$(now_ms); $cli push -q "$dst" >/dev/null; pushes+=($(( $(now_ms) - t0 )))
        stop_registry
        $cli rmi -f "$src" "$dst" >/dev/null 2>&1 || true
    done
    echo "$(printf '%s\n' "${pulls[@]}" | median) $(printf '%s\n' "${pushes[@]}" | median)"
}

report=$work/report.md
rate() { awk -v b="$bytes" -v ms="$1" 'BEGIN { printf "%.0f", (ms > 0) ? b / 1e6 / (ms / 1000) : 0 }'; }
{
    echo "| engine and registry | pull (ms) | pull MB/s | push (ms) | push MB/s |"
    echo "|---|---:|---:|---:|---:|"
} >"$report"
read -r pull push < <(measure berth "$berth")
echo "| berth → berth-registry | $pull | $(rate "$pull") | $push | $(rate "$push") |" >>"$report"
if command -v docker-registry >/dev/null 2>&1 && $dockerd_cli version >/dev/null 2>&1; then
    read -r pull push < <(measure docker "$dockerd_cli")
    echo "| docker CLI → dockerd → docker-registry | $pull | $(rate "$pull") | $push | $(rate "$push") |" >>"$report"
else
    log "dockerd or docker-registry is not there: berth only"
fi
{
    echo
    echo "Measured $(date -u +%Y-%m-%d) on $(uname -r), $(nproc) CPUs: $layers gzip layers of $mb_per_layer MiB random data"
    echo "($bytes bytes), median of $runs runs, each against a freshly started, empty registry."
} >>"$report"
cat "$report"

if [ "$write" = 1 ]; then
    bench_write_section "$report" '<!-- bench:distribution:start -->' '<!-- bench:distribution:end -->'
fi
