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
 * samtale report
 */

struct report_opts {
	struct report_query q;
	enum report_by by[REPORT_BY_COUNT];	/* --by a,b: one table (sheet) each */
	size_t nby;
	enum cli_format format;
	const char *output;
	bool titles, stale_given, period_given;
	bool by_internship;			/* --by internship: a report of its own */
	sam_date from, to;			/* of --from, --to or --period */
};

static void add_columns(struct cli_table *t, const struct report *r, enum cli_format f, bool titles)
{
	/* report_by_name(by), marked for translation */
	static const char *const first[REPORT_BY_COUNT] = {
		[REPORT_BY_SECTION] = NC_("column", "section"),
		[REPORT_BY_ITEM] = NC_("column", "item"),
		[REPORT_BY_CASEWORKER] = NC_("column", "caseworker"),
		[REPORT_BY_CASE] = NC_("column", "case"),
		[REPORT_BY_TYPE] = NC_("column", "type"),
		[REPORT_BY_MONTH] = NC_("column", "month"),
	};
	enum report_by by = r->by;

	cli_table_column(t, f, first[by], COL_KEY);
	cli_table_column(t, f, NC_("column", "meetings"), COL_NUMBER);
	if (by == REPORT_BY_CASE)
		cli_table_column(t, f, NC_("column", "last_meeting"), COL_KEY);
	cli_table_column(t, f, NC_("column", "done"), COL_NUMBER);
	cli_table_column(t, f, NC_("column", "open"), COL_NUMBER);
	cli_table_column(t, f, NC_("column", "not_relevant"), COL_NUMBER);
	cli_table_column(t, f, NC_("column", "completion_pct"), COL_PERCENT);
	if (by == REPORT_BY_CASE) {
		cli_table_column(t, f, NC_("column", "followups_open"), COL_NUMBER);
		cli_table_column(t, f, NC_("column", "followups_overdue"), COL_NUMBER);
		if (r->stale_list)
			cli_table_column(t, f, NC_("column", "caseworker"), COL_TEXT);
	}
	if (by == REPORT_BY_CASEWORKER) {
		cli_table_column(t, f, NC_("column", "followups_overdue"), COL_NUMBER);
		cli_table_column(t, f, NC_("column", "cases_stale"), COL_NUMBER);
	}
	if (r->split_caseworker)
		cli_table_column(t, f, NC_("column", "caseworker"), COL_TEXT);
	if (titles)
		cli_table_column(t, f, NC_("column", "title"), COL_TEXT);
}

/* The totals row leaves out what does not add up: the latest meeting, whose
 * case or caseworker, and in the stale list the selection's counts. */
static void add_row(struct cli_table *t, enum cli_format f, const struct report *r,
		    const struct report_row *row, const char *key, const char *title, bool total)
{
	bool counts = !(total && r->stale_list);
	char pct[REPORT_PCT_LEN];

	cli_table_cell(t, key);
	if (counts)
		cli_table_cellf(t, "%d", row->meetings);
	else
		cli_table_cell(t, NULL);
	if (r->by == REPORT_BY_CASE)
		cli_table_cell(t, total ? NULL : row->last_meeting);
	report_pct_format(row->done, row->open, pct);
	if (counts) {
		cli_table_cellf(t, "%d", row->done);
		cli_table_cellf(t, "%d", row->open);
		cli_table_cellf(t, "%d", row->not_relevant);
		/* Empty in CSV and null in JSON; a dash where a person reads it. */
		cli_table_cell(t, !pct[0] && f == FORMAT_TABLE ? "-" : pct);
	} else {
		for (int i = 0; i < 4; i++)
			cli_table_cell(t, NULL);
	}
	if (r->by == REPORT_BY_CASE) {
		cli_table_cellf(t, "%d", row->followups_open);
		cli_table_cellf(t, "%d", row->followups_overdue);
		if (r->stale_list)
			cli_table_cell(t, row->caseworker);
	}
	if (r->by == REPORT_BY_CASEWORKER) {
		cli_table_cellf(t, "%d", row->followups_overdue);
		cli_table_cellf(t, "%d", row->cases_stale);
	}
	if (r->split_caseworker)
		cli_table_cell(t, row->caseworker);
	if (title)
		cli_table_cell(t, title);
}

