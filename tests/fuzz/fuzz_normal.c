/*
 * fuzz_normal.c - Nmap normal output and host:port lists through the
 * scan reader.  The code is that of fuzz_nmap_xml; the corpus
 * (testdata/fuzz/normal/) steers it to lib/normal/.
 */
#include "reader_target.h"
