#include "samtale/tui.h"

#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "samtale/cli.h"
#include "samtale/util.h"
#include "ui.h"

#define MIN_COLS 40
#define MIN_LINES 12

static volatile sig_atomic_t quit_signal;
static struct app *the_app;	/* for ui_focus, which draw functions call without app */

/*
 * Keys common to every screen
 */

const struct ui_binding ui_common_keys[] = {
	{ '?', REQ_HELP, "?", N_("help"), true },
	{ UI_FN(KEY_F(1)), REQ_HELP, NULL, NULL, false },
	{ 'q', REQ_BACK, "q", N_("back"), true },
	{ UI_ESC, REQ_BACK, "Esc", N_("back"), false },
	{ UI_CTRL('l'), REQ_RELOAD, "Ctrl-L", N_("reload and redraw"), false },
	UI_BINDINGS_END,
};

const struct ui_binding ui_list_keys[] = {
	{ UI_FN(KEY_UP), REQ_UP, "↑ k", N_("up"), false },
	{ 'k', REQ_UP, NULL, NULL, false },
	{ UI_FN(KEY_DOWN), REQ_DOWN, "↓ j", N_("down"), false },
	{ 'j', REQ_DOWN, NULL, NULL, false },
	{ UI_FN(KEY_PPAGE), REQ_PAGE_UP, "PgUp", N_("page up"), false },
	{ UI_FN(KEY_NPAGE), REQ_PAGE_DOWN, "PgDn", N_("page down"), false },
	{ UI_FN(KEY_HOME), REQ_HOME, "Home", N_("first"), false },
	{ UI_FN(KEY_END), REQ_END, "End", N_("last"), false },
	{ '\n', REQ_ENTER, "Enter", N_("open"), true },
	{ '\r', REQ_ENTER, NULL, NULL, false },
	{ UI_FN(KEY_ENTER), REQ_ENTER, NULL, NULL, false },
	{ '/', REQ_FILTER, "/", N_("filter"), true },
	UI_BINDINGS_END,
};

static int lookup(const struct ui_binding *b, int ch)
{
	for (; b && b->req != REQ_NONE; b++)
		if (b->key == ch)
			return b->req;
	return REQ_NONE;
}

bool ui_binding_shown(const struct screen *s, const struct ui_binding *b)
{
	return b->keyname && ui_request(s, b->key) == b->req;
}

int ui_request(const struct screen *s, int ch)
{
	int req = s ? lookup(s->ops->keys, ch) : REQ_NONE;

	if (req == REQ_NONE && s && s->ops->is_list)
		req = lookup(ui_list_keys, ch);
	if (req == REQ_FILTER && s && s->ops->no_filter)
		req = REQ_NONE;
	if (req == REQ_NONE)
		req = lookup(ui_common_keys, ch);
	return req;
}

/*
 * Status line and attributes
 */

void ui_status(struct app *app, const char *fmt, ...)
{
	va_list ap;

	app->status_is_error = false;
	app->status[0] = '\0';
	if (!fmt)
		return;
	va_start(ap, fmt);
	vsnprintf(app->status, sizeof(app->status), fmt, ap);
	va_end(ap);
}

/* The store's and the command line's messages are written to follow
 * "samtale: " or a prefix of a case; on the status line they stand alone
 * and are sentences: a capital letter (æ, ø, å too) and a full stop. */
static void as_sentence(char *s, size_t size)
{
	unsigned char *u = (unsigned char *)s;
	size_t n = strlen(s);

	if (u[0] >= 'a' && u[0] <= 'z')
		u[0] = (unsigned char)(u[0] - 32);
	else if (u[0] == 0xc3 && (u[1] == 0xa6 || u[1] == 0xb8 || u[1] == 0xa5))
		u[1] = (unsigned char)(u[1] - 32);
	if (n > 0 && n + 1 < size && !strchr(".?!", s[n - 1]))
		strcpy(s + n, ".");
}

unsigned ui_error(struct app *app, enum sam_status st)
{
	if (st == SAM_OK)
		return REACT_REDRAW;
	snprintf(app->status, sizeof(app->status), "%s", sam_errmsg());
	as_sentence(app->status, sizeof(app->status));
	app->status_is_error = true;
	sam_error_clear();
	return REACT_REDRAW;
}

enum { PAIR_TITLE = 1, PAIR_HEADING, PAIR_DIM, PAIR_WARN, PAIR_ERROR };

