# Every light case of tests/hostile/cases: exit status and stderr are
# checked by run.sh; stdout (each case's output) is pinned here.
sh "$TOP/tests/hostile/run.sh" "$BUILDDIR"
