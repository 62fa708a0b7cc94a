#include "cmdtab.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * --help, made from the command table in the UI language
 */

#define HELP_WIDTH 79
/* Options whose left part is wider than this have their help right after it. */
#define HELP_COLUMN 30

struct wrap {
	FILE *out;
	size_t col, indent;
};

/* A space and word, or a new line indented when the word does not fit. */
static void wrap_word(void *arg, const char *word)
{
	struct wrap *w = arg;
	size_t n = utf8_width(word);

	/* A word too long for any line stays where it is. */
	if (w->col > w->indent && w->col + 1 + n > HELP_WIDTH && w->indent + n <= HELP_WIDTH) {
		fprintf(w->out, "\n%*s", (int)w->indent, "");
		w->col = w->indent;
	} else {
		fputc(' ', w->out);
		w->col++;
	}
	fputs(word, w->out);
	w->col += n;
}

/* The option as it is typed: "--all", "--format table|csv", "-o FILE";
 * in the list of options a long list of words is its name ("--by BY"). */
static char *opt_synopsis(const struct cli_opt *o, bool listed)
{
	const char *arg = o->values && !(listed && o->arg) ? o->values : o->arg;

	if (!strcmp(o->name, "output") && o->val == 'o')
		return xasprintf(listed ? "-o, --output %s" : "-o %s", o->arg);
	return arg ? xasprintf("--%s %s", o->name, arg) : xasprintf("--%s", o->name);
}

/* The words of a command's usage line after "samtale": words in brackets
 * stay together ("[--format F]" is never broken). */
static void usage_words(const struct cli_cmd *c, void (*emit)(void *arg, const char *word), void *arg)
{
	char *args = xstrdup(c->args), *save = NULL;

	emit(arg, c->group);
	if (c->name)
		emit(arg, c->name);
	for (char *a = strtok_r(args, " ", &save); a; a = strtok_r(NULL, " ", &save))
		emit(arg, a);
	free(args);
	for (const struct cli_opt *o = c->opts; o && o->name; o++) {
		char *syn = opt_synopsis(o, false), *word = o->required ? syn : xasprintf("[%s]", syn);

		emit(arg, word);
		if (word != syn)
			free(word);
		free(syn);
	}
}

/* Continued lines start under the first operand. */
void cli_print_cmd_usage(const struct cli_cmd *c, const char *lead, FILE *out)
{
	struct wrap w = { out, utf8_width(lead) + strlen("samtale"), 0 };

	w.indent = w.col + 1 + strlen(c->group) + 1 + (c->name ? strlen(c->name) + 1 : 0);
	fprintf(out, "%ssamtale", lead);
	usage_words(c, wrap_word, &w);
	fputc('\n', out);
}

static void emit_flat(void *arg, const char *word)
{
	strbuf_addf(arg, " %s", word);
}

char *cli_cmd_usage_text(const struct cli_cmd *c)
{
	struct strbuf sb = { 0 };

	strbuf_adds(&sb, "samtale");
	usage_words(c, emit_flat, &sb);
	return strbuf_detach(&sb);
}

static void print_options(const char *heading, const struct cli_opt *opts, FILE *out)
{
	size_t col = 0;

	for (const struct cli_opt *o = opts; o->name; o++) {
		char *syn = opt_synopsis(o, true);
		size_t n = utf8_width(syn);

		if (n > col && n <= HELP_COLUMN)
			col = n;
		free(syn);
	}
	fprintf(out, "\n%s:\n", heading);
	for (const struct cli_opt *o = opts; o->name; o++) {
		char *syn = opt_synopsis(o, true);

		fprintf(out, "  %-*s  %s", (int)col, syn, _(o->help));
		/* The words of "--by BY", which its name stands for. */
		if (o->arg && o->values) {
			fputs(":", out);
			for (const char *p = o->values; *p; p += strcspn(p, "|"), p += *p == '|')
				fprintf(out, "%s %.*s", p == o->values ? "" : ",", (int)strcspn(p, "|"), p);
		}
		fputc('\n', out);
		free(syn);
	}
}

static void print_man_pointer(FILE *out)
{
	fprintf(out, "\n%s\n", _("The whole manual: man samtale."));
}

/* A summary ("vis sager") as a sentence: "Vis sager." */
static void print_sentence(const char *summary, FILE *out)
{
	fprintf(out, "\n%c%s.\n", toupper((unsigned char)summary[0]), summary + 1);
}

void cli_print_cmd_help(const struct cli_cmd *c, FILE *out)
{
	cli_print_cmd_usage(c, _("Usage: "), out);
	print_sentence(_(c->summary), out);
	if (c->opts && c->opts->name)
		print_options(_("Options"), c->opts, out);
	print_options(_("Common options"), cli_common_opts, out);
	print_man_pointer(out);
}

static void print_commands(const char *group, FILE *out)
{
	for (size_t i = 0; i < cli_ncmds; i++) {
		const struct cli_cmd *c = &cli_cmds[i];

		if (!(c->needs & CLI_HIDDEN) && (!group || !strcmp(c->group, group))) {
			cli_print_cmd_usage(c, "  ", out);
			fprintf(out, "      %s\n", _(c->summary));
		}
	}
}

void cli_print_group_help(const char *group, FILE *out)
{
	fprintf(out, "%s:\n", _("Usage"));
	print_commands(group, out);
	print_man_pointer(out);
}

void cli_print_main_help(FILE *out)
{
	fprintf(out, "%s: samtale [OPTION...] [COMMAND]\n\n", _("Usage"));
	fprintf(out, "%s\n\n", _("Without a command, the conversation guide opens."));
	fprintf(out, "%s:\n", _("Commands"));
	print_commands(NULL, out);
	print_options(_("Common options (also after any command)"),
		      cli_common_opts, out);
	fprintf(out, "\n%s\n", _("Every command has --help, e.g. samtale report --help."));
	print_man_pointer(out);
}
