#include "samtale/cli.h"

#include <errno.h>
#include <getopt.h>
#include <string.h>

#include "samtale/exchange.h"
#include "samtale/util.h"

enum export_format { EXPORT_JSON, EXPORT_MD };

CLI_CMD(cmd_export)
{
	enum export_format format = EXPORT_JSON;
	enum sam_status st;
	int c, rc = 0;

	while ((c = cli_next_opt(ctx, argc, argv, &rc)) != -1) {
		if (!strcmp(optarg, "json"))
			format = EXPORT_JSON;
		else if (!strcmp(optarg, "md"))
			format = EXPORT_MD;
		else
			return cli_usage_error(_("unknown format '%s' (json or md)"), optarg);
	}
	if (rc)
		return rc;
	/* Nothing reaches stdout unless every case named was found; then the
	 * cases stream out one by one. */
	if (format == EXPORT_JSON)
		st = exchange_export_json(ctx->store, (const char *const *)argv + optind,
					  (size_t)(argc - optind), stdout);
	else
		st = exchange_export_md(ctx->store, ctx->guide, (const char *const *)argv + optind,
					(size_t)(argc - optind), stdout);
	return st == SAM_OK ? 0 : cli_fail(st);
}

CLI_CMD(cmd_import)
{
	enum sam_status st;
	const char *name;
	size_t n = 0;
	FILE *f;

	if (argc != 2 || (argv[1][0] == '-' && argv[1][1]))
		return cli_usage_error("%s: %s", _("usage"), ctx->usage);
	name = strcmp(argv[1], "-") ? argv[1] : "<stdin>";
	f = strcmp(argv[1], "-") ? fopen(argv[1], "rb") : stdin;
	if (!f)
		st = sam_fail(SAM_ERR_IO, _("cannot open '%s': %s"), argv[1],
			      strerror(errno));
	else
		st = exchange_import_file(ctx->store, ctx->guide, f, name, &n);
	if (f && f != stdin)
		fclose(f);
	if (st != SAM_OK)
		return cli_fail(sam_error_prefix(st, "import"));
	printf(sam_ngettext("Imported %zu case.\n", "Imported %zu cases.\n", n), n);
	return 0;
}
