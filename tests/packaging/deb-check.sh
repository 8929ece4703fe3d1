#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Builds the DEB of a build directory with CPack and checks it as a user and Debian would (issue 6):
# lintian passes (no error, no warning that packaging/deb/lintian-overrides does not explain); unpacked into
# a throwaway root, the installed confab-cli and confab (offscreen) report the version; the desktop file,
# the AppStream metainfo, the icons and the man pages are there and valid.
#
#   tests/packaging/deb-check.sh BUILD_DIR        (CTest runs it as the test "deb-check")
#
# Exit 77 (CTest: skipped) where there is no dpkg-deb, i.e. not on Debian or a derivative.
set -euo pipefail

build_dir="$(cd "${1:?usage: deb-check.sh BUILD_DIR}" && pwd)"
version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")"

fail() {
    printf 'deb-check: FAIL: %s\n' "$*" >&2
    exit 1
}
step() {
    printf '==> %s\n' "$*"
}

command -v dpkg-deb >/dev/null || {
    echo "deb-check: no dpkg-deb here; skipped"
    exit 77
}
command -v lintian >/dev/null || fail "lintian is not installed (scripts/bootstrap.sh installs it)"

work="$(mktemp -d "${TMPDIR:-/tmp}/confab-deb-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

step "cpack -G DEB"
# CPack installs the build tree (building what is out of date first) and strips the binaries.
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log" >&2
    fail "cpack failed"
}
shopt -s nullglob
debs=("$work"/out/*.deb)
((${#debs[@]} == 1)) || fail "expected one .deb, found ${#debs[@]}"
deb="${debs[0]}"
printf 'package: %s, %s bytes\n' "$(basename "$deb")" "$(stat -c %s "$deb")"

step "control fields"
dpkg-deb --field "$deb" Package Version Architecture Section Maintainer Depends Installed-Size
[[ "$(dpkg-deb --field "$deb" Package)" == confab ]] || fail "package name"
[[ "$(dpkg-deb --field "$deb" Version)" == "$version-"* ]] || fail "version is not $version-N"
[[ "$(dpkg-deb --field "$deb" Section)" == net ]] || fail "section"
depends="$(dpkg-deb --field "$deb" Depends)"
# dpkg-shlibdeps ran: the Qt libraries the binaries link are there, with versions.
for library in libqt6core6 libqt6network6 libqt6widgets6 libc6; do
    grep -Eq "(^|, )$library \(>= " <<<"$depends" || fail "Depends lacks $library (shlibdeps): $depends"
done

step "lintian"
# --fail-on error,warning: an unexplained warning fails as an error does; overrides need a reason.
# (Not --show-overrides: with it, lintian 2.116 counts overridden warnings towards --fail-on.)
lintian_status=0
lintian --fail-on error,warning --display-info --tag-display-limit 0 "$deb" \
    >"$work/lintian.log" 2>&1 || lintian_status=$?
grep -v 'running with root privileges is not recommended' "$work/lintian.log" || true
((lintian_status == 0)) || fail "lintian reported errors or warnings (exit $lintian_status)"

step "unpack into a throwaway root"
root="$work/root"
dpkg-deb -x "$deb" "$root"
for file in \
    usr/bin/confab usr/bin/confab-cli \
    usr/share/applications/im.confab.Confab.desktop \
    usr/share/metainfo/im.confab.Confab.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/im.confab.Confab.svg \
    usr/share/man/man1/confab.1.gz usr/share/man/man1/confab-cli.1.gz \
    usr/share/doc/confab/copyright usr/share/doc/confab/changelog.Debian.gz usr/share/doc/confab/changelog.gz; do
    [[ -f "$root/$file" ]] || fail "missing /$file"
done
for size in 16 24 32 48 64 128 256; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/im.confab.Confab.png"
    [[ -f "$png" ]] || fail "missing icon ${size}x${size}"
    # PNG IHDR: width and height, big-endian, at bytes 16..23.
    read -r width height < <(od -An -tu1 -j16 -N8 "$png" |
        awk '{ print ($1*16777216 + $2*65536 + $3*256 + $4), ($5*16777216 + $6*65536 + $7*256 + $8) }')
    [[ "$width" == "$size" && "$height" == "$size" ]] || fail "icon ${size}x${size} is ${width}x${height}"
done
file_type="$(od -An -c -j1 -N3 "$root/usr/bin/confab-cli" | tr -d ' ')"
[[ "$file_type" == ELF ]] || fail "confab-cli is not an ELF executable"

step "installed confab-cli --version"
cli_version="$("$root/usr/bin/confab-cli" --version)"
echo "$cli_version"
[[ "$cli_version" == "confab-cli $version" ]] || fail "confab-cli --version said '$cli_version'"

step "installed confab --version (offscreen)"
desktop_version="$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/confab" --version)"
echo "$desktop_version"
[[ "$desktop_version" == "confab $version" ]] || fail "confab --version said '$desktop_version'"

step "desktop file, metainfo, man pages"
desktop_file="$root/usr/share/applications/im.confab.Confab.desktop"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop_file" || fail "desktop-file-validate"
else
    echo "desktop-file-validate not installed; checked by lintian only"
fi
grep -qx 'MimeType=x-scheme-handler/xmpp;' "$desktop_file" || fail "the desktop file does not handle xmpp: URIs"
grep -qx 'Exec=confab %u' "$desktop_file" || fail "the desktop file does not pass the URI to confab"
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root/usr/share/metainfo/im.confab.Confab.metainfo.xml" ||
        fail "appstreamcli validate"
fi
for page in confab confab-cli; do
    gzip -t "$root/usr/share/man/man1/$page.1.gz" || fail "$page.1.gz is not gzip"
    # lintian checks them too (manpage-has-errors-from-man); this says which line.
    if command -v man >/dev/null; then
        warnings="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null || true)"
        [[ -z "$warnings" ]] || fail "man $page: $warnings"
    fi
done

printf 'deb-check: OK (%s, %s KiB)\n' "$(basename "$deb")" "$(($(stat -c %s "$deb") / 1024))"