static void colors_init(struct app *app)
{
	const char *no = getenv("NO_COLOR");

	app->color = !(no && *no) && has_colors();
	if (!app->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_HEADING, COLOR_CYAN, -1);
	init_pair(PAIR_DIM, COLOR_BLUE, -1);
	init_pair(PAIR_WARN, COLOR_YELLOW, -1);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
}

attr_t ui_attr(enum ui_attr a)
{
	bool c = the_app && the_app->color;

	switch (a) {
	case UI_TITLE:
		return A_REVERSE | (c ? COLOR_PAIR(PAIR_TITLE) : 0);
	case UI_SELECTED:
		return A_REVERSE;
	case UI_HEADING:
		return A_BOLD | (c ? COLOR_PAIR(PAIR_HEADING) : 0);
	case UI_DIM:
		return c ? COLOR_PAIR(PAIR_DIM) : A_NORMAL;
	case UI_WARN:
		return A_BOLD | (c ? COLOR_PAIR(PAIR_WARN) : 0);
	case UI_ERROR:
		return A_BOLD | (c ? COLOR_PAIR(PAIR_ERROR) : 0);
	case UI_NORMAL:
		break;
	}
	return A_NORMAL;
}

void ui_focus(WINDOW *win, int y, int x)
{
	int by, bx;

	if (!the_app)
		return;
	getbegyx(win, by, bx);
	the_app->focus_y = by + y;
	the_app->focus_x = bx + x;
}

void ui_footer_hint(const char *hint)
{
	if (the_app)
		the_app->footer_hint = hint;
}

/*
 * Drawing the frame: title bar, body, status line, footer
 */

static void draw_footer(const struct screen *s, int y)
{
	const struct ui_binding *tables[] = { s->ops->keys, s->ops->is_list ? ui_list_keys : NULL,
					      ui_common_keys };
	/* room is kept for "? help" however many keys come before it */
	int x = 0, reserve = (int)(utf8_width("? ") + utf8_width(_("help")));
	bool full = false;

	move(y, 0);
	for (size_t t = 0; t < ARRAY_SIZE(tables); t++) {
		for (const struct ui_binding *b = tables[t]; b && b->req != REQ_NONE; b++) {
			const char *what;
			int need;

			if (!b->footer || !ui_binding_shown(s, b))
				continue;
			what = _(b->what);
			if (b->req == REQ_BACK && !s->below)
				what = _("quit");
			need = (int)(utf8_width(b->keyname) + 1 + utf8_width(what)) + 2;
			if (b->req != REQ_HELP && (full || x + need + reserve > COLS)) {
				full = true;
				continue;
			}
			if (x + need - 2 > COLS)
				return;
			if (b->req == REQ_HELP)
				reserve = 0;
			x += ui_text(stdscr, y, x, COLS - x, UI_HEADING, b->keyname);
			x += ui_text(stdscr, y, x, COLS - x, UI_NORMAL, " ");
			x += ui_text(stdscr, y, x, COLS - x, UI_NORMAL, what);
			x += ui_text(stdscr, y, x, COLS - x, UI_NORMAL, "  ");
		}
	}
}

static void draw_too_small(void)
{
	const char *msg = _("The window is too small");
	char size[64];
	int w = (int)utf8_width(msg);

	snprintf(size, sizeof(size), "%dx%d < %dx%d", COLS, LINES, MIN_COLS, MIN_LINES);
	ui_text(stdscr, LINES / 2 > 0 ? LINES / 2 - 1 : 0, w < COLS ? (COLS - w) / 2 : 0, COLS,
		UI_WARN, msg);
	if (LINES > 2)
		ui_text(stdscr, LINES / 2, (int)strlen(size) < COLS ? (COLS - (int)strlen(size)) / 2 : 0,
			COLS, UI_NORMAL, size);
	move(0, 0);
}

bool ui_too_small(void)
{
	return COLS < MIN_COLS || LINES < MIN_LINES;
}

