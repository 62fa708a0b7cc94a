#include "samtale/cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/exchange.h"
#include "samtale/report.h"
#include "samtale/util.h"

/*
 * Options shared by report and followups
 */

static int parse_format(const char *s, enum cli_format *f)
{
	if (cli_format_parse(s, f))
		return 0;
	return cli_usage_error(tr("ukendt format '%s' (table, csv eller json)",
				  "unknown format '%s' (table, csv or json)"), s);
}

/*
 * samtale report
 */

struct report_opts {
	struct report_query q;
	enum cli_format format;
	bool by_given;
	sam_date from, to;
	bool by_internship;		/* --by internship: a report of its own */
	const char *split;		/* --split */
};

/* Column names: fixed in CSV and JSON (another program reads them, SPEC §3);
 * in the language of the user interface in a table. */
static const char *col_name(enum cli_format f, const char *field, const char *da)
{
	return f == FORMAT_TABLE ? tr(da, field) : field;
}

static void add_columns(struct cli_table *t, enum report_by by, enum cli_format f)
{
	static const char *const first_da[] = {
		[REPORT_BY_SECTION] = "afsnit", [REPORT_BY_ITEM] = "punkt",
		[REPORT_BY_CASEWORKER] = "sagsbehandler", [REPORT_BY_CASE] = "sag",
		[REPORT_BY_TYPE] = "mødetype",
	};

	cli_table_col(t, col_name(f, report_by_name(by), first_da[by]), COL_TEXT);
	cli_table_col(t, col_name(f, "meetings", "møder"), COL_NUMBER);
	if (by == REPORT_BY_CASE)
		cli_table_col(t, col_name(f, "last_meeting", "sidste møde"), COL_TEXT);
	cli_table_col(t, col_name(f, "done", "udført"), COL_NUMBER);
	cli_table_col(t, col_name(f, "open", "åbne"), COL_NUMBER);
	cli_table_col(t, col_name(f, "not_relevant", "ikke relevant"), COL_NUMBER);
	cli_table_col(t, col_name(f, "completion_pct", "udført %"), COL_NUMBER);
	if (by == REPORT_BY_CASE) {
		cli_table_col(t, col_name(f, "followups_open", "opfølgninger"), COL_NUMBER);
		cli_table_col(t, col_name(f, "followups_overdue", "overskredet"), COL_NUMBER);
	}
}

static void add_row(struct cli_table *t, enum cli_format f, enum report_by by,
		    const struct report_row *r, const char *key)
{
	char pct[REPORT_PCT_LEN];

	cli_table_cell(t, key);
	cli_table_cellf(t, "%d", r->meetings);
	if (by == REPORT_BY_CASE)
		cli_table_cell(t, r->last_meeting);
	cli_table_cellf(t, "%d", r->done);
	cli_table_cellf(t, "%d", r->open);
	cli_table_cellf(t, "%d", r->not_relevant);
	report_pct_format(r->done, r->open, pct);
	/* Empty in CSV and null in JSON; a dash where a person reads it. */
	cli_table_cell(t, !pct[0] && f == FORMAT_TABLE ? "-" : pct);
	if (by == REPORT_BY_CASE) {
		cli_table_cellf(t, "%d", r->followups_open);
		cli_table_cellf(t, "%d", r->followups_overdue);
	}
}

static void print_report(const struct report *r, enum cli_format f)
{
	struct cli_table *t = cli_table_new();

	add_columns(t, r->by, f);
	for (size_t i = 0; i < r->n; i++) {
		cli_table_row(t);
		add_row(t, f, r->by, &r->rows[i], r->rows[i].key);
	}
	cli_table_total_row(t);
	add_row(t, f, r->by, &r->total, tr("I alt", "Total"));
	cli_table_print(t, f, stdout);
	cli_table_free(t);
}

static int parse_stale(const char *s, int *days)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno || end == s || *end || n < 0 || n > INT_MAX)
		return cli_usage_error(tr("--stale kræver et antal dage, ikke '%s'",
					  "--stale needs a number of days, not '%s'"), s);
	*days = (int)n;
	return 0;
}

static int check_type(const struct content_guide *g, const char *type)
{
	struct strbuf known = { 0 };
	int rc;

	if (content_meeting_type_find(g, type))
		return 0;
	for (size_t i = 0; i < g->nmeeting_types; i++)
		strbuf_addf(&known, "%s%s", i ? ", " : "", g->meeting_types[i].id);
	rc = cli_usage_error(tr("ukendt mødetype '%s' (kendte: %s)", "unknown meeting type '%s' (known: %s)"),
			     type, strbuf_str(&known));
	strbuf_free(&known);
	return rc;
}

