#include "samtale/cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

struct cli_cmd {
	const char *group;
	const char *name;		/* NULL for a command without subcommands */
	int (*fn)(struct cli_ctx *ctx, int argc, char **argv);
	unsigned needs;
	const char *args;
	const char *summary_da, *summary_en;
};

static const struct cli_cmd cmds[] = {
	{ "content", "check", cmd_content_check, 0, "[DIR] [--db PATH]",
	  "kontrollér indholdsfiler", "validate content files" },
	{ "content", "list", cmd_content_list, NEED_CONTENT, "",
	  "vis afsnit, samtaletyper og punkter", "list sections, meeting types and items" },
	{ "content", "show", cmd_content_show, NEED_CONTENT, "ID",
	  "vis et afsnit eller punkt", "print a section or item" },
	{ "content", "diff", cmd_content_diff, 0, "OLD NEW [--format table|csv|json]",
	  "vis hvad der er ændret mellem to indholdsmapper", "show what changed between two content trees" },
	{ "case", "add", cmd_case_add, NEED_DB, "REF [--initials XX]",
	  "opret en sag", "add a case" },
	{ "case", "list", cmd_case_list, NEED_DB_READONLY, "[--all] [--format table|csv|json]",
	  "vis sager", "list cases" },
	{ "case", "show", cmd_case_show, NEED_DB_READONLY | NEED_CONTENT, "REF",
	  "vis en sag", "show a case" },
	{ "case", "close", cmd_case_close, NEED_DB, "REF [--date D]",
	  "afslut en sag", "close a case" },
	{ "case", "reopen", cmd_case_reopen, NEED_DB, "REF",
	  "genåbn en afsluttet sag", "reopen a closed case" },
	{ "case", "delete", cmd_case_delete, NEED_DB, "REF --yes",
	  "slet en sag helt", "erase a case" },
	{ "meeting", "set", cmd_meeting_set, NEED_DB | NEED_CONTENT,
	  "REF DATE [--date D] [--type T] [--nth N]",
	  "ret en samtales dato eller type", "correct a meeting's date or type" },
	{ "meeting", "delete", cmd_meeting_delete, NEED_DB | NEED_CONTENT,
	  "REF DATE [--type T] [--nth N] --yes",
	  "fjern en samtale oprettet ved en fejl", "remove a meeting opened by mistake" },
	{ "followup", "edit", cmd_followup_edit, NEED_DB, "ID [--text T] [--due D] [--assignee A]",
	  "ret en opfølgning", "correct a follow-up" },
	{ "followup", "done", cmd_followup_done, NEED_DB, "ID",
	  "markér en opfølgning udført", "mark a follow-up done" },
	{ "followup", "undone", cmd_followup_undone, NEED_DB, "ID",
	  "gør en opfølgning åben igen", "open a follow-up again" },
	{ "followup", "delete", cmd_followup_delete, NEED_DB, "ID --yes",
	  "slet en opfølgning", "erase a follow-up" },
	{ "db", "init", cmd_db_init, 0, "[--shared GROUP]",
	  "opret databasen", "create the database" },
	{ "db", "backup", cmd_db_backup, NEED_DB_READONLY, "[--force] FILE",
	  "tag en sikkerhedskopi", "back up the database" },
	{ "db", "check", cmd_db_check, NEED_DB_READONLY, "",
	  "kontrollér databasen", "check the database" },
	{ "db", "purge", cmd_db_purge, NEED_DB, "--closed-before D --yes",
	  "slet afsluttede sager", "erase closed cases" },
	{ "internship", "add", cmd_internship_add, NEED_DB,
	  "REF --workplace W --from D [--to D] [--field F] [--contact C] "
	  "[--job-possible yes|no|unknown] [--goal T]",
	  "registrér en praktik", "record an internship" },
	{ "internship", "list", cmd_internship_list, NEED_DB_READONLY,
	  "[REF] [--format table|csv|json]",
	  "vis praktikker", "list internships" },
	{ "internship", "edit", cmd_internship_edit, NEED_DB,
	  "ID [--workplace W] [--from D] [--to D] [--field F] [--contact C] "
	  "[--job-possible yes|no|unknown] [--goal T]",
	  "ret en praktik", "correct an internship" },
	{ "internship", "end", cmd_internship_end, NEED_DB,
	  "ID --outcome employed|education|extended|ended-early|completed [--date D] [--reason T]",
	  "afslut en praktik", "end an internship" },
	{ "followups", NULL, cmd_followups, NEED_DB_READONLY,
	  "[--overdue] [--all] [--format table|csv|json]",
	  "vis opfølgninger", "list follow-ups" },
	{ "report", NULL, cmd_report, NEED_DB_READONLY | NEED_CONTENT,
	  "[--by section|item|caseworker|case|type|internship] [--from D] [--to D] [--caseworker N] "
	  "[--type T] [--stale DAYS] [--split caseworker] [--kind action|reflection] "
	  "[--format table|csv|json]",
	  "rapport til teamlederen", "the team lead's report" },
	{ "export", NULL, cmd_export, NEED_DB_READONLY | NEED_CONTENT, "[REF...] [--format json|md]",
	  "eksportér sager", "export cases" },
	{ "import", NULL, cmd_import, NEED_DB | NEED_CONTENT, "FILE",
	  "importér sager", "import cases" },
	{ "demo", NULL, cmd_demo, NEED_DB | NEED_CONTENT, "[--cases N] [--seed S] [--yes]",
	  "fyld databasen med opdigtede sager", "fill the database with synthetic cases" },
	{ "handout", NULL, cmd_handout, NEED_DB_READONLY | ANY_LANG,
	  "REF [--meeting DATE] [--format pdf|txt|md] [--lang L] [-o FILE]",
	  "hendes kopi af en samtale", "her copy of a meeting" },
};