void ui_draw_all(struct app *app)
{
	struct screen *s = app->top;
	sam_date today;
	char right[128];
	WINDOW *body;
	int rw, tw;

	werase(stdscr);
	if (ui_too_small()) {
		draw_too_small();
		return;
	}
	date_today(today);
	snprintf(right, sizeof(right), " %s · %s ", app->user, today);
	rw = (int)utf8_width(right);
	ui_fill(stdscr, 0, 0, COLS, UI_TITLE);
	tw = app->demo ? ui_text(stdscr, 0, 0, COLS, UI_WARN, " DEMO ") : 0;
	tw += ui_text(stdscr, 0, tw + 1, COLS - tw - 2, UI_TITLE, s->title);
	if (1 + tw + 2 + rw <= COLS)
		ui_text(stdscr, 0, COLS - rw, rw, UI_TITLE, right);

	app->focus_y = -1;
	app->footer_hint = NULL;
	body = derwin(stdscr, LINES - 3, COLS, 1, 0);
	if (body) {
		if (!app->body_hidden)
			s->ops->draw(s, body);
		delwin(body);
	}
	if (app->status[0]) {
		/* a long message (the store's refusals) wraps upwards over the
		 * body rather than losing its end */
		enum ui_attr a = app->status_is_error ? UI_ERROR : UI_NORMAL;
		int rows = ui_wrap(NULL, 0, 0, COLS, 3, a, app->status);

		for (int y = LINES - 1 - rows; y < LINES - 1; y++) {
			move(y, 0);
			clrtoeol();
		}
		ui_wrap(stdscr, LINES - 1 - rows, 0, COLS, rows, a, app->status);
	}
	if (app->footer_hint)
		ui_text(stdscr, LINES - 1, 0, COLS, UI_DIM, app->footer_hint);
	else
		draw_footer(s, LINES - 1);
	if (app->focus_y >= 0)
		move(app->focus_y, app->focus_x);
	else
		move(LINES - 2, 0);
	if (app->overlay)
		app->overlay(app->overlay_ctx);
}

/*
 * Keys and signals
 */

static void on_signal(int sig)
{
	quit_signal = sig;
}

static void signals_init(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: get_wch returns at once */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

bool ui_quitting(void)
{
	return quit_signal != 0;
}

/* After get_wch gave nothing: true when the terminal has gone (a closed
 * ssh connection or terminal window whose hangup signal did not reach us).
 * Its input then hangs up, or reads end of file at once and again: a
 * timeout leaves nothing to read. */
static int empty_reads;

static bool terminal_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	if (poll(&p, 1, 0) < 0)
		return false;
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return true;
	empty_reads = (p.revents & POLLIN) ? empty_reads + 1 : 0;
	return empty_reads >= 3;
}

int ui_getkey(void)
{
	wint_t wc;
	int r;

	if (quit_signal)
		return ERR;
	r = get_wch(&wc);
	if (r != ERR)
		empty_reads = 0;
	if (r == KEY_CODE_YES)
		return UI_FN((int)wc);
	if (r == OK)
		return (int)wc;
	if (!quit_signal && terminal_gone())
		quit_signal = SIGHUP;
	return ERR;
}

/*
 * The screen stack
 */

static void screen_free(struct screen *s)
{
	if (s->ops->close)
		s->ops->close(s);
	free(s);
}

unsigned ui_push(struct app *app, const struct screen_ops *ops, int64_t arg)
{
	struct screen *s = xcalloc(1, sizeof(*s));
	enum sam_status st;

	s->ops = ops;
	s->app = app;
	s->arg = arg;
	s->below = app->top;
	st = ops->open(s, app);
	if (st != SAM_OK) {
		screen_free(s);
		return ui_error(app, st);
	}
	app->top = s;
	return REACT_PUSH | REACT_REDRAW;
}

static void reload_top(struct app *app)
{
	enum sam_status st = app->top->ops->open(app->top, app);

	if (st != SAM_OK)
		ui_error(app, st);
}

static void pop(struct app *app)
{
	struct screen *s = app->top;

	app->top = s->below;
	screen_free(s);
	if (app->top)
		reload_top(app);
}

/* Keys the screen left alone: help, back, reload. Returns REACT_* bits. */
static unsigned common_key(struct app *app, int ch)
{
	switch (ui_request(app->top, ch)) {
	case REQ_HELP:
		return scr_help_push(app);
	case REQ_BACK:
		return app->top->below ? REACT_POP : REACT_QUIT;
	case REQ_RELOAD:
		clearok(curscr, TRUE);
		return REACT_RELOAD;
	default:
		return REACT_NONE;
	}
}

/* Applies a handler's reactions; false when the program should end. */
static bool react(struct app *app, unsigned r)
{
	if (r & REACT_QUIT)
		return false;
	if (r & REACT_POP) {
		pop(app);
		if (!app->top)
			return false;
	} else if (r & REACT_RELOAD) {
		reload_top(app);
	}
	return true;
}

/* A read-only database (a team lead's read access, a read-only disk):
 * the keys that would change something are refused here, for every screen,
 * from the requests each screen says write. */
