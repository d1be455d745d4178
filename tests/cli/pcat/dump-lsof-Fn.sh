# lsof -F n gives names but not the protocol: pcat says which fields it
# needs rather than guessing tcp or udp.
cd "$TESTDATA" || exit 2
pcat lsof-Fn.txt
