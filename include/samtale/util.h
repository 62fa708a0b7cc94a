#ifndef SAMTALE_UTIL_H
#define SAMTALE_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "samtale/err.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Strings
 */

/* A growable NUL-terminated string. Zero-initialise; buf is never NULL after
 * the first add. Allocation failure aborts via sam_oom(): the program cannot
 * do anything useful without memory, and no half-written data results because
 * every change is already committed. */
struct strbuf {
	char *buf;
	size_t len, cap;
};

void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void strbuf_reset(struct strbuf *sb);
const char *strbuf_str(const struct strbuf *sb);	/* "" when empty */
char *strbuf_detach(struct strbuf *sb);			/* caller frees */
void strbuf_free(struct strbuf *sb);

/* Allocation that never returns NULL (aborts with a message instead). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Room for one more element of size bytes after v[0..n), doubling *cap when
 * v is full; returns v, perhaps moved. */
void *array_grow(void *v, size_t n, size_t *cap, size_t size);
char *xstrdup(const char *s);		/* NULL in, NULL out */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void sam_oom(void);
/* Called by sam_oom() before it writes its message and aborts: the TUI
 * gives the terminal back here. NULL = none. */
void sam_set_fatal_hook(void (*fn)(void));

bool str_empty(const char *s);		/* NULL or only whitespace */
/* A copy with ASCII and the Latin-1 capitals (Æ, Ø, Å among them) lowered,
 * for comparing what people type. Caller frees. */
char *str_fold(const char *s);
bool str_eq(const char *a, const char *b);	/* NULL-safe */

/*
 * UTF-8
 */

/* True when s[0..n) is valid UTF-8; else *bad is the offset of the first bad byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad);
/* Bytes of the valid UTF-8 character at s[0..n), or 0 when none starts there. */
size_t utf8_char_len(const char *s, size_t n);
/* The same, with its code point in *cp. */
size_t utf8_decode(const char *s, size_t n, unsigned long *cp);
/* Writes cp as UTF-8 into out; returns its bytes, 0 for a surrogate or a
 * value past U+10FFFF (nothing written). */
size_t utf8_encode(unsigned long cp, char out[4]);
/* Terminal columns of one code point: 0 for combining marks and controls. */
int utf8_cp_width(unsigned long cp);
/* Terminal columns s takes (æ, ø, å count one; wide CJK two; combining zero). */
size_t utf8_width(const char *s);
/* Bytes of the longest prefix of s that fits in cols columns. */
size_t utf8_prefix_for_width(const char *s, size_t cols);

/*
 * Text that reaches a terminal: the characters it would act on instead of
 * showing (C0 controls, DEL, C1 controls, the bidi embeddings, overrides and
 * isolates U+202A-U+202E and U+2066-U+2069) are refused on input and shown
 * visibly on output.
 */

/* Which line characters count as text, not control. */
enum text_keep { TEXT_TAB = 1 << 0, TEXT_LF = 1 << 1, TEXT_CR = 1 << 2,
		 TEXT_LINES = TEXT_TAB | TEXT_LF | TEXT_CR };

bool text_is_control(unsigned long cp);
/* True when s[0..n) holds a control character other than those in keep,
 * or a byte that is not UTF-8; *off is its offset and *cp its code point
 * (the byte itself for a stray byte). Either may be NULL. */
bool text_control_find(const char *s, size_t n, unsigned keep, size_t *off, unsigned long *cp);
/* Appends s[0..n) with each such character written as \uXXXX and each
 * stray byte as \xXX, so that it shows and acts on nothing (JSON reads the
 * former back as the same character). */
void strbuf_add_visible(struct strbuf *sb, const char *s, size_t n, unsigned keep);
/* A stream writing to raw's file descriptor through strbuf_add_visible,
 * keeping tab, line feed and CR LF: the CLI puts its stdout and stderr
 * through it so that nothing it prints can drive the terminal. Returns raw
 * itself when it cannot make one. */
FILE *text_guard_stream(FILE *raw);
/* The raw stream behind a guarded one (flushed first), for binary output
 * (a spreadsheet); any other stream itself. */
FILE *text_unguarded(FILE *f);

/*
 * Dates: one representation everywhere, "YYYY-MM-DD" strings, compared
 * lexically. Day numbers (days since 1970-01-01) only for arithmetic.
 */

