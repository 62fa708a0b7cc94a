#include "samtale/util.h"

#include <errno.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>

/*
 * The config file: key = value lines (INI, read with libinih), the user's
 * defaults. It holds settings, never personal data.
 */

/* Bigger than any config file a person writes; a line longer than
 * CONFIG_MAX_LINE is refused rather than cut. */
#define CONFIG_MAX_SIZE (64 * 1024)
#define CONFIG_MAX_LINE 1000

static const char *const key_names[CONFIG_N] = {
	[CONFIG_DB] = "db",
	[CONFIG_LANG] = "lang",
	[CONFIG_USER] = "user",
	[CONFIG_EDITOR] = "editor",
	[CONFIG_PRINTER] = "printer",
	[CONFIG_CONTACT_LINE] = "contact_line",
};

static char *values[CONFIG_N];
static char *loaded_from;

struct parse {
	const char *file;
	char *values[CONFIG_N];
	char *why;		/* what is wrong with the line that stopped the parse */
};

char *config_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = path_home_dir();

	if (!str_empty(xdg) && xdg[0] == '/')
		return xasprintf("%s/samtale/config", xdg);
	return home ? xasprintf("%s/.config/samtale/config", home) : NULL;
}

static int refuse(struct parse *p, char *why)
{
	p->why = why;
	return 0;
}

static char *known_keys(void)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < CONFIG_N; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", key_names[i]);
	return strbuf_detach(&sb);
}

/* The value of key k, if it may be that. */
static char *check_value(enum config_key k, const char *value)
{
	enum sam_lang lang;

	if (str_empty(value))
		return xasprintf(_("'%s' has no value"), key_names[k]);
	if (k == CONFIG_LANG && !sam_lang_parse(value, &lang))
		return xasprintf(_("unknown language '%s' (da or en)"), value);
	/* The contact line goes on her copy; no CPR number is the job centre's. */
	if (cpr_find(value, NULL, NULL))
		return xasprintf(_("'%s' looks like a CPR number, which has no place in the config file"),
				 key_names[k]);
	return NULL;
}

static int on_pair(void *arg, const char *section, const char *name, const char *value)
{
	struct parse *p = arg;
	char *why;

	if (*section)
		return refuse(p, xasprintf(_("'%s' is under [%s]; the file has no sections"), name, section));
	for (size_t k = 0; k < CONFIG_N; k++) {
		if (strcmp(name, key_names[k]))
			continue;
		if (p->values[k])
			return refuse(p, xasprintf(_("'%s' is set twice"), name));
		if ((why = check_value((enum config_key)k, value)))
			return refuse(p, why);
		p->values[k] = xstrdup(value);
		return 1;
	}
	why = known_keys();
	refuse(p, xasprintf(_("unknown key '%s' (known: %s)"), name, why));
	free(why);
	return 0;
}

/* What libinih would cut or read past: over-long lines, bytes that are not
 * UTF-8 and control characters. Line number of the first, or 0. */
static int check_lines(const char *text, size_t n, char **why)
{
	int line = 1;

	for (const char *s = text, *end = text + n; s < end; line++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s);

		if (len > CONFIG_MAX_LINE) {
			*why = xasprintf(_("the line is longer than %d bytes"),
					 CONFIG_MAX_LINE);
			return line;
		}
		if (text_control_find(s, len, TEXT_TAB | TEXT_CR, NULL, NULL)) {
			*why = xstrdup(_("the line holds a control character or is not UTF-8"));
			return line;
		}
		s += len + 1;
	}
	return 0;
}

/* The file's text; NULL with *missing when it is not there. */
static char *read_file(const char *path, bool *missing, enum sam_status *st)
{
	struct strbuf sb = { 0 };
	char buf[4096];
	size_t n;
	FILE *f = fopen(path, "r");

	*missing = !f && (errno == ENOENT || errno == ENOTDIR);
	*st = SAM_OK;
	if (!f) {
		if (!*missing)
			*st = sam_fail(SAM_ERR_IO, _("cannot read %s: %s"), path,
				       strerror(errno));
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && sb.len <= CONFIG_MAX_SIZE)
		strbuf_add(&sb, buf, n);
	if (ferror(f))
		*st = sam_fail(SAM_ERR_IO, _("cannot read %s: %s"), path,
			       strerror(errno));
	else if (sb.len > CONFIG_MAX_SIZE)
		*st = sam_fail(SAM_ERR_INVALID, _("%s is too big for a config file"), path);
	fclose(f);
	strbuf_addc(&sb, '\0');
	if (*st != SAM_OK)
		strbuf_free(&sb);
	return *st == SAM_OK ? strbuf_detach(&sb) : NULL;
}

enum sam_status config_load(const char *path)
{
	struct parse p = { .file = path };
	enum sam_status st;
	bool missing;
	char *text = read_file(path, &missing, &st);
	int line;

	if (!text)
		return st;
	if (!(line = check_lines(text, strlen(text), &p.why))) {
		/* A value is the rest of its line, ";" and "#" too: a phone
		 * line may hold them. Comments are lines of their own. */
		ini_allow_inline_comments = false;
		ini_allow_multiline = false;
		ini_stop_on_first_error = true;
		ini_max_line = CONFIG_MAX_LINE + 3;
		line = ini_parse_string(text, on_pair, &p);
	}
	free(text);
	if (line) {
		st = sam_fail(SAM_ERR_INVALID, "%s:%d: %s", path, line,
			      p.why ? p.why : _("not 'key = value'"));
		free(p.why);
		for (size_t k = 0; k < CONFIG_N; k++)
			free(p.values[k]);
		return st;
	}
	for (size_t k = 0; k < CONFIG_N; k++) {
		free(values[k]);
		values[k] = p.values[k];
	}
	free(loaded_from);
	loaded_from = xstrdup(path);
	return SAM_OK;
}

const char *config_get(enum config_key key)
{
	return values[key];
}

const char *config_file(void)
{
	return loaded_from;
}
