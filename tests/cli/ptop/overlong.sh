# A line over 4 MiB is an error, never split into two.
{ printf 'a\t1/tcp\t0.5\t# '; head -c 4194400 /dev/zero | tr '\0' x; printf '\nb\t2/tcp\t0.5\n'; } >long.services
ptop --services long.services
