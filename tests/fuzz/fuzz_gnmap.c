/*
 * fuzz_gnmap.c - Nmap grepable output through the scan reader.  The
 * code is that of fuzz_nmap_xml; the corpus (testdata/fuzz/gnmap/)
 * steers it to lib/gnmap.c.
 */
#include "reader_target.h"
