# Trouble is 2, a truncated input 3 (its complete hosts still compared).
T=$TESTDATA
pdiff "$T/multi-sS.xml" missing.xml
echo "exit $?"
(cd "$T" && pdiff interrupted-sS.xml localhost-sS.xml)
echo "exit $?"
pdiff "$T/multi-sS.xml"
echo "exit $?"
pdiff a b c
echo "exit $?"
pdiff -o html a b
echo "exit $?"
pdiff --ignore colour a b
echo "exit $?"
pdiff --state closed a b
echo "exit $?"
pdiff - - </dev/null
echo "exit $?"
echo garbage >junk.txt
pdiff "$T/multi-sS.xml" junk.txt
echo "exit $?"
