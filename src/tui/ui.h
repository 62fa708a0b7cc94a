#ifndef SAMTALE_UI_H
#define SAMTALE_UI_H

/*
 * The TUI framework: a stack of screens over one store and one guide, a key
 * table that feeds both the footer and the ? help, and the widgets every
 * screen shares (a scrolling list with / filter, a one-line UTF-8 editor,
 * modal prompts and choices, $EDITOR, clipped and wrapped UTF-8 text).
 *
 * A screen is one scr_*.c file that defines a static struct screen_ops and a
 * push function. Handlers never repaint: they return what changed as REACT_*
 * bits and the loop in tui.c redraws, reloads, pushes or pops.
 *
 * Keys: a key is an int, either a Unicode character (get_wch's wint_t, so æ,
 * ø, å arrive whole) or UI_FN(KEY_x) for a curses function key.
 */

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "samtale/content.h"
#include "samtale/err.h"
#include "samtale/store.h"
#include "samtale/util.h"

/* Function keys live above the Unicode range so that they never collide
 * with a character: case UI_FN(KEY_UP): ... */
#define UI_FN(k) (0x110000 + (k))
#define UI_CTRL(c) ((c) & 0x1f)
#define UI_ESC 27

struct app;
struct cli_ctx;
struct screen;

/*
 * Reactions: what a key handler changed.
 */

enum react {
	REACT_NONE = 0,
	REACT_REDRAW = 1 << 0,	/* draw the screen again */
	REACT_RELOAD = 1 << 1,	/* call open() again on the top screen, then redraw */
	REACT_PUSH = 1 << 2,	/* a screen was pushed (by a *_push function) */
	REACT_POP = 1 << 3,	/* close this screen; the one below reloads */
	REACT_QUIT = 1 << 4,	/* leave the program */
};

/*
 * Requests and the key table (tig's REQ_INFO): one table per screen says
 * which key does what; the footer and the ? help are drawn from it, and the
 * key handler switches on the request, not on the key.
 */

enum ui_req {
	REQ_NONE = 0,
	/* common to every screen (ui_common_keys) */
	REQ_HELP,
	REQ_BACK,
	/* lists (ui_list_keys) */
	REQ_UP, REQ_DOWN, REQ_PAGE_UP, REQ_PAGE_DOWN, REQ_HOME, REQ_END,
	REQ_ENTER,
	REQ_FILTER,
	/* used by more than one screen */
	REQ_ADD,
	REQ_EDIT,		/* E: multi-line text in $EDITOR */
	REQ_FOLLOWUP,		/* f: add a follow-up */
	REQ_FOLLOWUPS,		/* F: the follow-ups screen */
	REQ_REPORT,		/* R: the report screen */
	REQ_PROFILE,		/* p: her profile */
	REQ_HANDOUT,		/* P: her copy of the meeting */
	REQ_RELOAD,		/* Ctrl-L: read the store again */
	/* a screen's own requests start here (enum { REQ_X = REQ_SCREEN, ... }) */
	REQ_SCREEN = 100,
};

struct ui_binding {
	int key;		/* a character or UI_FN(KEY_x) */
	int req;		/* enum ui_req or a screen's own, >= REQ_SCREEN */
	const char *keyname;	/* as shown: "Space", "Tab", "a"; NULL = an alias not listed */
	const char *what;	/* what it does, short: N_("add case") */
	bool footer;		/* shown in the footer too, not only in ? help */
};
#define UI_BINDINGS_END { 0, REQ_NONE, NULL, NULL, false }

/* ?, q, Esc (and Ctrl-L), for every screen. */
extern const struct ui_binding ui_common_keys[];
/* Movement, Enter and /, for screens built on struct ui_list. */
extern const struct ui_binding ui_list_keys[];

/*
 * Screens
 */

