#include "samtale/util.h"

#include <locale.h>
#include <string.h>
#include <wchar.h>

/* Decodes one code point; returns its length, or 0 when s is not valid UTF-8
 * there (overlongs, surrogates and values past U+10FFFF included). */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
	static const unsigned long min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t len;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0)
		len = 2, *cp = s[0] & 0x1f;
	else if ((s[0] & 0xf0) == 0xe0)
		len = 3, *cp = s[0] & 0x0f;
	else if ((s[0] & 0xf8) == 0xf0)
		len = 4, *cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if (*cp < min[len] || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return len;
}

size_t utf8_char_len(const char *s, size_t n)
{
	unsigned long cp;

	return utf8_decode((const unsigned char *)s, n, &cp);
}

bool utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned long cp;
		size_t len = utf8_decode(p + i, n - i, &cp);

		if (!len) {
			if (bad)
				*bad = i;
			return false;
		}
		i += len;
	}
	return true;
}

/* Widths follow the C.UTF-8 character tables whatever the user's locale, so
 * that reports align the same everywhere. */
static int codepoint_width(unsigned long cp)
{
	static locale_t utf8_locale;
	locale_t old;
	int w;

	if (cp < 0x80)
		return cp >= 0x20 && cp != 0x7f ? 1 : 0;
	if (!utf8_locale)
		utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	if (!utf8_locale)
		return 1;
	old = uselocale(utf8_locale);
	w = wcwidth((wchar_t)cp);
	uselocale(old);
	return w < 0 ? 1 : w;
}

size_t utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, cols = 0;

	while (i < n) {
		unsigned long cp;
		size_t len = utf8_decode(p + i, n - i, &cp);

		if (!len) {		/* a stray byte shows as one replacement column */
			cols++;
			i++;
			continue;
		}
		cols += (size_t)codepoint_width(cp);
		i += len;
	}
	return cols;
}

size_t utf8_prefix_for_width(const char *s, size_t max_cols)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, cols = 0;

	while (i < n) {
		unsigned long cp;
		size_t len = utf8_decode(p + i, n - i, &cp);
		size_t w = len ? (size_t)codepoint_width(cp) : 1;

		if (!len)
			len = 1;
		if (cols + w > max_cols)
			break;
		cols += w;
		i += len;
	}
	return i;
}
