# Shared by install.sh, test.sh and the image/bench scripts. Source it; do not run it.
# shellcheck shell=bash

# Debian packages berth needs at run time (and its tests need to build images and run containers).
BERTH_APT_DEPS=(runc busybox-static iptables iproute2 xz-utils zstd bzip2 ca-certificates tar skopeo docker-registry apache2-utils)

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd; }

# ensure_apt_packages PKG...: installs the packages that are not installed yet. Runs `apt-get update` only
# when something has to be installed. Needs root.
ensure_apt_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    [ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}); run as root or install them first"
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

require_dotnet() {
    command -v dotnet >/dev/null 2>&1 ||
        die "dotnet (the .NET 10 SDK) is not on PATH; install it from https://dot.net and run again"
    dotnet --list-sdks 2>/dev/null | grep -q '^10\.' ||
        die "the .NET 10 SDK is required (found: $(dotnet --list-sdks 2>/dev/null | tr '\n' ' '))"
}

dotnet_quiet_env() {
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
    export DOTNET_GENERATE_ASPNET_CERTIFICATE=false MSBUILDTERMINALLOGGER=off
}

# publish_binaries REPO OUT: publishes berth, berth-shim and berthd (all NativeAOT: single native files that
# run without DOTNET_ROOT, e.g. under systemd) into OUT. berthd finds berth-shim next to itself.
publish_binaries() {
    local repo=$1 out=$2
    rm -rf "$out"
    mkdir -p "$out"
    local project
    for project in Berth.Cli Berth.Shim Berth.Daemon Berth.Registry.Server; do
        log "publishing $project (NativeAOT)"
        dotnet publish "$repo/src/$project/$project.csproj" -c Release -r linux-x64 -o "$out" \
            -nologo -v:q -clp:ErrorsOnly </dev/null || die "publishing $project failed"
    done
    rm -f "$out"/*.dbg "$out"/*.pdb
    local binary
    for binary in berth berth-shim berthd berth-registry; do
        [ -x "$out/$binary" ] || die "publish did not produce $out/$binary"
    done
}
