# Scripts without an output attribute (nmap issue 2213; constructed, see
# testdata/script-no-output.xml.cmd): ndiff's formats show the output
# gone, and the XML form leaves the attribute out.
cd "$TESTDATA" || exit 2
pdiff -o ndiff localhost-sC.xml script-no-output.xml
echo "exit $?"
pdiff -o ndiff-xml localhost-sC.xml script-no-output.xml | grep 'script id='
