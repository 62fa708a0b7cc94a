#include "samtale/util.h"

#include <locale.h>
#include <string.h>
#include <wchar.h>

/* Overlongs, surrogates and values past U+10FFFF are not valid UTF-8. */
size_t utf8_decode(const char *str, size_t n, unsigned long *cp)
{
	const unsigned char *s = (const unsigned char *)str;
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

	return utf8_decode(s, n, &cp);
}

size_t utf8_encode(unsigned long cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			return 0;
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	if (cp < 0x110000) {
		out[0] = (char)(0xf0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		return 4;
	}
	return 0;
}

bool utf8_valid(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;

	while (i < n) {
		unsigned long cp;
		size_t len = utf8_decode(s + i, n - i, &cp);

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
int utf8_cp_width(unsigned long cp)
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
	size_t n = strlen(s), i = 0, cols = 0;

	while (i < n) {
		unsigned long cp;
		size_t len;

		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			cols++;	/* printable ASCII: one column, no decoding */
			i++;
			continue;
		}
		len = utf8_decode(s + i, n - i, &cp);
		if (!len) {		/* a stray byte shows as one replacement column */
			cols++;
			i++;
			continue;
		}
		cols += (size_t)utf8_cp_width(cp);
		i += len;
	}
	return cols;
}

size_t utf8_prefix_for_width(const char *s, size_t max_cols)
{
	size_t n = strlen(s), i = 0, cols = 0;

	while (i < n) {
		unsigned long cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		size_t w = len ? (size_t)utf8_cp_width(cp) : 1;

		if (!len)
			len = 1;
		if (cols + w > max_cols)
			break;
		cols += w;
		i += len;
	}
	return i;
}
