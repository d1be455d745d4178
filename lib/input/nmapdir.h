/*
 * nmapdir.h - finding one of nmap's data files the way nmap does
 * (internal).
 */
#ifndef PK_NMAPDIR_H
#define PK_NMAPDIR_H

/*
 * Look for the readable file name (e.g. "nmap-services") in datadir
 * (may be NULL), $NMAPDIR, ~/.nmap of the real then effective user, the
 * directory of the nmap on PATH and its ../share/nmap, /usr/share/nmap
 * and /usr/local/share/nmap, in that order, as nmap 7.93 does.  1 with
 * the malloc'ed path in *out, 0 when none is there, -1 out of memory.
 */
int	pk_nmapdir_find(const char *datadir, const char *name, char **out);

#endif /* PK_NMAPDIR_H */