/* --by internship selects internships by their start, not meetings. */
static int check_internship_options(const struct report_opts *o)
{
	if (o->q.caseworker || o->q.type || o->q.stale_days >= 0)
		return cli_usage_error("%s", tr("--by internship tager kun --from, --to, --split og --format",
						"--by internship takes only --from, --to, --split and --format"));
	if (o->split && strcmp(o->split, "caseworker"))
		return cli_usage_error(tr("ukendt --split '%s' (caseworker)", "unknown --split '%s' (caseworker)"),
				       o->split);
	return 0;
}

static int parse_report_options(struct cli_ctx *ctx, int argc, char **argv, struct report_opts *o)
{
	static const struct option opts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "caseworker", required_argument, NULL, 'c' },
		{ "type", required_argument, NULL, 'T' },
		{ "stale", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'F' },
		{ "split", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc = 0;

	while (!rc && (c = cli_next_opt(argc, argv, opts, &rc)) != -1) {
		switch (c) {
		case 'b':
			o->by_internship = !strcmp(optarg, "internship");
			if (!o->by_internship && !report_by_parse(optarg, &o->q.by))
				return cli_usage_error(tr("ukendt --by '%s' (section, item, caseworker, case, "
							  "type eller internship)",
							  "unknown --by '%s' (section, item, caseworker, case, "
							  "type or internship)"), optarg);
			o->by_given = true;
			break;
		case 'S': o->split = optarg; break;
		case 'f': o->q.from = o->from; rc = cli_date("--from", optarg, DATE_ANY, o->from); break;
		case 't': o->q.to = o->to; rc = cli_date("--to", optarg, DATE_ANY, o->to); break;
		case 'c': o->q.caseworker = optarg; break;
		case 'T': o->q.type = optarg; rc = check_type(ctx->guide, optarg); break;
		case 's': rc = parse_stale(optarg, &o->q.stale_days); break;
		case 'F': rc = parse_format(optarg, &o->format); break;
		}
	}
	if (rc || (rc = cli_no_more_args(argc, argv)))
		return rc;
	if (o->q.from && o->q.to && strcmp(o->q.from, o->q.to) > 0)
		return cli_usage_error(tr("--from %s ligger efter --to %s", "--from %s is after --to %s"),
				       o->q.from, o->q.to);
	if (o->by_internship)
		return check_internship_options(o);
	if (o->split)
		return cli_usage_error("%s", tr("--split caseworker hører til --by internship",
						"--split caseworker goes with --by internship"));
	if (o->q.stale_days >= 0) {
		if (o->by_given && o->q.by != REPORT_BY_CASE)
			return cli_usage_error("%s", tr("--stale hører til --by case",
							"--stale goes with --by case"));
		o->q.by = REPORT_BY_CASE;
	}
	return 0;
}

/*
 * samtale report --by internship
 */

static void add_internship_columns(struct cli_table *t, enum cli_format f, bool split)
{
	static const struct { const char *field, *da; } cols[] = {
		{ "internships", "praktikker" },
		{ "job_possible", "job muligt" },
		{ "job_possible_pct", "job muligt %" },
		{ "ended", "afsluttede" },
		{ "employed", "ansat" },
		{ "employed_pct", "ansat %" },
		{ "ended_early", "afbrudt før tid" },
		{ "ended_early_pct", "afbrudt %" },
		{ "running", "i gang" },
		{ "median_days", "median dage" },
	};

	if (split)
		cli_table_col(t, col_name(f, "caseworker", "sagsbehandler"), COL_TEXT);
	for (size_t i = 0; i < ARRAY_SIZE(cols); i++)
		cli_table_col(t, col_name(f, cols[i].field, cols[i].da), COL_NUMBER);
}

/* A share of n as a percentage cell: empty (a dash in a table) when n is 0. */
static void pct_cell(struct cli_table *t, enum cli_format f, int part, int n)
{
	char pct[REPORT_PCT_LEN];

	report_pct_format(part, n - part, pct);
	cli_table_cell(t, !pct[0] && f == FORMAT_TABLE ? "-" : pct);
}

