# Without -W netstat cuts an address so that "addr:port" fits 23 columns:
# "fd77:aaaa:bbbb:cccc:dddd:eeee:ffff:1" port 22 becomes the valid but
# wrong "fd77:aaaa:bbbb:cccc::22".  Such an end is refused, not guessed.
cd "$TESTDATA" || exit 2
pcat netstat-long.txt