struct cli_table *cli_report_table(const struct report *r, const struct content_guide *g,
				   enum cli_format f, bool titles)
{
	struct strbuf sheet = { 0 };
	struct cli_table *t;
	char *key;

	titles = titles && report_by_has_titles(r->by);
	strbuf_adds(&sheet, report_by_title(r->by));
	if (r->split_caseworker)
		strbuf_adds(&sheet, _(" by caseworker"));
	t = cli_table_new_sheet(strbuf_str(&sheet));
	strbuf_free(&sheet);
	add_columns(t, r, f, titles);
	for (size_t i = 0; i < r->n; i++) {
		const char *title = titles ? report_key_title(g, r->by, r->rows[i].key) : NULL;

		cli_table_row(t);
		add_row(t, f, r, &r->rows[i], r->rows[i].key, titles ? (title ? title : "") : NULL, false);
	}
	cli_table_total_row(t);
	if (!r->stale_list)
		key = xstrdup(_("Total"));
	else
		key = xasprintf(sam_ngettext("Total (%zu case)", "Total (%zu cases)", r->n), r->n);
	add_row(t, f, r, &r->total, key, titles ? "" : NULL, true);
	free(key);
	return t;
}

static int parse_stale(const char *s, int *days)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno || end == s || *end || n < 0 || n > INT_MAX)
		return cli_usage_error(_("--stale needs a number of days, not '%s'"), s);
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
	rc = cli_usage_error(_("unknown meeting type '%s' (known: %s)"),
			     type, strbuf_str(&known));
	strbuf_free(&known);
	return rc;
}

/* --by a[,b...]: every grouping named, in order. */
static int parse_by(const char *s, struct report_opts *o)
{
	char *copy = xstrdup(s), *save = NULL;
	int rc = 0;

	o->nby = 0;
	for (char *w = strtok_r(copy, ",", &save); w && !rc; w = strtok_r(NULL, ",", &save)) {
		if (!strcmp(w, "internship")) {
			o->by_internship = true;
			o->by[o->nby] = REPORT_BY_SECTION;	/* a place, never run */
		} else if (o->nby == ARRAY_SIZE(o->by) || !report_by_parse(w, &o->by[o->nby]))
			rc = cli_usage_error(_("unknown --by '%s' (section, item, caseworker, case, type, "
						"month or internship)"), w);
		o->nby++;
	}
	if (!rc && !o->nby)
		rc = cli_usage_error("%s", _("--by needs a grouping"));
	free(copy);
	return rc;
}

static int parse_period(const char *s, struct report_opts *o)
{
	enum report_period p;
	sam_date today;

	if (!report_period_parse(s, &p) || p == REPORT_PERIOD_ALL)
		return cli_usage_error(_("unknown --period '%s' (this-month, last-month, last-quarter "
					  "or this-year)"), s);
	date_today(today);
	report_period_range(p, today, o->from, o->to);
	o->period_given = true;
	return 0;
}

/* --by internship selects internships by their start, not meetings: a
 * report of its own, alone. */
static int check_internship_options(const struct report_opts *o)
{
	if (o->nby > 1 || o->q.caseworker || o->q.type || o->stale_given || o->titles)
		return cli_usage_error("%s", _("--by internship takes only --from, --to, --period, --split "
						"and --format"));
	return 0;
}

static bool by_any(const struct report_opts *o, bool (*ok)(enum report_by))
{
	for (size_t i = 0; i < o->nby; i++)
		if (ok(o->by[i]))
			return true;
	return false;
}

static bool takes_stale(enum report_by by)
{
	return by == REPORT_BY_CASE || by == REPORT_BY_CASEWORKER;
}

