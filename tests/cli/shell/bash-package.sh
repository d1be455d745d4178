# The bash completions under the bash-completion package, as an
# interactive bash on Debian loads them.
bc=/usr/share/bash-completion/bash_completion
command -v bash >/dev/null || { echo "SKIP: no bash"; exit 77; }
[ -f "$bc" ] || { echo "SKIP: no bash-completion package"; exit 77; }
BC=$bc bash --norc --noprofile -c 'source "$BC" &&
    declare -F _init_completion >/dev/null &&
    source "$TOP/tests/cli/shell/complete.bash"'
