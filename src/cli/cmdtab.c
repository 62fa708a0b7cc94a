#include "cmdtab.h"

#include <string.h>

#include "samtale/util.h"

/*
 * Options that several commands share, worded once
 */

#define OPT_YES(help) { "yes", 'y', NULL, NULL, true, help }
#define OPT_FORMAT(val, vals) \
	{ "format", val, "F", vals, false, N_("the output's format") }
#define OPT_OUTPUT \
	{ "output", 'o', "FILE", NULL, false, N_("write to the file FILE") }
#define OPT_NTH \
	{ "nth", 'n', "N", NULL, false, N_("the Nth of that day's meetings of one type, in the order they were opened") }
#define OPT_END { NULL, 0, NULL, NULL, false, NULL }

/* internship add and edit: the same fields; add needs the first two. */
#define INTERNSHIP_FIELDS \
	{ "to", 't', "D", NULL, false, N_("planned end date (empty: none)") }, \
	{ "field", 'F', "TEXT", NULL, false, N_("the field of work") }, \
	{ "contact", 'c', "TEXT", NULL, false, N_("the contact at the workplace (name and role)") }, \
	{ "job-possible", 'j', NULL, "yes|no|unknown", false, N_("whether a job can follow a good internship") }, \
	{ "goal", 'g', "TEXT", NULL, false, N_("her goal for the internship, in her words") }

#define FORMATS_TABLE "table|csv|json"
#define FORMATS_SHEET "table|csv|json|xlsx"

