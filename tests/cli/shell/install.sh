# make install's shell and manual pieces land where Debian 12 looks:
# zsh functions in vendor-completions under /usr (site-functions under
# other prefixes), bash's in bash-completion/completions, README and
# LICENSE in doc/portkit, and a link page for every function a man3
# page names, so that man pk_reader_open finds pk_reader(3) (each
# rendered through its .so by mandoc).  Then
# make uninstall takes it all away again.
unset MAKEFLAGS MFLAGS MAKELEVEL
inst() {
	make -s -C "$TOP" DESTDIR="$PWD/$1" PREFIX="$2" install-man \
	    install-completions install-doc >/dev/null
}
inst usr /usr || exit 1
inst local /usr/local || exit 1
for d in usr/usr local/usr/local; do
	(cd "$d" && find . -type f ! -path './share/man/*' | sort)
done
man=usr/usr/share/man
for p in "$TOP"/man/*.3; do
	b=${p##*/}
	awk '/^\.Sh /{ name = ($2 == "NAME") } name && $1 == ".Nm" { print $2 }' \
	    "$p" | while read -r n; do
		[ "$n.3" = "$b" ] && continue
		f=$man/man3/$n.3
		[ -f "$f" ] || { echo "no link page for $n ($b)"; continue; }
		[ "$(cat "$f")" = ".so man3/$b" ] || echo "$f: $(cat "$f")"
		(cd "$man" && mandoc -Tascii "man3/$n.3" 2>&1) |
		    grep -q "Library Functions Manual" ||
		    echo "$f: does not render"
	done
done
for d in usr:/usr local:/usr/local; do
	make -s -C "$TOP" DESTDIR="$PWD/${d%%:*}" PREFIX="${d#*:}" \
	    uninstall >/dev/null || exit 1
done
find usr local -type f
