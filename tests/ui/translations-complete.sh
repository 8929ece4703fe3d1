#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Every user-visible string is translated: lupdate runs over the same sources as the build's
# update_translations target (ui/ and the libcore folders listed in ui/CMakeLists.txt), into copies of the
# .ts files, and no message may be left unfinished. A new tr() without a translation fails here, with
# its text, so it never ships in English inside a Chinese window.
set -euo pipefail
source_dir=$1
lupdate=$2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$source_dir"
status=0
for ts in translations/confab_*.ts; do
    copy="$work/$(basename "$ts")"
    cp "$ts" "$copy"
    "$lupdate" -silent -no-obsolete -locations none ui libcore/models libcore/base libcore/platform \
        libcore/xmpp/chat libcore/storage -ts "$copy" >/dev/null 2>&1
    unfinished=$(grep -c 'type="unfinished"' "$copy" || true)
    if ((unfinished > 0)); then
        echo "$ts: $unfinished untranslated string(s); run 'cmake --build build/dev --target update_translations' and translate:" >&2
        grep -B3 'type="unfinished"' "$copy" | sed -n 's/.*<source>\(.*\)<\/source>.*/  \1/p' >&2
        status=1
    else
        echo "$ts: complete"
    fi
done
exit $status