#define DATE_LEN 10
typedef char sam_date[DATE_LEN + 1];

/* Strict YYYY-MM-DD with a real calendar day. */
bool date_valid(const char *s);
/* A time of day written "HH:MM", 00:00 to 23:59. */
bool time_valid(const char *s);
bool date_to_days(const char *s, long *days);
void date_from_days(long days, sam_date out);
/* Today: SAMTALE_TODAY when set (tests), else the local date. */
void date_today(sam_date out);
/* Which side of today a typed date must be on: a due date today or later,
 * a meeting held today or earlier. */
enum date_when { DATE_ANY, DATE_NOT_PAST, DATE_NOT_FUTURE };
/* A date as people type it: 2026-12-31, 31-12-2026, 31.12.2026, 31/12/2026;
 * 31.12 or 31/12 (this year, or the year that puts it on the side when asks
 * for); +7, -1, +2u/+2w (weeks); i dag, i morgen, i går (today, tomorrow,
 * yesterday); a weekday, Danish or English (the next one; for
 * DATE_NOT_FUTURE the last one). SAM_ERR_INVALID with a sentence saying
 * what is wrong ("februar 2026 har kun 28 dage") otherwise. */
enum sam_status date_parse(const char *s, enum date_when when, sam_date out);
/* The weekday of a YYYY-MM-DD date in the UI language ("mandag"), to echo
 * a typed date back with; "" when date is not one. */
const char *date_weekday(const char *date);
long date_diff_days(const char *later, const char *earlier);

/*
 * Personal data
 */

/* True when text contains something shaped like a CPR number: ten digits
 * whose first six are a real date (DDMMYY), written as people type them
 * (DDMMYY-XXXX, DDMMYYXXXX, DD.MM.YY-XXXX, DD MM YY XXXX, with spaces, any
 * dash, a line break or invisible characters between the digits, in any
 * decimal digit script), and not part of a longer number. off and len locate
 * it in bytes (either may be NULL). This is the one CPR guard: every text
 * that is stored goes through it. */
bool cpr_find(const char *text, size_t *off, size_t *len);

/*
 * Language of the user interface
 */

enum sam_lang { SAM_LANG_DA, SAM_LANG_EN };

/* Sets the UI language (and the messages of the C library with it). */
void sam_set_lang(enum sam_lang lang);
enum sam_lang sam_lang(void);
const char *sam_lang_code(void);		/* "da" or "en" */
bool sam_lang_parse(const char *code, enum sam_lang *out);
/* The language the environment names: $SAMTALE_LANG, else the first of
 * $LANGUAGE's that samtale has, else the locale's ($LC_ALL, $LC_MESSAGES,
 * $LANG); Danish when they name none samtale has (C, POSIX, "de_DE").
 * False, with *out untouched, when $SAMTALE_LANG names an unknown one. */
bool sam_lang_from_env(enum sam_lang *out);

/*
 * UI strings are GNU gettext messages (domain "samtale"): the sources say
 * them in English, po/da.po in Danish, the default language. _() for a
 * message, N_() to mark one in a table (_() where it is used), C_() and
 * NC_() for an English word that needs two Danish ones (a msgctxt), and
 * sam_ngettext for a plural. The compiler checks a format through them.
 */
#define _(msgid) sam_gettext(msgid)
#define N_(msgid) msgid
#define C_(ctx, msgid) sam_pgettext(ctx "\004" msgid, msgid)
#define NC_(ctx, msgid) msgid
const char *sam_gettext(const char *msgid) __attribute__((format_arg(1)));
/* ctx_msgid: the context, "\004", msgid, as C_() writes it. */
const char *sam_pgettext(const char *ctx_msgid, const char *msgid) __attribute__((format_arg(2)));
/* The same for a context and msgid known only at run time (NC_). */
const char *sam_pgettext_rt(const char *ctx, const char *msgid) __attribute__((format_arg(2)));
const char *sam_ngettext(const char *one, const char *many, unsigned long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));
/* A percentage given in tenths (754) as a person reads it in the UI
 * language: "75,4 %" in Danish, "75.4%" in English; returns buf. */
