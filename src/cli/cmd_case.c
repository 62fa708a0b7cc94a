#include "samtale/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/exchange.h"
#include "samtale/util.h"

static const char *one_ref(int argc, char **argv, int *rc)
{
	return cli_one_arg(argc, argv, _("give a journal number"), rc);
}

/*
 * samtale case add REF [--initials XX]
 */

CLI_CMD(cmd_case_add)
{
	const char *initials = NULL, *ref;
	enum sam_status st;
	int c, rc = 0;

	while ((c = cli_next_opt(ctx, argc, argv, &rc)) != -1)
		if (c == 'i')
			initials = optarg;
	if (rc || !(ref = one_ref(argc, argv, &rc)))
		return rc;
	if ((st = store_case_add(ctx->store, ref, initials, NULL, NULL)) != SAM_OK)
		return cli_fail(st);
	printf(_("Case %s added.\n"), ref);
	return 0;
}

/* The case list's own headings ("seneste samtale"), apart from the report's. */
static void column(struct cli_table *t, enum cli_format f, const char *field, enum cli_col_kind kind)
{
	cli_table_column_in(t, f, "case list column", field, kind);
}

/*
 * samtale case list [--all] [--format F]
 */

/* Column names are fixed in CSV and JSON (another program reads them) and
 * in the language of the user interface in a table. */
CLI_CMD(cmd_case_list)
{
	enum cli_format format = FORMAT_TABLE;
	const char *output = NULL;
	struct case_list l;
	struct cli_table *t;
	enum sam_status st;
	bool all = false;
	int c, rc = 0;

	while (!rc && (c = cli_next_opt(ctx, argc, argv, &rc)) != -1) {
		if (c == 'a')
			all = true;
		else if (c == 'f')
			rc = cli_parse_format(optarg, &format);
		else if (c == 'o')
			output = optarg;
	}
	if (rc || (rc = cli_no_more_args(argc, argv)))
		return rc;
	if ((st = store_case_list(ctx->store, NULL, all, &l)) != SAM_OK)
		return cli_fail(st);
	t = cli_table_new_sheet(_("Cases"));
	column(t, format, NC_("case list column", "ref"), COL_KEY);
	column(t, format, NC_("case list column", "initials"), COL_TEXT);
	column(t, format, NC_("case list column", "caseworker"), COL_TEXT);
	column(t, format, NC_("case list column", "opened"), COL_KEY);
	if (all)
		column(t, format, NC_("case list column", "closed"), COL_KEY);
	column(t, format, NC_("case list column", "last_meeting"), COL_KEY);
	column(t, format, NC_("case list column", "followups_open"), COL_NUMBER);
	column(t, format, NC_("case list column", "followups_overdue"), COL_NUMBER);
	for (size_t i = 0; i < l.n; i++) {
		const struct case_rec *r = &l.v[i];

		cli_table_row(t);
		cli_table_cell(t, r->ref);
		cli_table_cell(t, r->initials);
		cli_table_cell(t, r->caseworker);
		cli_table_cell(t, r->opened);
		if (all)
			cli_table_cell(t, r->closed);
		cli_table_cell(t, r->last_meeting);
		cli_table_cellf(t, "%d", r->followups_open);
		cli_table_cellf(t, "%d", r->followups_overdue);
	}
	rc = cli_output(&t, 1, format, output);
	cli_table_free(t);
	case_list_free(&l);
	return rc;
}

/*
 * samtale case show REF
 */

static const char *section_title(const struct content_guide *g, const char *id)
{
	const struct content_section *s = g ? content_section_find(g, id) : NULL;

	return s ? s->title : id;
}

static const char *type_title(const struct content_guide *g, const char *id)
{
	const struct content_meeting_type *m = g ? content_meeting_type_find(g, id) : NULL;

	return m ? m->title : id;
}

#define TEXT_COLUMNS 78

