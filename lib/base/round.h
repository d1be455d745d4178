/*
 * round.h - figures cut to the decimals they can claim (internal).
 */
#ifndef PK_BASE_ROUND_H
#define PK_BASE_ROUND_H

/*
 * d rounded half away from zero to places decimals, 0 to 9 (a
 * frequency of nmap-services carries six: more would be noise).
 */
double	pk_round_dec(double d, int places);

#endif /* PK_BASE_ROUND_H */
