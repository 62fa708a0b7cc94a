#include "samtale/content.h"
#include "samtale/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/exchange.h"
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
			return cli_usage_error(_("unknown option '%s'"), argv[i]);
	if (argc - 1 > max)
		return cli_usage_error("%s", _("too many arguments"));
	return -1;
}

/*
 * The ids held meetings use, from the database when there is one
 */

/* The database at hand: --db or $SAMTALE_DB, or the default one when it
 * exists. *have is false when there is none; else the return is an exit
 * status, 0 when u holds the ids in use. */
static int read_uses(struct cli_ctx *ctx, struct ids_in_use *u, bool *have)
{
	enum sam_status st;
	int rc;

	memset(u, 0, sizeof(*u));
	*have = cli_db_exists(ctx);
	if (!*have)
		return 0;
	if ((rc = cli_open_store(ctx, NEED_DB_READONLY)))
		return rc;
	if ((st = exchange_ids_in_use(ctx->store, 0, u)) != SAM_OK)
		return cli_fail(st);
	return 0;
}

CLI_CMD(cmd_content_check)
{
	struct content_diags d = { 0 };
	const char *dir = argc > 1 ? argv[1] : ctx->content_dir;
	enum sam_status st;
	struct ids_in_use uses;
	bool have_db;
	int rc = take_operands(argc, argv, 1);

	if (rc >= 0 || (rc = read_uses(ctx, &uses, &have_db)))
		return rc;
	st = content_check_uses(dir, have_db ? &uses.view : NULL, &d);
	exchange_ids_in_use_free(&uses);
	content_diags_print(&d, stderr);
	if (st == SAM_OK) {
		printf("%s: %s\n", dir, _("the content is valid"));
		rc = 0;
	} else {
		fprintf(stderr, _("samtale: the content in %s has errors (%zu)\n"), dir, d.nerrors);
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
	printf("  %s: ", _("Meeting types"));
	if (!it->meetings) {
		puts(_("all"));
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
	printf("%d. %s  (%s)\n\n%s:\n", s->number, s->title, s->id, _("Why"));
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
	printf("\n%s:\n", _("Items"));
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
		return cli_usage_error("%s", _("give an id; see 'samtale content list'"));
	if ((s = content_section_find(g, argv[1])))
		show_section(g, s);
	else if ((it = content_item_find(g, argv[1])))
		show_item(g, it);
	else if ((mt = content_meeting_type_find(g, argv[1])))
		show_meeting_type(g, mt);
	else if ((best = suggest_id(g, argv[1])))
		return cli_fail(sam_error(_("unknown id '%s'; did you mean '%s'?"), argv[1], best));
	else
		return cli_fail(sam_error(_("unknown id '%s'; see 'samtale content list'"), argv[1]));
	return 0;
}

/*
 * samtale content diff OLD NEW
 */

static const char *change_word(enum content_change_kind k)
{
	switch (k) {
	case CHANGE_REMOVED: return _("removed");
	case CHANGE_ADDED: return _("added");
	case CHANGE_REWORDED: return _("reworded");
	case CHANGE_MEETINGS: return _("meeting types");
	case CHANGE_KIND: return _("kind");
	case CHANGE_ORDER: return _("section order");
	}
	return "";
}

/* The machine's word for a change, the same in every UI language. */
static const char *change_key(enum content_change_kind k)
{
	static const char *const keys[] = {
		[CHANGE_REMOVED] = "removed", [CHANGE_ADDED] = "added", [CHANGE_REWORDED] = "reworded",
		[CHANGE_MEETINGS] = "meetings", [CHANGE_KIND] = "kind", [CHANGE_ORDER] = "order",
	};

	return keys[k];
}

/* How many held meetings use the change's id; -1 without a database. */
static long long meetings_using(const struct content_change *ch, const struct ids_in_use *u, bool have)
{
	const struct content_use *v = ch->section ? u->sections : u->items;
	size_t n = ch->section ? u->view.nsections : u->view.nitems;

	if (!have || !ch->id)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].id, ch->id))
			return v[i].meetings;
	return 0;
}

/* A change's before or after, as the table shows it. */
static const char *shown_value(const struct content_change *ch, const char *v)
{
	if (ch->kind == CHANGE_KIND)
		return !strcmp(v, content_kind_name(CONTENT_REFLECTION)) ? _("reflection")
									 : _("action");
	return *v ? v : _("all");
}

