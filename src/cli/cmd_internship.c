#include "samtale/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * samtale internship add | list | edit | end: her internships (SPEC §1 rule 5)
 */

static int parse_word(const char *opt, const char *s, const struct store_word *words, size_t n,
		      int *out)
{
	char *known;
	int rc;

	if ((*out = store_word_find(words, n, s)) >= 0)
		return 0;
	known = store_word_list(words, n);
	rc = cli_usage_error(_("unknown value '%s' for %s (known: %s)"), s, opt, known);
	free(known);
	return rc;
}

/* An internship's number, as `internship list` prints it. */
static int parse_id(int argc, char **argv, int64_t *id)
{
	int rc = 0;
	const char *s = cli_one_arg(argc, argv, _("give the internship's number (see 'samtale internship list')"),
				    &rc);
	char *end;
	long long n;

	if (!s)
		return rc;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno || end == s || *end || n <= 0)
		return cli_usage_error(_("'%s' is not an internship number"),
				       s);
	*id = n;
	return 0;
}

/*
 * The options of add and edit: the same, so that edit corrects what add
 * recorded. The values given replace those held; "" clears one.
 */

enum { O_WORKPLACE, O_FIELD, O_FROM, O_TO, O_CONTACT, O_GOAL, O_JOB, O_COUNT };

struct spec_opts {
	struct internship_spec in;
	sam_date from, to;
	bool given[O_COUNT];
};

static int parse_spec_opts(struct cli_ctx *ctx, int argc, char **argv, struct spec_opts *o)
{
	int c, rc = 0, job;

	while (!rc && (c = cli_next_opt(ctx, argc, argv, &rc)) != -1) {
		switch (c) {
		case 'w': o->in.workplace = optarg; o->given[O_WORKPLACE] = true; break;
		case 'F': o->in.field = optarg; o->given[O_FIELD] = true; break;
		case 'c': o->in.contact = optarg; o->given[O_CONTACT] = true; break;
		case 'g': o->in.goal = optarg; o->given[O_GOAL] = true; break;
		case 'f':
			rc = cli_date("--from", optarg, DATE_ANY, o->from);
			o->in.from = o->from;
			o->given[O_FROM] = true;
			break;
		case 't':
			/* An empty --to clears the planned end. */
			rc = *optarg ? cli_date("--to", optarg, DATE_ANY, o->to) : 0;
			o->in.planned_to = *optarg ? o->to : NULL;
			o->given[O_TO] = true;
			break;
		case 'j':
			rc = parse_word("--job-possible", optarg, job_possible_words, JOB_POSSIBLE_N, &job);
			o->in.job_possible = (enum job_possible)job;
			o->given[O_JOB] = true;
			break;
		}
	}
	return rc;
}

CLI_CMD(cmd_internship_add)
{
	struct spec_opts o = { .in = { .job_possible = JOB_POSSIBLE_UNKNOWN } };
	struct case_rec cr;
	const char *ref;
	enum sam_status st;
	int64_t id;
	int rc;

	if ((rc = parse_spec_opts(ctx, argc, argv, &o)) ||
	    !(ref = cli_one_arg(argc, argv, _("give a journal number"), &rc)))
		return rc;
	if (!o.given[O_WORKPLACE])
		return cli_usage_error("%s", _("name the workplace with --workplace"));
	if (!o.given[O_FROM])
		return cli_usage_error("%s", _("give the start date with --from"));
	if ((st = store_case_get(ctx->store, ref, &cr)) != SAM_OK)
		return cli_fail(st);
	st = store_internship_add(ctx->store, cr.id, &o.in, &id);
	if (st == SAM_OK)
		printf(_("Internship %lld recorded in case %s.\n"), (long long)id, cr.ref);
	case_rec_free(&cr);
	return st == SAM_OK ? 0 : cli_fail(st);
}

CLI_CMD(cmd_internship_edit)
{
	struct spec_opts o = { 0 };
	struct internship_rec old;
	struct internship_spec in;
	enum sam_status st;
	bool any = false;
	int64_t id = 0;
	int rc;

	if ((rc = parse_spec_opts(ctx, argc, argv, &o)) || (rc = parse_id(argc, argv, &id)))
		return rc;
	for (int i = 0; i < O_COUNT; i++)
		any |= o.given[i];
	if (!any)
		return cli_usage_error("%s", _("say what to change (e.g. --to or --goal)"));
	if ((st = store_internship_get(ctx->store, id, &old)) != SAM_OK)
		return cli_fail(st);
	in = (struct internship_spec){
		.workplace = o.given[O_WORKPLACE] ? o.in.workplace : old.workplace,
		.field = o.given[O_FIELD] ? o.in.field : old.field,
		.from = o.given[O_FROM] ? o.in.from : old.from,
		.planned_to = o.given[O_TO] ? o.in.planned_to : old.planned_to,
		.contact = o.given[O_CONTACT] ? o.in.contact : old.contact,
		.goal = o.given[O_GOAL] ? o.in.goal : old.goal,
		.job_possible = o.given[O_JOB] ? o.in.job_possible : old.job_possible,
	};
	st = store_internship_edit(ctx->store, id, &in);
	internship_rec_free(&old);
	if (st != SAM_OK)
		return cli_fail(st);
	printf(_("Internship %lld corrected.\n"), (long long)id);
	return 0;
}