/* Combinations that say nothing: refused rather than quietly ignored. */
static int check_combinations(struct report_opts *o, bool split)
{
	if (o->period_given && (o->q.from || o->q.to))
		return cli_usage_error("%s", _("--period or --from/--to, not both"));
	if (o->period_given) {
		o->q.from = o->from;
		o->q.to = o->to;
	}
	if (o->q.from && o->q.to && strcmp(o->q.from, o->q.to) > 0)
		return cli_usage_error(_("--from %s is after --to %s"),
				       o->q.from, o->q.to);
	if (o->by_internship) {
		o->q.split_caseworker = split;
		return check_internship_options(o);
	}
	if (o->stale_given && !o->nby)
		o->by[o->nby++] = REPORT_BY_CASE;
	if (!o->nby)
		o->by[o->nby++] = REPORT_BY_SECTION;
	if (o->stale_given && !by_any(o, takes_stale))
		return cli_usage_error("%s", _("--stale goes with --by case or caseworker"));
	if (split && !by_any(o, report_by_can_split))
		return cli_usage_error("%s", _("--split caseworker goes with --by section, item or internship"));
	o->q.split_caseworker = split;
	return 0;
}

/* --kind action|reflection: the items counted (SPEC §2). */
static int parse_kind(const char *s, struct report_query *q)
{
	for (enum content_kind k = CONTENT_ACTION; k <= CONTENT_REFLECTION; k++)
		if (!strcmp(s, content_kind_name(k))) {
			q->by_kind = true;
			q->kind = k;
			return 0;
		}
	return cli_usage_error(_("unknown --kind '%s' (action or reflection)"), s);
}

static int parse_report_options(struct cli_ctx *ctx, int argc, char **argv, struct report_opts *o)
{
	bool split = false;
	int c, rc = 0;

	while (!rc && (c = cli_next_opt(ctx, argc, argv, &rc)) != -1) {
		switch (c) {
		case 'b': rc = parse_by(optarg, o); break;
		case 'S':
			if (strcmp(optarg, "caseworker"))
				rc = cli_usage_error(_("unknown --split '%s' (caseworker)"), optarg);
			split = true;
			break;
		case 'f': o->q.from = o->from; rc = cli_date("--from", optarg, DATE_ANY, o->from); break;
		case 't': o->q.to = o->to; rc = cli_date("--to", optarg, DATE_ANY, o->to); break;
		case 'p': rc = parse_period(optarg, o); break;
		case 'c': o->q.caseworker = optarg; break;
		case 'T': o->q.type = optarg; rc = check_type(ctx->guide, optarg); break;
		case 's': rc = parse_stale(optarg, &o->q.stale_days); o->stale_given = true; break;
		case 'k': rc = parse_kind(optarg, &o->q); break;
		case 'n': o->titles = true; break;
		case 'F': rc = cli_parse_format(optarg, &o->format); break;
		case 'o': o->output = optarg; break;
		}
	}
	if (rc || (rc = cli_no_more_args(argc, argv)))
		return rc;
	return check_combinations(o, split);
}

/*
 * samtale report --by internship
 */

static void add_internship_columns(struct cli_table *t, enum cli_format f, bool split)
{
	static const char *const cols[] = {
		NC_("column", "internships"),
		NC_("column", "job_possible"),
		NC_("column", "job_possible_pct"),
		NC_("column", "ended"),
		NC_("column", "employed"),
		NC_("column", "employed_pct"),
		NC_("column", "ended_early"),
		NC_("column", "ended_early_pct"),
		NC_("column", "running"),
		NC_("column", "median_days"),
	};

	if (split)
		cli_table_column(t, f, NC_("column", "caseworker"), COL_TEXT);
	for (size_t i = 0; i < ARRAY_SIZE(cols); i++)
		cli_table_column(t, f, cols[i], strstr(cols[i], "_pct") ? COL_PERCENT : COL_NUMBER);
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
					     .split_caseworker = o->q.split_caseworker };
	struct report_internships r;
	struct cli_table *t;
	enum sam_status st = report_internships_run(ctx->store, &q, &r);
	int rc;

	if (st != SAM_OK)
		return cli_fail(st);
	t = cli_table_new_sheet(_("Internships"));
	add_internship_columns(t, o->format, q.split_caseworker);
	for (size_t i = 0; i < r.n; i++) {
		cli_table_row(t);
		add_internship_row(t, o->format, true, &r.rows[i], r.rows[i].caseworker);
	}
	if (q.split_caseworker)
		cli_table_total_row(t);
	else
		cli_table_row(t);
	add_internship_row(t, o->format, q.split_caseworker, &r.total, _("Total"));
	rc = cli_output(&t, 1, o->format, o->output);
	cli_table_free(t);
	report_internships_free(&r);
	return rc;
}