static const char common_usage[] =
	"  --db PATH        database (env SAMTALE_DB)\n"
	"  --content DIR    content directory (env SAMTALE_CONTENT)\n"
	"  --lang da|en     language\n"
	"  --user NAME      caseworker recorded on changes (default: login name)\n";

/*
 * Errors and usage
 */

int cli_fail(enum sam_status st)
{
	fprintf(stderr, "samtale: %s\n", sam_errmsg());
	return st == SAM_OK ? 0 : 1;
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("samtale: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 2;
}

static void print_cmd_usage(const struct cli_cmd *c, FILE *out)
{
	fprintf(out, "  samtale %s%s%s%s%s\n", c->group, c->name ? " " : "", c->name ? c->name : "",
		*c->args ? " " : "", c->args);
}

static void print_usage(FILE *out)
{
	fprintf(out, "%s: samtale [OPTION...] [COMMAND]\n\n", tr("Brug", "Usage"));
	fprintf(out, "%s\n\n", tr("Uden kommando åbnes samtaleguiden.",
				   "Without a command, the conversation guide opens."));
	fprintf(out, "%s:\n", tr("Kommandoer", "Commands"));
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++)
		print_cmd_usage(&cmds[i], out);
	fprintf(out, "\n%s:\n%s  --help           %s\n  --version        %s\n",
		tr("Fælles tilvalg", "Common options"), common_usage,
		tr("vis hjælp (også efter hver kommando)", "show help (also after any command)"),
		tr("vis versionen", "show the version"));
}

static bool is_help(const char *arg)
{
	return !strcmp(arg, "--help") || !strcmp(arg, "-h");
}

/* True (and usage printed to stdout) when argv holds --help or -h. */
static bool cli_wants_help(struct cli_ctx *ctx, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (is_help(argv[i])) {
			printf("%s: %s\n\n%s:\n%s", tr("Brug", "Usage"), ctx->usage,
			       tr("Fælles tilvalg", "Common options"), common_usage);
			return true;
		}
	}
	return false;
}

/* The option getopt_long just refused. A long option always moves optind
 * past itself; a short one may sit inside a cluster ("-xy") that optind has
 * not left yet, or behind operands getopt skipped, so optopt names it. */
static const char *refused_option(char **argv, int before, char *buf, size_t size)
{
	bool moved = optind > before;

	if (moved && !strncmp(argv[optind - 1], "--", 2))
		return argv[optind - 1];
	if (optopt > ' ' && optopt < 0x7f) {
		snprintf(buf, size, "-%c", optopt);
		return buf;
	}
	return moved ? argv[optind - 1] : argv[optind];
}

int cli_next_opt(int argc, char **argv, const struct option *opts, int *rc)
{
	int before = optind ? optind : 1, c;
	const char *shorts = ":";
	char buf[4];

	for (const struct option *o = opts; o->name; o++)
		if (!strcmp(o->name, "output") && o->val == 'o')
			shorts = ":o:";
	opterr = 0;
	c = getopt_long(argc, argv, shorts, opts, NULL);
	if (c == '?' || c == ':') {
		*rc = cli_usage_error(c == '?' ? tr("ukendt tilvalg '%s'", "unknown option '%s'")
					       : tr("%s kræver en værdi", "%s needs a value"),
				      refused_option(argv, before, buf, sizeof(buf)));
		return -1;
	}
	return c;
}

int cli_no_more_args(int argc, char **argv)
{
	if (optind < argc)
		return cli_usage_error(tr("uventet argument '%s'", "unexpected argument '%s'"),
				       argv[optind]);
	return 0;
}

