# Every field of every port record as JSON Lines (file name relative).
cd "$TESTDATA" && pcat -o jsonl -f all basic-sV.xml localhost-sC.xml