CLI_CMD(cmd_report)
{
	struct report_opts o = { .q = { .stale_days = -1 }, .format = FORMAT_TABLE };
	struct cli_table *tables[REPORT_BY_COUNT];
	size_t n = 0;
	int rc;

	if ((rc = parse_report_options(ctx, argc, argv, &o)))
		return rc;
	if (o.by_internship)
		return run_internship_report(ctx, &o);
	for (; n < o.nby && !rc; n++) {
		struct report_query q = o.q;
		struct report r;
		enum sam_status st;

		q.by = o.by[n];
		q.split_caseworker = q.split_caseworker && report_by_can_split(q.by);
		if (!takes_stale(q.by))
			q.stale_days = -1;
		if ((st = report_run(ctx->store, ctx->guide, &q, &r)) != SAM_OK) {
			rc = cli_fail(st);
			break;
		}
		tables[n] = cli_report_table(&r, ctx->guide, o.format, o.titles);
		report_free(&r);
	}
	if (!rc)
		rc = cli_output(tables, n, o.format, o.output);
	for (size_t i = 0; i < n; i++)
		cli_table_free(tables[i]);
	return rc;
}

/*
 * samtale followups
 */

static struct cli_table *followups_table(const struct followup_list *l, const char *today,
					 enum cli_format f)
{
	struct cli_table *t = cli_table_new_sheet(_("Follow-ups"));

	cli_table_column(t, f, NC_("column", "id"), COL_NUMBER);
	cli_table_column(t, f, NC_("column", "due"), COL_KEY);
	cli_table_column(t, f, NC_("column", "case"), COL_KEY);
	cli_table_column(t, f, NC_("column", "assignee"), COL_TEXT);
	cli_table_column(t, f, NC_("column", "text"), COL_TEXT);
	cli_table_column(t, f, NC_("column", "overdue_days"), COL_NUMBER);
	for (size_t i = 0; i < l->n; i++) {
		const struct followup_rec *fu = &l->v[i];
		long over = date_diff_days(today, fu->due);

		cli_table_row(t);
		cli_table_cellf(t, "%lld", (long long)fu->id);
		cli_table_cell(t, fu->due);
		cli_table_cell(t, fu->case_ref);
		cli_table_cell(t, !fu->her ? fu->assignee : f == FORMAT_TABLE || f == FORMAT_XLSX
								? _("her") : EXCHANGE_ASSIGNEE_HER);
		cli_table_cell(t, fu->text);
		if (over > 0)
			cli_table_cellf(t, "%ld", over);
		else
			cli_table_cell(t, NULL);
	}
	return t;
}

CLI_CMD(cmd_followups)
{
	struct followup_query q = { .assignee = ctx->user };
	struct followup_list l = { 0 };
	enum cli_format format = FORMAT_TABLE;
	const char *output = NULL, *caseworker = NULL;
	struct cli_table *t;
	enum sam_status st;
	sam_date today;
	int c, rc = 0;

	date_today(today);
	while (!rc && (c = cli_next_opt(ctx, argc, argv, &rc)) != -1) {
		switch (c) {
		case 'O': q.due_before = today; break;
		case 'a': q.assignee = NULL; break;
		case 'c': caseworker = optarg; break;
		case 'F': rc = cli_parse_format(optarg, &format); break;
		case 'o': output = optarg; break;
		}
	}
	if (rc || (rc = cli_no_more_args(argc, argv)))
		return rc;
	if (caseworker)		/* hers, with or without --all */
		q.assignee = caseworker;
	st = store_followup_list(ctx->store, &q, &l);
	if (st != SAM_OK)
		return cli_fail(st);
	t = followups_table(&l, today, format);
	rc = cli_output(&t, 1, format, output);
	cli_table_free(t);
	followup_list_free(&l);
	return rc;
}
