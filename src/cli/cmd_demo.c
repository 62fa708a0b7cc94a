#include "samtale/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>

#include "samtale/demo.h"
#include "samtale/demo_bank.h"
#include "samtale/util.h"

/* Enough for a job centre ten times the largest; a guard against typos. */
#define DEMO_MAX_CASES 1000000

static bool parse_count(const char *s, long max, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	return !errno && end != s && !*end && *out >= 1 && *out <= max;
}

static bool parse_seed(const char *s, unsigned long *out)
{
	char *end;

	errno = 0;
	*out = strtoul(s, &end, 10);
	return !errno && end != s && !*end && *s != '-';
}

/* The phrase bank, its problems printed as content's are. */
static int load_bank(struct cli_ctx *ctx, struct demo_bank *bank)
{
	struct content_diags diags = { 0 };
	enum sam_status st = demo_bank_load(ctx->guide, bank, &diags);

	content_diags_print(&diags, stderr);
	content_diags_free(&diags);
	if (st == SAM_ERR_INVALID)
		fprintf(stderr, "samtale: %s\n", _("the demo's phrases are invalid; fix the errors above"));
	else if (st != SAM_OK)
		cli_fail(st);
	return st == SAM_OK ? 0 : 1;
}

CLI_CMD(cmd_demo)
{
	struct demo_opts o = { .cases = 40, .seed = 1 };
	struct demo_bank bank;
	struct demo_stats stats;
	enum sam_status st;
	bool yes = false, has_cases;
	long n;
	int c, rc = 0;

	while ((c = cli_next_opt(ctx, argc, argv, &rc)) != -1) {
		switch (c) {
		case 'n':
			if (!parse_count(optarg, DEMO_MAX_CASES, &n))
				return cli_usage_error(_("--cases must be a number from 1 to %d"),
						       DEMO_MAX_CASES);
			o.cases = (int)n;
			break;
		case 's':
			if (!parse_seed(optarg, &o.seed))
				return cli_usage_error("%s", _("--seed must be a number"));
			break;
		case 'y':
			yes = true;
			break;
		}
	}
	if (rc || (rc = cli_no_more_args(argc, argv)))
		return rc;
	if ((st = store_has_cases(ctx->store, &has_cases)))
		return cli_fail(st);
	if (has_cases && !yes) {
		fprintf(stderr, "samtale: %s\n",
			_("the database already holds cases; synthetic cases are not mixed with "
			   "real ones without --yes (better use a new database with --db)"));
		return 1;
	}
	if (load_bank(ctx, &bank))
		return 1;
	o.bank = &bank;
	st = demo_fill(ctx->store, ctx->guide, &o, &stats);
	demo_bank_free(&bank);
	if (st)
		return cli_fail(st);
	printf(_("%ld synthetic cases (%ld closed), %ld meetings, %ld items, "
		  "%ld follow-ups and %ld internships written to %s\n"),
	       stats.cases, stats.closed, stats.meetings, stats.items, stats.followups,
	       stats.internships, store_path(ctx->store));
	return 0;
}
