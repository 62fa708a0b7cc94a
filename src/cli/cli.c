#include "samtale/cli.h"

#include "cmdtab.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

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

static bool is_help(const char *arg)
{
	return !strcmp(arg, "--help") || !strcmp(arg, "-h");
}

/* True (and the help printed to stdout) when argv holds --help or -h. */
static bool cli_wants_help(const struct cli_cmd *c, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (is_help(argv[i])) {
			cli_print_cmd_help(c, stdout);
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

int cli_next_opt(struct cli_ctx *ctx, int argc, char **argv, int *rc)
{
	static const struct cli_opt none[] = { { NULL, 0, NULL, NULL, false, NULL } };
	struct option longopts[CLI_MAX_OPTS + 1] = { { NULL, 0, NULL, 0 } };
	const struct cli_opt *opts = ctx->cmd && ctx->cmd->opts ? ctx->cmd->opts : none;
	int before = optind ? optind : 1, c;
	const char *shorts = ":";
	char buf[4];

	for (size_t i = 0; opts[i].name && i < CLI_MAX_OPTS; i++) {
		longopts[i] = (struct option){ opts[i].name, opts[i].arg || opts[i].values ? required_argument
										     : no_argument,
					       NULL, opts[i].val };
		if (!strcmp(opts[i].name, "output") && opts[i].val == 'o')
			shorts = ":o:";
	}
	opterr = 0;
	c = getopt_long(argc, argv, shorts, longopts, NULL);
	if (c == '?' || c == ':') {
		*rc = cli_usage_error(c == '?' ? _("unknown option '%s'")
					       : _("%s needs a value"),
				      refused_option(argv, before, buf, sizeof(buf)));
		return -1;
	}
	return c;
}

int cli_no_more_args(int argc, char **argv)
{
	if (optind < argc)
		return cli_usage_error(_("unexpected argument '%s'"),
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
		*rc = cli_usage_error(_("unexpected argument '%s'"),
				      argv[optind + 1]);
		return NULL;
	}
	return argv[optind];
}

/*
 * Common options
 */

struct common_opts {
	const char *value[COMMON_N];	/* --db, --content, --lang, --user */
	bool version;
};

/* Takes the common options out of argv wherever they stand (before "--"),
 * so each command sees only its own. Returns the new argc, or -1 on error. */
static int take_common_options(int argc, char **argv, struct common_opts *o)
{
	int out = 1;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct cli_opt *c = cli_opt_find(cli_common_opts, a);
		size_t n;

		if (!strcmp(a, "--")) {
			while (i < argc)
				argv[out++] = argv[i++];
			break;
		}
		if (c && c->val == COMMON_VERSION) {
			o->version = true;
			continue;
		}
		if (!c || (!c->arg && !c->values)) {
			argv[out++] = argv[i];
			continue;
		}
		n = strlen(c->name) + 2;
		if (a[n] == '=') {
			o->value[c->val] = a + n + 1;
		} else if (i + 1 >= argc) {
			cli_usage_error(_("%s needs a value"), a);
			return -1;
		} else {
			o->value[c->val] = argv[++i];
		}
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
	return cli_usage_error(_("unknown language '%s' (da or en)"),
			       ctx->lang);
}

static void set_ui_lang(const char *code)
{
	enum sam_lang lang;

	if (code && sam_lang_parse(code, &lang))
		sam_set_lang(lang);
}

/* The config file's defaults, below the options and the environment. */
static int read_config(void)
{
	char *path = config_path();
	enum sam_status st = path ? config_load(path) : SAM_OK;

	free(path);
	return st == SAM_OK ? 0 : cli_fail(st);
}

static int apply_common_options(const struct common_opts *o, struct cli_ctx *ctx)
{
	static char *default_db;
	const char *env_db = getenv("SAMTALE_DB");
	int rc;

	/* --lang first, so that a mistake in the config file is told in it. */
	ctx->lang = o->value[COMMON_LANG];
	set_ui_lang(ctx->lang);
	if ((rc = read_config()))
		return rc;
	/* The language: --lang, SAMTALE_LANG, the config file, then LANGUAGE
	 * and the locale (as cli_main set it). */
	if (!ctx->lang && str_empty(getenv("SAMTALE_LANG")))
		set_ui_lang(config_get(CONFIG_LANG));
	/* An empty SAMTALE_DB is as if unset; an empty --db is a mistake that
	 * must not quietly fall back to the personal database. */
	if (o->value[COMMON_DB] && str_empty(o->value[COMMON_DB]))
		return cli_usage_error("%s", _("--db must not be empty"));
	ctx->db_path = o->value[COMMON_DB] ? o->value[COMMON_DB] : !str_empty(env_db) ? env_db
										: config_get(CONFIG_DB);
	ctx->db_named = ctx->db_path != NULL;
	if (!ctx->db_path) {
		if (!default_db)
			default_db = path_default_db();
		if (!default_db)
			return cli_usage_error("%s", _("no home directory for the database; use --db"));
		ctx->db_path = default_db;
	}
	ctx->content_dir = o->value[COMMON_CONTENT] ? o->value[COMMON_CONTENT] : content_default_dir();
	ctx->content_lang = o->value[COMMON_CONTENT_LANG];
	ctx->user = o->value[COMMON_USER] ? o->value[COMMON_USER]
		    : config_get(CONFIG_USER) ? config_get(CONFIG_USER) : sam_login_name();
	if (str_empty(ctx->user))
		return cli_usage_error("%s", _("--user must not be empty"));
	return 0;
}

/*
 * Opening what a command needs
 */

bool cli_db_exists(const struct cli_ctx *ctx)
{
	return path_exists(ctx->db_path) || store_on_server(ctx->db_path);
}

/* A database that is not there yet. The default one is made by the first
 * command that writes; before that, reading it says how to begin. One
 * named with --db, SAMTALE_DB or the config file is made only where its
 * directory exists (db init makes that too): a typo in the path must not
 * become a new tree of directories. */
static int check_missing_db(const struct cli_ctx *ctx, unsigned needs)
{
	char *dir;
	int rc = 1;

	/* A server's database is no file to look for: the store says what is wrong. */
	if ((needs & NEED_DB_INIT) || cli_db_exists(ctx))
		return 0;
	dir = path_dirname(ctx->db_path);
	if (ctx->db_named && !path_exists(dir))
		fprintf(stderr, _("samtale: The directory %s does not exist, so there is no database at %s. Is "
				   "the path spelt right? A new database and its directory are made with: samtale "
				   "db init --db %s\n"),
			dir, ctx->db_path, ctx->db_path);
	else if (!ctx->db_named && !(needs & NEED_DB))
		fprintf(stderr, _("samtale: There is no database yet (%s). It is made when you open samtale "
				   "without a command or add your first case with 'samtale case add', or now "
				   "with 'samtale db init'.\n"),
			ctx->db_path);
	else
		rc = 0;
	free(dir);
	return rc;
}

bool cli_db_is_default(const struct cli_ctx *ctx)
{
	char *dflt = path_default_db();
	bool same = dflt && ctx->db_path && !strcmp(dflt, ctx->db_path);

	free(dflt);
	return same;
}

void cli_use_demo_db(struct cli_ctx *ctx)
{
	static char *demo;

	/* The default database has a home, so the demo database has one too. */
	if (cli_db_is_default(ctx) && (demo || (demo = path_demo_db())))
		ctx->db_path = demo;
}

int cli_open_store(struct cli_ctx *ctx, unsigned needs)
{
	enum sam_status st;
	int rc;

	if (ctx->store || !(needs & (NEED_DB | NEED_DB_READONLY | NEED_DB_INIT)))
		return 0;
	if ((rc = check_missing_db(ctx, needs)))
		return rc;
	st = store_open(ctx->db_path, ctx->user,
			(needs & (NEED_DB | NEED_DB_INIT)) ? STORE_CREATE : STORE_READONLY, &ctx->store);
	return st == SAM_OK ? 0 : cli_fail(st);
}

int cli_load_content(struct cli_ctx *ctx)
{
	struct content_diags diags = { 0 };
	enum sam_status st;

	if (ctx->guide)
		return 0;
	st = content_load(ctx->content_dir, cli_content_lang(ctx), &ctx->guide, &diags);
	return cli_content_status(st, &diags);
}

int cli_content_status(enum sam_status st, struct content_diags *diags)
{
	content_diags_print(diags, stderr);
	content_diags_free(diags);
	if (st == SAM_OK)
		return 0;
	if (st == SAM_ERR_INVALID)
		fprintf(stderr, "samtale: %s\n", _("the content is invalid; fix the errors above"));
	else
		cli_fail(st);
	return 1;
}

static int run_cmd(const struct cli_cmd *c, struct cli_ctx *ctx, int argc, char **argv)
{
	char *usage = cli_cmd_usage_text(c);
	int rc;

	ctx->cmd = c;
	ctx->usage = usage;
	if ((rc = check_ui_lang(ctx, c->needs)))
		goto out;
	if (cli_wants_help(c, argc, argv))
		goto out;
	if ((c->needs & NEED_CONTENT) && (rc = cli_load_content(ctx)))
		goto out;
	if (c->needs & DEMO_DB)
		cli_use_demo_db(ctx);
	if ((rc = cli_open_store(ctx, c->needs)))
		goto out;
	optind = 0;	/* commands run getopt_long afresh on their own argv */
	rc = c->fn(ctx, argc, argv);
out:
	ctx->usage = NULL;
	free(usage);
	return rc;
}

static const struct cli_cmd *find_cmd(const char *group, const char *name, bool *group_known)
{
	*group_known = false;
	for (size_t i = 0; i < cli_ncmds; i++) {
		if (strcmp(cli_cmds[i].group, group))
			continue;
		*group_known = true;
		if (!cli_cmds[i].name || (name && !strcmp(cli_cmds[i].name, name)))
			return &cli_cmds[i];
	}
	return NULL;
}

static int dispatch(struct cli_ctx *ctx, int argc, char **argv)
{
	bool group_known;
	const struct cli_cmd *c = find_cmd(argv[1], argc > 2 ? argv[2] : NULL, &group_known);

	if (c)
		return c->name ? run_cmd(c, ctx, argc - 2, argv + 2) : run_cmd(c, ctx, argc - 1, argv + 1);
	if (!group_known) {
		cli_usage_error(_("unknown command '%s'; try 'samtale --help'"), argv[1]);
		return 2;
	}
	if (argc > 2 && is_help(argv[2])) {
		cli_print_group_help(argv[1], stdout);
		return 0;
	}
	if (argc > 2)
		cli_usage_error(_("unknown command '%s %s'"), argv[1], argv[2]);
	else
		cli_usage_error(_("'%s' needs a subcommand"), argv[1]);
	cli_print_group_help(argv[1], stderr);
	return 2;
}

const char *cli_content_lang(const struct cli_ctx *ctx)
{
	return ctx->content_lang ? ctx->content_lang : sam_lang_code();
}

int cli_main(int argc, char **argv, cli_tui_fn tui)
{
	struct common_opts o = { 0 };
	struct cli_ctx ctx = { 0 };
	enum sam_lang lang = SAM_LANG_DA;
	bool lang_known = sam_lang_from_env(&lang);
	int rc;

	sam_set_lang(lang);
	/* What a process killed with kill -9 left of her words. */
	path_private_clean();
	/* Nothing samtale prints, data or a file's words in a message, may
	 * drive the terminal. The TUI draws through curses, which needs the
	 * real stdout, and shows text through the same helper. */
	stderr = text_guard_stream(stderr);
	if (!lang_known) {
		fprintf(stderr, _("samtale: SAMTALE_LANG: unknown language '%s' (da or en)\n"),
			getenv("SAMTALE_LANG"));
		return 2;
	}
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
		cli_print_main_help(stdout);
		rc = 0;
	} else if (argv[1][0] == '-') {
		rc = cli_usage_error(_("unknown option '%s'"), argv[1]);
	} else {
		stdout = text_guard_stream(stdout);
		rc = dispatch(&ctx, argc, argv);
	}
	store_close(ctx.store);
	content_guide_free(ctx.guide);
	return rc;
}
