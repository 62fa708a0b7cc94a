#ifndef SAMTALE_PROFTEXT_H
#define SAMTALE_PROFTEXT_H

/*
 * Her whole profile as one text for $EDITOR, and back (no curses, so that
 * tests/unit/test_proftext.c can drive it). Each field is under a heading
 * line "## Label" (Markdown, in a .md file: no editor takes it for a
 * comment to continue). A heading is only a line that names a field, in
 * Danish or English; any other line, "## ..." included, is her text.
 *
 * Whatever the file holds must end up in the profile or be asked about, so
 * the parse says what does not fit: text above the first heading, a heading
 * that is gone (its text, if kept, now lies under another one, and the
 * field itself would keep its old text: one text in two fields), a heading
 * written twice.
 */

#include <stdbool.h>

#include "samtale/store.h"

struct proftext {
	char *field[PROFILE_NFIELDS];	/* the text under each heading, blank lines
					 * trimmed; NULL when its heading is missing */
	char *above;			/* text above the first heading, NULL when none */
	unsigned missing;		/* bit 1 << f: the field's heading is gone */
	unsigned repeated;		/* bit 1 << f: its heading came more than once */
	int first;			/* the first field in the file, -1 when none */
};

/* The profile of c as the text for $EDITOR, headings in the UI language. */
char *proftext_format(const struct case_rec *c);
void proftext_parse(const char *text, struct proftext *out);
void proftext_free(struct proftext *p);
/* True when every field's heading is there once and nothing is above them. */
bool proftext_clean(const struct proftext *p);
/* What does not fit, in sentences (caller frees); "" when clean. */
char *proftext_problem(const struct proftext *p);
/* Takes the file as it stands: the text above the headings goes on top of
 * the first field in the file (the qualifications when there is no heading),
 * and a field whose heading is gone is emptied, its old text being
 * wherever the file now has it. Every field is then set. */
void proftext_resolve(struct proftext *p);
/* The field that resolve puts the text above the headings into. */
enum profile_field proftext_above_target(const struct proftext *p);

#endif
