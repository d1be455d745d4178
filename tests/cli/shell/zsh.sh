# zsh's own _pack claims pcat as well (#compdef pack unpack pcat=unpack):
# _pcat must still be the completer that runs, whatever the order of
# fpath.  A zsh driven through a pseudo-terminal completes pcat --csv;
# _pack would offer nothing there.  Then the values of ptop --by and
# pcat --category (the port table's categories).
command -v zsh >/dev/null || { echo "SKIP: no zsh"; exit 77; }
zsh -fc 'zmodload zsh/zpty' 2>/dev/null || { echo "SKIP: no zsh/zpty"; exit 77; }
command -v timeout >/dev/null || { echo "SKIP: no timeout"; exit 77; }
cat >drive.zsh <<'ZSH'
fpath=($TOP/completions/zsh $fpath)
autoload -Uz compinit && compinit -u -D
print -r -- "pattern completer for pcat: $_patcomps[pcat]"
for t in pdiff pfirewall phist pnonstd preport ptop; do
	print -r -- "$t: $_comps[$t]"
done
zmodload zsh/zpty
zpty -b z 'zsh -f -i'
zpty -w z 'PS1="> "; fpath=($TOP/completions/zsh $fpath)
autoload -Uz compinit; compinit -u -D; unsetopt beep; print READY'
zpty -r z out '*READY*'
zpty -r z out '*> *'
zpty -w -n z $'pcat --csv\t'
zpty -r z out '*--csv-safe*' && print -r -- 'pcat --csv<TAB>: --csv-safe'
zpty -w -n z $'\C-upcat --scri\t'
zpty -r z out '*--scripts*' && print -r -- 'pcat --scri<TAB>: --scripts'
zpty -w -n z $'\C-upcat --scripts -f elem\t'
zpty -r z out '*elements*' && print -r -- 'pcat --scripts -f elem<TAB>: elements'
zpty -w -n z $'\C-u'
zpty -w -n z $'ptop --by ca\t'
zpty -r z out '*category*' && print -r -- 'ptop --by ca<TAB>: category'
zpty -w -n z $'\C-u'
zpty -w -n z $'pcat --category core,data\t'
zpty -r z out '*database*' && print -r -- 'pcat --category core,data<TAB>: database'
zpty -d z
ZSH
timeout 30 zsh -f drive.zsh
