#include "cmdtab.h"

#include <string.h>

#include "samtale/util.h"

/*
 * Options that several commands share, worded once
 */

#define OPT_YES(da, en) { "yes", 'y', NULL, NULL, true, da, en }
#define OPT_FORMAT(val, vals) \
	{ "format", val, "F", vals, false, "udskriftens format", "the output's format" }
#define OPT_OUTPUT \
	{ "output", 'o', "FILE", NULL, false, "skriv til filen FILE", "write to the file FILE" }
#define OPT_NTH \
	{ "nth", 'n', "N", NULL, false, "den N'te af dagens samtaler af samme type, i den rækkefølge de blev oprettet", \
	  "the Nth of that day's meetings of one type, in the order they were opened" }
#define OPT_END { NULL, 0, NULL, NULL, false, NULL, NULL }

/* internship add and edit: the same fields; add needs the first two. */
#define INTERNSHIP_FIELDS \
	{ "to", 't', "D", NULL, false, "planlagt slutdato (tom: ingen)", "planned end date (empty: none)" }, \
	{ "field", 'F', "TEXT", NULL, false, "fagområdet", "the field of work" }, \
	{ "contact", 'c', "TEXT", NULL, false, "kontaktpersonen på arbejdspladsen (navn og rolle)", \
	  "the contact at the workplace (name and role)" }, \
	{ "job-possible", 'j', NULL, "yes|no|unknown", false, "om et job kan følge en god praktik", \
	  "whether a job can follow a good internship" }, \
	{ "goal", 'g', "TEXT", NULL, false, "hendes mål med praktikken, med hendes ord", \
	  "her goal for the internship, in her words" }

#define FORMATS_TABLE "table|csv|json"
#define FORMATS_SHEET "table|csv|json|xlsx"

