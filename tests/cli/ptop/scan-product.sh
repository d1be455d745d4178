# These listeners gave nmap no product: the ranking is empty, but valid.
cd "$TOP/tests/cli/ptop/data" && ptop --by product -o tsv scanA.xml
