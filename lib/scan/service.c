/*
 * service.c - a port's service as nmap shows it, and whether its name
 * was detected or only guessed.
 *
 * nmap keeps the TLS tunnel apart from the name (<service name="http"
 * tunnel="ssl">, grepable "ssl|http") and joins them for people:
 * "ssl/http".  Every tool that prints a service name for people asks
 * here, so they all spell it the same way.
 */
#include <stdio.h>
#include <string.h>

#include "portkit.h"

const char *
pk_port_service(const struct pk_port *p, char *buf, size_t size)
{
	if (p->tunnel == NULL || p->tunnel[0] == '\0')
		return p->service;
	if (size == 0)
		return NULL;
	/* As ndiff joins them: a tunnel without a name stays "ssl". */
	(void)snprintf(buf, size, "%s%s%s", p->tunnel,
	    p->service != NULL ? "/" : "",
	    p->service != NULL ? p->service : "");
	return buf;
}

size_t
pk_port_service_len(const struct pk_port *p)
{
	size_t n = p->service != NULL ? strlen(p->service) : 0;

	if (p->tunnel != NULL && p->tunnel[0] != '\0')
		n += strlen(p->tunnel) + (p->service != NULL);
	return n;
}

/*
 * "-sV", "-sCV", "-A": a word of the nmap arguments that asks for
 * version detection.  "-s" takes scan-type letters, V among them.
 */
static int
version_word(const char *w, size_t n)
{
	size_t i;

	if (n == 2 && memcmp(w, "-A", 2) == 0)
		return 1;
	if (n < 3 || w[0] != '-' || w[1] != 's')
		return 0;
	for (i = 2; i < n; i++)
		if (w[i] < 'A' || w[i] > 'Z')
			return 0;
	return memchr(w + 2, 'V', n - 2) != NULL;
}

int
pk_scan_versions(const struct pk_scan *scan)
{
	const char *p, *w;

	if (scan == NULL || scan->args == NULL)
		return 0;
	for (p = scan->args; *p != '\0'; p = w) {
		while (*p == ' ')
			p++;
		for (w = p; *w != '\0' && *w != ' '; w++)
			continue;
		if (version_word(p, (size_t)(w - p)))
			return 1;
	}
	return 0;
}

int
pk_port_detected(const struct pk_port *p, int versions)
{
	if (p->service == NULL)
		return 0;
	if (p->method != NULL)
		return strcmp(p->method, "probed") == 0;
	/* Grepable and masscan output say nothing of the method. */
	if (p->product != NULL || p->version != NULL || p->extrainfo != NULL)
		return 1;
	/*
	 * A bare name: nmap probes open ports only, and marks with '?'
	 * (the reader makes it method "table") a name it fell back on.
	 */
	return versions && p->state != NULL && strcmp(p->state, "open") == 0;
}