struct screen_ops {
	const char *name;
	/* Loads (or, called again, reloads) the screen's data from the store:
	 * called when pushed, on REACT_RELOAD, and when the screen above is
	 * popped, so that another instance's changes appear. Must free what
	 * an earlier call loaded. On failure the message is in sam_errmsg();
	 * a failed first open leaves the screen unpushed. */
	enum sam_status (*open)(struct screen *s, struct app *app);
	/* Draws the body (win is the area between title and status line).
	 * Calls ui_focus() for the focused item so the cursor sits there. */
	void (*draw)(struct screen *s, WINDOW *win);
	/* Returns REACT_* bits. */
	unsigned (*key)(struct screen *s, int ch);
	/* Optional: after a draw and before the next key is read, loads what
	 * the draw could do without (the case list's count), so that the
	 * first screen shows without waiting for it. Returns REACT_* bits:
	 * REACT_REDRAW when it changed something, else REACT_NONE. */
	unsigned (*finish)(struct screen *s);
	/* Frees s->data. */
	void (*close)(struct screen *s);
	/* This screen's keys, ended by UI_BINDINGS_END; ui_common_keys (and
	 * ui_list_keys when is_list) follow them in lookup, footer and help. */
	const struct ui_binding *keys;
	/* The requests among them that change the database, ended by
	 * REQ_NONE: refused, for every screen in one place, when the database
	 * is read-only. NULL = none. */
	const int *writes;
	bool is_list;
	bool no_filter;		/* a list without / (its rows are not worth filtering) */
};

struct screen {
	const struct screen_ops *ops;
	struct app *app;
	int64_t arg;		/* what it was pushed with (a case or meeting id) */
	void *data;		/* the screen's own state */
	char title[256];	/* drawn in the title bar; set in open() */
	struct screen *below;
};

struct app {
	struct cli_ctx *ctx;
	struct store *store;
	/* Loaded after the first draw (the case list does without it), before
	 * the first key is read: never NULL in a key handler. */
	const struct content_guide *guide;
	struct content_diags diags;	/* its warnings, printed on leaving */
	const char *user;
	struct screen *top;		/* the stack, through screen->below */
	char status[512];		/* one line under the body */
	bool status_is_error;
	bool color;			/* false under NO_COLOR or a terminal without colours */
	bool readonly;			/* the database cannot be written: keys that write are refused */
	bool saving_shown;		/* a change waits, and the status line says so */
	bool demo;			/* the database holds made-up cases: "DEMO" on every screen */
	int focus_y, focus_x;		/* where the cursor goes after drawing; -1 = none */
	const char *footer_hint;	/* drawn instead of the keys; reset each draw */
	struct ui_undo *undo;		/* the last correction, for u (ui_correct.c) */
	/* Drawn over everything by ui_draw_all while set (the editor), so that
	 * a question asked on top of it leaves it in sight. */
	void (*overlay)(void *ctx);
	void *overlay_ctx;
	bool body_hidden;		/* a choice is asked: the screen's body is not drawn */
	int64_t agreed_asked[8];	/* meetings whose summary was last asked for (a ring) */
	size_t nagreed_asked;
};

/* Pushes a screen made with ops and arg and opens it. Returns
 * REACT_PUSH|REACT_REDRAW, or REACT_REDRAW with the error in the status
 * line when open() failed (nothing is pushed then). */
unsigned ui_push(struct app *app, const struct screen_ops *ops, int64_t arg);

/* False for aliases and for bindings that are not what the key does on s
 * (turned off by no_filter, or taken by the screen's own keys). */
bool ui_binding_shown(const struct screen *s, const struct ui_binding *b);
/* The request for key ch on screen s (its keys, then the common and list keys). */
int ui_request(const struct screen *s, int ch);

/* Sets the status line; a NULL fmt clears it. ui_error shows sam_errmsg()
 * for st (never crashes, never leaves the screen). */