#define PCT_TEXT_LEN 24
const char *pct_text(int tenths, char buf[PCT_TEXT_LEN]);
/* A number written for machines ("20.5") as the UI language writes it:
 * "20,5" in Danish; returns buf (or number itself when it needs no change). */
const char *num_text(const char *number, char buf[PCT_TEXT_LEN]);

/*
 * Paths and the process
 */

/* $HOME, else the passwd entry's; NULL when there is none. */
const char *path_home_dir(void);
/* $XDG_DATA_HOME/samtale, falling back to ~/.local/share/samtale; NULL
 * when there is no home directory. Caller frees. */
char *path_data_dir(void);
/* path_data_dir()/samtale.db. Caller frees. */
char *path_default_db(void);
/* path_data_dir()/demo.db: made-up cases, kept apart from the real ones.
 * Caller frees. */
char *path_demo_db(void);
/* Writes a private file (0600, whatever the umask) whole or not at all:
 * fill writes it into a temporary file beside path, which then replaces
 * path (a symbolic link there is replaced, never followed). On failure
 * nothing is left and the message says why; fill's own message is kept. */
enum sam_status path_write_private(const char *path, enum sam_status (*fill)(FILE *f, void *arg),
				   void *arg);
/* Creates dir and missing parents; new directories get mode. */
enum sam_status path_mkdir_p(const char *dir, mode_t mode);
/* Directory part of path (caller frees); "." when there is none. */
char *path_dirname(const char *path);
bool path_exists(const char *path);
bool path_is_dir(const char *path);
/* samtale's own read-only files, one directory for each kind: SHARE_MODULE
 * holds the modules loaded when needed (lib/samtale, the build directory). */
enum sam_share { SHARE_CONTENT, SHARE_DATA, SHARE_LOCALE, SHARE_MODULE };
/* Where the files of kind are: for an installed binary, where the install
 * put them relative to the binary (bin/../share/samtale/content and so on,
 * whatever the prefix, so that a moved prefix keeps working); for a binary
 * in the build tree, the tree it was built from (content/ and data/ of the
 * source, the locale/ the build wrote); else the directory configured at
 * build time. The same string for the life of the process; never NULL. */
const char *path_share_dir(enum sam_share kind);
/* The symbol of samtale's module (a file in SHARE_MODULE), which is loaded
 * the first time; NULL with the reason set when it cannot be. */
void *module_symbol(const char *module, const char *symbol);
/* The login name of the process (getlogin, $USER, or the passwd entry). */
const char *sam_login_name(void);

/*
 * The config file (src/util/config.c): the user's defaults, below the
 * options and the environment variables that say the same. Settings only,
 * never personal data.
 */

enum config_key { CONFIG_DB, CONFIG_LANG, CONFIG_USER, CONFIG_EDITOR, CONFIG_PRINTER,
		  CONFIG_CONTACT_LINE, CONFIG_N };

/* $XDG_CONFIG_HOME/samtale/config, else ~/.config/samtale/config; NULL
 * without a home directory. Caller frees. */
char *config_path(void);
/* Reads the config file at path; a missing file sets nothing. A line that
 * is not "key = value", an unknown key, a key set twice or a bad value is
 * SAM_ERR_INVALID with the message "PATH:LINE: why", and nothing is set. */
enum sam_status config_load(const char *path);
/* The value the file gave key, or NULL. */
const char *config_get(enum config_key key);
/* The file the values came from, or NULL when none was read. */
const char *config_file(void);

/*
 * Temporary files holding personal data (editor buffers, backups being
 * written, an import read from a pipe) live in one private directory:
 * $XDG_RUNTIME_DIR/samtale, else tmp/ beside the default database
 * ($XDG_DATA_HOME/samtale/tmp). It is made 0700 and used only while it is a
 * directory of the process's own user that nobody else can enter.
 */

/* The private directory, created when missing. Caller frees *dir. */
enum sam_status path_private_dir(char **dir);
/* A new empty file 0600 in it, "PID-KIND-XXXXXX" and suffix (".md", or ""):
 * *path (caller frees and unlinks) and *fd open for reading and writing. */
enum sam_status path_private_file(const char *kind, const char *suffix, char **path, int *fd);
/* Removes the files that processes no longer running (killed with kill -9)
 * left in the private directory; run at every start. */
void path_private_clean(void);

#endif
