#include "samtale/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
 * days_from_civil), so no date arithmetic depends on the time zone. */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

static unsigned days_in_month(long y, unsigned m)
{
	static const unsigned dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dim[m - 1];
}

bool date_to_days(const char *s, long *days)
{
	unsigned y, m, d;

	if (!s || strlen(s) != DATE_LEN || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < DATE_LEN; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	y = (unsigned)atoi(s);
	m = (unsigned)atoi(s + 5);
	d = (unsigned)atoi(s + 8);
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	if (days)
		*days = days_from_civil(y, m, d);
	return true;
}

bool date_valid(const char *s)
{
	return date_to_days(s, NULL);
}

bool time_valid(const char *s)
{
	static const char shape[] = "dd:dd";

	for (size_t i = 0; i < sizeof(shape); i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
			return false;
	return (s[0] - '0') * 10 + (s[1] - '0') < 24 && s[3] < '6';
}

void date_from_days(long days, sam_date out)
{
	long y;
	unsigned m, d;

	char buf[48];

	civil_from_days(days, &y, &m, &d);
	snprintf(buf, sizeof(buf), "%04ld-%02u-%02u", y, m, d);
	memcpy(out, buf, sizeof(sam_date) - 1);
	out[DATE_LEN] = '\0';
}

void date_today(sam_date out)
{
	const char *fixed = getenv("SAMTALE_TODAY");
	time_t now;
	struct tm tm;

	if (fixed && date_valid(fixed)) {
		memcpy(out, fixed, sizeof(sam_date));
		return;
	}
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(out, sizeof(sam_date), "%Y-%m-%d", &tm);
}

bool date_parse_user(const char *s, sam_date out)
{
	sam_date today;
	long base, n;
	char *end;

	while (s && isspace((unsigned char)*s))
		s++;
	if (!s || !*s)
		return false;
	if (date_valid(s)) {
		memcpy(out, s, sizeof(sam_date));
		return true;
	}
	date_today(today);
	date_to_days(today, &base);
	if (!strcasecmp(s, "i dag") || !strcasecmp(s, "today")) {
		n = 0;
	} else if (!strcasecmp(s, "i morgen") || !strcasecmp(s, "tomorrow")) {
		n = 1;
	} else if (*s == '+' && isdigit((unsigned char)s[1])) {
		n = strtol(s + 1, &end, 10);
		if (*end || n > 3660)
			return false;
	} else {
		return false;
	}
	date_from_days(base + n, out);
	return true;
}

long date_diff_days(const char *later, const char *earlier)
{
	long a = 0, b = 0;

	date_to_days(later, &a);
	date_to_days(earlier, &b);
	return a - b;
}