const struct cli_cmd cli_cmds[] = {
	{ "content", "check", cmd_content_check, 0, "[DIR]", NULL,
	  N_("validate content files") },
	{ "content", "list", cmd_content_list, NEED_CONTENT, "", NULL,
	  N_("list sections, meeting types and items") },
	{ "content", "show", cmd_content_show, NEED_CONTENT, "ID", NULL,
	  N_("print a section or item") },
	{ "content", "diff", cmd_content_diff, 0, "OLD NEW",
	  (const struct cli_opt[]){ OPT_FORMAT('F', FORMATS_TABLE), OPT_END },
	  N_("show what changed between two content trees") },
	{ "case", "add", cmd_case_add, NEED_DB, "REF",
	  (const struct cli_opt[]){
		{ "initials", 'i', "XX", NULL, false, N_("her initials") },
		OPT_END },
	  N_("add a case") },
	{ "case", "list", cmd_case_list, NEED_DB_READONLY, "",
	  (const struct cli_opt[]){
		{ "all", 'a', NULL, NULL, false, N_("closed cases too") },
		OPT_FORMAT('f', FORMATS_SHEET), OPT_OUTPUT, OPT_END },
	  N_("list cases") },
	{ "case", "show", cmd_case_show, NEED_DB_READONLY | NEED_CONTENT, "REF", NULL,
	  N_("show a case") },
	{ "case", "close", cmd_case_close, NEED_DB, "REF",
	  (const struct cli_opt[]){
		{ "date", 'd', "D", NULL, false, N_("the closing date (default: today)") },
		OPT_END },
	  N_("close a case") },
	{ "case", "reopen", cmd_case_reopen, NEED_DB, "REF", NULL,
	  N_("reopen a closed case") },
	{ "case", "delete", cmd_case_delete, NEED_DB, "REF...",
	  (const struct cli_opt[]){
		OPT_YES(N_("erase the cases with all they hold; this cannot be undone")),
		OPT_END },
	  N_("erase one or more cases") },
	{ "meeting", "set", cmd_meeting_set, NEED_DB | NEED_CONTENT, "REF DATE",
	  (const struct cli_opt[]){
		{ "date", 'd', "D", NULL, false, N_("the meeting's new date") },
		{ "type", 't', "T", NULL, false,
		  N_("the new meeting type (or which of that day's meetings, when there are several)") },
		OPT_NTH, OPT_END },
	  N_("correct a meeting's date or type") },
	{ "meeting", "delete", cmd_meeting_delete, NEED_DB | NEED_CONTENT, "REF DATE",
	  (const struct cli_opt[]){
		{ "type", 't', "T", NULL, false, N_("which of that day's meetings, when there are several") },
		OPT_NTH,
		OPT_YES(N_("remove the meeting; without --yes, only say what would go")),
		OPT_END },
	  N_("remove a meeting opened by mistake") },
	{ "followup", "edit", cmd_followup_edit, NEED_DB, "ID",
	  (const struct cli_opt[]){
		{ "text", 'x', "TEXT", NULL, false, N_("the follow-up's new text") },
		{ "due", 'd', "D", NULL, false, N_("the new due date") },
		{ "assignee", 'a', "NAME", NULL, false, N_("who does it: a caseworker, or her (hende)") },
		OPT_END },
	  N_("correct a follow-up") },
	{ "followup", "done", cmd_followup_done, NEED_DB, "ID", NULL,
	  N_("mark a follow-up done") },
	{ "followup", "undone", cmd_followup_undone, NEED_DB, "ID", NULL,
	  N_("open a follow-up again") },
	{ "followup", "delete", cmd_followup_delete, NEED_DB, "ID",
	  (const struct cli_opt[]){
		OPT_YES(N_("erase the follow-up; without --yes, only say what would go")),
		OPT_END },
	  N_("erase a follow-up") },
	{ "db", "init", cmd_db_init, 0, "",
	  (const struct cli_opt[]){
		{ "shared", 's', "GROUP", NULL, false, N_("a team database for the Unix group GROUP") },
		OPT_END },
	  N_("create the database (and its directory)") },
	{ "db", "backup", cmd_db_backup, NEED_DB_READONLY, "FILE",
	  (const struct cli_opt[]){
		{ "force", 'f', NULL, NULL, false, N_("overwrite a file that exists") },
		OPT_END },
	  N_("back up the database") },
	/* Opens the database itself: read-only, or to write with --repair. */
	{ "db", "check", cmd_db_check, 0, "",
	  (const struct cli_opt[]){
		{ "repair", 'r', NULL, NULL, false,
		  N_("first count again what is kept beside the checklist and the meetings") },
		OPT_END },
	  N_("check the database") },
	{ "db", "purge", cmd_db_purge, NEED_DB, "",
	  (const struct cli_opt[]){
		{ "closed-before", 'c', "D", NULL, true, N_("cases closed before the date D") },
		OPT_YES(N_("erase them; without --yes, only say how many")),
		OPT_END },
	  N_("erase closed cases") },
	{ "internship", "add", cmd_internship_add, NEED_DB, "REF",
	  (const struct cli_opt[]){
		{ "workplace", 'w', "TEXT", NULL, true, N_("the workplace") },
		{ "from", 'f', "D", NULL, true, N_("the start date") },
		INTERNSHIP_FIELDS, OPT_END },
	  N_("record an internship") },
	{ "internship", "list", cmd_internship_list, NEED_DB_READONLY, "[REF]",
	  (const struct cli_opt[]){ OPT_FORMAT('f', FORMATS_TABLE), OPT_END },
	  N_("list internships") },
	{ "internship", "edit", cmd_internship_edit, NEED_DB, "ID",
	  (const struct cli_opt[]){
		{ "workplace", 'w', "TEXT", NULL, false, N_("the workplace") },
		{ "from", 'f', "D", NULL, false, N_("the start date") },
		INTERNSHIP_FIELDS, OPT_END },
	  N_("correct an internship") },
	{ "internship", "end", cmd_internship_end, NEED_DB, "ID",
	  (const struct cli_opt[]){
		{ "outcome", 'o', "O", "employed|education|extended|ended-early|completed", true,
		  N_("how it ended") },
		{ "date", 'd', "D", NULL, false, N_("when (default: today)") },
		{ "reason", 'r', "TEXT", NULL, false, N_("a short reason") },
		OPT_END },
	  N_("end an internship") },
	{ "followups", NULL, cmd_followups, NEED_DB_READONLY, "",
	  (const struct cli_opt[]){
		{ "overdue", 'O', NULL, NULL, false, N_("only the overdue ones") },
		{ "all", 'a', NULL, NULL, false, N_("every caseworker's, not only yours") },
		{ "caseworker", 'c', "NAME", NULL, false, N_("one caseworker's") },
		OPT_FORMAT('F', FORMATS_SHEET), OPT_OUTPUT, OPT_END },
	  N_("list follow-ups") },
	{ "report", NULL, cmd_report, NEED_DB_READONLY | NEED_CONTENT, "",
	  (const struct cli_opt[]){
		{ "by", 'b', "BY", "section|item|caseworker|case|type|month|internship", false,
		  N_("what the rows are (several with commas)") },
		{ "split", 'S', NULL, "caseworker", false, N_("a column per caseworker") },
		{ "from", 'f', "D", NULL, false, N_("meetings on or after the date D") },
		{ "to", 't', "D", NULL, false, N_("meetings on or before the date D") },
		{ "period", 'p', "P", "this-month|last-month|last-quarter|this-year", false,
		  N_("a named period") },
		{ "caseworker", 'c', "NAME", NULL, false, N_("only one caseworker's meetings") },
		{ "type", 'T', "T", NULL, false, N_("only meetings of one type") },
		{ "stale", 's', "DAYS", NULL, false, N_("a case is stale after this many days without a meeting (default 30)") },
		{ "kind", 'k', NULL, "action|reflection", false, N_("only one kind of item") },
		{ "titles", 'n', NULL, NULL, false, N_("titles beside the ids") },
		OPT_FORMAT('F', FORMATS_SHEET), OPT_OUTPUT, OPT_END },
	  N_("the team lead's report") },
	{ "export", NULL, cmd_export, NEED_DB_READONLY | NEED_CONTENT, "[REF...]",
	  (const struct cli_opt[]){ OPT_FORMAT('f', "json|md"), OPT_END },
	  N_("export cases") },
	{ "import", NULL, cmd_import, NEED_DB | NEED_CONTENT, "FILE", NULL,
	  N_("import cases") },
	{ "demo", NULL, cmd_demo, NEED_DB | NEED_CONTENT | DEMO_DB, "",
	  (const struct cli_opt[]){
		{ "cases", 'n', "N", NULL, false, N_("this many cases (default 40)") },
		{ "seed", 's', "S", NULL, false, N_("the seed; the same seed gives the same cases") },
		{ "yes", 'y', NULL, NULL, false, N_("also into a database that holds cases") },
		OPT_END },
	  N_("fill the database with synthetic cases") },
	{ "handout", NULL, cmd_handout, NEED_DB_READONLY | ANY_LANG, "REF",
	  (const struct cli_opt[]){
		{ "meeting", 'm', "D", NULL, false, N_("the meeting of that day (default: the latest)") },
		OPT_FORMAT('f', "pdf|txt|md"), OPT_OUTPUT, OPT_END },
	  N_("her copy of a meeting (--lang: her language)") },
	{ "complete", NULL, cmd_complete, CLI_HIDDEN, "-- WORD...", NULL,
	  N_("suggestions for the shell's completion") },
};

