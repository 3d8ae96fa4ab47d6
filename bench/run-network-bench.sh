#!/usr/bin/env bash
# Networking benchmark (issue #6): network set-up cost per container (`run --rm busybox true` on the default
# bridge vs `--network none`), throughput of a published port (1 GB over loopback), and `ps -a` / `system df`
# latency with 100 created containers — berth beside dockerd (and podman for set-up cost), in one run.
#   bench/run-network-bench.sh [-n RUNS] [--write]
# Uses the daemon at $BERTH_HOST (or a temporary berthd from artifacts/dist); starts dockerd itself when it is
# installed but not running (and stops it, restoring `iptables -P FORWARD ACCEPT`). Run under flock /tmp/bench.lock.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib/common.sh"

REPO=$(repo_root)
. "$REPO/bench/lib/bench-common.sh"
bench_parse_args "$@"

work=$(mktemp -d /tmp/berth-bench.XXXXXX)
prefix=bnet$$
dockerd_cli="docker -H unix:///var/run/docker.sock"
gigabyte=1073741824
throughput_runs=3
containers=100

remove_prefixed() { # CLI…: removes the engine's containers named $prefix*
    local ids
    ids=$("$@" ps -aq --filter "name=$prefix" 2>/dev/null) || return 0
    [ -z "$ids" ] || "$@" rm -f $ids >/dev/null 2>&1 || true
}
cleanup() {
    set +e
    remove_prefixed "$berth"
    [ "${have_dockerd:-0}" = 1 ] && remove_prefixed $dockerd_cli
    [ "${have_podman:-0}" = 1 ] && remove_prefixed podman
    bench_stop_dockerd
    bench_stop_berth
    bench_unmount_work
    rm -rf "$work"
}
trap cleanup EXIT

bench_start_dockerd

bench_start_berth
bench_images
notes=()
[ "$have_dockerd" = 1 ] || notes+=("dockerd not installed or not running: skipped")

report=$work/report.md
: >"$report"

# --- 1. set-up cost: bridge vs --network none -----------------------------------------------------------------
engines=("berth" "$berth -H $BERTH_HOST run --rm" "busybox")
[ "$have_dockerd" = 1 ] && engines+=("docker CLI → dockerd" "$dockerd_cli run --rm" "berth-bench-busybox")
if [ "$have_podman" = 1 ]; then
    if podman run --rm $podman_limits localhost/berth-bench-busybox true >/dev/null 2>&1; then
        engines+=("podman" "podman run --rm $podman_limits" "localhost/berth-bench-busybox")
    else
        notes+=("podman's default network does not work here: skipped")
    fi
