# Each -sV scan ranked on its own, by product.
cd "$TESTDATA" && ptop --per-scan --by product -o tsv basic-sV.xml nonstd-sV.xml localhost-sC.xml
