# Properties over every scan in testdata (OpenBSD diff regress style: no
# hand-written expectations).  Prints what breaks them; the last lines
# say which property was checked.
cd "$TESTDATA" || exit 2
ok=1
# 1. A scan compared with itself: no output, exit 0 (3 for a cut file).
for f in *.xml *.gnmap pdiff/*.xml pdiff/*.gnmap; do
	[ -s "$f" ] || continue
	for o in text ndiff tsv; do
		pdiff -o $o "$f" "$f" >out 2>/dev/null
		st=$?
		# A cut file (interrupted-*) is compared and exits 3.
		want=0
		case $f in
		*.xml) grep -q '</nmaprun>' "$f" || want=3 ;;
		*.gnmap) grep -q '^# Nmap done' "$f" || want=3 ;;
		esac
		if [ -s out ] || [ $st != $want ]; then
			echo "self $o $f: exit $st"; ok=0
		fi
	done
done
echo "self: $ok"
# 2. pdiff B A mirrors pdiff A B: old and new swap, added and removed too.
ok=1
set -- $(ls *.xml pdiff/*.xml)
for a; do
	for b; do
		[ "$a" \< "$b" ] || continue
		pdiff -H -o tsv "$a" "$b" 2>/dev/null | sort >ab
		pdiff -H -o tsv "$b" "$a" 2>/dev/null | awk -F'\t' -v OFS='\t' '
		    { t = $5; $5 = $6; $6 = t }
		    $7 == "added" { $7 = "removed"; print; next }
		    $7 == "removed" { $7 = "added" } { print }' | sort >ba
		cmp -s ab ba || { echo "mirror $a $b"; diff ab ba | head -5; ok=0; }
	done
done
echo "mirror: $ok"
# 3. -oX and -oG of the same scans agree on what -oG carries: exactly
# when both grepable files list the ports scanned (nmap -v), and every
# grepable change known on both sides is an XML change otherwise.
ok=1
IG=--ignore=reason,product,version,extrainfo,tunnel,mac,os,extraports,scaninfo
for a; do
	for b; do
		ga=${a%.xml}.gnmap gb=${b%.xml}.gnmap
		[ -s "$ga" ] && [ -s "$gb" ] || continue
		case $a$b in *masscan*) continue ;; esac
		pdiff -H -o tsv $IG "$a" "$b" 2>/dev/null | sort >x
		pdiff -H -o tsv $IG "$ga" "$gb" 2>/dev/null | sort >g
		if grep -q '^# Ports scanned' "$ga" &&
		    grep -q '^# Ports scanned' "$gb"; then
			cmp -s x g || { echo "oG $a $b"; diff x g | head -5; ok=0; }
			continue
		fi
		awk -F'\t' 'NR == FNR { x[$0] = 1; next }
		    $5 != "" && $6 != "" && !($0 in x)' x g >extra
		[ -s extra ] && { echo "oG subset $a $b"; head -3 extra; ok=0; }
	done
done
echo "xml-gnmap: $ok"
