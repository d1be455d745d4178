# Histories read from Nmap normal output (-oN) are those of the -oX
# files of the same runs.
cd "$TESTDATA" || exit 2
phist multi-sS.xml multi-sS-later.xml >"$OLDPWD/x"
phist multi-sS.nmap multi-sS-later.nmap | cmp - "$OLDPWD/x" &&
    echo "multi-sS, multi-sS-later: -oN as -oX"