/* One line of text, wrapped at spaces to fit TEXT_COLUMNS after indent. */
static void print_wrapped(const char *line, size_t len, const char *indent)
{
	size_t room = TEXT_COLUMNS - strlen(indent);
	char *rest = xstrndup(line, len), *p = rest;

	do {
		size_t n = utf8_prefix_for_width(p, room);

		if (!n)		/* nothing fits: print the rest as it is */
			n = strlen(p);
		if (p[n]) {
			size_t cut = n;

			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut > 0)
				n = cut;
		}
		printf("%s%.*s\n", indent, (int)n, p);
		p += n;
		while (*p == ' ')
			p++;
	} while (*p);
	free(rest);
}

/* Multi-line text indented under its heading. */
static void print_block(const char *label, const char *text, const char *indent)
{
	char *inner = xasprintf("%s  ", indent);

	printf("%s%s:", indent, label);
	if (str_empty(text)) {
		printf(" -\n");
		free(inner);
		return;
	}
	printf("\n");
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");

		print_wrapped(p, n, inner);
		p += n + (p[n] == '\n');
	}
	free(inner);
}

static void print_profile(const struct case_rec *c)
{
	printf("\n%s\n", _("Her profile (in her words)"));
	for (int f = 0; f < PROFILE_NFIELDS; f++)
		print_block(_(profile_fields[f].label), c->profile[f],
			    "  ");
}

static enum sam_status print_meeting(struct cli_ctx *ctx, const struct meeting_rec *m)
{
	struct section_progress *p;
	size_t n;
	enum sam_status st = store_meeting_progress(ctx->store, m->id, &p, &n);

	if (st != SAM_OK)
		return st;
	printf("  %s  %s  (%s)", m->date, type_title(ctx->guide, m->type), m->caseworker);
	if (m->interpreter)
		printf("  %s: %s", _("interpreter"), m->interpreter);
	printf("\n");
	for (size_t i = 0; i < n; i++) {
		printf("    %s: %d/%d %s", section_title(ctx->guide, p[i].section_id), p[i].done,
		       p[i].done + p[i].open, _("done"));
		if (p[i].not_relevant)
			printf(_(" (%d not relevant)"), p[i].not_relevant);
		printf("\n");
	}
	section_progress_free(p, n);
	if (m->note)
		print_block(_("Note"), m->note, "    ");
	if (m->agreed)
		print_block(_("Agreed"), m->agreed, "    ");
	return SAM_OK;
}

/* In the wording of the meeting that left each item open, not today's. */
static enum sam_status print_left_open(struct cli_ctx *ctx, const struct case_rec *c)
{
	struct left_open_list l;
	enum sam_status st = store_items_left_open(ctx->store, c->id, &l);

	if (st == SAM_OK)
		exchange_left_open_actions(&l, ctx->guide);
	if (st != SAM_OK || !l.n) {
		left_open_list_free(&l);
		return st;
	}
	printf("\n%s\n", _("Items left open last time"));
	for (size_t i = 0; i < l.n; i++) {
		const struct meeting_item *it = &l.v[i].item;

		printf("  %s  %s  (%s)\n", it->item_id, it->text, l.v[i].date);
		if (it->note)
			print_block(_("Note"), it->note, "    ");
	}
	left_open_list_free(&l);
	return SAM_OK;
}

static enum sam_status print_followups(struct cli_ctx *ctx, const struct case_rec *c)
{
	struct followup_query q = { .case_id = c->id };
	struct followup_list l;
	sam_date today;
	enum sam_status st = store_followup_list(ctx->store, &q, &l);

	if (st != SAM_OK)
		return st;
	date_today(today);
	printf("\n%s\n", _("Open follow-ups"));
	if (!l.n)
		printf("  -\n");
	for (size_t i = 0; i < l.n; i++)
		printf("  %s  %s  (%s)%s\n", l.v[i].due, l.v[i].text, l.v[i].assignee,
		       strcmp(l.v[i].due, today) < 0 ? _("  overdue") : "");
	followup_list_free(&l);
	return SAM_OK;
}

