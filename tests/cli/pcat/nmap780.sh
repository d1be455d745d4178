# nmap 7.80-era XML, constructed from real 7.93 files by the differences
# of the DTD (see testdata/nmap780-*.cmd): xmloutputversion 1.04, no
# <hosthint>, <extrareasons> with plural reasons and no proto= or ports=.
# Every host reads with the same fields as in the 7.93 file, nothing is
# warned of, and the folded ports, which 7.80 does not list, stay folded.
cd "$TESTDATA" || exit 2
for b in basic-sS multi-sS fw-stateful-sS-1000; do
	for o in "" --hosts; do
		pcat $o -o tsv -H -f all "$b.xml" | cut -f 2- >"$OLDPWD/a"
		pcat $o -o tsv -H -f all "nmap780-$b.xml" | cut -f 2- >"$OLDPWD/b"
		if cmp -s "$OLDPWD/a" "$OLDPWD/b"; then
			echo "nmap780-$b ${o:-(ports)}: $(wc -l <"$OLDPWD/b") records, as in $b"
		else
			diff "$OLDPWD/a" "$OLDPWD/b"
		fi
	done
done
pcat --expand-extraports -o tsv -H -f port,state,reason nmap780-basic-sS.xml
pcat --expand-extraports -o list basic-sS.xml | wc -l
