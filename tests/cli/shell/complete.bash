# complete.bash - drive the bash completions as bash would; sourced by
# the bash-*.sh cases after they have (or have not) loaded the
# bash-completion package.

# Outside a real completion there are no options to set.
compopt() { :; }

for f in "$TOP"/completions/bash/*; do
	# shellcheck disable=SC1090
	source "$f" || exit 1
done

# comp LINE: complete at the end of LINE (a trailing space starts a new
# word) and print the candidates, sorted, after a "LINE:" header.
comp()
{
	COMP_LINE=$1
	COMP_POINT=${#COMP_LINE}
	read -ra COMP_WORDS <<<"$COMP_LINE"
	[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	local fn
	fn=$(complete -p "${COMP_WORDS[0]}" | sed 's/.*-F \([^ ]*\) .*/\1/')
	"$fn" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" \
	    "${COMP_WORDS[COMP_CWORD - 1]}"
	echo "$COMP_LINE:"
	printf '  %s\n' "${COMPREPLY[@]}" | sort
}

mkdir d && : >scan.xml && : >scan.gnmap
comp 'pcat --st'
comp 'pcat -o j'
comp 'pcat --proto tcp,u'
comp 'pcat --list-fields'
comp 'pcat --scr'
comp 'pcat --list-fields=sc'
comp 'pcat --scripts -f host,o'
comp 'pcat --scripts --match sc'
comp 'pcat -f ext'
comp 'pcat sc'
comp 'pdiff --ol'
comp 'pdiff -a sc'
comp 'pfirewall --out'
comp 'ptop --by '
comp 'ptop --by c'
comp 'pcat --category '
comp 'pcat --category database,re'
comp 'pcat --port'
comp 'ptop sc'
comp 'phist --cha'
comp 'phist -o '
comp 'phist sc'
comp 'pnonstd --str'
comp 'preport -o '