static bool key_writes(const struct screen *s, int ch)
{
	int req = ui_request(s, ch);

	for (const int *w = s->ops->writes; w && *w != REQ_NONE; w++)
		if (*w == req)
			return true;
	return false;
}

static unsigned refuse_write(struct app *app)
{
	ui_status(app, "%s", _("The database is read-only: you can look, but not change anything."));
	return REACT_REDRAW;
}

/* The guide's content is not needed for the case list: it is loaded after
 * the first draw, before the first key. When it is invalid the program ends
 * as it would have before drawing: the terminal restored, the problems on
 * stderr (cli_load_content reads them again to print them), status 1. */
static int load_guide(struct app *app)
{
	if (app->guide)
		return 0;
	if (content_load(app->ctx->content_dir, cli_content_lang(app->ctx), &app->ctx->guide,
			 &app->diags) == SAM_OK) {
		app->guide = app->ctx->guide;
		return 0;
	}
	content_diags_free(&app->diags);
	memset(&app->diags, 0, sizeof(app->diags));
	endwin();
	cli_load_content(app->ctx);
	return 1;
}

/* A change waits for another process's write (a colleague's change, a
 * step of an import or a purge): after a moment the status line says that
 * it is saving. The keys typed meanwhile wait in the terminal and are read
 * after it; the next draw puts back the status line of the screen. Called
 * by the store while it waits: it draws, and uses nothing of the store. */
#define SAVING_AFTER_MS 150

static void show_saving(void *ctx, unsigned waited_ms)
{
	bool *shown = ctx;

	if (waited_ms == 0)
		*shown = false;
	if (waited_ms < SAVING_AFTER_MS || *shown || isendwin() || ui_too_small())
		return;
	*shown = true;
	move(LINES - 2, 0);
	clrtoeol();
	ui_text(stdscr, LINES - 2, 0, COLS, UI_NORMAL, _("Saving …"));
	/* Drawn even with keys waiting, which curses would let go first. */
	typeahead(-1);
	refresh();
	typeahead(STDIN_FILENO);
}

/* Returns the exit status. SAMTALE_QUIT_AFTER_DRAW (for the benchmarks):
 * 1 ends the program right after the first screen is drawn, 2 once what
 * the first draw did without is loaded and drawn too. */
static int run_loop(struct app *app)
{
	const char *quit_after = getenv("SAMTALE_QUIT_AFTER_DRAW");
	int rc;

	for (;;) {
		unsigned r;
		bool typing;
		int ch;

		ui_draw_all(app);
		typing = app->footer_hint != NULL;	/* keys go into a field */
		refresh();
		if (str_eq(quit_after, "1"))
			return 0;
		if ((rc = load_guide(app)))
			return rc;
		if (app->top->ops->finish && (r = app->top->ops->finish(app->top)) != REACT_NONE) {
			if (!react(app, r))
				return 0;
			continue;
		}
		if (str_eq(quit_after, "2"))
			return 0;
		do {
			ch = ui_getkey();
			if (quit_signal)
				return 0;
		} while (ch == ERR);
		if (ch == UI_FN(KEY_RESIZE))
			continue;
		if (ui_too_small() && ch != 'q')
			continue;	/* nothing shown: no key acts blindly */
		if (ch == UI_CTRL('c')) {
			if (ui_confirm_quit(app))
				return 0;
			continue;
		}
		if (app->readonly && !typing && key_writes(app->top, ch))
			r = refuse_write(app);
		else if ((r = app->top->ops->key(app->top, ch)) == REACT_NONE)
			r = common_key(app, ch);
		if (!react(app, r))
			return 0;
	}
}

/* Home and End as terminals send them when TERM names another kind (the
 * vt220 keys of tmux, screen and the Linux console under TERM=xterm, or
 * xterm's own outside keypad mode): unknown, their leading Esc would act
 * as "back" and leave the screen. */
static void alias_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} alias[] = {
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
		{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
	};

	for (size_t i = 0; i < ARRAY_SIZE(alias); i++)
		if (key_defined(alias[i].seq) == 0)
			define_key(alias[i].seq, alias[i].key);
}

/* Ctrl-C is a key, not a signal, so that it can ask before it quits (and
 * act as Esc in an editor); Ctrl-S is a key, not a pause of the output.
 * Ctrl-Z still suspends. Saved as curses' program mode, which $EDITOR's
 * return restores. */
