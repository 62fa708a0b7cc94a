#include "cmdtab.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * samtale complete -- WORD...: what may come in the last WORD of the
 * command line "samtale WORD...", one per line, for the shell's completion
 * (completion/samtale). Files and directories are the shell's to list: the
 * line "@file" or "@dir" asks for them. Quiet: a database or content that
 * cannot be read gives no suggestions and no message, and nothing is
 * created.
 */

/* The reference list is cut here; a shell asks before it shows so many. */
#define MAX_REFS 10000

/* What the words before the last one say. */
struct walk {
	const char *group;		/* the first operand */
	const struct cli_cmd *cmd;	/* NULL until known */
	bool need_sub;			/* group has subcommands, none given yet */
	int operands;			/* operands after the command */
	const struct cli_opt *pending;	/* an option waiting for its value */
	const char *common[COMMON_N];	/* --db, --content, --lang given in the words */
};

static const struct cli_opt *option_of(const struct walk *w, const char *word)
{
	const struct cli_opt *o = w->cmd ? cli_opt_find(w->cmd->opts, word) : NULL;

	return o ? o : cli_opt_find(cli_common_opts, word);
}

static bool takes_value(const struct cli_opt *o)
{
	return o->arg || o->values;
}

static void take_value(struct walk *w, const struct cli_opt *o, const char *value)
{
	if (o->val >= 0 && o->val < COMMON_N && o == &cli_common_opts[o->val])
		w->common[o->val] = value;
}

static void take_operand(struct walk *w, const char *word)
{
	if (!w->group) {
		w->group = word;
		w->need_sub = false;
		for (size_t i = 0; i < cli_ncmds; i++)
			if (!strcmp(cli_cmds[i].group, word)) {
				w->need_sub = cli_cmds[i].name != NULL;
				w->cmd = cli_cmds[i].name ? NULL : &cli_cmds[i];
			}
		return;
	}
	if (w->need_sub) {
		w->need_sub = false;
		for (size_t i = 0; i < cli_ncmds; i++)
			if (!strcmp(cli_cmds[i].group, w->group) && cli_cmds[i].name &&
			    !strcmp(cli_cmds[i].name, word))
				w->cmd = &cli_cmds[i];
		return;
	}
	w->operands++;
}

static void walk_words(struct walk *w, int n, char **words)
{
	for (int i = 0; i < n; i++) {
		const char *word = words[i];
		const struct cli_opt *o;

		if (w->pending) {
			/* The shell splits "--db=x" into "--db", "=", "x". */
			if (strcmp(word, "=")) {
				take_value(w, w->pending, word);
				w->pending = NULL;
			}
		} else if (word[0] == '-' && word[1]) {
			if ((o = option_of(w, word)) && takes_value(o)) {
				const char *eq = strchr(word, '=');

				if (eq)
					take_value(w, o, eq + 1);
				else
					w->pending = o;
			}
		} else {
			take_operand(w, word);
		}
	}
}

static void offer(const char *word, const char *cur)
{
	if (!strncmp(word, cur, strlen(cur)))
		printf("%s\n", word);
}

static void offer_words(const char *values, const char *cur)
{
	char *copy = xstrdup(values), *save = NULL;

	for (char *v = strtok_r(copy, "|", &save); v; v = strtok_r(NULL, "|", &save))
		offer(v, cur);
	free(copy);
}

static void offer_options(const struct cli_opt *opts, const char *cur)
{
	for (const struct cli_opt *o = opts; o && o->name; o++) {
		char *word = xasprintf("--%s", o->name);

		offer(word, cur);
		free(word);
	}
}

static void offer_types(struct cli_ctx *ctx, const struct walk *w, const char *cur)
{
	const char *dir = w->common[COMMON_CONTENT] ? w->common[COMMON_CONTENT] : ctx->content_dir;
	struct content_diags diags = { 0 };
	struct content_guide *g = NULL;

	if (content_load(dir, cli_content_lang(ctx), &g, &diags) == SAM_OK)
		for (size_t i = 0; i < g->nmeeting_types; i++)
			offer(g->meeting_types[i].id, cur);
	content_diags_free(&diags);
	content_guide_free(g);
}

