# tests/sample.sh - sourced by the tests that sweep every pair of scans.
#
# make check runs a fixed sample of each sweep, the same cases every time;
# make check-full sets PK_EXHAUSTIVE=1 and every case runs.  A test that
# samples says in its comment what it keeps and why.

# pk_exhaustive: was the full sweep asked for (PK_EXHAUSTIVE=1)?
pk_exhaustive() {
	[ "${PK_EXHAUSTIVE:-0}" = 1 ]
}

# pk_pairs FILE...: print "A B" for the ordered pairs of the files, self
# pairs included, that the sweep covers.  All of them with PK_EXHAUSTIVE=1;
# else, with the files numbered 0..n-1 in the order given, the pairs (i, j)
# with |i - j| <= 3, and every 7th pair in row order ((i * n + j) % 7 == 0).
# The near pairs are the related ones: in name order a scan sits within
# three of its later, narrower, IPv6 or other scan-type sibling
# (local-before and local-after, multi-sS and multi-sS-later, basic-sS and
# basic6-sS, fw-none-sA and fw-none-sS).  The 7th pairs give every file
# about n / 7 unrelated partners, as the first scan and (n not a multiple
# of 7) as the second.  For the 41 scans of testdata: 475 of the 1681
# pairs.
pk_pairs() {
	n=$# i=0
	for a; do
		j=0
		for b; do
			d=$((i - j))
			if pk_exhaustive || { [ "$d" -ge -3 ] && [ "$d" -le 3 ]; } ||
			    [ $(((i * n + j) % 7)) -eq 0 ]; then
				echo "$a $b"
			fi
			j=$((j + 1))
		done
		i=$((i + 1))
	done
}
