# A <script> without its output attribute (nmap issue 2213, 2216), on a
# port (with <elem> children) and on the host: read without a warning,
# the script kept with no output.  testdata/script-no-output.xml is
# constructed from localhost-sC.xml, see its .cmd.
cd "$TESTDATA" || exit 2
pcat -o jsonl -f port,service,product,scripts script-no-output.xml localhost-sC.xml
echo "exit $?"
