# Mode 2 ranks the -oG files of a scan as it ranks their -oX files
# (by port; -oG has service names, so the ranking is the same).
d="$TOP/tests/cli/ptop/data"
ptop -o tsv "$d/scanA.xml" "$d/scanB.xml" "$d/scanC.xml" > xml.tsv
ptop -o tsv "$d/scanA.gnmap" "$d/scanB.gnmap" "$d/scanC.gnmap" > gnmap.tsv
cmp xml.tsv gnmap.tsv && wc -l < xml.tsv