CLI_CMD(cmd_internship_end)
{
	const char *date = NULL, *reason = NULL;
	int outcome = OUTCOME_NONE, c, rc = 0;
	enum sam_status st;
	sam_date d;
	int64_t id = 0;

	while (!rc && (c = cli_next_opt(ctx, argc, argv, &rc)) != -1) {
		switch (c) {
		case 'o': rc = parse_word("--outcome", optarg, outcome_words, OUTCOME_N, &outcome); break;
		case 'd': rc = cli_date("--date", optarg, DATE_NOT_FUTURE, d); date = d; break;
		case 'r': reason = optarg; break;
		}
	}
	if (rc || (rc = parse_id(argc, argv, &id)))
		return rc;
	if (outcome == OUTCOME_NONE) {
		char *known = store_word_list(outcome_words, OUTCOME_N);

		rc = cli_usage_error(_("say how the internship ended with --outcome (%s)"), known);
		free(known);
		return rc;
	}
	st = store_internship_end(ctx->store, id, (enum internship_outcome)outcome, date,
				  str_empty(reason) ? NULL : reason);
	if (st != SAM_OK)
		return cli_fail(st);
	printf(_("Internship %lld ended: %s.\n"), (long long)id,
	       _(outcome_words[outcome].text));
	return 0;
}

/*
 * samtale internship list [REF] [--format F]
 */

/* Column names: fixed in CSV and JSON, in the UI language in a table. */
static void column(struct cli_table *t, enum cli_format f, const char *name, enum cli_col_kind kind)
{
	cli_table_col(t, f == FORMAT_TABLE ? cli_column_heading("internship column", name) : name, kind);
}

/* A word as another program reads it, or as a person does in a table. */
static const char *word_cell(const struct store_word *w, enum cli_format f)
{
	return f == FORMAT_TABLE ? _(w->text) : w->word;
}

/* A table is read on a screen: the texts that run long (the goal, the
 * reason) are in CSV and JSON, and in `case show` and the TUI. */
static void print_internships(const struct internship_list *l, enum cli_format f)
{
	struct cli_table *t = cli_table_new();
	bool all = f != FORMAT_TABLE;

	column(t, f, NC_("internship column", "id"), COL_NUMBER);
	column(t, f, NC_("internship column", "case"), COL_TEXT);
	column(t, f, NC_("internship column", "workplace"), COL_TEXT);
	column(t, f, NC_("internship column", "field"), COL_TEXT);
	column(t, f, NC_("internship column", "from"), COL_TEXT);
	column(t, f, NC_("internship column", "planned_to"), COL_TEXT);
	column(t, f, NC_("internship column", "ended"), COL_TEXT);
	if (all)
		column(t, f, NC_("internship column", "contact"), COL_TEXT);
	if (all)
		column(t, f, NC_("internship column", "goal"), COL_TEXT);
	column(t, f, NC_("internship column", "job_possible"), COL_TEXT);
	column(t, f, NC_("internship column", "outcome"), COL_TEXT);
	if (all) {
		column(t, f, NC_("internship column", "outcome_reason"), COL_TEXT);
		column(t, f, NC_("internship column", "caseworker"), COL_TEXT);
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct internship_rec *in = &l->v[i];

		cli_table_row(t);
		cli_table_cellf(t, "%lld", (long long)in->id);
		cli_table_cell(t, in->case_ref);
		cli_table_cell(t, in->workplace);
		cli_table_cell(t, in->field);
		cli_table_cell(t, in->from);
		cli_table_cell(t, in->planned_to);
		cli_table_cell(t, in->ended);
		if (all) {
			cli_table_cell(t, in->contact);
			cli_table_cell(t, in->goal);
		}
		cli_table_cell(t, word_cell(&job_possible_words[in->job_possible], f));
		cli_table_cell(t, in->outcome == OUTCOME_NONE && all
				  ? NULL : word_cell(&outcome_words[in->outcome], f));
		if (all) {
			cli_table_cell(t, in->outcome_reason);
			cli_table_cell(t, in->caseworker);
		}
	}
	cli_table_print(t, f, stdout);
	cli_table_free(t);
}

CLI_CMD(cmd_internship_list)
{
	enum cli_format format = FORMAT_TABLE;
	struct internship_query q = { 0 };
	struct internship_list l;
	struct case_rec cr = { 0 };
	enum sam_status st;
	int c, rc = 0;

	while (!rc && (c = cli_next_opt(ctx, argc, argv, &rc)) != -1)
		if (c == 'f' && !cli_format_parse(optarg, &format))
			return cli_usage_error(_("unknown format '%s' (table, csv or json)"), optarg);
	if (rc)
		return rc;
	if (optind + 1 < argc)
		return cli_usage_error(_("unexpected argument '%s'"),
				       argv[optind + 1]);
	if (optind < argc) {
		if ((st = store_case_get(ctx->store, argv[optind], &cr)) != SAM_OK)
			return cli_fail(st);
		q.case_id = cr.id;
	}
	st = store_internship_list(ctx->store, &q, &l);
	case_rec_free(&cr);
	if (st != SAM_OK)
		return cli_fail(st);
	print_internships(&l, format);
	internship_list_free(&l);
	return 0;
}
