#include "proftext.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "samtale/util.h"

#define HEADING "## "

static const char *label(enum profile_field f)
{
	return _(profile_fields[f].label);
}

char *proftext_format(const struct case_rec *c)
{
	struct strbuf sb = { 0 };

	for (int f = 0; f < PROFILE_NFIELDS; f++) {
		const char *text = c->profile[f];

		strbuf_addf(&sb, "%s%s\n\n", HEADING, label(f));
		if (!str_empty(text))
			strbuf_addf(&sb, "%s\n\n", text);
	}
	return strbuf_detach(&sb);
}

/* The field line[0..n) is the heading of, in either language; -1 when it
 * is text. */
static int heading_of(const char *line, size_t n)
{
	size_t hn = strlen(HEADING);

	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r'))
		n--;
	if (n <= hn || strncmp(line, HEADING, hn))
		return -1;
	line += hn, n -= hn;
	while (n > 0 && *line == ' ')
		line++, n--;
	for (int f = 0; f < PROFILE_NFIELDS; f++) {
		const char *names[] = { _(profile_fields[f].label), profile_fields[f].label };

		for (size_t k = 0; k < ARRAY_SIZE(names); k++)
			if (strlen(names[k]) == n && !strncasecmp(line, names[k], n))
				return f;
	}
	return -1;
}

/* s without its leading blank lines and trailing white space; NULL when
 * nothing is left. */
static char *trimmed(const char *s, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			start = i + 1;
		else if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			break;
	}
	while (n > start && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return n > start ? xstrndup(s + start, n - start) : NULL;
}

/* Appends a block to *dst, a blank line between two. */
static void append_block(char **dst, char *block)
{
	char *joined;

	if (!block)
		return;
	if (!*dst || !**dst) {
		free(*dst);
		*dst = block;
		return;
	}
	joined = xasprintf("%s\n\n%s", *dst, block);
	free(*dst);
	free(block);
	*dst = joined;
}

void proftext_parse(const char *text, struct proftext *out)
{
	const char *line = text, *body = text;
	int cur = -1;
	bool seen[PROFILE_NFIELDS] = { false };

	memset(out, 0, sizeof(*out));
	out->first = -1;
	for (;;) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		int f = heading_of(line, n);

		if (f >= 0 || !nl) {
			const char *end = f >= 0 ? line : line + n;
			char *block = trimmed(body, (size_t)(end - body));

			append_block(cur >= 0 ? &out->field[cur] : &out->above, block);
		}
		if (f >= 0) {
			if (seen[f])
				out->repeated |= 1u << f;
			else if (!out->field[f])
				out->field[f] = xstrdup("");
			seen[f] = true;
			if (out->first < 0)
				out->first = f;
			cur = f;
			body = nl ? nl + 1 : line + n;
		}
		if (!nl)
			break;
		line = nl + 1;
	}
	for (int f = 0; f < PROFILE_NFIELDS; f++)
		if (!seen[f])
			out->missing |= 1u << f;
}

void proftext_free(struct proftext *p)
{
	for (int f = 0; f < PROFILE_NFIELDS; f++)
		free(p->field[f]);
	free(p->above);
	memset(p, 0, sizeof(*p));
}

bool proftext_clean(const struct proftext *p)
{
	return !p->above && !p->missing && !p->repeated;
}

/* "'Sprog'" or "'Sprog', 'Uddannelse'", of the fields in bits. */
static void add_labels(struct strbuf *sb, unsigned bits)
{
	bool any = false;

	for (int f = 0; f < PROFILE_NFIELDS; f++) {
		if (!(bits & (1u << f)))
			continue;
		strbuf_addf(sb, "%s'%s'", any ? ", " : "", label(f));
		any = true;
	}
}

static bool several(unsigned bits)
{
	return (bits & (bits - 1)) != 0;
}

enum profile_field proftext_above_target(const struct proftext *p)
{
	return p->first >= 0 ? (enum profile_field)p->first : PROFILE_QUALIFICATIONS;
}

char *proftext_problem(const struct proftext *p)
{
	struct strbuf sb = { 0 };

	strbuf_add(&sb, "", 0);
	if (p->above)
		strbuf_addf(&sb, "%s ", _("There is text above the first heading."));
	if (p->missing == (1u << PROFILE_NFIELDS) - 1) {
		strbuf_addf(&sb, "%s ", _("All the headings are gone."));
	} else if (p->missing) {
		strbuf_adds(&sb, several(p->missing) ? _("The headings ")
						     : _("The heading "));
		add_labels(&sb, p->missing);
		strbuf_addf(&sb, " %s ", several(p->missing) ? _("are gone.") : _("is gone."));
	}
	if (p->repeated) {
		strbuf_adds(&sb, several(p->repeated) ? _("The headings ")
						      : _("The heading "));
		add_labels(&sb, p->repeated);
		strbuf_addf(&sb, " %s ", _("appear more than once."));
	}
	if (sb.len)
		sb.buf[--sb.len] = '\0';
	return strbuf_detach(&sb);
}

void proftext_resolve(struct proftext *p)
{
	enum profile_field target = proftext_above_target(p);

	for (int f = 0; f < PROFILE_NFIELDS; f++)
		if (!p->field[f])
			p->field[f] = xstrdup("");
	if (p->above) {
		char *rest = p->field[target];

		p->field[target] = p->above;
		p->above = NULL;
		append_block(&p->field[target], *rest ? rest : NULL);
		if (!*rest)
			free(rest);
	}
	p->missing = 0;
	p->repeated = 0;
}
