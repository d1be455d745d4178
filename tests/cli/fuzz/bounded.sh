# Every libFuzzer target runs for a bounded time (FUZZ_SECS) from its
# corpus in testdata/fuzz/, and must end without a crash, leak, timeout
# (> 1 s an input) or out-of-memory (> 256 MiB): .ci/fuzz says how.  Needs
# clang with libFuzzer (scripts/install-deps.sh installs it); the run
# counts and CPU seconds vary, so only the verdicts are kept.
# FUZZ_SECS is 10 s a target in make check-full (PK_EXHAUSTIVE=1) and 2 s
# in make check: enough to replay the corpus and try hundreds to tens of
# thousands of new inputs, so a shallow crash still shows; the long
# searches are .ci/fuzz's (60 s a target).
command -v clang >/dev/null 2>&1 || { echo "SKIP: clang missing"; exit 77; }
cd "$TOP" || exit 2
secs=2
[ "${PK_EXHAUSTIVE:-0}" = 1 ] && secs=10
sh .ci/fuzz "${FUZZ_SECS:-$secs}" | sed 's/:.*//'
