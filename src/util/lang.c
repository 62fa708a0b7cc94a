#include "samtale/util.h"

#include <stdio.h>
#include <string.h>

static enum sam_lang current = SAM_LANG_DA;

void sam_set_lang(enum sam_lang lang)
{
	current = lang;
}

enum sam_lang sam_lang(void)
{
	return current;
}

const char *sam_lang_code(void)
{
	return current == SAM_LANG_EN ? "en" : "da";
}

bool sam_lang_parse(const char *code, enum sam_lang *out)
{
	if (!strcmp(code, "da"))
		*out = SAM_LANG_DA;
	else if (!strcmp(code, "en"))
		*out = SAM_LANG_EN;
	else
		return false;
	return true;
}

const char *tr(const char *da, const char *en)
{
	return current == SAM_LANG_EN ? en : da;
}

const char *num_text(const char *number, char buf[PCT_TEXT_LEN])
{
	const char *dot = strchr(number, '.');

	if (current == SAM_LANG_EN || !dot || strlen(number) >= PCT_TEXT_LEN)
		return number;
	snprintf(buf, PCT_TEXT_LEN, "%.*s,%s", (int)(dot - number), number, dot + 1);
	return buf;
}

const char *pct_text(int tenths, char buf[PCT_TEXT_LEN])
{
	const char *sign = tenths < 0 ? "-" : "";
	int t = tenths < 0 ? -tenths : tenths;

	snprintf(buf, PCT_TEXT_LEN, current == SAM_LANG_EN ? "%s%d.%d%%" : "%s%d,%d %%", sign,
		 t / 10, t % 10);
	return buf;
}
