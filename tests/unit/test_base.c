/*
 * test_base.c - the helpers of lib/base/ that every folder shares.
 */
#include <limits.h>
#include <string.h>

#include "base/parse.h"
#include "base/proto.h"
#include "harness.h"

TEST(test_parse_digits)
{
	unsigned long long v;

	assert_int(pk_parse_digits("80/tcp", 6, &v), 2);
	assert_int(v, 80);
	assert_int(pk_parse_digits("/tcp", 4, &v), 0);
	assert_int(v, 0);
	assert_int(pk_parse_digits("", 0, &v), 0);
	/* The length bounds the run, not a NUL. */
	assert_int(pk_parse_digits("12345", 3, &v), 3);
	assert_int(v, 123);
	/* Leading zeros are digits like any other. */
	assert_int(pk_parse_digits("000000000000000000000065535", 27, &v), 27);
	assert_int(v, 65535);
	assert_int(pk_parse_digits("18446744073709551615", 20, &v), 20);
	assert_true(v == ULLONG_MAX);
	/* Too large saturates instead of wrapping. */
	assert_int(pk_parse_digits("18446744073709551616", 20, &v), 20);
	assert_true(v == ULLONG_MAX);
	assert_int(pk_parse_digits("99999999999999999999999x", 24, &v), 23);
	assert_true(v == ULLONG_MAX);
	/* No sign, no space. */
	assert_int(pk_parse_digits("+1", 2, &v), 0);
	assert_int(pk_parse_digits(" 1", 2, &v), 0);
}

TEST(test_parse_port_long)
{
	unsigned port = 7;
	long long l = 7;

	assert_int(pk_parse_port("65535", 5, 65535, &port), 0);
	assert_int(port, 65535);
	assert_int(pk_parse_port("65536", 5, 65535, &port), -1);
	assert_int(pk_parse_port("256", 3, 255, &port), -1);
	assert_int(pk_parse_port("000080", 6, 65535, &port), -1);
	assert_int(pk_parse_port("", 0, 65535, &port), -1);
	assert_int(pk_parse_port("8a", 2, 65535, &port), -1);
	assert_int(port, 65535);
	assert_int(pk_parse_long("123456789012345678", 18, &l), 0);
	assert_true(l == 123456789012345678LL);
	assert_int(pk_parse_long("1234567890123456789", 19, &l), -1);
	assert_int(pk_parse_long("-1", 2, &l), -1);
	assert_int(pk_parse_long("", 0, &l), -1);
}

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

TEST(test_state_names)
{
	int i;

	for (i = 0; i < PK_STATE_COUNT; i++)
		assert_int(pk_state_parse(pk_state_names[i],
		    strlen(pk_state_names[i])), i);
	assert_str(pk_state_names[PK_STATE_OPEN_FILTERED], "open|filtered");
	assert_int(pk_state_parse("open|filtered", 4), PK_STATE_OPEN);
	assert_int(pk_state_parse("Open", 4), -1);
	assert_int(pk_state_parse("opened", 6), -1);
	assert_int(pk_state_parse("", 0), -1);
}

TEST_MAIN(test_parse_digits, test_parse_port_long, test_hex_and_mac,
    test_state_names)
