# Shared by the bench scripts (sourced): the berth daemon under test, the busybox image for every engine,
# hyperfine medians, and writing a results section into docs/benchmarks.md. Callers set `work` (a temp dir)
# and call bench_cleanup from their EXIT trap.
# shellcheck shell=bash

temp_daemon_pid=""
started_dockerd_pid=""

# bench_parse_args "$@": the scripts' shared flags: -n RUNS (default 20), --write, -h (prints the script's
# header, lines 2-7). Sets runs and write; checks that the caller is root.
bench_parse_args() {
    runs=20
    write=0
    while [ $# -gt 0 ]; do
        case "$1" in
            -n|--runs) runs=${2:?-n needs a number}; shift 2 ;;
            --write) write=1; shift ;;
            -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
            *) die "unknown argument: $1" ;;
        esac
    done
    [[ "$runs" =~ ^[0-9]+$ ]] && [ "$runs" -ge 1 ] || die "-n needs a positive number"
    [ "$(id -u)" -eq 0 ] || die "the benchmark runs containers: run it as root"
}

# bench_start_berth: sets berth, BERTH_HOST, socket, pidfile; starts a temporary berthd under $work when no
# daemon answers at $BERTH_HOST.
bench_start_berth() {
    export BERTH_HOST=${BERTH_HOST:-unix:///run/berth/berth.sock}
    berth=${BERTH_CLI:-$(command -v berth || echo "$REPO/artifacts/dist/berth")}
    [ -x "$berth" ] || die "berth CLI not found: install with ./install.sh or build with ./test.sh"
    pidfile=${BERTH_PIDFILE:-/run/berth/berthd.pid}
    if ! "$berth" version >/dev/null 2>&1; then
        local berthd=${BERTHD:-$(dirname "$berth")/berthd}
        [ -x "$berthd" ] || die "no daemon answers at $BERTH_HOST and $berthd is missing"
        log "no daemon at $BERTH_HOST; starting a temporary berthd under $work"
        mkdir -p "$work/data" "$work/exec"
        echo '{}' >"$work/daemon.json"
        BERTH_HOST=unix://$work/berth.sock
        pidfile=$work/berthd.pid
        "$berthd" --host "$BERTH_HOST" --data-root "$work/data" --exec-root "$work/exec" --pidfile "$pidfile" \
            --config-file "$work/daemon.json" </dev/null >"$work/berthd.log" 2>&1 &
        temp_daemon_pid=$!
        for _ in $(seq 1 150); do "$berth" version >/dev/null 2>&1 && break; sleep 0.2; done
        "$berth" version >/dev/null 2>&1 || { tail -n 20 "$work/berthd.log" >&2; die "temporary berthd did not start"; }
    fi
    socket=${BERTH_HOST#unix://}
}

# bench_stop_berth: stops a temporary daemon with its shims, runc containers and mounts (no-op otherwise).
# bench_start_dockerd: the issues compare with dockerd in the same run, so start it (logging to $work) when it is
# installed but not answering; bench_stop_dockerd stops only a dockerd started here. Without it the rows are skipped.
bench_start_dockerd() {
    local cli="docker -H unix:///var/run/docker.sock"
    command -v dockerd >/dev/null 2>&1 || return 0
    $cli version >/dev/null 2>&1 && return 0
    log "starting dockerd for the comparison (stopped at exit)"
    dockerd >"$work/dockerd.log" 2>&1 &
    started_dockerd_pid=$!
    for _ in $(seq 1 150); do $cli version >/dev/null 2>&1 && return 0; sleep 0.2; done
    warn "dockerd did not start (see $work/dockerd.log); measuring without it"
}

# bench_stop_dockerd: stops the dockerd bench_start_dockerd started (its containerd goes with it) and puts FORWARD
# back to ACCEPT (dockerd leaves it on DROP, which blocks other bridges).
bench_stop_dockerd() {
    [ -n "$started_dockerd_pid" ] || return 0
    kill -TERM "$started_dockerd_pid" 2>/dev/null || true
    wait "$started_dockerd_pid" 2>/dev/null || true
    started_dockerd_pid=""
    iptables -P FORWARD ACCEPT 2>/dev/null || true
}

bench_stop_berth() {
    [ -n "$temp_daemon_pid" ] || return 0
    kill -TERM "$temp_daemon_pid" 2>/dev/null || true
    wait "$temp_daemon_pid" 2>/dev/null || true
    local pid id
    for pid in $(grep -l "$work/exec" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
        [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = berth-shim ] && kill -KILL "$pid" 2>/dev/null || true
    done
    if [ -d "$work/exec/runc" ]; then
        for id in $(ls "$work/exec/runc"); do runc --root "$work/exec/runc" delete --force "$id" >/dev/null 2>&1 || true; done
    fi
}

# bench_unmount_work: lazily unmounts everything under $work.
bench_unmount_work() {
    grep -o " $work[^ ]*" /proc/self/mountinfo | sort -r | while read -r mnt; do umount -l "$mnt" || true; done
}

# bench_images: the reproducible busybox tar, imported into berth (busybox:latest), into dockerd and podman
# (berth-bench-busybox) when they are there. Sets have_dockerd / have_podman (0/1).
bench_images() {
    "$REPO/scripts/mkimage-busybox.sh" --tar-only "$work/busybox.tar"
    if ! "$berth" image inspect busybox:latest >/dev/null 2>&1; then
        "$berth" import -c 'CMD ["sh"]' "$work/busybox.tar" busybox:latest >/dev/null
    fi
    have_dockerd=0 have_podman=0
    if command -v dockerd >/dev/null 2>&1 && docker -H unix:///var/run/docker.sock version >/dev/null 2>&1; then
        docker -H unix:///var/run/docker.sock import -c 'CMD ["sh"]' "$work/busybox.tar" berth-bench-busybox:latest >/dev/null
        have_dockerd=1
    fi
    if command -v podman >/dev/null 2>&1; then
        podman import -c 'CMD ["sh"]' "$work/busybox.tar" localhost/berth-bench-busybox:latest >/dev/null
        # Podman's default rlimits are above this host's hard limits and runc refuses them without
        # CAP_SYS_RESOURCE; berth clamps by itself. Podman gets explicit limits within the host's.
        podman_limits="--ulimit nofile=$(ulimit -Hn):$(ulimit -Hn) --ulimit nproc=1024:1024"
        have_podman=1
    fi
}

# bench_medians RUNS CSV NAME CMD [NAME CMD …]: hyperfine (or a bash loop) medians in ms into the array
# `medians`, in the order given; sets `tool` to what measured them.
bench_medians() {
    local runs=$1 csv=$2
    shift 2
    local names=() commands=()
    while [ $# -gt 0 ]; do names+=("$1"); commands+=("$2"); shift 2; done
    medians=()
    ensure_apt_packages hyperfine 2>/dev/null || true
    if command -v hyperfine >/dev/null 2>&1; then
        tool="hyperfine $(hyperfine --version | awk '{print $2}') (-N, 2 warm-up runs)"
        local args=() i
        for i in "${!commands[@]}"; do args+=(--command-name "${names[$i]}" "${commands[$i]}"); done
        hyperfine -N --style basic --warmup 2 --runs "$runs" --export-csv "$csv" "${args[@]}" >&2
        # CSV: command,mean,stddev,median,user,system,min,max (seconds), in the order given.
        mapfile -t medians < <(tail -n +2 "$csv" | awk -F, '{ printf "%.1f\n", $(NF-4) * 1000 }')
    else
        tool="bash loop (date +%s%N), 2 warm-up runs"
        local i t0
        for i in "${!commands[@]}"; do
            ${commands[$i]} >/dev/null 2>&1; ${commands[$i]} >/dev/null 2>&1
            : >"$work/loop.txt"
            for _ in $(seq 1 "$runs"); do
                t0=$(date +%s%N)
                ${commands[$i]} >/dev/null 2>&1
                echo $(( $(date +%s%N) - t0 )) >>"$work/loop.txt"
            done
            medians+=("$(sort -n "$work/loop.txt" | awk '{ v[NR] = $1 } END {
                m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1e6 }')")
        done
    fi
}

# bench_write_section REPORT START_MARKER END_MARKER: replaces what lies between the markers in docs/benchmarks.md.
bench_write_section() {
    local report=$1 start=$2 end=$3 doc=$REPO/docs/benchmarks.md
    grep -qF "$start" "$doc" || die "$doc has no $start marker"
    awk -v start="$start" -v end="$end" -v report="$report" '
        $0 == start { print; while ((getline line < report) > 0) print line; skip = 1; next }
        $0 == end { skip = 0 }
        !skip { print }' "$doc" >"$work/benchmarks.md"
    cp "$work/benchmarks.md" "$doc"
    log "wrote the results into ${doc#"$REPO"/}"
}
