#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Builds the fuzz preset (clang, libFuzzer, ASan+UBSan; build/fuzz) and runs every fuzz target briefly on a
# temporary copy of its seed corpus, so nothing new is written into the repository. Fails when a target
# crashes or an oracle aborts; the crashing input is kept under build/fuzz/crashes/<target>/.
# Then replays tests/fuzz/regressions/: every input once found a bug that is fixed now, and must pass.
#
#   tests/fuzz/run-fuzzers.sh            20 seconds per target, random seed (exploration)
#   tests/fuzz/run-fuzzers.sh --ci N     N mutated inputs per target, findings reported but not fatal; then the
#                                        seed corpora and regressions/ replayed, fatal (./test runs it so)
#   tests/fuzz/run-fuzzers.sh 300        5 minutes per target
#
# Environment: CONFAB_JOBS=N limits the build's parallelism (default 2). For long runs see README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fuzz_dir="$root/tests/fuzz"
bin_dir="$root/build/fuzz/tests/fuzz"
crash_dir="$root/build/fuzz/crashes"
targets=(fuzz_xml_stream fuzz_jid fuzz_scram)

# Two modes. SECONDS: exploration with a random seed; any finding fails the run. --ci N: what ./test (and so
# CI) runs: N mutated inputs per target, whose findings are reported loudly and kept in build/fuzz/crashes/ but
# do not fail the run (mutation is not reproducible run to run, and a gate that turns red at random on a
# bug an unrelated change did not make would only teach people to ignore it); the seed corpus and every
# regression input are then replayed, and any failure there does fail the run.
ci=0
if [[ "${1:-}" == "--ci" ]]; then
    ci=1
    budget="${2:-}"
    limit=(-runs="$budget")
    what="$budget mutated inputs"
else
    budget="${1:-20}"
    limit=(-max_total_time="$budget")
    what="${budget}s"
fi
[[ "$budget" =~ ^[1-9][0-9]*$ ]] || {
    printf 'usage: %s [seconds per target | --ci N]\n' "$0" >&2
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
        ((ci)) || status=1
        mkdir -p "$crash_dir/$target"
        cp -R "$work/$target/artifacts/." "$crash_dir/$target/"
        # The sanitizer or oracle report, without libFuzzer's progress lines.
        grep -Ev '^#[0-9]+[[:space:]]' "$log" | tail -n 60 >&2
        if ((ci)); then
            line="$line: NEW FINDING, not fatal here (exit $rc; input kept in build/fuzz/crashes/$target/): fix it and add it to tests/fuzz/regressions/"
        else
            line="$line: FAILED (exit $rc; input kept in build/fuzz/crashes/$target/)"
        fi
    fi
    summary+=("$line")
done

step "Replaying the seed corpora"
for target in "${targets[@]}"; do
    if ! "$bin_dir/$target" -runs=0 "$fuzz_dir/corpus/$target" >"$work/$target.corpus.log" 2>&1; then
        status=1
        tail -n 40 "$work/$target.corpus.log" >&2
        summary+=("$target: a seed corpus input fails")
    fi
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
