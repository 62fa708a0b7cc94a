#include "samtale/cli.h"

#include <getopt.h>
#include <string.h>
#include <unistd.h>

#include "samtale/handout.h"
#include "samtale/util.h"

/*
 * handout: her copy of a meeting, as PDF, text or Markdown
 */

enum handout_format { FORMAT_PDF, FORMAT_TXT, FORMAT_MD };

struct handout_job {
	const struct handout *h;
	enum handout_format format;
};

static enum sam_status write_handout(FILE *f, void *arg)
{
	const struct handout_job *job = arg;

	switch (job->format) {
	case FORMAT_TXT:
		return handout_write_txt(job->h, HANDOUT_TXT_WIDTH, f);
	case FORMAT_MD:
		return handout_write_md(job->h, f);
	case FORMAT_PDF:
		break;
	}
	return handout_write_pdf(job->h, f);
}

static bool parse_format(const char *s, enum handout_format *out)
{
	static const char *const names[] = { [FORMAT_PDF] = "pdf", [FORMAT_TXT] = "txt",
					     [FORMAT_MD] = "md" };

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(s, names[i])) {
			*out = (enum handout_format)i;
			return true;
		}
	return false;
}

CLI_CMD(cmd_handout)
{
	struct handout_job job = { NULL, FORMAT_PDF };
	struct content_diags diags = { 0 };
	const char *output = NULL, *lang = ctx->lang ? ctx->lang : sam_lang_code();
	struct handout h;
	sam_date date;
	bool dated = false;
	enum sam_status st;
	int c, rc = 0;

	while ((c = cli_next_opt(ctx, argc, argv, &rc)) != -1) {
		if (c == 'm' && (rc = cli_date("--meeting", optarg, DATE_NOT_FUTURE, date)))
			return rc;
		dated |= c == 'm';
		if (c == 'f' && !parse_format(optarg, &job.format))
			return cli_usage_error(_("unknown format '%s' (pdf, txt or md)"), optarg);
		if (c == 'o')
			output = optarg;
	}
	if (rc)
		return rc;
	if (optind + 1 != argc)
		return cli_usage_error("%s: %s", _("usage"), ctx->usage);
	if (!output && job.format == FORMAT_PDF && isatty(STDOUT_FILENO))
		return cli_usage_error("%s", _("a PDF is not written to the terminal; use -o FILE or --format txt"));
	st = handout_build(ctx->store, argv[optind], dated ? date : NULL, ctx->content_dir, lang, &h,
			   &diags);
	if ((rc = cli_content_status(st, &diags)))
		return rc;
	job.h = &h;
	/* A PDF is bytes, not text: past the CLI's text guard. */
	st = output ? path_write_private(output, write_handout, &job)
		    : write_handout(job.format == FORMAT_PDF ? text_unguarded(stdout) : stdout, &job);
	handout_free(&h);
	return st == SAM_OK ? 0 : cli_fail(st);
}