static void print_change(const struct content_change *ch, long long meetings)
{
	if (ch->kind == CHANGE_REMOVED)
		printf("%s: ", _("error"));
	printf("%s", change_word(ch->kind));
	if (ch->id)
		printf(" %s%s", ch->section ? _("section ") : "", ch->id);
	if (ch->lang)
		printf(" [%s]", ch->lang);
	if (ch->kind == CHANGE_MEETINGS || ch->kind == CHANGE_KIND || ch->kind == CHANGE_ORDER)
		printf(": %s → %s", shown_value(ch, ch->before),
		       shown_value(ch, ch->after));
	if (meetings >= 0)
		printf(sam_ngettext(" (%lld meeting)", " (%lld meetings)", (unsigned long)meetings),
		       meetings);
	if (ch->kind == CHANGE_REMOVED)
		printf(" – %s", _("an id must never vanish once it is used"));
	putchar('\n');
	if (ch->kind == CHANGE_REWORDED) {
		printf(_("  before: %s\n"), ch->before);
		printf(_("  after:  %s\n"), ch->after);
	}
}

static void print_changes_table(const struct content_changes *c, const struct ids_in_use *u, bool have)
{
	for (size_t i = 0; i < c->n; i++)
		print_change(&c->v[i], meetings_using(&c->v[i], u, have));
	if (!c->n)
		puts(_("No changes."));
	else if (have)
		puts(_("Meetings already held keep the wording they were held with; the report counts by id."));
}

static void print_changes_data(const struct content_changes *c, const struct ids_in_use *u, bool have,
			       enum cli_format format)
{
	struct cli_table *t = cli_table_new();
	static const char *const cols[] = { "change", "id", "section", "lang", "before", "after" };

	for (size_t i = 0; i < ARRAY_SIZE(cols); i++)
		cli_table_col(t, cols[i], COL_TEXT);
	cli_table_col(t, "meetings", COL_NUMBER);
	cli_table_col(t, "error", COL_TEXT);
	for (size_t i = 0; i < c->n; i++) {
		const struct content_change *ch = &c->v[i];
		long long m = meetings_using(ch, u, have);

		cli_table_row(t);
		cli_table_cell(t, change_key(ch->kind));
		cli_table_cell(t, ch->id);
		cli_table_cell(t, ch->section ? "yes" : "no");
		cli_table_cell(t, ch->lang);
		cli_table_cell(t, ch->before);
		cli_table_cell(t, ch->after);
		if (m >= 0)
			cli_table_cellf(t, "%lld", m);
		else
			cli_table_cell(t, NULL);
		cli_table_cell(t, ch->kind == CHANGE_REMOVED ? "yes" : "no");
	}
	cli_table_print(t, format, stdout);
	cli_table_free(t);
}

CLI_CMD(cmd_content_diff)
{
	enum cli_format format = FORMAT_TABLE;
	struct content_diags d = { 0 };
	struct content_changes changes;
	struct ids_in_use uses = { 0 };
	bool have_db = false;
	enum sam_status st;
	int c, rc = 0;

	while (!rc && (c = cli_next_opt(ctx, argc, argv, &rc)) != -1)
		if (c == 'F' && !cli_format_parse(optarg, &format))
			rc = cli_usage_error(_("unknown format '%s' (table, csv or json)"), optarg);
	if (rc)
		return rc;
	if (argc - optind != 2)
		return cli_usage_error("%s", _("give two content folders: the old and the new"));
	st = content_diff(argv[optind], argv[optind + 1], &changes, &d);
	content_diags_print(&d, stderr);
	content_diags_free(&d);
	if (st != SAM_OK)
		return cli_fail(sam_error("%s", _("the content cannot be compared; fix the errors above")));
	if ((rc = read_uses(ctx, &uses, &have_db)) == 0) {
		if (format == FORMAT_TABLE)
			print_changes_table(&changes, &uses, have_db);
		else
			print_changes_data(&changes, &uses, have_db, format);
		if (changes.nerrors)
			rc = cli_fail(sam_error(sam_ngettext("An id has vanished; an id in use must never change.",
							     "%zu ids have vanished; an id in use must never change.",
							     changes.nerrors),
						changes.nerrors));
	}
	exchange_ids_in_use_free(&uses);
	content_changes_free(&changes);
	return rc;
}
