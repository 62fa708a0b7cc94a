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

/*
 * Dates as people type them
 */

static const char *const weekdays_da[] = { "mandag", "tirsdag", "onsdag", "torsdag", "fredag",
					   "lørdag", "søndag" };
/* As the UI says them; the Danish above are for reading what people type. */
static const char *const weekdays_en[] = {
	N_("Monday"), N_("Tuesday"), N_("Wednesday"),
	N_("Thursday"), N_("Friday"), N_("Saturday"),
	N_("Sunday"),
};
static const char *const months[] = {
	N_("January"), N_("February"), N_("March"),
	N_("April"), N_("May"), N_("June"), N_("July"),
	N_("August"), N_("September"), N_("October"),
	N_("November"), N_("December"),
};

/* Monday = 0: 1970-01-01 was a Thursday. */
static unsigned weekday_of(long days)
{
	return (unsigned)(((days % 7) + 7 + 3) % 7);
}

const char *date_weekday(const char *date)
{
	long days;

	if (!date_to_days(date, &days))
		return "";
	return _(weekdays_en[weekday_of(days)]);
}

/* What was typed, for a message: never something shaped like a CPR number. */
static const char *shown(const char *s)
{
	return cpr_find(s, NULL, NULL) ? "…" : s;
}

/* Reads 1 to max digits at *p; false when there are none. */
static bool digits(const char **p, int max, unsigned *out)
{
	int n = 0;

	*out = 0;
	while (n < max && isdigit((unsigned char)**p)) {
		*out = *out * 10 + (unsigned)(**p - '0');
		(*p)++;
		n++;
	}
	return n > 0;
}

/* A calendar day, or a message saying what is wrong with it. */
static enum sam_status civil(const char *typed, long y, unsigned m, unsigned d, long *days)
{
	if (y < 1900 || y > 9999)
		return sam_fail(SAM_ERR_INVALID, _("'%s' is not a date: the year needs four digits."),
				shown(typed));
	if (m < 1 || m > 12)
		return sam_fail(SAM_ERR_INVALID, _("'%s' is not a date: the month must be 1-12."),
				shown(typed));
	if (d < 1)
		return sam_fail(SAM_ERR_INVALID, _("'%s' is not a date: the day must be 1 or more."),
				shown(typed));
	if (d > days_in_month(y, m))
		return sam_fail(SAM_ERR_INVALID, _("'%s' is not a date: %s %ld has only %u days."),
				shown(typed), _(months[m - 1]), y,
				days_in_month(y, m));
	*days = days_from_civil(y, m, d);
	return SAM_OK;
}

static enum sam_status not_a_date(const char *typed)
{
	return sam_fail(SAM_ERR_INVALID,
			_("'%s' is not a date; write e.g. 31-12-2026, 31.12, +7, +2w, tomorrow or monday."),
			shown(typed));
}

/* YYYY-MM-DD, D-M-YYYY, D.M.YYYY, D/M/YYYY, or D.M, D/M, D-M without a
 * year: then the year that puts it on the side of today that when asks
 * for (this year otherwise). */
static enum sam_status numeric(const char *s, long today, enum date_when when, long *days)
{
	const char *p = s;
	unsigned a, b, c = 0;
	long y;
	char sep;
	enum sam_status st;

	if (!digits(&p, 4, &a))
		return not_a_date(s);
	sep = *p;
	if (sep != '-' && sep != '.' && sep != '/')
		return not_a_date(s);
	p++;
	if (p - s == 5) {	/* four digits first: YYYY-MM-DD */
		if (sep != '-' || !digits(&p, 2, &b) || *p++ != '-' || !digits(&p, 2, &c) || *p)
			return not_a_date(s);
		return civil(s, (long)a, b, c, days);
	}
	if (!digits(&p, 2, &b))
		return not_a_date(s);
	if (*p == sep && isdigit((unsigned char)p[1])) {
		p++;
		if (!digits(&p, 4, &c) || *p)
			return not_a_date(s);
		return civil(s, (long)c, b, a, days);
	}
	if (*p == sep && sep == '.')
		p++;	/* "31.12." */
	if (*p)
		return not_a_date(s);
	civil_from_days(today, &y, &c, &c);	/* only the year is wanted */
	if ((st = civil(s, y, b, a, days)) != SAM_OK)
		return st;
	if (when == DATE_NOT_PAST && *days < today)
		st = civil(s, y + 1, b, a, days);
	else if (when == DATE_NOT_FUTURE && *days > today)
		st = civil(s, y - 1, b, a, days);
	return st;
}

