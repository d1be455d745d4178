# Trouble is 2 and the readable scans still count; a truncated scan counts
# with its complete hosts, is named, and makes the status 3.
cd "$TESTDATA" || exit 2
phist multi-sS.xml missing.xml
echo "exit $?"
phist -o tsv interrupted-sS.xml multi-sS-later.xml
echo "exit $?"
echo garbage | phist - ss-ltn.txt multi-sS.xml >/dev/null
echo "exit $?"
# A grepable scan without its header has no time to be placed by.
sed 1d multi-sS.gnmap | phist -
echo "exit $?"
phist
echo "exit $?"
phist - - </dev/null
echo "exit $?"
phist -o md multi-sS.xml
echo "exit $?"
phist --state shut multi-sS.xml
echo "exit $?"
phist -p T:99999 multi-sS.xml
echo "exit $?"
phist --host 10.77.2.0/33 multi-sS.xml
echo "exit $?"
phist --since yesterday multi-sS.xml
echo "exit $?"
phist --changes --policy /dev/null multi-sS.xml
echo "exit $?"
phist --changes --state closed multi-sS.xml
echo "exit $?"
phist --ignore version multi-sS.xml
echo "exit $?"
phist --changes --ignore colour multi-sS.xml
echo "exit $?"
phist --policy missing.policy multi-sS.xml
echo "exit $?"
