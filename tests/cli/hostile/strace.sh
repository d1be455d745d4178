# Nothing outside the input is opened or fetched for external entities,
# external DTDs or XInclude: strace lists every network call and every
# file opened, libraries and the sanitizer's /proc reads aside.
command -v strace >/dev/null 2>&1 || { echo "SKIP: no strace"; exit 77; }
strace -o /dev/null true 2>/dev/null ||
    { echo "SKIP: strace cannot trace here"; exit 77; }
T=$TOP/testdata/harden
# LeakSanitizer cannot run under ptrace; leaks are checked elsewhere.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
. "$TOP/tests/hostile/gen.sh"
for c in xxe_file xxe_http xxe_parameter external_dtd external_dtd_http \
    xinclude; do
	"gen_$c" >"$c.xml"
	strace -f -e trace=network,openat -o trace pcat -o list "$c.xml" \
	    >/dev/null 2>&1
	echo "$c: exit $?"
	# With -f, strace prefixes a pid only when there are several tasks.
	sed -e 's/^[0-9][0-9]* *//' trace |
	    grep -v -e '^+++ exited' -e '^--- SIG' |
	    grep -v -E 'openat\(AT_FDCWD, "(/etc/ld\.so\.cache|/lib/|/usr/lib/|/proc/|/sys/|/dev/)' |
	    sed -e 's/) *= .*/)/'
done
