/*
 * state.c - the XML reader's verdicts: where libxml2 is, recording the
 * first error of ours, and stopping the parser when it is safe to.
 */
#include <stdarg.h>
#include <stdio.h>

#include "nmap/nmap_impl.h"

unsigned long
pk_xml_line(const struct pk_xml_state *st)
{
	if (st->ctxt == NULL || st->ctxt->input == NULL)
		return st->line_base + 1;
	return st->line_base + (unsigned long)st->ctxt->input->line;
}

void
pk_xml_stop(struct pk_xml_state *st, int status, const char *fmt, ...)
{
	va_list ap;

	if (st->status != 0)
		return;
	st->status = status;
	st->stopped_at_end = st->terminating;
	st->err_line = pk_xml_line(st);
	va_start(ap, fmt);
	(void)vsnprintf(st->err_msg, sizeof(st->err_msg), fmt, ap);
	va_end(ap);
}

void
pk_xml_collect(struct pk_xml_state *st, int on)
{
	xmlSAXHandlerPtr sax = st->ctxt->sax;

	st->collecting = on;
	/* Both alike, or libxml2 asks of each run of blanks which it is. */
	sax->characters = on ? st->on_text : NULL;
	sax->ignorableWhitespace = sax->characters;
}

/*
 * xmlStopParser frees the input buffer that attribute values point
 * into, so a handler only records its verdict (pk_xml_stop) and the SAX
 * entry point halts the parser on its way out, when nothing reads those
 * values any more.
 */
void
pk_xml_halt(struct pk_xml_state *st)
{
	if (st->status != 0 && !st->halted && st->ctxt != NULL) {
		st->halted = 1;
		xmlStopParser(st->ctxt);
	}
}