static void terminal_keys(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_cc[VINTR] = _POSIX_VDISABLE;
	t.c_iflag &= ~(tcflag_t)IXON;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode();
}

static void restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

/*
 * Starting: the terminal, the locale and the database
 */

/* A terminal that can place the cursor; checked before the database is
 * opened, so that nothing is created for a screen that cannot be shown. */
static bool terminal_usable(void)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "samtale: %s\n", _("the conversation guide needs a terminal; see 'samtale --help'"));
		return false;
	}
	if (str_empty(term) || !strcmp(term, "dumb")) {
		fprintf(stderr, "samtale: %s\n",
			_("the conversation guide cannot be shown on a terminal without screen control (TERM "
			   "is 'dumb' or empty); set TERM, e.g. TERM=xterm-256color, or use the commands (see "
			   "'samtale --help')"));
		return false;
	}
	return true;
}

/* ncursesw reads keys and draws text in the locale's character set; the
 * data is UTF-8. Under another locale (LANG=C, ISO-8859-1) the guide takes
 * a UTF-8 locale of the same system, or refuses. */
static bool utf8_locale(void)
{
	static const char *const names[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "da_DK.UTF-8" };
	const char *was = nl_langinfo(CODESET);

	if (!strcmp(was, "UTF-8"))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (setlocale(LC_CTYPE, names[i]) && !strcmp(nl_langinfo(CODESET), "UTF-8"))
			return true;
	fprintf(stderr, _("samtale: the conversation guide needs UTF-8, but the character set is %s and "
			   "the system has no UTF-8 locale; set e.g. LANG=C.UTF-8\n"), was);
	return false;
}

/* A database this user may read but not write opens read-only: the screens
 * show everything, and run_loop refuses the keys that write. A file is
 * opened so when she may not write it; a server says once it is open. */
static int open_store(struct app *app)
{
	struct cli_ctx *ctx = app->ctx;
	char *dir = path_dirname(ctx->db_path);
	int rc;

	app->readonly = path_exists(ctx->db_path) &&
			(access(ctx->db_path, W_OK) || access(dir, W_OK));
	free(dir);
	rc = cli_open_store(ctx, app->readonly ? NEED_DB_READONLY : NEED_DB);
	app->store = ctx->store;
	if (!rc && store_read_only(app->store))
		app->readonly = true;
	if (!rc && store_is_demo(app->store, &app->demo) != SAM_OK)
		app->demo = false;	/* a banner is not worth refusing to start */
	return rc;
}

int tui_run(struct cli_ctx *ctx)
{
	struct app app = { .ctx = ctx, .guide = ctx->guide, .user = ctx->user };
	SCREEN *term;
	int rc = 0;

	if (!terminal_usable() || !utf8_locale())
		return 1;
	signals_init();
	term = newterm(NULL, stdout, stdin);
	if (!term) {
		fprintf(stderr, "samtale: %s '%s'\n", _("cannot use the terminal type"),
			getenv("TERM") ? getenv("TERM") : "");
		return 1;
	}
	/* ncurses writes each cursor motion out by itself until the program
	 * has once left curses mode (that first state serves plain terminfo
	 * use): some eighty writes for the first screen. Leaving it before
	 * the modes are set and anything is drawn sends that screen in one;
	 * the first refresh resumes. */
	endwin();
	if ((rc = open_store(&app))) {
		delscreen(term);
		return rc;
	}
	if (app.readonly)
		refuse_write(&app);
	store_set_wait_hook(app.store, show_saving, &app.saving_shown);
	atexit(restore_terminal);
	sam_set_fatal_hook(restore_terminal);
	the_app = &app;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	terminal_keys();
	alias_keys();
	set_escdelay(25);
	timeout(1000);		/* wake now and then to notice SIGTERM */
	curs_set(1);
	colors_init(&app);

	if (!(scr_cases_push(&app) & REACT_PUSH)) {
		endwin();
		fprintf(stderr, "samtale: %s\n", app.status);
		rc = 1;
	} else {
		rc = run_loop(&app);
		restore_terminal();
	}
	content_diags_print(&app.diags, stderr);
	content_diags_free(&app.diags);
	ui_undo_free(&app);
	while (app.top) {
		struct screen *s = app.top;

		app.top = s->below;
		screen_free(s);
	}
	the_app = NULL;
	store_set_wait_hook(app.store, NULL, NULL);
	sam_set_fatal_hook(NULL);
	delscreen(term);
	if (quit_signal)
		rc = 128 + quit_signal;
	return rc;
}
