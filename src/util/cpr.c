#include "samtale/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The CPR guard. A CPR number is typed in many ways: 010190-1234,
 * 010190 1234, 01.01.90-1234, 01 01 90 1234, with an en dash or a minus sign
 * from a word processor, a no-break space, a soft hyphen or a zero-width
 * space pasted in, a line break in the middle, or in full-width or
 * Arabic-Indic digits from a phone's keyboard. The text is read as digits
 * and the gaps between them; ten digits match when their gaps fall where a
 * CPR number has them and the first six are a date. Phone numbers
 * (12 34 56 78), dates, amounts (1.234.567,50), journal, account and EAN
 * numbers never have that shape.
 */

/* The digit zero of every decimal digit script people are likely to type
 * in (Unicode category Nd, ten digits in a row from each). */
static const unsigned long digit_zeros[] = {
	0x0030, 0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6,
	0x0c66, 0x0ce6, 0x0d66, 0x0de6, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0,
	0x1810, 0x1946, 0x19d0, 0xa8d0, 0xa900, 0xa9d0, 0xaa50, 0xabf0, 0xff10, 0x1d7ce,
	0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6,
};

enum unit { U_DIGIT, U_SPACE, U_LINE, U_DASH, U_DOT, U_INVISIBLE, U_OTHER };

struct range {
	unsigned long lo, hi;
};

static bool in(const struct range *r, size_t n, unsigned long cp)
{
	for (size_t i = 0; i < n; i++)
		if (cp >= r[i].lo && cp <= r[i].hi)
			return true;
	return false;
}

static enum unit classify(unsigned long cp, int *digit)
{
	static const struct range spaces[] = {
		{ 0x20, 0x20 }, { 0xa0, 0xa0 }, { 0x1680, 0x1680 }, { 0x2000, 0x200a },
		{ 0x202f, 0x202f }, { 0x205f, 0x205f }, { 0x3000, 0x3000 },
	};
	static const struct range lines[] = {
		{ 0x09, 0x0d }, { 0x85, 0x85 }, { 0x2028, 0x2029 },
	};
	static const struct range dashes[] = {
		{ '-', '-' }, { 0x058a, 0x058a }, { 0x2010, 0x2015 }, { 0x2043, 0x2043 },
		{ 0x2212, 0x2212 }, { 0xfe58, 0xfe58 }, { 0xfe63, 0xfe63 }, { 0xff0d, 0xff0d },
	};
	static const struct range dots[] = {
		{ '.', '.' }, { 0x2024, 0x2024 }, { 0xff0e, 0xff0e },
	};
	/* Characters that show as nothing: soft hyphen, zero-width and bidi
	 * marks, word joiner, variation selectors, the keycap of 1️⃣. */
	static const struct range invisible[] = {
		{ 0xad, 0xad }, { 0x034f, 0x034f }, { 0x061c, 0x061c }, { 0x180e, 0x180e },
		{ 0x200b, 0x200f }, { 0x202a, 0x202e }, { 0x2060, 0x2064 }, { 0x2066, 0x2069 },
		{ 0x20e3, 0x20e3 }, { 0xfe00, 0xfe0f }, { 0xfeff, 0xfeff },
	};

	for (size_t i = 0; i < ARRAY_SIZE(digit_zeros); i++)
		if (cp >= digit_zeros[i] && cp <= digit_zeros[i] + 9) {
			*digit = (int)(cp - digit_zeros[i]);
			return U_DIGIT;
		}
	if (in(spaces, ARRAY_SIZE(spaces), cp))
		return U_SPACE;
	if (in(lines, ARRAY_SIZE(lines), cp))
		return U_LINE;
	if (in(dashes, ARRAY_SIZE(dashes), cp))
		return U_DASH;
	if (in(dots, ARRAY_SIZE(dots), cp))
		return U_DOT;
	if (in(invisible, ARRAY_SIZE(invisible), cp))
		return U_INVISIBLE;
	return U_OTHER;
}

