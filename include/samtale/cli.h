#ifndef SAMTALE_CLI_H
#define SAMTALE_CLI_H

/*
 * The command line: a table of subcommands and their options (src/cli/cmdtab.c)
 * over the core modules. Common options are taken by cli_main wherever they
 * stand; each command reads its own with cli_next_opt and returns an exit
 * status.
 */

#include <stdbool.h>
#include <stdio.h>

#include "samtale/content.h"
#include "samtale/store.h"
#include "samtale/util.h"

enum cli_needs {
	NEED_DB = 1 << 0,		/* open the database, creating it if missing */
	NEED_DB_READONLY = 1 << 1,	/* open an existing database without writing */
	NEED_CONTENT = 1 << 2,		/* load the guide in --lang */
	ANY_LANG = 1 << 3,		/* --lang may name a language of her copy alone */
	NEED_DB_INIT = 1 << 4,		/* create the database and its directory (db init) */
	DEMO_DB = 1 << 5,		/* the default database means the demo database */
};

struct cli_cmd;

struct cli_ctx {
	const char *db_path;		/* --db, $SAMTALE_DB, the config file or the default */
	bool db_named;			/* not the default: made only in a directory that exists */
	const char *content_dir;	/* --content, $SAMTALE_CONTENT or the default */
	const char *user;		/* --user or the login name */
	const char *lang;		/* --lang as given; NULL when absent */
	const char *content_lang;	/* --content-lang; NULL: the UI language */
	struct store *store;		/* open when the command needs it */
	struct content_guide *guide;	/* loaded when the command needs it */
	const char *usage;		/* the command's usage line, for messages */
	const struct cli_cmd *cmd;	/* the command running (its options) */
};

/* The TUI lives outside the core library; main passes it in. */
typedef int (*cli_tui_fn)(struct cli_ctx *ctx);
int cli_main(int argc, char **argv, cli_tui_fn tui);
/* The language of the guidance content: --content-lang, else the UI's. */
const char *cli_content_lang(const struct cli_ctx *ctx);

/* True when ctx->db_path is the default database, named or not: made-up
 * cases go to the demo database (path_demo_db) instead. */
bool cli_db_is_default(const struct cli_ctx *ctx);
/* True when ctx->db_path is there to open: a file that exists, or a
 * server's URI (postgresql://...), which is no file to look for. */
bool cli_db_exists(const struct cli_ctx *ctx);
/* Points ctx->db_path at the demo database when it is the default one. */
void cli_use_demo_db(struct cli_ctx *ctx);

/* Opens ctx->store / loads ctx->guide on demand (for commands that need them
 * only on some paths). Print their own error; return an exit status. */
int cli_open_store(struct cli_ctx *ctx, unsigned needs);
int cli_load_content(struct cli_ctx *ctx);

/* After loading content: prints (and frees) the diagnostics, then for a
 * failure the reason; returns the exit status for st. */
int cli_content_status(enum sam_status st, struct content_diags *diags);
/* Prints "samtale: <sam_errmsg()>" and returns the exit status for st. */
int cli_fail(enum sam_status st);
/* Prints "samtale: <fmt>" and returns 2 (usage errors). */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* getopt_long over the running command's options (src/cli/cmdtab.c) with
 * our messages: the next option's val, or -1 at the end and after an
 * unknown option or a missing value (then *rc is the usage error's status,
 * else left alone). Long options only, but for -o: an option "output" with
 * val 'o' is also -o FILE. */
#define CLI_MAX_OPTS 16
int cli_next_opt(struct cli_ctx *ctx, int argc, char **argv, int *rc);
/* Usage error (status 2) when arguments are left after the options. */
int cli_no_more_args(int argc, char **argv);
/* A date as people type it (date_parse) for option or argument what
 * ("--due"): 0 with out set, and the resolved date echoed on stderr when it
 * was typed otherwise than YYYY-MM-DD; else the message and status 2. */
int cli_date(const char *what, const char *typed, enum date_when when, sam_date out);
/* Exactly one argument left after the options: it, or NULL with *rc the
 * usage error's status (missing is the message when there is none). */
const char *cli_one_arg(int argc, char **argv, const char *missing, int *rc);

/*
 * Output tables: one writer for table (aligned by display width; on a
 * terminal fitted to its width by wrapping headings and shortening text,
 * never numbers), CSV (RFC 4180, header row), JSON (array of objects) and
 * xlsx (a spreadsheet: numbers as numbers, percentages as percentages, the
 * header row frozen).
 */

