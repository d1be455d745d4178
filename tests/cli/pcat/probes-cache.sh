# The product names of nmap-service-probes are kept, parsed, in
# $XDG_CACHE_HOME/portkit (else ~/.cache/portkit), made private; later
# runs read them from there (the copy is left alone) and split the same.
# A changed file, or a copy that is damaged or others may write, is
# parsed again and the copy written anew.  No tool has a flag for it.
cat >nmap-service-probes <<'P'
match ssh m|^SSH-| p/OpenSSH/ v/$1/
match http m|Python| p/SimpleHTTPServer/
P
NMAPDIR=$PWD XDG_CACHE_HOME=$PWD/cache
export NMAPDIR XDG_CACHE_HOME
f=port,product,version,extrainfo
g=$TESTDATA/harden/lo-A.gnmap
copy() { ls cache/portkit/products-*; }
echo "== the first run makes the copy"
pcat -f $f "$g"
copy | sed 's/-[0-9a-f]*$/-HASH/'
stat -c '%a %n' cache cache/portkit "$(copy)" | sed 's/-[0-9a-f]*$/-HASH/'
i=$(stat -c %i "$(copy)")
echo "== the next ones read it, from -oG and -oN alike"
pcat -f $f "$g" >warm.txt
pcat -H -o tsv -f $f "$TESTDATA/harden/lo-A.nmap"
[ "$(stat -c %i "$(copy)")" = "$i" ] && echo "copy left alone"
echo "== a changed file is parsed again"
echo 'match http m|Server| p/Apache httpd/' >>nmap-service-probes
pcat -f $f "$g" | cmp - warm.txt || echo differ
[ "$(stat -c %i "$(copy)")" != "$i" ] && echo "copy written anew"
echo "== a damaged copy, or one others may write, is not used"
i=$(stat -c %i "$(copy)")
printf 'garbage' >"$(copy)"
pcat -f $f "$g" | cmp - warm.txt || echo differ
[ "$(stat -c %i "$(copy)")" != "$i" ] && echo "copy written anew"
i=$(stat -c %i "$(copy)")
chmod 664 "$(copy)"
pcat -f $f "$g" | cmp - warm.txt || echo differ
[ "$(stat -c %i "$(copy)")" != "$i" ] && stat -c '%a' "$(copy)"
echo "== without an absolute XDG_CACHE_HOME: \$HOME/.cache/portkit"
mkdir home
HOME=$PWD/home XDG_CACHE_HOME=cache pcat -f $f "$g" | cmp - warm.txt
ls home/.cache/portkit | sed 's/-[0-9a-f]*$/-HASH/'
echo "== with neither: no cache, the same split"
env -u HOME -u XDG_CACHE_HOME pcat -f $f "$g" | cmp - warm.txt &&
    echo same