/* Every case's reference, closed ones too, read without creating or
 * changing the database. */
static void offer_refs(struct cli_ctx *ctx, const struct walk *w, const char *cur)
{
	const char *db = w->common[COMMON_DB] ? w->common[COMMON_DB] : ctx->db_path;
	struct case_query q = { .filter = cur, .include_closed = true };
	struct case_rows rows = { 0 };
	struct store *st;
	size_t n;

	if (!path_exists(db) || store_open(db, ctx->user, STORE_READONLY, &st) != SAM_OK)
		return;
	if (store_case_count(st, &q, &n) == SAM_OK && n > 0 &&
	    store_case_rows(st, &q, 0, n < MAX_REFS ? n : MAX_REFS, &rows) == SAM_OK)
		for (size_t i = 0; i < rows.n; i++)
			offer(rows.v[i].ref, cur);
	case_rows_free(&rows);
	store_close(st);
}

/* What a value or operand named name ("FILE", "[REF...]") may be. */
static void offer_named(struct cli_ctx *ctx, const struct walk *w, const char *name, const char *cur)
{
	size_t n = strspn(name, "[");
	size_t len = strcspn(name + n, "].");

	name += n;
	if (!strncmp(name, "REF", len) && len == 3)
		offer_refs(ctx, w, cur);
	else if ((!strncmp(name, "FILE", len) && len == 4) || (!strncmp(name, "PATH", len) && len == 4))
		printf("@file\n");
	else if ((!strncmp(name, "DIR", len) && len == 3) || (!strncmp(name, "OLD", len) && len == 3) ||
		 (!strncmp(name, "NEW", len) && len == 3))
		printf("@dir\n");
}

/* The command's operand number i ("REF DATE": 0 is REF); the last one of
 * "[REF...]" repeats. */
static void offer_operand(struct cli_ctx *ctx, const struct walk *w, const char *cur)
{
	char *args = xstrdup(w->cmd->args), *save = NULL, *last = NULL;
	int i = 0;

	for (char *a = strtok_r(args, " ", &save); a; a = strtok_r(NULL, " ", &save), i++) {
		last = a;
		if (i == w->operands)
			break;
	}
	if (last && (i == w->operands || strstr(last, "...")))
		offer_named(ctx, w, last, cur);
	free(args);
}

static void offer_commands(const struct walk *w, const char *cur)
{
	for (size_t i = 0; i < cli_ncmds; i++) {
		const struct cli_cmd *c = &cli_cmds[i];

		if (c->needs & CLI_HIDDEN)
			continue;
		if (!w->group && (i == 0 || strcmp(c->group, cli_cmds[i - 1].group)))
			offer(c->group, cur);
		else if (w->group && !strcmp(c->group, w->group) && c->name)
			offer(c->name, cur);
	}
}

CLI_CMD(cmd_complete)
{
	struct walk w = { 0 };
	const char *cur;

	/* cli_main keeps "--" and what follows it for the command. */
	if (argc < 3 || strcmp(argv[1], "--"))
		return 0;
	walk_words(&w, argc - 3, argv + 2);
	cur = argv[argc - 1];
	if (!strcmp(cur, "="))
		cur = "";
	if (w.pending && w.pending->values)
		offer_words(w.pending->values, cur);
	else if (w.pending && !strcmp(w.pending->name, "type"))
		offer_types(ctx, &w, cur);
	else if (w.pending)
		offer_named(ctx, &w, w.pending->arg, cur);
	else if (cur[0] == '-') {
		offer_options(w.cmd ? w.cmd->opts : NULL, cur);
		offer_options(cli_common_opts, cur);
	} else if (!w.group || w.need_sub)
		offer_commands(&w, cur);
	else if (w.cmd)
		offer_operand(ctx, &w, cur);
	return 0;
}