enum cli_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON, FORMAT_XLSX };
bool cli_format_parse(const char *s, enum cli_format *out);
/* --format's value into *f, or a usage error (status 2) naming the formats. */
int cli_parse_format(const char *s, enum cli_format *f);

/* Free text may be shortened to fit a terminal; ids, references and dates
 * (COL_KEY) never are. Numbers are right-aligned and bare in JSON; a
 * percentage is a number ("75.4") that a spreadsheet shows as 75.4 %. */
enum cli_col_kind { COL_TEXT, COL_KEY, COL_NUMBER, COL_PERCENT };

struct cli_table;
/* sheet names the table's sheet in a spreadsheet (at most 31 characters). */
struct cli_table *cli_table_new_sheet(const char *sheet);
struct cli_table *cli_table_new(void);
void cli_table_col(struct cli_table *t, const char *name, enum cli_col_kind kind);
/* A column named field in CSV, JSON and in English, its translation (msgctxt
 * "column") in a table or spreadsheet of another UI language: another program
 * reads the field names (SPEC §3). Mark field with NC_("column", "field"). */
void cli_table_column(struct cli_table *t, enum cli_format f, const char *field,
		      enum cli_col_kind kind);
/* The same with the headings of the msgctxt ctx. */
void cli_table_column_in(struct cli_table *t, enum cli_format f, const char *ctx, const char *field,
			 enum cli_col_kind kind);
/* The heading of the column field (msgctxt ctx) in the UI language. */
const char *cli_column_heading(const char *ctx, const char *field);
/* Adds a row; then cli_table_cell once per column, in order. NULL = empty/null. */
void cli_table_row(struct cli_table *t);
void cli_table_cell(struct cli_table *t, const char *value);
void cli_table_cellf(struct cli_table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A totals row: drawn after a rule in table format, left out of the others. */
void cli_table_total_row(struct cli_table *t);
void cli_table_print(const struct cli_table *t, enum cli_format f, FILE *out);
void cli_table_free(struct cli_table *t);

/* Writes t[0..n) as one sheet each into a new spreadsheet at path, file
 * 0600, all or nothing (written beside it, then renamed). */
enum sam_status cli_tables_write_xlsx(struct cli_table *const *t, size_t n, const char *path);
/* A command's output: t[0..n) in format f to path (NULL: stdout). Several
 * tables are several sheets, or tables one after another; CSV and JSON take
 * one. xlsx goes to stdout only when it is not a terminal. Returns the
 * exit status, with the message printed. */
int cli_output(struct cli_table *const *t, size_t n, enum cli_format f, const char *path);

/* A report as a table in format f (columns as SPEC §3 names them; with
 * titles, the guide's words in a last column where keys are ids): for the
 * report command and the TUI's spreadsheet. The caller frees it. */
struct report;
struct cli_table *cli_report_table(const struct report *r, const struct content_guide *g,
				   enum cli_format f, bool titles);

/*
 * Commands, one file per group in src/cli/.
 */

#define CLI_CMD(name) int name(struct cli_ctx *ctx, int argc, char **argv)

CLI_CMD(cmd_content_check);
CLI_CMD(cmd_content_list);
CLI_CMD(cmd_content_show);
CLI_CMD(cmd_content_diff);
CLI_CMD(cmd_case_add);
CLI_CMD(cmd_case_list);
CLI_CMD(cmd_case_show);
CLI_CMD(cmd_case_close);
CLI_CMD(cmd_case_delete);
CLI_CMD(cmd_db_init);
CLI_CMD(cmd_db_backup);
CLI_CMD(cmd_db_check);
CLI_CMD(cmd_db_purge);
CLI_CMD(cmd_export);
CLI_CMD(cmd_import);
CLI_CMD(cmd_followups);
CLI_CMD(cmd_report);
CLI_CMD(cmd_demo);
CLI_CMD(cmd_meeting_set);
CLI_CMD(cmd_meeting_delete);
CLI_CMD(cmd_followup_edit);
CLI_CMD(cmd_followup_done);
CLI_CMD(cmd_followup_undone);
CLI_CMD(cmd_followup_delete);
CLI_CMD(cmd_case_reopen);
CLI_CMD(cmd_internship_add);
CLI_CMD(cmd_internship_list);
CLI_CMD(cmd_internship_edit);
CLI_CMD(cmd_internship_end);
CLI_CMD(cmd_handout);
CLI_CMD(cmd_complete);

#endif