static void add_internship_row(struct cli_table *t, enum cli_format f, bool split,
			       const struct report_internship_row *r, const char *key)
{
	char median[REPORT_PCT_LEN];

	if (split)
		cli_table_cell(t, key);
	cli_table_cellf(t, "%d", r->internships);
	cli_table_cellf(t, "%d", r->job_possible);
	pct_cell(t, f, r->job_possible, r->internships);
	cli_table_cellf(t, "%d", r->ended);
	cli_table_cellf(t, "%d", r->employed);
	pct_cell(t, f, r->employed, r->ended);
	cli_table_cellf(t, "%d", r->ended_early);
	pct_cell(t, f, r->ended_early, r->ended);
	cli_table_cellf(t, "%d", r->running);
	report_median_format(r->median_days2, median);
	cli_table_cell(t, !median[0] && f == FORMAT_TABLE ? "-" : median);
}

static int run_internship_report(struct cli_ctx *ctx, const struct report_opts *o)
{
	struct report_internship_query q = { .from = o->q.from, .to = o->q.to,
					     .split_caseworker = o->split != NULL };
	struct report_internships r;
	struct cli_table *t;
	enum sam_status st = report_internships_run(ctx->store, &q, &r);

	if (st != SAM_OK)
		return cli_fail(st);
	t = cli_table_new();
	add_internship_columns(t, o->format, q.split_caseworker);
	for (size_t i = 0; i < r.n; i++) {
		cli_table_row(t);
		add_internship_row(t, o->format, true, &r.rows[i], r.rows[i].caseworker);
	}
	if (q.split_caseworker)
		cli_table_total_row(t);
	else
		cli_table_row(t);
	add_internship_row(t, o->format, q.split_caseworker, &r.total, tr("I alt", "Total"));
	cli_table_print(t, o->format, stdout);
	cli_table_free(t);
	report_internships_free(&r);
	return 0;
}

CLI_CMD(cmd_report)
{
	struct report_opts o = { .q = { .by = REPORT_BY_SECTION, .stale_days = -1 },
				 .format = FORMAT_TABLE };
	struct report r;
	enum sam_status st;
	int rc;

	if ((rc = parse_report_options(ctx, argc, argv, &o)))
		return rc;
	if (o.by_internship)
		return run_internship_report(ctx, &o);
	st = report_run(ctx->store, ctx->guide, &o.q, &r);
	if (st != SAM_OK)
		return cli_fail(st);
	print_report(&r, o.format);
	report_free(&r);
	return 0;
}

/*
 * samtale followups
 */

static void print_followups(const struct followup_list *l, const char *today, enum cli_format f)
{
	struct cli_table *t = cli_table_new();

	cli_table_col(t, col_name(f, "id", "id"), COL_NUMBER);
	cli_table_col(t, col_name(f, "due", "frist"), COL_TEXT);
	cli_table_col(t, col_name(f, "case", "sag"), COL_TEXT);
	cli_table_col(t, col_name(f, "assignee", "ansvarlig"), COL_TEXT);
	cli_table_col(t, col_name(f, "text", "tekst"), COL_TEXT);
	cli_table_col(t, col_name(f, "overdue_days", "dage over"), COL_NUMBER);
	for (size_t i = 0; i < l->n; i++) {
		const struct followup_rec *fu = &l->v[i];
		long over = date_diff_days(today, fu->due);

		cli_table_row(t);
		cli_table_cellf(t, "%lld", (long long)fu->id);
		cli_table_cell(t, fu->due);
		cli_table_cell(t, fu->case_ref);
		cli_table_cell(t, !fu->her ? fu->assignee : f == FORMAT_TABLE ? tr("hende", "her")
										: EXCHANGE_ASSIGNEE_HER);
		cli_table_cell(t, fu->text);
		if (over > 0)
			cli_table_cellf(t, "%ld", over);
		else
			cli_table_cell(t, NULL);
	}
	cli_table_print(t, f, stdout);
	cli_table_free(t);
}

CLI_CMD(cmd_followups)
{
	static const struct option opts[] = {
		{ "overdue", no_argument, NULL, 'o' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	struct followup_query q = { .assignee = ctx->user };
	struct followup_list l = { 0 };
	enum cli_format format = FORMAT_TABLE;
	enum sam_status st;
	sam_date today;
	int c, rc = 0;

	date_today(today);
	while (!rc && (c = cli_next_opt(argc, argv, opts, &rc)) != -1) {
		switch (c) {
		case 'o': q.due_before = today; break;
		case 'a': q.assignee = NULL; break;
		case 'F': rc = parse_format(optarg, &format); break;
		}
	}
	if (rc || (rc = cli_no_more_args(argc, argv)))
		return rc;
	st = store_followup_list(ctx->store, &q, &l);
	if (st != SAM_OK)
		return cli_fail(st);
	print_followups(&l, today, format);
	followup_list_free(&l);
	return 0;
}
