#include "samtale/util.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bool cpr_date_ok(const char *p)
{
	unsigned dd = (unsigned)(p[0] - '0') * 10 + (unsigned)(p[1] - '0');
	unsigned mm = (unsigned)(p[2] - '0') * 10 + (unsigned)(p[3] - '0');
	unsigned yy = (unsigned)(p[4] - '0') * 10 + (unsigned)(p[5] - '0');
	char iso[32];

	/* The century is unknown; 2000 is a leap year, so 29 February of every
	 * two-digit year that is a leap year in some century passes. */
	snprintf(iso, sizeof(iso), "%04u-%02u-%02u", 2000 + yy, mm, dd);
	return date_valid(iso);
}

static bool digits(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)p[i]))
			return false;
	return true;
}

bool cpr_find(const char *text, size_t *off, size_t *len)
{
	size_t n = text ? strlen(text) : 0;

	for (size_t i = 0; i + 10 <= n; i++) {
		size_t l;

		/* Only whole numbers: a CPR number is not part of a longer digit run. */
		if (i > 0 && isdigit((unsigned char)text[i - 1]))
			continue;
		if (!digits(text + i, 6) || !cpr_date_ok(text + i))
			continue;
		if (text[i + 6] == '-' && i + 11 <= n && digits(text + i + 7, 4))
			l = 11;
		else if (digits(text + i + 6, 4))
			l = 10;
		else
			continue;
		if (i + l < n && isdigit((unsigned char)text[i + l]))
			continue;
		if (off)
			*off = i;
		if (len)
			*len = l;
		return true;
	}
	return false;
}