const size_t cli_ncmds = ARRAY_SIZE(cli_cmds);

const struct cli_opt cli_common_opts[COMMON_N + 1] = {
	[COMMON_DB] = { "db", COMMON_DB, "PATH", NULL, false,
			N_("the database; else SAMTALE_DB, the config file or the default") },
	[COMMON_CONTENT] = { "content", COMMON_CONTENT, "DIR", NULL, false,
			     N_("the content directory; else SAMTALE_CONTENT or the installed one") },
	[COMMON_LANG] = { "lang", COMMON_LANG, NULL, "da|en", false,
			  N_("the language; else SAMTALE_LANG, the config file, LANGUAGE or the locale, else Danish") },
	[COMMON_CONTENT_LANG] = { "content-lang", COMMON_CONTENT_LANG, "L", NULL, false,
				  N_("the language of the guidance content; else the interface's") },
	[COMMON_USER] = { "user", COMMON_USER, "NAME", NULL, false,
			  N_("the caseworker on changes; else the config file, the login name") },
	[COMMON_HELP] = { "help", COMMON_HELP, NULL, NULL, false, N_("show this help") },
	[COMMON_VERSION] = { "version", COMMON_VERSION, NULL, NULL, false, N_("show the version") },
	[COMMON_N] = OPT_END,
};

const struct cli_opt *cli_opt_find(const struct cli_opt *opts, const char *arg)
{
	if (!opts || strncmp(arg, "-", 1))
		return NULL;
	if (!strcmp(arg, "-o"))
		arg = "--output";
	if (strncmp(arg, "--", 2))
		return NULL;
	arg += 2;
	for (const struct cli_opt *o = opts; o->name; o++) {
		size_t n = strlen(o->name);

		if (!strncmp(arg, o->name, n) && (arg[n] == '\0' || arg[n] == '='))
			return o;
	}
	return NULL;
}