/* What stands between two digits. */
enum gap { G_NONE, G_SPACE, G_LINE, G_DASH, G_DOT, G_BREAK };

struct gap_count {
	unsigned spaces, lines, dashes, dots, other;
};

static enum gap gap_kind(const struct gap_count *g)
{
	if (g->other || g->dashes + g->dots > 1 || g->spaces > 3 || g->lines > 1)
		return G_BREAK;
	if (g->dashes)
		return G_DASH;
	if (g->dots)
		return g->lines ? G_BREAK : G_DOT;
	if (g->lines)
		return G_LINE;
	return g->spaces ? G_SPACE : G_NONE;
}

struct digit {
	size_t off, end;	/* bytes of the digit in the text */
	char value;		/* '0'..'9' */
	enum gap before;	/* between it and the digit before it */
};

/* The digits of text, each with the gap before it. Caller frees. */
static struct digit *read_digits(const char *text, size_t n, size_t *count)
{
	struct digit *v = NULL;
	struct gap_count g = { 0 };
	size_t cap = 0, i = 0;

	*count = 0;
	while (i < n) {
		unsigned long cp;
		size_t len = utf8_decode(text + i, n - i, &cp);
		int d = 0;
		enum unit u = len ? classify(cp, &d) : U_OTHER;

		len = len ? len : 1;
		switch (u) {
		case U_DIGIT:
			v = array_grow(v, *count, &cap, sizeof(*v));
			v[(*count)++] = (struct digit){ i, i + len, (char)('0' + d), gap_kind(&g) };
			memset(&g, 0, sizeof(g));
			break;
		case U_SPACE: g.spaces++; break;
		case U_LINE: g.lines++; break;
		case U_DASH: g.dashes++; break;
		case U_DOT: g.dots++; break;
		case U_INVISIBLE: break;
		case U_OTHER: g.other++; break;
		}
		i += len;
	}
	return v;
}

static bool date_ok(const char *p)
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

/* The gap before the first digit of a number, or after its last: anything
 * but a digit run going on (1234-0101901234 is an account number). */
static bool boundary(enum gap g)
{
	return g == G_BREAK || g == G_SPACE || g == G_LINE;
}

/* g[1..9] are the gaps inside ten digits. A line break (a wrapped line, a
 * tab) may stand once anywhere; the other gaps only where a CPR number has
 * them: after the date, and between day, month and year alike. */
static bool cpr_shape(const enum gap *g)
{
	bool split_date = g[2] == g[4] && (g[2] == G_DOT || g[2] == G_SPACE || g[2] == G_DASH);
	int stray_lines = 0;

	if (g[6] == G_DOT || g[6] == G_BREAK)
		return false;
	for (int p = 1; p <= 9; p++) {
		if (p == 6 || (split_date && (p == 2 || p == 4)) || g[p] == G_NONE)
			continue;
		if (g[p] != G_LINE || ++stray_lines > 1)
			return false;
	}
	return true;
}

bool cpr_find(const char *text, size_t *off, size_t *len)
{
	size_t n = text ? strlen(text) : 0, nd;
	struct digit *d = read_digits(text ? text : "", n, &nd);
	bool found = false;

	for (size_t i = 0; !found && i + 10 <= nd; i++) {
		enum gap g[10];
		char date[6];

		if ((i > 0 && !boundary(d[i].before)) || (i + 10 < nd && !boundary(d[i + 10].before)))
			continue;
		for (int p = 0; p < 10; p++)
			g[p] = d[i + (size_t)p].before;
		for (int p = 0; p < 6; p++)
			date[p] = d[i + (size_t)p].value;
		if (!cpr_shape(g) || !date_ok(date))
			continue;
		found = true;
		if (off)
			*off = d[i].off;
		if (len)
			*len = d[i + 9].end - d[i].off;
	}
	free(d);
	return found;
}
