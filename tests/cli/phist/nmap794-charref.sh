# phist reads a file twice (its time first): nmap 7.94's forbidden
# character references are still warned of once a file, from stdin too.
cd "$TESTDATA" || exit 2
phist -o tsv -H multi-sS.xml nmap794-charref.xml
phist -o tsv -H - <nmap794-charref.xml
