#include "samtale/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/exchange.h"
#include "samtale/util.h"

enum export_format { EXPORT_JSON, EXPORT_MD };

static int write_stdout(const struct strbuf *sb)
{
	if (fwrite(strbuf_str(sb), 1, sb->len, stdout) != sb->len || fflush(stdout))
		return cli_fail(sam_error(tr("kan ikke skrive udtrækket: %s",
					     "cannot write the export: %s"), strerror(errno)));
	return 0;
}

CLI_CMD(cmd_export)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum export_format format = EXPORT_JSON;
	struct strbuf out = { 0 };
	enum sam_status st;
	int c, rc;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'f')
			return cli_usage_error("%s: %s", tr("brug", "usage"), ctx->usage);
		if (!strcmp(optarg, "json"))
			format = EXPORT_JSON;
		else if (!strcmp(optarg, "md"))
			format = EXPORT_MD;
		else
			return cli_usage_error(tr("ukendt format '%s' (json eller md)",
						  "unknown format '%s' (json or md)"), optarg);
	}
	/* Nothing reaches stdout unless every case named was found. */
	if (format == EXPORT_JSON)
		st = exchange_export_json(ctx->store, (const char *const *)argv + optind,
					  (size_t)(argc - optind), &out);
	else
		st = exchange_export_md(ctx->store, ctx->guide, (const char *const *)argv + optind,
					(size_t)(argc - optind), &out);
	rc = st == SAM_OK ? write_stdout(&out) : cli_fail(st);
	strbuf_free(&out);
	return rc;
}

static enum sam_status read_all(const char *path, struct strbuf *sb)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char chunk[65536];
	size_t n;
	int err;

	if (!f)
		return sam_fail(SAM_ERR_IO, tr("kan ikke åbne '%s': %s", "cannot open '%s': %s"), path,
				strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_add(sb, chunk, n);
	err = ferror(f) ? errno : 0;
	if (f != stdin)
		fclose(f);
	if (err)
		return sam_fail(SAM_ERR_IO, tr("kan ikke læse '%s': %s", "cannot read '%s': %s"), path,
				strerror(err));
	return SAM_OK;
}

CLI_CMD(cmd_import)
{
	struct strbuf data = { 0 };
	enum sam_status st;
	const char *name;
	size_t n = 0;

	if (argc != 2 || (argv[1][0] == '-' && argv[1][1]))
		return cli_usage_error("%s: %s", tr("brug", "usage"), ctx->usage);
	name = strcmp(argv[1], "-") ? argv[1] : "<stdin>";
	st = read_all(argv[1], &data);
	if (st == SAM_OK)
		st = exchange_import(ctx->store, ctx->guide, strbuf_str(&data), data.len, name, &n);
	strbuf_free(&data);
	if (st != SAM_OK) {
		char *msg = xstrdup(sam_errmsg());

		sam_fail(st, "import: %s", msg);
		free(msg);
		return cli_fail(st);
	}
	printf(n == 1 ? tr("Importerede %zu sag.\n", "Imported %zu case.\n")
		      : tr("Importerede %zu sager.\n", "Imported %zu cases.\n"), n);
	return 0;
}