/* One line each, oldest first, her goal under it; nothing when she has had none. */
static enum sam_status print_internships(struct cli_ctx *ctx, const struct case_rec *c)
{
	struct internship_query q = { .case_id = c->id };
	struct internship_list l;
	enum sam_status st = store_internship_list(ctx->store, &q, &l);

	if (st != SAM_OK)
		return st;
	if (l.n)
		printf("\n%s\n", _("Internships"));
	for (size_t i = 0; i < l.n; i++) {
		const struct internship_rec *in = &l.v[i];
		const struct store_word *job = &job_possible_words[in->job_possible];
		const struct store_word *out = &outcome_words[in->outcome];

		printf("  %lld  %s – %s  %s%s%s%s  %s: %s  %s%s%s\n", (long long)in->id, in->from,
		       in->ended ? in->ended : in->planned_to ? in->planned_to : "?", in->workplace,
		       in->field ? " (" : "", in->field ? in->field : "", in->field ? ")" : "",
		       _("job possible"), _(job->text), _(out->text),
		       in->ended ? " " : "", in->ended ? in->ended : "");
		if (in->contact)
			printf("      %s: %s\n", _("Contact"), in->contact);
		if (in->goal)
			print_block(_("Her goal"), in->goal, "      ");
		if (in->outcome_reason)
			print_block(_("Reason"), in->outcome_reason, "      ");
	}
	internship_list_free(&l);
	return SAM_OK;
}

static enum sam_status show_case(struct cli_ctx *ctx, const struct case_rec *c)
{
	struct meeting_list ml;
	enum sam_status st;

	printf("%s %s%s%s%s\n", _("Case"), c->ref, c->initials ? " (" : "",
	       c->initials ? c->initials : "", c->initials ? ")" : "");
	printf("%s: %s\n", _("Caseworker"), c->caseworker);
	printf("%s: %s\n", _("Opened"), c->opened);
	if (c->closed)
		printf("%s: %s\n", _("Closed"), c->closed);
	print_profile(c);
	if ((st = print_internships(ctx, c)) != SAM_OK ||
	    (st = store_meeting_list(ctx->store, c->id, &ml)) != SAM_OK)
		return st;
	printf("\n%s\n", _("Meetings"));
	if (!ml.n)
		printf("  -\n");
	for (size_t i = 0; i < ml.n && st == SAM_OK; i++) {
		struct meeting_rec m;

		if ((st = store_meeting_get(ctx->store, ml.v[i].id, &m)) == SAM_OK) {
			st = print_meeting(ctx, &m);
			meeting_rec_free(&m);
		}
	}
	meeting_list_free(&ml);
	if (st == SAM_OK)
		st = print_left_open(ctx, c);
	if (st == SAM_OK)
		st = print_followups(ctx, c);
	return st;
}

CLI_CMD(cmd_case_show)
{
	struct case_rec c;
	const char *ref;
	enum sam_status st;
	int rc = 0;

	while (cli_next_opt(ctx, argc, argv, &rc) != -1)
		;
	if (rc || !(ref = one_ref(argc, argv, &rc)))
		return rc;
	if ((st = store_case_get(ctx->store, ref, &c)) != SAM_OK)
		return cli_fail(st);
	st = show_case(ctx, &c);
	case_rec_free(&c);
	return st == SAM_OK ? 0 : cli_fail(st);
}

/*
 * samtale case close REF [--date D]
 */

CLI_CMD(cmd_case_close)
{
	const char *date = NULL, *ref;
	sam_date d;
	struct case_rec cr;
	enum sam_status st;
	int c, rc = 0;

	while ((c = cli_next_opt(ctx, argc, argv, &rc)) != -1)
		if (c == 'd')
			date = optarg;
	if (rc || !(ref = one_ref(argc, argv, &rc)))
		return rc;
	if (date && (rc = cli_date("--date", date, DATE_ANY, d)))
		return rc;
	if ((st = store_case_get(ctx->store, ref, &cr)) != SAM_OK)
		return cli_fail(st);
	if (cr.closed) {
		rc = cli_fail(sam_error(_("the case %s was already closed on %s"), cr.ref, cr.closed));
	} else if ((st = store_case_close(ctx->store, cr.id, date ? d : NULL)) != SAM_OK) {
		rc = cli_fail(st);
	} else {
		printf(_("Case %s closed.\n"), cr.ref);
	}
	case_rec_free(&cr);
	return rc;
}

