/*
 * fuzz_nmap_xml.c - Nmap and masscan XML, plain or gzip, through the
 * scan reader (seeds: testdata/fuzz/nmap_xml/, dictionary nmap.dict).
 */
#include "reader_target.h"
