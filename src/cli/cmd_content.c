#include "samtale/content.h"
#include "samtale/cli.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * samtale content check|list|show
 */

#define SHOW_WIDTH 78

/* Refuses options and more than max operands; returns an exit status or -1
 * to go on. */
static int take_operands(int argc, char **argv, int max)
{
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error(tr("ukendt tilvalg '%s'", "unknown option '%s'"), argv[i]);
	if (argc - 1 > max)
		return cli_usage_error("%s", tr("for mange argumenter", "too many arguments"));
	return -1;
}

CLI_CMD(cmd_content_check)
{
	struct content_diags d = { 0 };
	const char *dir = argc > 1 ? argv[1] : ctx->content_dir;
	enum sam_status st;
	int rc = take_operands(argc, argv, 1);

	if (rc >= 0)
		return rc;
	st = content_check(dir, &d);
	content_diags_print(&d, stderr);
	if (st == SAM_OK) {
		printf("%s: %s\n", dir, tr("indholdet er i orden", "the content is valid"));
		rc = 0;
	} else {
		fprintf(stderr, tr("samtale: indholdet i %s har fejl (%zu)\n",
				   "samtale: the content in %s has errors (%zu)\n"), dir, d.nerrors);
		rc = 1;
	}
	content_diags_free(&d);
	return rc;
}

CLI_CMD(cmd_content_list)
{
	const struct content_guide *g = ctx->guide;
	int rc = take_operands(argc, argv, 0);

	if (rc >= 0)
		return rc;
	for (size_t i = 0; i < g->nsections; i++) {
		const struct content_section *s = &g->sections[i];

		printf("%s\t%s\n", s->id, s->title);
		for (size_t j = 0; j < s->nitems; j++)
			printf("%s\t%s\n", s->items[j].full_id, s->items[j].text);
	}
	for (size_t i = 0; i < g->nmeeting_types; i++)
		printf("%s\t%s\n", g->meeting_types[i].id, g->meeting_types[i].title);
	return 0;
}

static bool is_bullet(const char *line)
{
	return !strncmp(line, "• ", strlen("• ")) || !strncmp(line, "- ", 2);
}

/* Prints one line of text word-wrapped to SHOW_WIDTH columns, indented, a
 * bullet's continuation lines under its text. */
static void print_wrapped_line(char *line, int indent)
{
	int hang = indent + (is_bullet(line) ? 2 : 0);
	char *word, *save = NULL;
	size_t col = 0;

	for (word = strtok_r(line, " ", &save); word; word = strtok_r(NULL, " ", &save)) {
		size_t w = utf8_width(word);

		if (col && col + 1 + w > SHOW_WIDTH) {
			putchar('\n');
			col = 0;
		}
		if (!col)
			col = (size_t)printf("%*s", indent, "");
		else
			col += (size_t)printf(" ");
		fputs(word, stdout);
		col += w;
		indent = hang;
	}
	putchar('\n');
}

/* Prints text's lines wrapped, with a blank line between paragraphs; bullets
 * stay together with the paragraph they follow. */
static void print_wrapped(const char *text, int indent)
{
	const char *p = text;

	while (*p) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);

		if (p != text && !is_bullet(line))
			putchar('\n');
		print_wrapped_line(line, indent);
		free(line);
		p += len;
		if (*p == '\n')
			p++;
	}
}

static void print_item(const struct content_guide *g, const struct content_item *it)
{
	printf("\n- %s\n", it->full_id);
	print_wrapped(it->text, 2);
	printf("  %s: ", tr("Mødetyper", "Meeting types"));
	if (!it->meetings) {
		puts(tr("alle", "all"));
	} else {
		for (size_t i = 0; i < it->nmeetings; i++) {
			const struct content_meeting_type *mt = content_meeting_type_find(g, it->meetings[i]);

			printf("%s%s", i ? ", " : "", mt ? mt->title : it->meetings[i]);
		}
		putchar('\n');
	}
	if (it->help) {
		putchar('\n');
		print_wrapped(it->help, 4);
	}
}

static void show_section(const struct content_guide *g, const struct content_section *s)
{
	printf("%d. %s  (%s)\n\n%s:\n", s->number, s->title, s->id, tr("Hvorfor", "Why"));
	print_wrapped(s->why, 2);
	for (size_t i = 0; i < s->nitems; i++)
		print_item(g, &s->items[i]);
}

static void show_item(const struct content_guide *g, const struct content_item *it)
{
	printf("%d. %s  (%s)\n", it->section->number, it->section->title, it->section->id);
	print_item(g, it);
}

static void show_meeting_type(const struct content_guide *g, const struct content_meeting_type *mt)
{
	printf("%s  (%s)\n", mt->title, mt->id);
	if (mt->description)
		print_wrapped(mt->description, 2);
	printf("\n%s:\n", tr("Punkter", "Items"));
	for (size_t i = 0; i < g->nsections; i++)
		for (size_t j = 0; j < g->sections[i].nitems; j++) {
			const struct content_item *it = &g->sections[i].items[j];

			if (content_item_applies(it, mt->id)) {
				printf("- %s\n", it->full_id);
				print_wrapped(it->text, 2);
			}
		}
}

/* The id closest to a mistyped one: an item's full id for its bare id, else
 * the nearest of all ids. */
static const char *suggest_id(const struct content_guide *g, const char *id)
{
	const char **ids;
	const char *best = NULL;
	size_t n = 0, cap = g->nsections + g->nmeeting_types;

	for (size_t i = 0; i < g->nsections; i++)
		cap += g->sections[i].nitems;
	ids = xcalloc(cap, sizeof(*ids));
	for (size_t i = 0; i < g->nsections; i++) {
		ids[n++] = g->sections[i].id;
		for (size_t j = 0; j < g->sections[i].nitems; j++) {
			ids[n++] = g->sections[i].items[j].full_id;
			if (!best && !strcmp(g->sections[i].items[j].id, id))
				best = g->sections[i].items[j].full_id;
		}
	}
	for (size_t i = 0; i < g->nmeeting_types; i++)
		ids[n++] = g->meeting_types[i].id;
	if (!best)
		best = content_suggest(id, ids, n);
	free(ids);
	return best;
}

CLI_CMD(cmd_content_show)
{
	const struct content_guide *g = ctx->guide;
	const struct content_section *s;
	const struct content_item *it;
	const struct content_meeting_type *mt;
	const char *best;
	int rc = take_operands(argc, argv, 1);

	if (rc >= 0)
		return rc;
	if (argc < 2)
		return cli_usage_error("%s", tr("angiv et id; se 'samtale content list'",
						"give an id; see 'samtale content list'"));
	if ((s = content_section_find(g, argv[1])))
		show_section(g, s);
	else if ((it = content_item_find(g, argv[1])))
		show_item(g, it);
	else if ((mt = content_meeting_type_find(g, argv[1])))
		show_meeting_type(g, mt);
	else if ((best = suggest_id(g, argv[1])))
		return cli_fail(sam_error(tr("ukendt id '%s'; mente du '%s'?",
					     "unknown id '%s'; did you mean '%s'?"), argv[1], best));
	else
		return cli_fail(sam_error(tr("ukendt id '%s'; se 'samtale content list'",
					     "unknown id '%s'; see 'samtale content list'"), argv[1]));
	return 0;
}