int cli_date(const char *what, const char *typed, enum date_when when, sam_date out)
{
	if (date_parse(typed, when, out) != SAM_OK)
		return cli_usage_error("%s: %s", what, sam_errmsg());
	if (strcmp(typed, out))
		fprintf(stderr, "samtale: %s %s = %s (%s)\n", what, typed, out, date_weekday(out));
	return 0;
}

const char *cli_one_arg(int argc, char **argv, const char *missing, int *rc)
{
	if (optind >= argc) {
		*rc = cli_usage_error("%s", missing);
		return NULL;
	}
	if (optind + 1 < argc) {
		*rc = cli_usage_error(tr("uventet argument '%s'", "unexpected argument '%s'"),
				      argv[optind + 1]);
		return NULL;
	}
	return argv[optind];
}

/*
 * Common options
 */

struct common_opts {
	const char *db, *content, *lang, *user;
	bool help, version;
};

/* Takes the common options out of argv wherever they stand (before "--"),
 * so each command sees only its own. Returns the new argc, or -1 on error. */
static int take_common_options(int argc, char **argv, struct common_opts *o)
{
	static const struct { const char *name; size_t off; } valued[] = {
		{ "--db", offsetof(struct common_opts, db) },
		{ "--content", offsetof(struct common_opts, content) },
		{ "--lang", offsetof(struct common_opts, lang) },
		{ "--user", offsetof(struct common_opts, user) },
	};
	int out = 1;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool taken = false;

		if (!strcmp(a, "--")) {
			while (i < argc)
				argv[out++] = argv[i++];
			break;
		}
		for (size_t k = 0; k < ARRAY_SIZE(valued) && !taken; k++) {
			size_t n = strlen(valued[k].name);
			const char **slot = (const char **)((char *)o + valued[k].off);

			if (strncmp(a, valued[k].name, n))
				continue;
			if (a[n] == '=') {
				*slot = a + n + 1;
				taken = true;
			} else if (a[n] == '\0') {
				if (i + 1 >= argc) {
					cli_usage_error(tr("%s kræver en værdi", "%s needs a value"), a);
					return -1;
				}
				*slot = argv[++i];
				taken = true;
			}
		}
		if (!taken && !strcmp(a, "--version")) {
			o->version = true;
			taken = true;
		}
		if (!taken)
			argv[out++] = argv[i];
	}
	argv[out] = NULL;
	return out;
}

/* A --lang that is not a UI language is refused, except by a command that
 * gives her copy in it (the UI then stays as it was). */
static int check_ui_lang(const struct cli_ctx *ctx, unsigned needs)
{
	enum sam_lang lang;

	if (!ctx->lang || (needs & ANY_LANG) || sam_lang_parse(ctx->lang, &lang))
		return 0;
	return cli_usage_error(tr("ukendt sprog '%s' (da eller en)", "unknown language '%s' (da or en)"),
			       ctx->lang);
}

static int apply_common_options(const struct common_opts *o, struct cli_ctx *ctx)
{
	static char *default_db;
	enum sam_lang lang;

	ctx->lang = o->lang;
	if (o->lang && sam_lang_parse(o->lang, &lang))
		sam_set_lang(lang);
	/* An empty SAMTALE_DB is as if unset; an empty --db is a mistake that
	 * must not quietly fall back to the personal database. */
	if (o->db && str_empty(o->db))
		return cli_usage_error("%s", tr("--db må ikke være tom", "--db must not be empty"));
	ctx->db_path = o->db ? o->db : getenv("SAMTALE_DB");
	if (str_empty(ctx->db_path)) {
		if (!default_db)
			default_db = path_default_db();
		if (!default_db)
			return cli_usage_error("%s", tr("kan ikke finde en hjemmemappe til databasen; brug --db",
							"no home directory for the database; use --db"));
		ctx->db_path = default_db;
	}
	ctx->content_dir = o->content ? o->content : content_default_dir();
	ctx->user = o->user ? o->user : sam_login_name();
	if (str_empty(ctx->user))
		return cli_usage_error("%s", tr("--user må ikke være tom", "--user must not be empty"));
	return 0;
}

/*
 * Opening what a command needs
 */

int cli_open_store(struct cli_ctx *ctx, unsigned needs)
{
	enum sam_status st;

	if (ctx->store || !(needs & (NEED_DB | NEED_DB_READONLY)))
		return 0;
	st = store_open(ctx->db_path, ctx->user,
			(needs & NEED_DB) ? STORE_CREATE : STORE_READONLY, &ctx->store);
	return st == SAM_OK ? 0 : cli_fail(st);
}