fi
pairs=()
for ((i = 0; i < ${#engines[@]}; i += 3)); do
    pairs+=("${engines[$i]} (bridge)" "${engines[$((i + 1))]} ${engines[$((i + 2))]} true"
            "${engines[$i]} (none)" "${engines[$((i + 1))]} --network none ${engines[$((i + 2))]} true")
done
for ((i = 0; i < ${#pairs[@]}; i += 2)); do
    ${pairs[$((i + 1))]} >/dev/null 2>&1 || die "'${pairs[$i]}' does not work: ${pairs[$((i + 1))]}"
done
bench_medians "$runs" "$work/setup.csv" "${pairs[@]}"
{
    echo "| run --rm busybox true | bridge (ms) | --network none (ms) | bridge adds (ms) |"
    echo "|---|---:|---:|---:|"
    for ((i = 0; i < ${#medians[@]}; i += 2)); do
        echo "| ${engines[$((i / 2 * 3))]} | ${medians[$i]} | ${medians[$((i + 1))]} | $(awk -v a="${medians[$i]}" -v b="${medians[$((i + 1))]}" 'BEGIN { printf "%.1f", a - b }') |"
    done
    echo
} >>"$report"
setup_tool=$tool

# --- 2. throughput of a published port ----------------------------------------------------------------------------
# The container serves 1 GiB per connection (busybox `nc -ll -e dd`, so dd writes straight into the socket);
# the host reads it from 127.0.0.1:<published port> to the end and reports the bytes and seconds.
cat >"$work/sink.py" <<'EOF'
import socket, sys, time
s = None
for attempt in range(300):  # up to ~15 s: a loaded host may take a while to start the server
    try:
        s = socket.create_connection((sys.argv[1], int(sys.argv[2])))
        break
    except OSError:
        time.sleep(0.05)
if s is None:
    print(0, 0)  # never connected: the caller reports the row as failed
    sys.exit(0)
t = time.monotonic(); n = 0
buf = bytearray(1 << 20)
while True:
    r = s.recv_into(buf)
    if r == 0: break
    n += r
print(n, time.monotonic() - t)
EOF
serve=(nc -ll -p 80 -e dd if=/dev/zero bs=1048576 count=1024)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
measure_mbps() { # PORT: median MB/s over $throughput_runs reads of 1 GiB from 127.0.0.1:PORT
    local port=$1 out bytes secs rates=()
    for _ in $(seq 1 "$throughput_runs"); do
        out=$(python3 "$work/sink.py" 127.0.0.1 "$port")
        read -r bytes secs <<<"$out"
        if [ "$bytes" != "$gigabyte" ]; then
            log "read $bytes bytes instead of $gigabyte from port $port: row reported as failed"
            echo "failed (read $bytes bytes)"
            return 0
        fi
        rates+=("$(awk -v s="$secs" 'BEGIN { printf "%.0f", 1073.741824 / s }')")
    done
    printf '%s\n' "${rates[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
thr_names=() thr_rates=()
for _ in 1 2 3 4 5; do # a free port may be taken by someone else before nc binds it: try another
    port=$(free_port)
    busybox "${serve[@]:0:3}" "$port" "${serve[@]:4}" 2>/dev/null &
    host_server=$!
    for _ in $(seq 1 50); do
        ss -Hltn "sport = :$port" | grep -q . && break
        kill -0 "$host_server" 2>/dev/null || break
        sleep 0.1
    done
    ss -Hltn "sport = :$port" | grep -q . && break
    kill "$host_server" 2>/dev/null || true
done
thr_names+=("host loopback, no container (the ceiling)"); thr_rates+=("$(measure_mbps "$port")")
kill "$host_server" 2>/dev/null || true
wait "$host_server" 2>/dev/null || true
port=$(free_port)
"$berth" run -d --name "$prefix-nc" -p "$port:80" busybox "${serve[@]}" >/dev/null
thr_names+=("berth -p $port:80"); thr_rates+=("$(measure_mbps "$port")")
if [ "$have_dockerd" = 1 ]; then
    port=$(free_port)
    $dockerd_cli run -d --name "$prefix-nc" -p "$port:80" berth-bench-busybox "${serve[@]}" >/dev/null
    thr_names+=("dockerd -p $port:80"); thr_rates+=("$(measure_mbps "$port")")
fi
{
    echo "| 1 GiB from a published port to 127.0.0.1 | MB/s (median of $throughput_runs) |"
    echo "|---|---:|"
    for i in "${!thr_names[@]}"; do echo "| ${thr_names[$i]} | ${thr_rates[$i]} |"; done
    echo
} >>"$report"
remove_prefixed "$berth"
[ "$have_dockerd" = 1 ] && remove_prefixed $dockerd_cli

# --- 3. ps -a and system df with 100 created containers ----------------------------------------------------------
log "creating $containers containers per engine"
for i in $(seq 1 "$containers"); do "$berth" create --name "$prefix-c$i" busybox true >/dev/null; done
if [ "$have_dockerd" = 1 ]; then
    for i in $(seq 1 "$containers"); do $dockerd_cli create --name "$prefix-c$i" berth-bench-busybox true >/dev/null; done
fi
list_pairs=("berth ps -a" "$berth -H $BERTH_HOST ps -a"
            "docker CLI → berthd ps -a" "docker -H unix://$socket ps -a")
[ "$have_dockerd" = 1 ] && list_pairs+=("docker CLI → dockerd ps -a" "$dockerd_cli ps -a")
list_pairs+=("berth system df" "$berth -H $BERTH_HOST system df"
             "docker CLI → berthd system df" "docker -H unix://$socket system df")
[ "$have_dockerd" = 1 ] && list_pairs+=("docker CLI → dockerd system df" "$dockerd_cli system df")
for ((i = 0; i < ${#list_pairs[@]}; i += 2)); do
    ${list_pairs[$((i + 1))]} >/dev/null 2>&1 || die "'${list_pairs[$i]}' does not work: ${list_pairs[$((i + 1))]}"
done
berth_total=$("$berth" ps -aq | wc -l)
bench_medians "$runs" "$work/list.csv" "${list_pairs[@]}"
{
    echo "| $containers created containers | median (ms) |"
    echo "|---|---:|"
    for ((i = 0; i < ${#list_pairs[@]}; i += 2)); do echo "| ${list_pairs[$i]} | ${medians[$((i / 2))]} |"; done
    echo
    echo "Measured $(date -u +%Y-%m-%d) on $(uname -r), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg);"
    echo "latencies are medians of $runs runs with $setup_tool; berthd held $berth_total containers in total."
    if [ "${#notes[@]}" -gt 0 ]; then
        echo
        printf -- '- %s\n' "${notes[@]}"
    fi
} >>"$report"
cat "$report"

if [ "$write" = 1 ]; then
    bench_write_section "$report" '<!-- bench:network:start -->' '<!-- bench:network:end -->'
fi
