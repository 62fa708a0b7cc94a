#ifndef SAMTALE_CLI_CMDTAB_H
#define SAMTALE_CLI_CMDTAB_H

/*
 * The command table (cmdtab.c): every command, its arguments and its
 * options with a line of help each. The option parser, --help, the usage
 * lines and the shell completion are all made from it, so that an option
 * is named and explained in one place.
 */

#include <stdbool.h>
#include <stdio.h>

#include "samtale/cli.h"

struct cli_opt {
	const char *name;		/* the long option, without "--"; NULL ends a list */
	int val;			/* what cli_next_opt returns for it */
	const char *arg;		/* its value's name ("D", "FILE"); NULL: a flag */
	const char *values;		/* "a|b|c": the words it takes, or NULL */
	bool required;			/* shown without [] in the usage line */
	const char *help;		/* N_("the output's format") */
};

struct cli_cmd {
	const char *group;
	const char *name;		/* NULL for a command without subcommands */
	int (*fn)(struct cli_ctx *ctx, int argc, char **argv);
	unsigned needs;
	const char *args;		/* the operands: "REF", "[DIR]", "OLD NEW" */
	const struct cli_opt *opts;	/* NULL or a list ended by a NULL name */
	const char *summary;		/* N_("add a case") */
};

/* A needs bit of the table's own: left out of the help and the completion. */
#define CLI_HIDDEN (1u << 8)

extern const struct cli_cmd cli_cmds[];
extern const size_t cli_ncmds;

/* --db, --content, --lang, --content-lang, --user, then --help and --version
 * (val is the index of the option). */
enum { COMMON_DB, COMMON_CONTENT, COMMON_LANG, COMMON_CONTENT_LANG, COMMON_USER, COMMON_HELP,
       COMMON_VERSION, COMMON_N };
extern const struct cli_opt cli_common_opts[COMMON_N + 1];

/* The option of list opts (may be NULL) that arg ("--by", "--by=x", "-o")
 * names, or NULL. */
const struct cli_opt *cli_opt_find(const struct cli_opt *opts, const char *arg);

/*
 * Help (help.c), in the UI language, from the table
 */

/* "samtale case add REF [--initials XX]", wrapped at 80 columns. */
void cli_print_cmd_usage(const struct cli_cmd *c, const char *lead, FILE *out);
/* The usage line unwrapped (caller frees), for messages. */
char *cli_cmd_usage_text(const struct cli_cmd *c);
/* A command's --help: usage, summary, every option and the common ones. */
void cli_print_cmd_help(const struct cli_cmd *c, FILE *out);
/* "samtale case --help": the group's commands. */
void cli_print_group_help(const char *group, FILE *out);
/* "samtale --help". */
void cli_print_main_help(FILE *out);

#endif
