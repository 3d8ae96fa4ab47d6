#!/usr/bin/env bash
# Archive benchmark (issue #4): `save -o` and `load -i` of a ~100 MB, 5-layer image (random data, made without a
# Dockerfile: five layer tars assembled into a docker-archive and loaded once), in MB/s of archive bytes — berth
# CLI and docker CLI against berthd, and dockerd (when running) on the same archive. See docs/benchmarks.md.
#   bench/run-archive-bench.sh [-n RUNS] [--write]
# Uses the daemon at $BERTH_HOST (default unix:///run/berth/berth.sock), or a temporary berthd from
# artifacts/dist under /tmp when none answers (as bench/run-bench.sh).
set -euo pipefail
. "$(dirname "$0")/../scripts/lib/common.sh"

REPO=$(repo_root)
. "$REPO/bench/lib/bench-common.sh"
bench_parse_args "$@"
runs=$(( runs < 5 ? runs : 5 )) # each run moves ~100 MB twice; five runs bound the time

work=$(mktemp -d /tmp/berth-bench.XXXXXX)
image=berth-bench-archive:latest
dockerd_cli="docker -H unix:///var/run/docker.sock"
cleanup() {
    set +e
    "$berth" rmi -f "$image" >/dev/null 2>&1
    [ "${have_dockerd:-0}" = 1 ] && $dockerd_cli rmi -f "$image" >/dev/null 2>&1
    bench_stop_berth
    bench_stop_dockerd
    bench_unmount_work
    rm -rf "$work"
}
trap cleanup EXIT

bench_start_berth
bench_start_dockerd

# --- the image: five 20 MB layers of random data, as a docker-archive -------------------------------------------
build_archive() { # OUT.tar
    local dir=$work/build diff_ids="" layers="" i hex
    mkdir -p "$dir/blobs/sha256"
    for i in 1 2 3 4 5; do
        mkdir -p "$dir/layer$i/data"
        head -c $((20 * 1024 * 1024)) /dev/urandom >"$dir/layer$i/data/random$i.bin"
        tar -C "$dir/layer$i" -cf "$dir/layer$i.tar" data
        hex=$(sha256sum "$dir/layer$i.tar" | cut -d' ' -f1)
        mv "$dir/layer$i.tar" "$dir/blobs/sha256/$hex"
        diff_ids+="${diff_ids:+,}\"sha256:$hex\""
        layers+="${layers:+,}\"blobs/sha256/$hex\""
    done
    printf '{"architecture":"amd64","os":"linux","config":{"Cmd":["sh"]},"rootfs":{"type":"layers","diff_ids":[%s]}}' \
        "$diff_ids" >"$dir/config.json"
    hex=$(sha256sum "$dir/config.json" | cut -d' ' -f1)
    mv "$dir/config.json" "$dir/blobs/sha256/$hex"
    printf '[{"Config":"blobs/sha256/%s","RepoTags":["%s"],"Layers":[%s]}]' "$hex" "$image" "$layers" >"$dir/manifest.json"
    tar -C "$dir" -cf "$1" manifest.json blobs
    rm -rf "$dir"
}
build_archive "$work/source.tar"
"$berth" rmi -f "$image" >/dev/null 2>&1 || true
"$berth" load -q -i "$work/source.tar" >/dev/null
"$berth" save -o "$work/berth.tar" "$image"
have_dockerd=0
if command -v dockerd >/dev/null 2>&1 && $dockerd_cli version >/dev/null 2>&1; then
    $dockerd_cli load -q -i "$work/berth.tar" >/dev/null && have_dockerd=1
fi

# --- measurements: median seconds of RUNS, each load after an rmi so every layer is stored and unpacked again ----
# measure NAME SAVE_CMD LOAD_CMD RMI_CMD: appends a row with save and load MB/s; {} in a command is the archive.
report=$work/report.md
rows=()
seconds() { local t0; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || die "failed: $*"; echo $(( $(date +%s%N) - t0 )); }
median_ms() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1e6 }'; }
measure() {
    local name=$1 save=$2 load=$3 rmi=$4 out=$work/out.tar i save_ms load_ms size
    : >"$work/save.txt"; : >"$work/load.txt"
    for i in $(seq 1 "$runs"); do
        rm -f "$out"
        seconds ${save//\{\}/$out} >>"$work/save.txt"
    done
    size=$(stat -c %s "$out")
    for i in $(seq 1 "$runs"); do
        $rmi >/dev/null 2>&1 || true
        seconds ${load//\{\}/$out} >>"$work/load.txt"
    done
    save_ms=$(median_ms <"$work/save.txt")
    load_ms=$(median_ms <"$work/load.txt")
    rows+=("| $name | $(awk -v b="$size" 'BEGIN { printf "%.0f", b / 1e6 }') | $save_ms | $(awk -v b="$size" -v t="$save_ms" 'BEGIN { printf "%.0f", b / 1e6 / (t / 1e3) }') | $load_ms | $(awk -v b="$size" -v t="$load_ms" 'BEGIN { printf "%.0f", b / 1e6 / (t / 1e3) }') |")
}
measure "berth CLI → berthd" "$berth save -o {} $image" "$berth load -q -i {}" "$berth rmi -f $image"
measure "docker CLI → berthd" "docker -H unix://$socket save -o {} $image" "docker -H unix://$socket load -q -i {}" "$berth rmi -f $image"
[ "$have_dockerd" = 1 ] && measure "docker CLI → dockerd" "$dockerd_cli save -o {} $image" "$dockerd_cli load -q -i {}" "$dockerd_cli rmi -f $image"
{
    echo "| save / load, 5 × 20 MB layers | archive MB | save median (ms) | save MB/s | load median (ms) | load MB/s |"
    echo "|---|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Measured $(date -u +%Y-%m-%d) on $(uname -r), $(nproc) CPUs, median of $runs runs (bash loop, date +%s%N)."
    [ "$have_dockerd" = 1 ] || { echo; echo "- dockerd not installed or not running: skipped"; }
} >"$report"
cat "$report"

if [ "$write" = 1 ]; then
    bench_write_section "$report" '<!-- bench:archive:start -->' '<!-- bench:archive:end -->'
fi
