# Properties over every scan in testdata (OpenBSD diff regress style: no
# hand-written expectations).  Prints what breaks them; the last lines
# say which property was checked.
# Scratch files stay in the case's own directory, never in testdata.
# Every scan is compared with itself; make check compares the sample of
# pairs tests/sample.sh describes (each scan with its name neighbours,
# which are its related scans, and with some unrelated ones, both ways
# round), make check-full every pair.  A pair costs two pdiff runs under ASan for each
# property.
. "$TOP/tests/sample.sh"
W=$(pwd)
cd "$TESTDATA" || exit 2
ok=1
# 1. A scan compared with itself: no output, exit 0 (3 for a cut file).
for f in *.xml *.gnmap pdiff/*.xml pdiff/*.gnmap; do
	[ -s "$f" ] || continue
	for o in text ndiff tsv; do
		pdiff -o $o "$f" "$f" >"$W/out" 2>/dev/null
		st=$?
		# A cut file (interrupted-*) is compared and exits 3.
		if [ -s "$W/out" ] || { [ $st != 0 ] && [ $st != 3 ]; }; then
			echo "self $o $f: exit $st"; ok=0
		fi
	done
done
echo "self: $ok"
# 2. pdiff B A mirrors pdiff A B: old and new swap, added and removed too.
ok=1
pk_pairs $(ls *.xml pdiff/*.xml) >"$W/pairs"
while read -r a b; do
	[ "$a" \< "$b" ] || continue
	pdiff -H -o tsv "$a" "$b" 2>/dev/null | sort >"$W/ab"
	pdiff -H -o tsv "$b" "$a" 2>/dev/null | awk -F'\t' -v OFS='\t' '
	    { t = $5; $5 = $6; $6 = t }
	    $7 == "added" { $7 = "removed"; print; next }
	    $7 == "removed" { $7 = "added" } { print }' | sort >"$W/ba"
	cmp -s "$W/ab" "$W/ba" || { echo "mirror $a $b"; diff "$W/ab" "$W/ba" | head -5; ok=0; }
done <"$W/pairs"
echo "mirror: $ok"
# 3. -oX and -oG of the same scans agree on what -oG carries: exactly
# when both grepable files list the ports scanned (nmap -v), and every
# grepable change known on both sides is an XML change otherwise.
ok=1
IG=--ignore=reason,product,version,extrainfo,tunnel,mac,os,extraports,scaninfo
while read -r a b; do
	ga=${a%.xml}.gnmap gb=${b%.xml}.gnmap
	[ -s "$ga" ] && [ -s "$gb" ] || continue
	case $a$b in *masscan*) continue ;; esac
	pdiff -H -o tsv $IG "$a" "$b" 2>/dev/null | sort >"$W/x"
	pdiff -H -o tsv $IG "$ga" "$gb" 2>/dev/null | sort >"$W/g"
	if grep -q '^# Ports scanned' "$ga" &&
	    grep -q '^# Ports scanned' "$gb"; then
		cmp -s "$W/x" "$W/g" || { echo "oG $a $b"; diff "$W/x" "$W/g" | head -5; ok=0; }
		continue
	fi
	awk -F'\t' 'NR == FNR { x[$0] = 1; next }
	    $5 != "" && $6 != "" && !($0 in x)' "$W/x" "$W/g" >"$W/extra"
	[ -s "$W/extra" ] && { echo "oG subset $a $b"; head -3 "$W/extra"; ok=0; }
done <"$W/pairs"
echo "xml-gnmap: $ok"