int cli_load_content(struct cli_ctx *ctx)
{
	struct content_diags diags = { 0 };
	enum sam_status st;

	if (ctx->guide)
		return 0;
	st = content_load(ctx->content_dir, sam_lang_code(), &ctx->guide, &diags);
	return cli_content_status(st, &diags);
}

int cli_content_status(enum sam_status st, struct content_diags *diags)
{
	content_diags_print(diags, stderr);
	content_diags_free(diags);
	if (st == SAM_OK)
		return 0;
	if (st == SAM_ERR_INVALID)
		fprintf(stderr, "samtale: %s\n", tr("indholdet er ugyldigt; ret fejlene ovenfor",
						    "the content is invalid; fix the errors above"));
	else
		cli_fail(st);
	return 1;
}

static int run_cmd(const struct cli_cmd *c, struct cli_ctx *ctx, int argc, char **argv)
{
	char usage[512];
	int rc;

	snprintf(usage, sizeof(usage), "samtale %s%s%s%s%s", c->group, c->name ? " " : "",
		 c->name ? c->name : "", *c->args ? " " : "", c->args);
	ctx->usage = usage;
	if ((rc = check_ui_lang(ctx, c->needs)))
		return rc;
	if (cli_wants_help(ctx, argc, argv)) {
		printf("\n%s.\n", tr(c->summary_da, c->summary_en));
		return 0;
	}
	if ((c->needs & NEED_CONTENT) && (rc = cli_load_content(ctx)))
		return rc;
	if ((rc = cli_open_store(ctx, c->needs)))
		return rc;
	optind = 0;	/* commands run getopt_long afresh on their own argv */
	return c->fn(ctx, argc, argv);
}

static const struct cli_cmd *find_cmd(const char *group, const char *name, bool *group_known)
{
	*group_known = false;
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
		if (strcmp(cmds[i].group, group))
			continue;
		*group_known = true;
		if (!cmds[i].name || (name && !strcmp(cmds[i].name, name)))
			return &cmds[i];
	}
	return NULL;
}

static void print_group_usage(const char *group, FILE *out)
{
	fprintf(out, "%s:\n", tr("Brug", "Usage"));
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++)
		if (!strcmp(cmds[i].group, group))
			print_cmd_usage(&cmds[i], out);
}

static int dispatch(struct cli_ctx *ctx, int argc, char **argv)
{
	bool group_known;
	const struct cli_cmd *c = find_cmd(argv[1], argc > 2 ? argv[2] : NULL, &group_known);

	if (c)
		return c->name ? run_cmd(c, ctx, argc - 2, argv + 2) : run_cmd(c, ctx, argc - 1, argv + 1);
	if (!group_known) {
		cli_usage_error(tr("ukendt kommando '%s'; prøv 'samtale --help'",
				   "unknown command '%s'; try 'samtale --help'"), argv[1]);
		return 2;
	}
	if (argc > 2 && is_help(argv[2])) {
		print_group_usage(argv[1], stdout);
		return 0;
	}
	if (argc > 2)
		cli_usage_error(tr("ukendt kommando '%s %s'", "unknown command '%s %s'"), argv[1], argv[2]);
	else
		cli_usage_error(tr("'%s' kræver en underkommando", "'%s' needs a subcommand"), argv[1]);
	print_group_usage(argv[1], stderr);
	return 2;
}

int cli_main(int argc, char **argv, cli_tui_fn tui)
{
	struct common_opts o = { 0 };
	struct cli_ctx ctx = { 0 };
	int rc;

	/* What a process killed with kill -9 left of her words. */
	path_private_clean();
	/* Nothing samtale prints, data or a file's words in a message, may
	 * drive the terminal. The TUI draws through curses, which needs the
	 * real stdout, and shows text through the same helper. */
	stderr = text_guard_stream(stderr);
	argc = take_common_options(argc, argv, &o);
	if (argc < 0)
		return 2;
	if ((rc = apply_common_options(&o, &ctx)))
		return rc;
	if (o.version) {
		printf("samtale %s\n", SAMTALE_VERSION);
		return 0;
	}
	if (argc < 2) {
		ctx.usage = "samtale [OPTION...]";
		/* The TUI checks its terminal before it opens (or creates) the
		 * database, and loads the content after drawing its first screen. */
		if (!(rc = check_ui_lang(&ctx, 0)))
			rc = tui(&ctx);
	} else if (is_help(argv[1]) || !strcmp(argv[1], "help")) {
		print_usage(stdout);
		rc = 0;
	} else if (argv[1][0] == '-') {
		rc = cli_usage_error(tr("ukendt tilvalg '%s'", "unknown option '%s'"), argv[1]);
	} else {
		stdout = text_guard_stream(stdout);
		rc = dispatch(&ctx, argc, argv);
	}
	store_close(ctx.store);
	content_guide_free(ctx.guide);
	return rc;
}
