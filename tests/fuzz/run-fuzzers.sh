#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Builds the fuzz preset (clang, libFuzzer, ASan+UBSan; build/fuzz) and runs every fuzz target briefly on a
# temporary copy of its seed corpus, so nothing new is written into the repository. Fails when a target
# crashes or an oracle aborts; the crashing input is kept under build/fuzz/crashes/<target>/.
# Then replays tests/fuzz/regressions/: every input once found a bug that is fixed now, and must pass.
#
#   tests/fuzz/run-fuzzers.sh            20 seconds per target, random seed (exploration)
#   tests/fuzz/run-fuzzers.sh --runs N   N inputs per target from seed 1, deterministic (./test runs it so)
#   tests/fuzz/run-fuzzers.sh 300        5 minutes per target
#
# Environment: CONFAB_JOBS=N limits the build's parallelism (default 2). For long runs see README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fuzz_dir="$root/tests/fuzz"
bin_dir="$root/build/fuzz/tests/fuzz"
crash_dir="$root/build/fuzz/crashes"
targets=(fuzz_xml_stream fuzz_jid fuzz_scram)

# Two modes: N seconds of exploration with a fresh random seed, or --runs N: exactly N inputs from seed 1,
# deterministic for a given build and corpus, which is what ./test (and so CI) uses: a new finding then shows
# up in a developer's exploration run, not as a red CI for an unrelated change.
if [[ "${1:-}" == "--runs" ]]; then
    budget="${2:-}"
    limit=(-runs="$budget" -seed=1)
    what="$budget inputs (seed 1)"
else
    budget="${1:-20}"
    limit=(-max_total_time="$budget")
    what="${budget}s"
fi
[[ "$budget" =~ ^[1-9][0-9]*$ ]] || {
    printf 'usage: %s [seconds per target | --runs N]\n' "$0" >&2
    exit 2
}

step() {
    printf '==> %s\n' "$*" >&2
}

step "Configuring and building the fuzz targets (cmake --preset fuzz)"
(cd "$root" && cmake --preset fuzz >/dev/null)
(cd "$root" && cmake --build --preset fuzz -j "${CONFAB_JOBS:-2}")

work="$(mktemp -d "${TMPDIR:-/tmp}/confab-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT

status=0
summary=()
for target in "${targets[@]}"; do
    step "Fuzzing $target: $what"
    mkdir -p "$work/$target/corpus" "$work/$target/artifacts"
    cp -R "$fuzz_dir/corpus/$target/." "$work/$target/corpus/"
    log="$work/$target.log"
    rc=0
    "$bin_dir/$target" -dict="$fuzz_dir/xmpp.dict" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$work/$target/artifacts/" "$work/$target/corpus" >"$log" 2>&1 || rc=$?
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    cov="$(grep -Eo 'cov: [0-9]+' "$log" | tail -n 1 | cut -d' ' -f2)"
    ft="$(grep -Eo 'ft: [0-9]+' "$log" | tail -n 1 | cut -d' ' -f2)"
    line="$target: ${runs:-?} runs, cov ${cov:-?}, ft ${ft:-?}"
    if ((rc != 0)); then
        status=1
        mkdir -p "$crash_dir/$target"
        cp -R "$work/$target/artifacts/." "$crash_dir/$target/"
        # The sanitizer or oracle report, without libFuzzer's progress lines.
        grep -Ev '^#[0-9]+[[:space:]]' "$log" | tail -n 60 >&2
        line="$line: FAILED (exit $rc; input kept in build/fuzz/crashes/$target/)"
    fi
    summary+=("$line")
done

step "Replaying tests/fuzz/regressions"
for target in "${targets[@]}"; do
    dir="$fuzz_dir/regressions/$target"
    [[ -d "$dir" ]] || continue
    mapfile -t inputs < <(find "$dir" -type f ! -name '*.md' | sort)
    ((${#inputs[@]} > 0)) || continue
    if ! "$bin_dir/$target" "${inputs[@]}" >"$work/$target.regressions.log" 2>&1; then
        status=1
        tail -n 40 "$work/$target.regressions.log" >&2
        summary+=("$target: a regression input fails")
        continue
    fi
    summary+=("$target: ${#inputs[@]} regression inputs pass")
done

step "Fuzzing summary"
printf '%s\n' "${summary[@]}"
exit "$status"
