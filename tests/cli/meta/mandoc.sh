# Every man page must be clean under mandoc -Tlint -Wwarning (STYLE.md
# 4.7); prints mandoc's complaints, nothing when all pages pass.
cd "$TOP" || exit 2
set -- man/*.[135]
[ -f "$1" ] || exit 0
out=$(mandoc -Tlint -Wwarning "$@" 2>&1)
[ -z "$out" ] && exit 0
printf '%s\n' "$out"
exit 1
