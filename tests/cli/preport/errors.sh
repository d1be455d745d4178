# Trouble writes no report: a missing file (the others are still read), a
# socket dump where a scan belongs, bad options.
cd "$TESTDATA" || exit 2
preport basic-sV.xml missing.xml multi-sS.xml; echo "exit $?"
preport basic-sV.xml ss-tulnp.txt; echo "exit $?"
preport -o pdf basic-sV.xml; echo "exit $?"
preport -n x basic-sV.xml; echo "exit $?"
preport --since - -; echo "exit $?"
preport; echo "exit $?"
preport --services /nonexistent basic-sV.xml; echo "exit $?"
