#include "samtale/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * samtale db init [--shared GROUP]
 */

CLI_CMD(cmd_db_init)
{
	const char *group = NULL;
	enum sam_status st;
	int c, rc = 0;

	while ((c = cli_next_opt(ctx, argc, argv, &rc)) != -1)
		if (c == 's')
			group = optarg;
	if (rc || (rc = cli_no_more_args(argc, argv)))
		return rc;
	if (group) {
		if ((st = store_init_shared(ctx->db_path, group, ctx->user)) != SAM_OK)
			return cli_fail(st);
		printf(_("Team database for the group %s created: %s\n"
			  "Every member of the group uses it with --db %s or SAMTALE_DB=%s\n"),
		       group, ctx->db_path, ctx->db_path, ctx->db_path);
		return 0;
	}
	/* Creates the database or brings an existing one up to date. */
	if ((rc = cli_open_store(ctx, NEED_DB_INIT)))
		return rc;
	/* The store's name for it: a server's URI without its password. */
	printf(_("The database is ready: %s\n"), store_path(ctx->store));
	return 0;
}

/*
 * samtale db backup [--force] FILE
 */

CLI_CMD(cmd_db_backup)
{
	enum sam_status st;
	bool force = false;
	int c, rc = 0;

	while ((c = cli_next_opt(ctx, argc, argv, &rc)) != -1)
		if (c == 'f')
			force = true;
	if (rc)
		return rc;
	if (optind + 1 != argc)
		return cli_usage_error("%s", _("give one file for the backup"));
	if ((st = store_backup(ctx->store, argv[optind], force)) != SAM_OK)
		return cli_fail(st);
	printf(_("Backup written to %s\n"), argv[optind]);
	return 0;
}

/*
 * samtale db check [--repair]
 */

/* Mends what the store keeps beside the checklist and the meetings (the
 * counts per section, each case's last meeting); the check then runs on
 * the mended database. */
static int repair(struct cli_ctx *ctx)
{
	enum sam_status st;
	int64_t fixed = 0;
	int rc = cli_open_store(ctx, NEED_DB);

	if (rc)
		return rc;
	if ((st = store_repair(ctx->store, &fixed)) != SAM_OK)
		return cli_fail(st);
	if (fixed)
		printf(sam_ngettext("%lld row counted again.\n", "%lld rows counted again.\n",
				    (unsigned long)fixed), (long long)fixed);
	return 0;
}

CLI_CMD(cmd_db_check)
{
	enum sam_status st;
	char *report = NULL;
	bool ok, mend = false;
	int c, rc = 0;

	while ((c = cli_next_opt(ctx, argc, argv, &rc)) != -1)
		if (c == 'r')
			mend = true;
	if (rc || (rc = cli_no_more_args(argc, argv)))
		return rc;
	if (mend ? (rc = repair(ctx)) : (rc = cli_open_store(ctx, NEED_DB_READONLY)))
		return rc;
	if ((st = store_check(ctx->store, &ok, &report)) != SAM_OK) {
		free(report);
		return cli_fail(st);
	}
	if (ok) {
		printf(_("The database %s is fine.\n"), store_path(ctx->store));
	} else {
		fputs(report, stdout);
		fprintf(stderr, _("samtale: the database %s has errors (see above)\n"), store_path(ctx->store));
		rc = 1;
	}
	free(report);
	return rc;
}

/*
 * samtale db purge --closed-before D --yes
 */

CLI_CMD(cmd_db_purge)
{
	const char *before = NULL;
	sam_date date;
	enum sam_status st;
	bool yes = false;
	int c, n, rc = 0;

	while ((c = cli_next_opt(ctx, argc, argv, &rc)) != -1) {
		if (c == 'c')
			before = optarg;
		else if (c == 'y')
			yes = true;
	}
	if (rc || (rc = cli_no_more_args(argc, argv)))
		return rc;
	if (!before)
		return cli_usage_error("%s", _("give --closed-before YYYY-MM-DD"));
	if ((rc = cli_date("--closed-before", before, DATE_ANY, date)))
		return rc;
	before = date;
	if (!yes)
		return cli_usage_error("%s", _("erasure cannot be undone; confirm with --yes"));
	if ((st = store_purge_closed_before(ctx->store, before, &n)) == SAM_ERR_PENDING) {
		char *what = xasprintf(sam_ngettext("%d closed case is removed, but not yet wholly erased",
						    "%d closed cases are removed, but not yet wholly erased",
						    (unsigned long)n), n);

		rc = cli_fail(sam_error_prefix(st, what));
		free(what);
		return rc;
	}
	if (st != SAM_OK)
		return cli_fail(st);
	printf(sam_ngettext("%d closed case erased.\n", "%d closed cases erased.\n", (unsigned long)n), n);
	return 0;
}