const struct cli_cmd cli_cmds[] = {
	{ "content", "check", cmd_content_check, 0, "[DIR]", NULL,
	  "kontrollér indholdsfiler", "validate content files" },
	{ "content", "list", cmd_content_list, NEED_CONTENT, "", NULL,
	  "vis afsnit, samtaletyper og punkter", "list sections, meeting types and items" },
	{ "content", "show", cmd_content_show, NEED_CONTENT, "ID", NULL,
	  "vis et afsnit eller punkt", "print a section or item" },
	{ "content", "diff", cmd_content_diff, 0, "OLD NEW",
	  (const struct cli_opt[]){ OPT_FORMAT('F', FORMATS_TABLE), OPT_END },
	  "vis hvad der er ændret mellem to indholdsmapper", "show what changed between two content trees" },
	{ "case", "add", cmd_case_add, NEED_DB, "REF",
	  (const struct cli_opt[]){
		{ "initials", 'i', "XX", NULL, false, "hendes initialer", "her initials" },
		OPT_END },
	  "opret en sag", "add a case" },
	{ "case", "list", cmd_case_list, NEED_DB_READONLY, "",
	  (const struct cli_opt[]){
		{ "all", 'a', NULL, NULL, false, "også afsluttede sager", "closed cases too" },
		OPT_FORMAT('f', FORMATS_SHEET), OPT_OUTPUT, OPT_END },
	  "vis sager", "list cases" },
	{ "case", "show", cmd_case_show, NEED_DB_READONLY | NEED_CONTENT, "REF", NULL,
	  "vis en sag", "show a case" },
	{ "case", "close", cmd_case_close, NEED_DB, "REF",
	  (const struct cli_opt[]){
		{ "date", 'd', "D", NULL, false, "afslutningsdatoen (standard: i dag)", "the closing date (default: today)" },
		OPT_END },
	  "afslut en sag", "close a case" },
	{ "case", "reopen", cmd_case_reopen, NEED_DB, "REF", NULL,
	  "genåbn en afsluttet sag", "reopen a closed case" },
	{ "case", "delete", cmd_case_delete, NEED_DB, "REF...",
	  (const struct cli_opt[]){
		OPT_YES("slet sagerne med alt deres indhold; det kan ikke fortrydes",
			"erase the cases with all they hold; this cannot be undone"),
		OPT_END },
	  "slet en eller flere sager helt", "erase one or more cases" },
	{ "meeting", "set", cmd_meeting_set, NEED_DB | NEED_CONTENT, "REF DATE",
	  (const struct cli_opt[]){
		{ "date", 'd', "D", NULL, false, "samtalens nye dato", "the meeting's new date" },
		{ "type", 't', "T", NULL, false,
		  "den nye samtaletype (eller hvilken af dagens samtaler, når der er flere)",
		  "the new meeting type (or which of that day's meetings, when there are several)" },
		OPT_NTH, OPT_END },
	  "ret en samtales dato eller type", "correct a meeting's date or type" },
	{ "meeting", "delete", cmd_meeting_delete, NEED_DB | NEED_CONTENT, "REF DATE",
	  (const struct cli_opt[]){
		{ "type", 't', "T", NULL, false, "hvilken af dagens samtaler, når der er flere",
		  "which of that day's meetings, when there are several" },
		OPT_NTH,
		OPT_YES("fjern samtalen; uden --yes vises kun, hvad der ville forsvinde",
			"remove the meeting; without --yes, only say what would go"),
		OPT_END },
	  "fjern en samtale oprettet ved en fejl", "remove a meeting opened by mistake" },
	{ "followup", "edit", cmd_followup_edit, NEED_DB, "ID",
	  (const struct cli_opt[]){
		{ "text", 'x', "TEXT", NULL, false, "opfølgningens nye tekst", "the follow-up's new text" },
		{ "due", 'd', "D", NULL, false, "den nye frist", "the new due date" },
		{ "assignee", 'a', "NAME", NULL, false, "hvem der gør det: en sagsbehandler, eller hende (her)",
		  "who does it: a caseworker, or her (hende)" },
		OPT_END },
	  "ret en opfølgning", "correct a follow-up" },
	{ "followup", "done", cmd_followup_done, NEED_DB, "ID", NULL,
	  "markér en opfølgning udført", "mark a follow-up done" },
	{ "followup", "undone", cmd_followup_undone, NEED_DB, "ID", NULL,
	  "gør en opfølgning åben igen", "open a follow-up again" },
	{ "followup", "delete", cmd_followup_delete, NEED_DB, "ID",
	  (const struct cli_opt[]){
		OPT_YES("slet opfølgningen; uden --yes vises kun, hvad der ville forsvinde",
			"erase the follow-up; without --yes, only say what would go"),
		OPT_END },
	  "slet en opfølgning", "erase a follow-up" },
	{ "db", "init", cmd_db_init, 0, "",
	  (const struct cli_opt[]){
		{ "shared", 's', "GROUP", NULL, false, "en fælles database for Unix-gruppen GROUP",
		  "a team database for the Unix group GROUP" },
		OPT_END },
	  "opret databasen (og dens mappe)", "create the database (and its directory)" },
	{ "db", "backup", cmd_db_backup, NEED_DB_READONLY, "FILE",
	  (const struct cli_opt[]){
		{ "force", 'f', NULL, NULL, false, "skriv over en fil, der findes", "overwrite a file that exists" },
		OPT_END },
	  "tag en sikkerhedskopi", "back up the database" },
	{ "db", "check", cmd_db_check, NEED_DB_READONLY, "", NULL,
	  "kontrollér databasen", "check the database" },
	{ "db", "purge", cmd_db_purge, NEED_DB, "",
	  (const struct cli_opt[]){
		{ "closed-before", 'c', "D", NULL, true, "sager afsluttet før datoen D",
		  "cases closed before the date D" },
		OPT_YES("slet dem; uden --yes vises kun, hvor mange det er",
			"erase them; without --yes, only say how many"),
		OPT_END },
	  "slet afsluttede sager", "erase closed cases" },
	{ "internship", "add", cmd_internship_add, NEED_DB, "REF",
	  (const struct cli_opt[]){
		{ "workplace", 'w', "TEXT", NULL, true, "arbejdspladsen", "the workplace" },
		{ "from", 'f', "D", NULL, true, "startdatoen", "the start date" },
		INTERNSHIP_FIELDS, OPT_END },
	  "registrér en praktik", "record an internship" },
	{ "internship", "list", cmd_internship_list, NEED_DB_READONLY, "[REF]",
	  (const struct cli_opt[]){ OPT_FORMAT('f', FORMATS_TABLE), OPT_END },
	  "vis praktikker", "list internships" },
	{ "internship", "edit", cmd_internship_edit, NEED_DB, "ID",
	  (const struct cli_opt[]){
		{ "workplace", 'w', "TEXT", NULL, false, "arbejdspladsen", "the workplace" },
		{ "from", 'f', "D", NULL, false, "startdatoen", "the start date" },
		INTERNSHIP_FIELDS, OPT_END },
	  "ret en praktik", "correct an internship" },
	{ "internship", "end", cmd_internship_end, NEED_DB, "ID",
	  (const struct cli_opt[]){
		{ "outcome", 'o', "O", "employed|education|extended|ended-early|completed", true,
		  "hvordan den endte", "how it ended" },
		{ "date", 'd', "D", NULL, false, "hvornår (standard: i dag)", "when (default: today)" },
		{ "reason", 'r', "TEXT", NULL, false, "en kort begrundelse", "a short reason" },
		OPT_END },
	  "afslut en praktik", "end an internship" },
	{ "followups", NULL, cmd_followups, NEED_DB_READONLY, "",
	  (const struct cli_opt[]){
		{ "overdue", 'O', NULL, NULL, false, "kun de forfaldne", "only the overdue ones" },
		{ "all", 'a', NULL, NULL, false, "alle sagsbehandleres, ikke kun dine", "every caseworker's, not only yours" },
		{ "caseworker", 'c', "NAME", NULL, false, "én sagsbehandlers", "one caseworker's" },
		OPT_FORMAT('F', FORMATS_SHEET), OPT_OUTPUT, OPT_END },
	  "vis opfølgninger", "list follow-ups" },
	{ "report", NULL, cmd_report, NEED_DB_READONLY | NEED_CONTENT, "",
	  (const struct cli_opt[]){
		{ "by", 'b', "BY", "section|item|caseworker|case|type|month|internship", false,
		  "hvad rækkerne er (flere med komma)", "what the rows are (several with commas)" },
		{ "split", 'S', NULL, "caseworker", false, "en kolonne pr. sagsbehandler", "a column per caseworker" },
		{ "from", 'f', "D", NULL, false, "samtaler fra og med datoen D", "meetings on or after the date D" },
		{ "to", 't', "D", NULL, false, "samtaler til og med datoen D", "meetings on or before the date D" },
		{ "period", 'p', "P", "this-month|last-month|last-quarter|this-year", false,
		  "en navngiven periode", "a named period" },
		{ "caseworker", 'c', "NAME", NULL, false, "kun én sagsbehandlers samtaler", "only one caseworker's meetings" },
		{ "type", 'T', "T", NULL, false, "kun samtaler af én type", "only meetings of one type" },
		{ "stale", 's', "DAYS", NULL, false, "en sag står stille efter så mange dage uden samtale (standard 30)",
		  "a case is stale after this many days without a meeting (default 30)" },
		{ "kind", 'k', NULL, "action|reflection", false, "kun én slags punkter", "only one kind of item" },
		{ "titles", 'n', NULL, NULL, false, "titler ved siden af id'erne", "titles beside the ids" },
		OPT_FORMAT('F', FORMATS_SHEET), OPT_OUTPUT, OPT_END },
	  "rapport til teamlederen", "the team lead's report" },
	{ "export", NULL, cmd_export, NEED_DB_READONLY | NEED_CONTENT, "[REF...]",
	  (const struct cli_opt[]){ OPT_FORMAT('f', "json|md"), OPT_END },
	  "eksportér sager", "export cases" },
	{ "import", NULL, cmd_import, NEED_DB | NEED_CONTENT, "FILE", NULL,
	  "importér sager", "import cases" },
	{ "demo", NULL, cmd_demo, NEED_DB | NEED_CONTENT, "",
	  (const struct cli_opt[]){
		{ "cases", 'n', "N", NULL, false, "så mange sager (standard 40)", "this many cases (default 40)" },
		{ "seed", 's', "S", NULL, false, "startværdien; samme værdi giver samme sager",
		  "the seed; the same seed gives the same cases" },
		{ "yes", 'y', NULL, NULL, false, "også i en database, der har sager", "also into a database that holds cases" },
		OPT_END },
	  "fyld databasen med opdigtede sager", "fill the database with synthetic cases" },
	{ "handout", NULL, cmd_handout, NEED_DB_READONLY | ANY_LANG, "REF",
	  (const struct cli_opt[]){
		{ "meeting", 'm', "D", NULL, false, "samtalen den dag (standard: den seneste)",
		  "the meeting of that day (default: the latest)" },
		OPT_FORMAT('f', "pdf|txt|md"), OPT_OUTPUT, OPT_END },
	  "hendes kopi af en samtale (--lang: hendes sprog)", "her copy of a meeting (--lang: her language)" },
	{ "complete", NULL, cmd_complete, CLI_HIDDEN, "-- WORD...", NULL,
	  "forslag til skallens fuldførelse", "suggestions for the shell's completion" },
};

