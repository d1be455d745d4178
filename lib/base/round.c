/*
 * round.c - figures cut to the decimals they can claim.
 */
#include <math.h>

#include "base/round.h"

double
pk_round_dec(double d, int places)
{
	static const double scale[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
	    1e7, 1e8, 1e9 };

	if (places < 0)
		places = 0;
	else if (places > 9)
		places = 9;
	return round(d * scale[places]) / scale[places];
}
