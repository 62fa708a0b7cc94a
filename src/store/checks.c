#include <string.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * Input checks shared by cases, meetings and follow-ups. The Danish messages
 * are worded so that they fit every noun put in front of them (journalnummeret,
 * initialerne, noten): no adjective that would have to agree with it.
 */

enum sam_status check_text(const char *what, const char *text, size_t max)
{
	size_t n = text ? strlen(text) : 0, bad;

	if (!text)
		return SAM_OK;
	if (!utf8_valid(text, n, &bad))
		return sam_fail(SAM_ERR_INVALID, _("%s is not valid UTF-8 (byte %zu)"), what, bad + 1);
	if (n > max)
		return sam_fail(SAM_ERR_INVALID, _("%s is too long (at most %zu bytes)"), what, max);
	/* Nothing a terminal would act on (escape sequences, C1 controls,
	 * bidi overrides that make text read otherwise). Tabs and line ends
	 * are text. */
	if (text_control_find(text, n, TEXT_LINES, &bad, NULL))
		return sam_fail(SAM_ERR_INVALID, _("%s must not hold control characters (byte %zu)"),
				what, bad + 1);
	if (cpr_find(text, NULL, NULL))
		return sam_fail(SAM_ERR_INVALID,
				_("%s looks like it holds a CPR number; CPR numbers must not be stored here. "
				   "Remove it and try again"), what);
	return SAM_OK;
}

enum sam_status check_label(const char *what, const char *text, size_t max)
{
	if (str_empty(text))
		return sam_fail(SAM_ERR_INVALID, _("%s must not be empty"), what);
	if (text_control_find(text, strlen(text), 0, NULL, NULL) &&
	    utf8_valid(text, strlen(text), NULL))
		return sam_fail(SAM_ERR_INVALID, _("%s must not contain control characters"),
				what);
	return check_text(what, text, max);
}

enum sam_status check_date(const char *what, const char *date)
{
	if (!date || !date_valid(date))
		return sam_fail(SAM_ERR_INVALID, _("%s must be a date as YYYY-MM-DD"), what);
	return SAM_OK;
}

const char *date_or_today(const char *date, sam_date buf)
{
	if (date)
		return date;
	date_today(buf);
	return buf;
}


/*
 * The checks of each record, one copy for a single change and for bulk
 * writing (import, demo) alike.
 */

enum sam_status check_case_fields(const char *ref, const char *initials, const char *opened)
{
	enum sam_status status;

	if ((status = check_label(_("the journal number"), ref, REF_MAX)) != SAM_OK)
		return status;
	if (!str_empty(initials) &&
	    (status = check_label(_("the initials"), initials, INITIALS_MAX)) != SAM_OK)
		return status;
	return check_date(_("the opening date"), opened);
}

enum sam_status check_caseworker(const char *name)
{
	return check_label(_("the caseworker"), name, NAME_MAX_BYTES);
}

enum sam_status check_meeting_field(enum meeting_field field, const char *text)
{
	switch (field) {
	case MEETING_NOTE:
		return check_text(_("the note"), text, NOTE_MAX);
	case MEETING_AGREED:
		return check_text(_("the agreed summary"), text, NOTE_MAX);
	case MEETING_INTERPRETER:
		return str_empty(text) ? SAM_OK
				       : check_label(_("the interpreted language"), text, NAME_MAX_BYTES);
	}
	return sam_fail(SAM_ERR_INVALID, "unknown meeting field %d", (int)field);
}

enum sam_status check_item_note(const char *note)
{
	return check_text(_("the note"), note, NOTE_MAX);
}

enum sam_status check_due(const char *due)
{
	return check_date(_("the due date"), due);
}

enum sam_status check_followup_text(const char *text)
{
	if (str_empty(text))
		return sam_fail(SAM_ERR_INVALID, "%s", _("the follow-up needs a text"));
	return check_text(_("the follow-up"), text, NOTE_MAX);
}

enum sam_status check_assignee(const char *name)
{
	return check_label(_("the assignee"), name, NAME_MAX_BYTES);
}

enum sam_status check_followup_fields(const char *due, const char *text, const char *assignee)
{
	enum sam_status status;

	if ((status = check_due(due)) != SAM_OK || (status = check_followup_text(text)) != SAM_OK)
		return status;
	return check_assignee(assignee);
}
