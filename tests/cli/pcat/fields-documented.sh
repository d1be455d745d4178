# Every field pcat can print is documented in portkit-output(5) with the
# type --list-fields gives it.
for mode in "" --hosts; do
	pcat $mode --list-fields | while read -r name type desc; do
		grep -q "^\.It Li $name Pq $type\$" "$TOP/man/portkit-output.5" ||
			echo "undocumented: $name ($type) ${mode:-ports}"
	done
done
