# The examples of pfirewall(1) are what pfirewall prints: each literal
# block of EXAMPLES whose first line after the "# nmap" lines that made
# the scans is "$ pfirewall ..." is run on the
# recorded lab (syn.xml and ack.xml) and compared with the block, lines
# folded in the page (a continuation starts with a blank) joined, and
# runs of blanks or tabs read as one blank.
ln -s "$TESTDATA/pfirewall/fw-sS.xml" syn.xml
ln -s "$TESTDATA/pfirewall/fw-sA.xml" ack.xml
awk '
/^\.Sh EXAMPLES/ { ex = 1; next }
/^\.Sh / { ex = 0 }
ex && /^\.Bd -literal/ { n++; inb = 1; body = 0; next }
ex && /^\.Ed/ { inb = 0; next }
inb && !body && /^# / { next }
inb { body = 1; print > ("block" n) }
' "$TOP/man/pfirewall.1"
norm() {
	tr '\t' ' ' | awk '
	/^ / { sub(/^ +/, ""); line = line " " $0; next }
	{ if (started) print line; line = $0; started = 1 }
	END { if (started) print line }' | tr -s ' '
}
ran=0
for b in block*; do
	first=$(sed 1q "$b")
	case $first in
	'$ pfirewall '*) ;;
	*) continue ;;
	esac
	sed 1d "$b" | norm >want
	sh -c "${first#\$ }" 2>&1 | norm >got
	if ! cmp -s want got; then
		echo "example differs: ${first#\$ }"
		diff want got
	fi
	ran=$((ran + 1))
done
echo "$ran examples run"