/* +N, -N days; +Nu (uger), +Nw (weeks). */
static enum sam_status relative(const char *s, long today, long *days)
{
	const char *p = s + 1;
	unsigned n;
	long step = 1;

	if (!digits(&p, 4, &n))
		return not_a_date(s);
	if (*p == 'u' || *p == 'w' || *p == 'U' || *p == 'W') {
		step = 7;
		p++;
	} else if (*p == 'd' || *p == 'D') {
		p++;
	}
	if (*p || (long)n * step > 3660)
		return not_a_date(s);
	*days = today + (*s == '-' ? -1 : 1) * (long)n * step;
	return SAM_OK;
}

/* s (folded) is the Danish word a or the English b or c (any case). */
static bool word_is(const char *s, const char *a, const char *b, const char *c)
{
	return !strcmp(s, a) || !strcasecmp(s, b) || (c && !strcasecmp(s, c));
}

/* The day of a word ("i morgen", "mandag"), or false when s is none. */
static bool word(const char *s, long today, enum date_when when, long *days)
{
	if (word_is(s, "i dag", "idag", "today"))
		*days = today;
	else if (word_is(s, "i morgen", "imorgen", "tomorrow"))
		*days = today + 1;
	else if (word_is(s, "i går", "igår", "yesterday"))
		*days = today - 1;
	else {
		for (unsigned w = 0; w < 7; w++) {
			if (!word_is(s, weekdays_da[w], weekdays_en[w], NULL))
				continue;
			/* the next one; for a day that has been, the last one */
			if (when == DATE_NOT_FUTURE)
				*days = today - 1 - (long)((weekday_of(today) + 6 - w) % 7);
			else
				*days = today + 1 + (long)((w + 6 - weekday_of(today)) % 7);
			return true;
		}
		return false;
	}
	return true;
}

/* "'+7' (2026-03-08) is before today", the date in brackets only when it
 * was typed otherwise. */
static enum sam_status wrong_side(const char *typed, const char *date, const char *why)
{
	if (!strcmp(typed, date))
		return sam_fail(SAM_ERR_INVALID, "%s %s", date, why);
	return sam_fail(SAM_ERR_INVALID, "'%s' (%s) %s", shown(typed), date, why);
}

enum sam_status date_parse(const char *typed, enum date_when when, sam_date out)
{
	sam_date today_s;
	long today, days;
	char *s;
	size_t n;
	enum sam_status st = SAM_OK;

	while (typed && isspace((unsigned char)*typed))
		typed++;
	if (!typed || !*typed)
		return sam_fail(SAM_ERR_INVALID, "%s", _("The date is missing."));
	s = str_fold(typed);
	for (n = strlen(s); n > 0 && isspace((unsigned char)s[n - 1]);)
		s[--n] = '\0';
	date_today(today_s);
	date_to_days(today_s, &today);
	if (*s == '+' || *s == '-')
		st = relative(s, today, &days);
	else if (!word(s, today, when, &days))
		st = numeric(s, today, when, &days);
	free(s);
	if (st != SAM_OK)
		return st;
	date_from_days(days, out);
	if (when == DATE_NOT_PAST && days < today)
		return wrong_side(typed, out, _("is before today; the date must be today or later."));
	if (when == DATE_NOT_FUTURE && days > today)
		return wrong_side(typed, out, _("is in the future; the date can be today at the latest."));
	return SAM_OK;
}

long date_diff_days(const char *later, const char *earlier)
{
	long a = 0, b = 0;

	date_to_days(later, &a);
	date_to_days(earlier, &b);
	return a - b;
}
