/*
 * test_base.c - the helpers of lib/base/ that every folder shares.
 */
#include <string.h>

#include "base/parse.h"
#include "harness.h"

TEST(test_hex_and_mac)
{
	unsigned char mac[6];
	static const unsigned char want[6] = { 0x02, 0x77, 0x0a, 0x00, 0xff,
	    0xb0 };

	assert_int(pk_hexval('0'), 0);
	assert_int(pk_hexval('9'), 9);
	assert_int(pk_hexval('a'), 10);
	assert_int(pk_hexval('F'), 15);
	assert_int(pk_hexval('g'), -1);
	assert_int(pk_hexval('\0'), -1);
	assert_int(pk_parse_mac("02:77:0A:00:fF:b0", mac), 0);
	assert_mem(mac, 6, want, 6);
	assert_int(pk_parse_mac("02:77:0A:00:fF:b0:", mac), -1);
	assert_int(pk_parse_mac("02:77:0A:00:fF", mac), -1);
	assert_int(pk_parse_mac("02-77-0A-00-fF-b0", mac), -1);
	assert_int(pk_parse_mac("2:77:0A:00:fF:b0", mac), -1);
	assert_int(pk_addr_valid(PK_ADDR_MAC, "02:77:0A:00:fF:b0"), 1);
	assert_int(pk_addr_valid(PK_ADDR_MAC, "02:77:0A:00:fF:g0"), 0);
}

TEST_MAIN(test_hex_and_mac)
