#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Installs what Confab needs on Debian 12 and builds the dev preset (build/dev).
#
#   scripts/bootstrap.sh            install what is missing, configure, build
#
# ./test, ./run and ./bench source this file and call:
#   confab_install_dependencies     apt-get only for packages that are missing (a second run is offline)
#   confab_build                    cmake --preset dev && cmake --build --preset dev
#
# Environment: CONFAB_JOBS=N limits the build's parallelism (default: ninja's own choice).
set -euo pipefail

CONFAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

CONFAB_PACKAGES=(
    # build
    cmake ninja-build g++ ccache pkg-config
    # Qt 6.4 as Debian 12 ships it, and QtKeychain for the OS keychain
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqt6sql6-sqlite libqt6svg6
    qtkeychain-qt6-dev libgl-dev
    # integration tests: a real XMPP server with a test CA of our own
    prosody openssl
    # ./test's formatting check
    clang-format-16
    # fuzz targets (tests/fuzz): libFuzzer with ASan/UBSan from Debian's clang 14
    clang libclang-rt-14-dev
    # UI smoke test under Xvfb (with a screenshot), and a keychain to test against
    xvfb xauth imagemagick gnome-keyring dbus-x11 libsecret-tools
    # fonts for Chinese and emoji, so screenshots (and a minimal desktop) show text, not boxes
    fonts-wqy-microhei fonts-noto-color-emoji
    lintian desktop-file-utils dpkg-dev file appstream # the DEB: shlibdeps, and its check (tests/packaging)
)

confab_step() {
    if [[ -t 2 ]]; then
        printf '\033[1;34m==>\033[0m \033[1m%s\033[0m\n' "$*" >&2
    else
        printf '==> %s\n' "$*" >&2
    fi
}

confab_die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

confab_missing_packages() {
    # One dpkg-query for all (it names the unknown ones on stderr and skips them); "ii" = installed.
    local -A installed=()
    local status package
    while read -r status package; do
        if [[ "$status" == "ii" ]]; then installed["${package%%:*}"]=1; fi
    done < <(dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\n' "${CONFAB_PACKAGES[@]}" 2>/dev/null || true)
    for package in "${CONFAB_PACKAGES[@]}"; do
        [[ -n "${installed[$package]:-}" ]] || printf '%s\n' "$package"
    done
}

# Is something listening on 127.0.0.1:PORT? (bash's /dev/tcp: no ss/netstat needed on a fresh machine)
confab_port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The package's postinst would start the system Prosody (on 5222, with /etc/prosody): tests never use it,
# and it must not hold the port a demo wants. Stop it and keep it from coming back at boot.
confab_quiet_system_prosody() {
    local -a sudo=("$@")
    if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
        "${sudo[@]}" systemctl disable --now prosody >/dev/null 2>&1 || true
    else
        "${sudo[@]}" service prosody stop >/dev/null 2>&1 || true
        "${sudo[@]}" update-rc.d prosody disable >/dev/null 2>&1 || true
    fi
    # A daemon the service manager did not start (or lost track of): stop it through its own pidfile,
    # after checking the pid really is Prosody.
    local pidfile=/run/prosody/prosody.pid pid
    if [[ -r "$pidfile" ]]; then
        pid="$(cat "$pidfile")"
        if [[ "$pid" =~ ^[0-9]+$ ]] && grep -qa prosody "/proc/$pid/cmdline" 2>/dev/null; then
            "${sudo[@]}" kill -TERM "$pid" 2>/dev/null || true
        fi
    fi
}

confab_install_dependencies() {
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        confab_step "Not a Debian system: install these yourself: ${CONFAB_PACKAGES[*]}"
        return 0
    fi
    local -a missing
    mapfile -t missing < <(confab_missing_packages)
    if ((${#missing[@]} == 0)); then
        confab_step "Dependencies: all ${#CONFAB_PACKAGES[@]} packages present"
        return 0
    fi

    local -a sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null || confab_die "missing packages (${missing[*]}) and no root or sudo to install them"
        sudo=(sudo)
    fi
    confab_step "Installing ${missing[*]}"
    local -a apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600)
    "${apt[@]}" update
    local package candidate
    for package in "${missing[@]}"; do
        candidate="$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
        [[ -n "$candidate" && "$candidate" != "(none)" ]] || confab_die "package '$package' is not available from apt"
    done

    local installing_prosody=0 policy=/usr/sbin/policy-rc.d policy_written=0
    if [[ " ${missing[*]} " == *" prosody "* ]]; then
        installing_prosody=1
        # Debian's way to keep maintainer scripts from starting services (invoke-rc.d and
        # deb-systemd-invoke both honour it): exit code 101 means "not allowed".
        if [[ ! -e "$policy" ]]; then
            printf '#!/bin/sh\n# Written by Confab scripts/bootstrap.sh while installing; removed afterwards.\nexit 101\n' |
                "${sudo[@]}" tee "$policy" >/dev/null
            "${sudo[@]}" chmod 755 "$policy"
            policy_written=1
        fi
    fi
    local status=0
    "${apt[@]}" install -y --no-install-recommends "${missing[@]}" || status=$?
    if ((policy_written)); then
        "${sudo[@]}" rm -f "$policy"
    fi
    ((status == 0)) || confab_die "apt-get install failed (exit $status)"
    if ((installing_prosody)); then
        confab_quiet_system_prosody "${sudo[@]}"
    fi

    mapfile -t missing < <(confab_missing_packages)
    ((${#missing[@]} == 0)) || confab_die "still missing after installing: ${missing[*]}"
    if confab_port_in_use 5222; then
        confab_step "Note: something listens on port 5222 (the tests do not need it; ./run picks another port)"
    fi
}

confab_build() {
    local -a jobs=()
    [[ -z "${CONFAB_JOBS:-}" ]] || jobs=(-j "$CONFAB_JOBS")
    confab_step "Configuring (cmake --preset dev)"
    (cd "$CONFAB_ROOT" && cmake --preset dev >/dev/null) || confab_die "cmake configure failed (see above)"
    confab_step "Building (cmake --build --preset dev)"
    (cd "$CONFAB_ROOT" && cmake --build --preset dev ${jobs[@]+"${jobs[@]}"}) || confab_die "build failed (see above)"
}

# Run directly (not sourced): do everything.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    confab_install_dependencies
    confab_build
fi
