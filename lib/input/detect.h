/*
 * detect.h - what an input that no reader takes is told.
 */
#ifndef PK_DETECT_H
#define PK_DETECT_H

#include <stddef.h>

/*
 * The message for buf[0..len), the first bytes of an input
 * pk_format_detect did not recognise: what it looks like and what
 * would work when that can be told (masscan's binary -oB, an HTML page,
 * JSON of another tool, binary data), else the list of the formats
 * portkit reads.  Every reader says the same.  Static text.
 */
const char	*pk_format_unknown_msg(const void *buf, size_t len);

#endif /* PK_DETECT_H */
