# Every field pcat can print is documented in portkit-output(5) with the
# type --list-fields gives it.
for kind in ports hosts scripts sockets; do
	pcat --list-fields=$kind | while read -r name type desc; do
		grep -q "^\.It Li $name Pq $type\$" "$TOP/man/portkit-output.5" ||
			echo "undocumented: $name ($type) $kind"
	done
done
