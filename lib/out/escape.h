/*
 * escape.h - escaping for writers outside out/ that print to a stdio
 * stream (pdiff's reports): the same rules as the row writers
 * (internal).
 */
#ifndef PK_OUT_ESCAPE_H
#define PK_OUT_ESCAPE_H

#include <stdio.h>

/*
 * Write s as a terminal may show it (C0, DEL, C1 controls and bytes that
 * are not UTF-8 as \xHH, pk_writer(3)'s text rules); returns its width
 * in code points.  Errors are left in ferror(fp).
 */
size_t	pk_fput_display(FILE *fp, const char *s);
/* Write s as XML text or attribute value, always well-formed. */
void	pk_fput_xml(FILE *fp, const char *s);

#endif /* PK_OUT_ESCAPE_H */
