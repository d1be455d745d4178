/*
 * test_net.c - address networks (lib/scan/net.c): parsing and
 * membership at prefix boundaries, both families.
 */
#include <string.h>

#include "harness.h"
#include "portkit.h"

TEST(test_net_parse_forms)
{
	struct pk_net n;

	assert_int(pk_net_parse(&n, "10.0.0.0/8"), PK_OK);
	assert_int(n.family, 4);
	assert_int((int)n.prefix, 8);
	assert_int(pk_net_parse(&n, "10.1.2.3"), PK_OK);
	assert_int((int)n.prefix, 32);
	assert_int(pk_net_parse(&n, "fd77:1::/32"), PK_OK);
	assert_int(n.family, 6);
	assert_int((int)n.prefix, 32);
	assert_int(pk_net_parse(&n, "::1"), PK_OK);
	assert_int((int)n.prefix, 128);
	assert_int(pk_net_parse(&n, "0.0.0.0/0"), PK_OK);
	assert_int((int)n.prefix, 0);
}

TEST(test_net_parse_bad)
{
	static const char *const bad[] = { "", "/8", "10.0.0.0/33",
	    "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.256",
	    "::1/129", "example.com", "10.0.0.0/8/8", "*",
	    "1111111111111111111111111111111111111111111111111111111111111111"
	};
	struct pk_net n;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (!assert_int(pk_net_parse(&n, bad[i]), PK_ERR_FORMAT))
			break;
}

TEST(test_net_contains_boundaries)
{
	struct pk_net n;

	assert_int(pk_net_parse(&n, "10.77.2.8/29"), PK_OK);
	assert_int(pk_net_contains(&n, "10.77.2.7"), 0);
	assert_int(pk_net_contains(&n, "10.77.2.8"), 1);
	assert_int(pk_net_contains(&n, "10.77.2.15"), 1);
	assert_int(pk_net_contains(&n, "10.77.2.16"), 0);
	assert_int(pk_net_contains(&n, "fd77:2::8"), 0);
	assert_int(pk_net_contains(&n, "not an address"), 0);
	assert_int(pk_net_contains(&n, NULL), 0);
	assert_int(pk_net_parse(&n, "fd77:1::/33"), PK_OK);
	assert_int(pk_net_contains(&n, "fd77:1:7fff::1"), 1);
	assert_int(pk_net_contains(&n, "fd77:1:8000::1"), 0);
	assert_int(pk_net_contains(&n, "10.77.1.2"), 0);
	assert_int(pk_net_parse(&n, "0.0.0.0/0"), PK_OK);
	assert_int(pk_net_contains(&n, "255.255.255.255"), 1);
}

TEST_MAIN(test_net_parse_forms, test_net_parse_bad,
    test_net_contains_boundaries)
