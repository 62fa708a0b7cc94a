#include "samtale/util.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOMAIN "samtale"

static enum sam_lang current = SAM_LANG_DA;
static bool applied;

/* gettext ignores $LANGUAGE while the messages' locale is C or POSIX:
 * there, C.UTF-8 (C but for the name) lets Danish be the default that SPEC
 * asks for. */
static void apply(void)
{
	const char *messages = setlocale(LC_MESSAGES, NULL);

	if (!applied) {
		bindtextdomain(DOMAIN, path_share_dir(SHARE_LOCALE));
		bind_textdomain_codeset(DOMAIN, "UTF-8");
		applied = true;
	}
	if (!messages || !strcmp(messages, "C") || !strcmp(messages, "POSIX"))
		if (!setlocale(LC_MESSAGES, "C.UTF-8"))
			setlocale(LC_MESSAGES, "C.utf8");
}

/* gettext finds the catalog by $LANGUAGE, set to the UI language only while
 * samtale looks up its own messages: the C library's (strerror) and those
 * of the programs samtale starts (the editor) follow the user's locale. */
static const char *lookup(const char *msgid, const char *plural, unsigned long n)
{
	const char *user = getenv("LANGUAGE");
	char *saved = user ? xstrdup(user) : NULL;
	const char *t;

	if (!applied)
		apply();
	setenv("LANGUAGE", sam_lang_code(), 1);
	t = plural ? dngettext(DOMAIN, msgid, plural, n) : dgettext(DOMAIN, msgid);
	if (saved)
		setenv("LANGUAGE", saved, 1);
	else
		unsetenv("LANGUAGE");
	free(saved);
	return t;
}

void sam_set_lang(enum sam_lang lang)
{
	current = lang;
	apply();
	/* gettext keeps what it found by the locale's name, not $LANGUAGE:
	 * naming the domain again tells it to look again. */
	textdomain(DOMAIN);
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

/* The language of a locale name or $LANGUAGE entry: "da_DK.UTF-8" is da. */
static bool lang_of_locale(const char *name, size_t n, enum sam_lang *out)
{
	char code[8];
	size_t len = strcspn(name, "_.@:");

	if (len > n)
		len = n;
	if (len == 0 || len >= sizeof(code))
		return false;
	memcpy(code, name, len);
	code[len] = '\0';
	return sam_lang_parse(code, out);
}

bool sam_lang_from_env(enum sam_lang *out)
{
	const char *own = getenv("SAMTALE_LANG"), *list = getenv("LANGUAGE");
	const char *locale_vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	if (!str_empty(own))
		return sam_lang_parse(own, out);
	for (const char *p = list; p && *p; p += strcspn(p, ":"), p += *p == ':')
		if (lang_of_locale(p, strcspn(p, ":"), out))
			return true;
	for (size_t i = 0; i < ARRAY_SIZE(locale_vars); i++) {
		const char *v = getenv(locale_vars[i]);

		if (!str_empty(v)) {
			if (!lang_of_locale(v, strlen(v), out))
				*out = SAM_LANG_DA;
			return true;
		}
	}
	*out = SAM_LANG_DA;
	return true;
}

const char *sam_gettext(const char *msgid)
{
	return lookup(msgid, NULL, 0);
}

const char *sam_pgettext(const char *ctx_msgid, const char *msgid)
{
	const char *t = sam_gettext(ctx_msgid);

	return t == ctx_msgid ? msgid : t;
}

const char *sam_pgettext_rt(const char *ctx, const char *msgid)
{
	char *key = xasprintf("%s\004%s", ctx, msgid);
	const char *t = sam_gettext(key);
	bool untranslated = t == key;

	free(key);
	return untranslated ? msgid : t;
}

const char *sam_ngettext(const char *one, const char *many, unsigned long n)
{
	return lookup(one, many, n);
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
