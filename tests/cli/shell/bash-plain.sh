# The bash completions on their own, in a bash without the
# bash-completion package: their fallbacks for _init_completion and
# _filedir do the work.
command -v bash >/dev/null || { echo "SKIP: no bash"; exit 77; }
bash --norc --noprofile -c '! declare -F _init_completion >/dev/null &&
    source "$TOP/tests/cli/shell/complete.bash"'
