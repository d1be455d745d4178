# Every libFuzzer target runs for a bounded time (FUZZ_SECS, default 10 s
# each) from its corpus in testdata/fuzz/, and must end without a crash,
# leak, timeout (> 1 s an input) or out-of-memory (> 256 MiB): .ci/fuzz
# says how.  Needs clang with libFuzzer (scripts/install-deps.sh installs
# it); the run counts and CPU seconds vary, so only the verdicts are kept.
command -v clang >/dev/null 2>&1 || { echo "SKIP: clang missing"; exit 77; }
cd "$TOP" || exit 2
sh .ci/fuzz "${FUZZ_SECS:-10}" | sed 's/:.*//'