const size_t cli_ncmds = ARRAY_SIZE(cli_cmds);

const struct cli_opt cli_common_opts[COMMON_N + 1] = {
	[COMMON_DB] = { "db", COMMON_DB, "PATH", NULL, false,
			"databasen; ellers SAMTALE_DB, konfigurationsfilen eller standarden",
			"the database; else SAMTALE_DB, the config file or the default" },
	[COMMON_CONTENT] = { "content", COMMON_CONTENT, "DIR", NULL, false,
			     "indholdsmappen; ellers SAMTALE_CONTENT eller det installerede",
			     "the content directory; else SAMTALE_CONTENT or the installed one" },
	[COMMON_LANG] = { "lang", COMMON_LANG, NULL, "da|en", false,
			  "sproget; ellers konfigurationsfilen eller dansk",
			  "the language; else the config file or Danish" },
	[COMMON_USER] = { "user", COMMON_USER, "NAME", NULL, false,
			  "sagsbehandleren på ændringerne; ellers konfigurationsfilen, login-navnet",
			  "the caseworker on changes; else the config file, the login name" },
	[COMMON_HELP] = { "help", COMMON_HELP, NULL, NULL, false, "vis denne hjælp", "show this help" },
	[COMMON_VERSION] = { "version", COMMON_VERSION, NULL, NULL, false, "vis versionen", "show the version" },
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