/*
 * samtale case reopen REF
 */

CLI_CMD(cmd_case_reopen)
{
	const char *ref;
	struct case_rec cr;
	enum sam_status st;
	int rc = 0;

	while (cli_next_opt(ctx, argc, argv, &rc) != -1)
		;
	if (rc || !(ref = one_ref(argc, argv, &rc)))
		return rc;
	if ((st = store_case_get(ctx->store, ref, &cr)) != SAM_OK)
		return cli_fail(st);
	if (!cr.closed)
		rc = cli_fail(sam_error(_("the case %s is not closed"), cr.ref));
	else if ((st = store_case_reopen(ctx->store, cr.id)) != SAM_OK)
		rc = cli_fail(st);
	else
		printf(_("Case %s is open again (it was closed on %s).\n"), cr.ref, cr.closed);
	case_rec_free(&cr);
	return rc;
}

/*
 * samtale case delete REF... --yes
 */

/* Several cases are erased as one: all of them or, when one is not found,
 * none; in short steps (store_cases_delete), so that nobody waits. */
static int delete_many(struct cli_ctx *ctx, int n, char **refs)
{
	int64_t *ids = xcalloc((size_t)n, sizeof(*ids));
	enum sam_status st = SAM_OK;
	size_t k = 0;
	int rc = 0;

	for (int i = 0; i < n && st == SAM_OK; i++) {
		struct case_rec cr;
		bool twice = false;

		if ((st = store_case_get(ctx->store, refs[i], &cr)) != SAM_OK)
			break;
		for (size_t j = 0; j < k; j++)
			twice = twice || ids[j] == cr.id;
		if (!twice)
			ids[k++] = cr.id;
		case_rec_free(&cr);
	}
	if (st == SAM_OK)
		st = store_cases_delete(ctx->store, ids, k);
	free(ids);
	if (st == SAM_ERR_PENDING) {
		char *what = xasprintf(_("%zu cases are removed, but not yet wholly erased"), k);

		rc = cli_fail(sam_error_prefix(st, what));
		free(what);
	} else if (st != SAM_OK) {
		rc = cli_fail(st);
	} else {
		printf(_("%zu cases and everything about them erased.\n"), k);
	}
	return rc;
}

CLI_CMD(cmd_case_delete)
{
	const char *ref;
	struct case_rec cr;
	enum sam_status st;
	bool yes = false;
	int c, rc = 0;

	while ((c = cli_next_opt(ctx, argc, argv, &rc)) != -1)
		if (c == 'y')
			yes = true;
	if (!rc && !yes && optind < argc)
		return cli_usage_error("%s", _("erasure cannot be undone; confirm with --yes"));
	if (!rc && optind + 1 < argc)
		return delete_many(ctx, argc - optind, argv + optind);
	if (rc || !(ref = one_ref(argc, argv, &rc)))
		return rc;
	if ((st = store_case_get(ctx->store, ref, &cr)) != SAM_OK)
		return cli_fail(st);
	if ((st = store_case_delete(ctx->store, cr.id)) == SAM_ERR_PENDING) {
		char *what = xasprintf(_("case %s is removed, but not yet wholly erased"), cr.ref);

		rc = cli_fail(sam_error_prefix(st, what));
		free(what);
	} else if (st != SAM_OK)
		rc = cli_fail(st);
	else
		printf(_("Case %s and everything about it erased.\n"),
		       cr.ref);
	case_rec_free(&cr);
	return rc;
}