void ui_status(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
unsigned ui_error(struct app *app, enum sam_status st);

/* Draws every layer of the screen into stdscr (title, body, status,
 * footer) and puts the cursor on the focus; the caller refresh()es. Modal
 * widgets call it, then draw themselves on top. */
void ui_draw_all(struct app *app);
/* Below 40x12 only "Vinduet er for lille" is drawn; modal widgets draw nothing. */
bool ui_too_small(void);
/* Reads one key (get_wch, mapped as above). ERR on timeout or signal.
 * Sets app-wide quit when SIGINT/SIGTERM arrived: check ui_quitting(). */
int ui_getkey(void);
bool ui_quitting(void);

/* Records where the cursor should sit: y, x inside win. */
void ui_focus(WINDOW *win, int y, int x);
/* Replaces the footer's keys for this draw (a static string): while keys
 * are typed into a field, the screen's keys do not act. */
void ui_footer_hint(const char *hint);

/*
 * Colours and attributes: never the only carrier of a state (the text has
 * [x], [-], [ ], "forfalden"); all plain attributes under NO_COLOR.
 */

enum ui_attr { UI_NORMAL, UI_TITLE, UI_SELECTED, UI_HEADING, UI_DIM, UI_WARN, UI_ERROR };
attr_t ui_attr(enum ui_attr a);

/*
 * Text: UTF-8, clipped to a width in columns (utf8_prefix_for_width),
 * control characters (newlines in notes) drawn as spaces.
 */

/* Draws s at y, x in at most width columns; returns the columns used. */
int ui_text(WINDOW *win, int y, int x, int width, enum ui_attr a, const char *s);
/* As ui_text, but a text cut at width ends in "…". */
int ui_text_cut(WINDOW *win, int y, int x, int width, enum ui_attr a, const char *s);
/* Pads the rest of a width with spaces in attribute a (for selection bars). */
void ui_fill(WINDOW *win, int y, int x, int width, enum ui_attr a);
/* Word-wraps s (honouring its newlines) into rows y.. of width columns, at
 * most maxrows rows; returns the rows used. Draws nothing when win is NULL
 * (to measure). */
int ui_wrap(WINDOW *win, int y, int x, int width, int maxrows, enum ui_attr a, const char *s);
/* Draws a horizontal rule with an optional title, or a vertical line. */
void ui_rule(WINDOW *win, int y, int x, int width, const char *title);
void ui_vline(WINDOW *win, int y, int x, int height);

/*
 * A text that scrolls (the meeting's why, help and overview): wrapped once
 * into rows of a width, drawn from a top row, with "↑ mere (KEY)" and
 * "↓ mere (KEY)" in place of the first and last rows when more is out of
 * sight, so that nothing is cut without a mark.
 */

struct ui_doc_line {
	enum ui_attr a;
	int indent;
	char *text;
};

struct ui_doc {
	struct ui_doc_line *v;
	size_t n, cap;
	int width;
};

/* Empties d for rows of width columns. */
void ui_doc_start(struct ui_doc *d, int width);
/* Adds text (its newlines kept) wrapped to the width less indent. */
void ui_doc_add(struct ui_doc *d, enum ui_attr a, int indent, const char *text);
/* A blank row between blocks: none at the top, never two. */
void ui_doc_gap(struct ui_doc *d);
/* Draws d from row *top into height rows at y, x (*top is brought into
 * range); the marks name the keys that scroll. Returns the rows drawn. */
int ui_doc_draw(const struct ui_doc *d, WINDOW *win, int y, int x, int height, size_t *top,
		const char *up_key, const char *down_key);
/* How many of d's rows show from top in height rows, marks left out. */
size_t ui_doc_rows(const struct ui_doc *d, int height, size_t top);
void ui_doc_free(struct ui_doc *d);

/*
 * A scrolling list: selection, paging, and / filter-as-you-type. The screen
 * keeps the rows; the list keeps the position. Rows that are not selectable
 * (headings, note lines) are skipped when moving.
 */

#define UI_FILTER_MAX 128

struct ui_list {
	size_t n;			/* rows */
	size_t sel;			/* selected row */
	size_t top;			/* first row drawn */
	int height;			/* rows drawn last time (for paging) */
	bool filtering;			/* / was pressed: keys go to the filter */
	char filter[UI_FILTER_MAX];	/* UTF-8, "" = no filter */
	bool (*selectable)(void *ctx, size_t row);	/* NULL = every row */
	void *ctx;
};

enum ui_list_result {
	UI_LIST_IGNORED,		/* not a list key: the screen handles it */
	UI_LIST_MOVED,			/* redraw */
	UI_LIST_FILTER_CHANGED,		/* the screen re-filters its rows (then ui_list_set_rows) */
	UI_LIST_ACTIVATE,		/* Enter on the selected row */
};

/* Handles movement, Enter and / (and, while filtering, the filter text:
 * Enter keeps the filter, Esc clears it). */
enum ui_list_result ui_list_key(struct ui_list *l, const struct screen *s, int ch);
/* Sets the number of rows after a (re)load, keeping the selection in range
 * and on a selectable row. */
void ui_list_set_rows(struct ui_list *l, size_t n);
/* Scrolls so that the selection is visible in height rows; returns top. */
size_t ui_list_scroll(struct ui_list *l, int height);
/* Case-insensitive (ASCII and æøå) substring match against the filter. */
bool ui_list_match(const struct ui_list *l, const char *text);
/* Draws the filter prompt ("/ text") on row y when filtering or filtered;
 * returns true when it drew it. */
bool ui_list_draw_filter(const struct ui_list *l, WINDOW *win, int y, int width);
/* Moves the selection to the first selectable row at or after row. */
void ui_list_select(struct ui_list *l, size_t row);

/*
 * A one-line UTF-8 editor (for prompts and the item note).
 */

#define UI_EDIT_MAX 1024

struct ui_edit {
	char buf[UI_EDIT_MAX];	/* UTF-8, NUL-terminated */
	size_t len;		/* bytes */
	size_t cur;		/* byte offset of the cursor, on a character boundary */
	bool replace;		/* the text is a default: the first character typed
				 * (or Backspace) replaces it, a movement keeps it */
};

enum ui_edit_result { UI_EDIT_CONTINUE, UI_EDIT_ACCEPT, UI_EDIT_CANCEL };

void ui_edit_set(struct ui_edit *e, const char *text);
/* Enter accepts, Esc cancels; ←/→, Home/End, Backspace, Delete, Ctrl-U
 * (clear), Ctrl-W (word) edit. */
enum ui_edit_result ui_edit_key(struct ui_edit *e, int ch);
/* Draws the editor at y, x in width columns, scrolled so the cursor shows,
 * and puts the cursor there. */
void ui_edit_draw(const struct ui_edit *e, WINDOW *win, int y, int x, int width);

/*
 * Modal widgets: they run their own key loop over the drawn screen and
 * return when the user answers. Resizes redraw underneath.
 */

/* Asks one line at the bottom: label, then the editor prefilled with
 * initial (may be NULL). Returns a malloc'd answer on Enter, NULL on Esc
 * (or on quit). */
char *ui_prompt(struct app *app, const char *label, const char *initial);
/* As ui_prompt, with a default (shown selected) that the first key typed
 * replaces: "+7" and then "+14" typed is "+14". */
char *ui_prompt_default(struct app *app, const char *label, const char *def);
/* Asks a date (date_parse: 31.12, +7, i morgen, mandag, ...) until one is
 * given that is on the side of today when asks for; each refusal says why
 * and keeps what was typed. False on Esc. */
bool ui_ask_date(struct app *app, const char *label, const char *def, enum date_when when,
		 sam_date out);
/* Lets the user pick one of n options in a box; returns its index, or -1
 * on Esc. */
int ui_choose(struct app *app, const char *title, const char *const *options, size_t n,
	      size_t initial);
/* Ctrl-C outside an editor: asks whether to leave the program (Ctrl-C
 * again says yes). */
bool ui_confirm_quit(struct app *app);
/* Edits text in $VISUAL, else $EDITOR, else editor, else nano, through a
 * 0600 temporary file named after name ("moedenote.txt": its extension
 * kept) that is removed afterwards; curses is suspended and restored.
 * Returns what the file holds when the editor exits (malloc'd, trailing
 * newlines removed), with *failed set when the editor exited with an
 * error; NULL when no editor could be run or the file could not be made
 * or read (the message in the status line; nothing was typed then). */
char *ui_edit_external(struct app *app, const char *text, const char *name, bool *failed);

/*
 * The multi-line editor (ui_editor.c): drawn over the lower part of the
 * screen, the screen above it in sight. UTF-8, word wrap, arrows, Home/End,
 * a word left/right (Ctrl-Left/Right, Alt-b/f), a word deleted (Ctrl-W,
 * Alt-Backspace), paste; Enter makes a new line, Ctrl-S or F2 saves, Esc
 * or Ctrl-C closes (asking first when the text changed), F3 hands the text
 * to $EDITOR. A refused save keeps the text in the editor.
 */

struct ui_editor_spec {
	const char *title;		/* on the editor's top rule: "Mødenote" */
	const char *text;		/* to start from; NULL = empty */
	const char *file_name;		/* for $EDITOR's file: "moedenote.txt" */
	const char *saved_msg;		/* the status after a save: "Mødenoten er gemt." */
	/* Stores text (NULL when empty); a status other than SAM_OK leaves its
	 * message in sam_errmsg() and the text in the editor. */
	enum sam_status (*save)(void *ctx, const char *text);
	void *ctx;
};

/* Runs the editor until it is closed; true when a changed text was saved. */
bool ui_editor_run(struct app *app, const struct ui_editor_spec *spec);

/*
 * Screens: each push function returns REACT_* bits for the caller to return.
 */

unsigned scr_cases_push(struct app *app);
unsigned scr_case_push(struct app *app, int64_t case_id);
unsigned scr_meeting_push(struct app *app, int64_t meeting_id);
/* When a meeting is closed (x in it, or leaving its case for the case
 * list): asks once for the plain-language summary for her (Esc skips). */
void ui_ask_agreed(struct app *app, int64_t meeting_id);
bool ui_agreed_asked(const struct app *app, int64_t meeting_id);
unsigned scr_profile_push(struct app *app, int64_t case_id);
unsigned scr_help_push(struct app *app);
/* Her copy of the meeting in large type (scr_handout.c). */
unsigned scr_handout_push(struct app *app, int64_t meeting_id);

/* Dialogs that more than one screen offers (scr_case.c). */
/* f: asks the text, then the due date; saves it for the case (and meeting, or 0). */
unsigned ui_add_followup(struct app *app, int64_t case_id, int64_t meeting_id);
/*
 * Her profile (ui_profile.c), shared by the case, meeting and profile screens.
 */

/* Her goals and wishes, in that order: what the meeting shows of her. */
#define UI_PROFILE_NWISHES 3
extern const enum profile_field ui_profile_wishes[UI_PROFILE_NWISHES];
/* The field's heading in the UI language: "Uddannelse". */
const char *ui_profile_label(enum profile_field f);
/* One row "Label: her text", its line breaks drawn as spaces and a text cut
 * at width ending in "…"; "(tom)" when empty. a = UI_NORMAL draws the label
 * as a heading. Returns the columns used. */
int ui_profile_row(WINDOW *win, int y, int x, int width, enum ui_attr a, const struct case_rec *c,
		   enum profile_field f);
/* The fields of fields[0..n) that hold text, a row each, at most maxrows;
 * returns the rows drawn (0 when none holds text). */
int ui_profile_compact(WINDOW *win, int y, int x, int width, int maxrows, const struct case_rec *c,
		       const enum profile_field *fields, size_t n);
/* One field of c in samtale's editor, saved when she saves. */
unsigned ui_edit_profile_field(struct app *app, const struct case_rec *c, enum profile_field f);
/* Every field in $EDITOR, a "## Label" heading above each (proftext.h);
 * what the file holds is saved field by field, or asked about when it
 * does not fit the headings. */
unsigned ui_edit_profile(struct app *app, int64_t case_id);
/* m: asks the meeting type, creates the meeting with the guide's items for
 * it and opens it. first preselects the first meeting. */
unsigned ui_new_meeting(struct app *app, int64_t case_id, bool first);

/* Corrections (ui_correct.c), each asked first and kept for ui_undo. */
/* d: the meeting's date (never in the future) or its type (saying first
 * which items stay and which go). */
unsigned ui_meeting_change(struct app *app, int64_t meeting_id);
/* D: asks, saying what goes, and removes the meeting; true when it did. */
bool ui_meeting_remove(struct app *app, int64_t meeting_id);
/* A follow-up's text, due date and who acts; done / not done; erased. */
unsigned ui_followup_edit(struct app *app, const struct followup_rec *f);
unsigned ui_followup_toggle(struct app *app, const struct followup_rec *f);
unsigned ui_followup_remove(struct app *app, const struct followup_rec *f);
/* Closes the case on a date asked (default today), or reopens it. */
unsigned ui_case_close_toggle(struct app *app, const struct case_rec *c);
/* u on the case screen: undoes the last correction made to case_id. */
unsigned ui_undo(struct app *app, int64_t case_id);
void ui_undo_free(struct app *app);
unsigned scr_followups_push(struct app *app);

/* Internships (scr_internship.c): I on the case screen lists them. */
unsigned scr_internships_push(struct app *app, int64_t case_id);
/* Asks workplace, field, period, contact, her goal and whether a job may
 * follow, and records the internship for the case. */
unsigned ui_internship_add(struct app *app, int64_t case_id);
/* Asks how it ended (the outcome), when, and why, and records it. */
unsigned ui_internship_end(struct app *app, const struct internship_rec *in);
/* Draws in (NULL: a line saying there is none) from row y in at most
 * maxrows rows of width columns: workplace, field, period, whether a job
 * is possible, the outcome, her goal. Returns the rows used. */
int ui_internship_box(WINDOW *win, int y, int x, int width, int maxrows,
		      const struct internship_rec *in);
/* One row: period, workplace, outcome (or running) and job possible. */
void ui_internship_row(WINDOW *win, int y, int x, int width, enum ui_attr a,
		       const struct internship_rec *in);
unsigned scr_report_push(struct app *app);
/* I on the report screen: what came of the internships begun in a period. */
unsigned scr_report_internships_push(struct app *app);

#endif
