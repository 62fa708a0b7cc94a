#include "samtale/cli.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <jansson.h>

#include "samtale/util.h"
#include "xlsx_write.h"

struct cli_col {
	char *name;
	enum cli_col_kind kind;
};

struct cli_table {
	char *sheet;
	struct cli_col *cols;
	size_t ncols;
	char **cells;		/* row-major; NULL cells are empty */
	size_t nrows, ncells, cap;
	size_t total_row;	/* index of the totals row, or SIZE_MAX */
};

struct cli_table *cli_table_new_sheet(const char *sheet)
{
	struct cli_table *t = xcalloc(1, sizeof(*t));

	t->total_row = SIZE_MAX;
	t->sheet = xstrdup(sheet);
	return t;
}

struct cli_table *cli_table_new(void)
{
	return cli_table_new_sheet(NULL);
}

void cli_table_col(struct cli_table *t, const char *name, enum cli_col_kind kind)
{
	t->cols = xrealloc(t->cols, (t->ncols + 1) * sizeof(*t->cols));
	t->cols[t->ncols++] = (struct cli_col){ xstrdup(name), kind };
}

const char *cli_column_heading(const char *ctx, const char *field)
{
	return sam_pgettext_rt(ctx, field);
}

void cli_table_column_in(struct cli_table *t, enum cli_format f, const char *ctx, const char *field,
			 enum cli_col_kind kind)
{
	bool person = f == FORMAT_TABLE || f == FORMAT_XLSX;

	cli_table_col(t, person ? cli_column_heading(ctx, field) : field, kind);
}

void cli_table_column(struct cli_table *t, enum cli_format f, const char *field,
		      enum cli_col_kind kind)
{
	cli_table_column_in(t, f, "column", field, kind);
}

void cli_table_row(struct cli_table *t)
{
	t->nrows++;
	if (t->nrows * t->ncols > t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16 * t->ncols;
		t->cells = xrealloc(t->cells, t->cap * sizeof(*t->cells));
	}
}

void cli_table_total_row(struct cli_table *t)
{
	cli_table_row(t);
	t->total_row = t->nrows - 1;
}

void cli_table_cell(struct cli_table *t, const char *value)
{
	if (t->ncells < t->nrows * t->ncols)
		t->cells[t->ncells++] = xstrdup(value);
}

void cli_table_cellf(struct cli_table *t, const char *fmt, ...)
{
	struct strbuf sb = { 0 };
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	if (t->ncells < t->nrows * t->ncols)
		t->cells[t->ncells++] = strbuf_detach(&sb);
	else
		strbuf_free(&sb);
}

static const char *cell(const struct cli_table *t, size_t row, size_t col)
{
	size_t i = row * t->ncols + col;

	return i < t->ncells && t->cells[i] ? t->cells[i] : "";
}

/* A cell as the aligned table shows it: numbers as the UI language writes
 * them ("75,4 %", "20,5"), where CSV, JSON and xlsx keep the machine's. */
static const char *shown(const struct cli_table *t, size_t row, size_t col, char buf[PCT_TEXT_LEN])
{
	const char *s = cell(t, row, col);
	char *end;
	double d;

	if (!*s || (t->cols[col].kind != COL_PERCENT && t->cols[col].kind != COL_NUMBER))
		return s;
	/* num_text changes only the decimal point: a count is shown as it is. */
	if (t->cols[col].kind == COL_NUMBER && !strchr(s, '.'))
		return s;
	d = strtod(s, &end);
	if (*end)
		return s;
	return t->cols[col].kind == COL_PERCENT ? pct_text((int)lround(d * 10), buf) : num_text(s, buf);
}

static void pad(FILE *out, size_t n)
{
	static const char spaces[] = "                                ";

	for (size_t k; n; n -= k) {
		k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		fwrite(spaces, 1, k, out);
	}
}

/*
 * Aligned: each column as wide as its widest cell, two spaces between. On a
 * terminal narrower than that, step by step until the row fits: headings
 * wrap at spaces and after underscores; columns stand one space apart;
 * the longest heading words are hyphenated; free text is shortened
 * (marked "…"). Numbers, ids and dates are never cut.
 */

struct layout {
	size_t *width;
	size_t sep;		/* spaces between columns */
	size_t total;		/* the row's width */
	size_t head_lines;	/* lines of the header */
};

#define MIN_WIDTH 4

/* The terminal's width when out is one, else 0 (piped: full width). */
static size_t terminal_width(FILE *out)
{
	struct winsize ws;
	const char *env;
	/* The guarded stdout has no descriptor of its own: ask the terminal behind it. */
	int fd = fileno(text_unguarded(out));

	if (fd < 0 || !isatty(fd))
		return 0;
	if (!ioctl(fd, TIOCGWINSZ, &ws) && ws.ws_col > 0)
		return ws.ws_col;
	env = getenv("COLUMNS");
	return env && atoi(env) > 0 ? (size_t)atoi(env) : 80;
}

/* A heading's words for a column of width: broken at spaces and after
 * underscores ("followups_" "overdue"), a word wider than the column
 * hyphenated; joined again with a space or without one. */
struct words {
	char **v;
	bool *spaced;		/* a space before the word */
	size_t n, cap, cap2;
};

static void lines_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void words_add(struct words *w, const char *s, size_t n, bool spaced)
{
	w->v = array_grow(w->v, w->n, &w->cap, sizeof(*w->v));
	w->spaced = array_grow(w->spaced, w->n, &w->cap2, sizeof(*w->spaced));
	w->spaced[w->n] = spaced && w->n;
	w->v[w->n++] = xstrndup(s, n);
}

/* Adds s[0..n), in pieces of width - 1 columns and a hyphen when wider. */
static void words_add_hyphenated(struct words *w, const char *s, size_t n, size_t width,
				 bool spaced)
{
	char *word = xstrndup(s, n), *p = word;

	while (width > 1 && utf8_width(p) > width) {
		size_t keep = utf8_prefix_for_width(p, width - 1);
		char *piece = xasprintf("%.*s-", (int)keep, p);

		words_add(w, piece, strlen(piece), spaced);
		free(piece);
		spaced = false;
		p += keep;
	}
	words_add(w, p, strlen(p), spaced);
	free(word);
}

static struct words split_heading(const char *s, size_t width)
{
	struct words w = { 0 };
	bool spaced = false;

	while (*s) {
		size_t n = 0;

		if (*s == ' ') {
			spaced = true;
			s++;
			continue;
		}
		while (s[n] && s[n] != ' ' && s[n] != '_')
			n++;
		if (s[n] == '_')
			n++;
		words_add_hyphenated(&w, s, n, width, spaced);
		spaced = false;
		s += n;
	}
	return w;
}

static void words_free(struct words *w)
{
	lines_free(w->v, w->n);
	free(w->spaced);
}

/* The widest word of a heading: its narrowest width without hyphens. */
static size_t widest_word(const char *s)
{
	struct words w = split_heading(s, SIZE_MAX);
	size_t best = 0;

	for (size_t i = 0; i < w.n; i++)
		if (utf8_width(w.v[i]) > best)
			best = utf8_width(w.v[i]);
	words_free(&w);
	return best;
}

/* Heading s wrapped to width, greedily: *n lines, the caller frees them. */
static char **wrap_heading(const char *s, size_t width, size_t *n)
{
	struct words w = split_heading(s, width);
	struct strbuf line = { 0 };
	char **lines = NULL;
	size_t cap = 0;

	*n = 0;
	for (size_t i = 0; i < w.n; i++) {
		size_t now = utf8_width(strbuf_str(&line));

		if (now && now + w.spaced[i] + utf8_width(w.v[i]) > width) {
			lines = array_grow(lines, *n, &cap, sizeof(*lines));
			lines[(*n)++] = strbuf_detach(&line);
		} else if (now && w.spaced[i]) {
			strbuf_addc(&line, ' ');
		}
		strbuf_adds(&line, w.v[i]);
	}
	lines = array_grow(lines, *n, &cap, sizeof(*lines));
	lines[(*n)++] = strbuf_detach(&line);
	words_free(&w);
	return lines;
}

static size_t heading_lines(const char *s, size_t width)
{
	size_t n;
	char **lines = wrap_heading(s, width, &n);

	lines_free(lines, n);
	return n;
}

static size_t row_width(const struct cli_table *t, const struct layout *lo)
{
	size_t total = 0;

	for (size_t c = 0; c < t->ncols; c++)
		total += lo->width[c] + (c ? lo->sep : 0);
	return total;
}

static size_t data_width(const struct cli_table *t, size_t c)
{
	size_t w = 0;

	for (size_t r = 0; r < t->nrows; r++) {
		char buf[PCT_TEXT_LEN];
		size_t cw = utf8_width(shown(t, r, c, buf));

		if (cw > w)
			w = cw;
	}
	return w;
}

static size_t at_least(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* Narrows, a column at a time from the widest, to the least each allows
 * until the row fits. */
static void narrow(const struct cli_table *t, struct layout *lo, size_t room,
		   size_t (*least)(const struct cli_table *t, size_t c))
{
	while (row_width(t, lo) > room) {
		size_t best = SIZE_MAX;

		for (size_t c = 0; c < t->ncols; c++)
			if (lo->width[c] > least(t, c) && (best == SIZE_MAX || lo->width[c] > lo->width[best]))
				best = c;
		if (best == SIZE_MAX)
			return;
		lo->width[best]--;
	}
}

/* Hyphenated headings: as narrow as the cells. */
static size_t least_hyphenated(const struct cli_table *t, size_t c)
{
	return at_least(data_width(t, c), MIN_WIDTH);
}

/* Shortened free text. */
static size_t least_shortened(const struct cli_table *t, size_t c)
{
	return t->cols[c].kind == COL_TEXT ? MIN_WIDTH : at_least(data_width(t, c), MIN_WIDTH);
}

static struct layout layout_for(const struct cli_table *t, size_t room)
{
	struct layout lo = { xcalloc(t->ncols + 1, sizeof(*lo.width)), 2, 0, 1 };

	for (size_t c = 0; c < t->ncols; c++)
		lo.width[c] = at_least(utf8_width(t->cols[c].name), data_width(t, c));
	if (room && row_width(t, &lo) > room)
		for (size_t c = 0; c < t->ncols; c++)
			lo.width[c] = at_least(data_width(t, c), widest_word(t->cols[c].name));
	if (room && row_width(t, &lo) > room)
		lo.sep = 1;
	if (room && row_width(t, &lo) > room)
		narrow(t, &lo, room, least_hyphenated);
	if (room && row_width(t, &lo) > room)
		narrow(t, &lo, room, least_shortened);
	for (size_t c = 0; c < t->ncols; c++)
		lo.head_lines = at_least(lo.head_lines, heading_lines(t->cols[c].name, lo.width[c]));
	lo.total = row_width(t, &lo);
	return lo;
}

static void print_cell(FILE *out, const char *s, size_t width, enum cli_col_kind kind, bool last)
{
	size_t w = utf8_width(s);

	if (w > width && width) {
		char *head = xstrndup(s, utf8_prefix_for_width(s, width - 1));

		fputs(head, out);
		fputs("…", out);
		if (!last)
			pad(out, width - 1 - utf8_width(head));
		free(head);
		return;
	}
	if (kind == COL_NUMBER || kind == COL_PERCENT) {
		pad(out, width - w);
		fputs(s, out);
	} else {
		fputs(s, out);
		if (!last)
			pad(out, width - w);
	}
}

static void print_table_row(const struct cli_table *t, const struct layout *lo, size_t row,
			    FILE *out)
{
	for (size_t c = 0; c < t->ncols; c++) {
		char buf[PCT_TEXT_LEN];

		if (c)
			pad(out, lo->sep);
		print_cell(out, shown(t, row, c, buf), lo->width[c], t->cols[c].kind, c + 1 == t->ncols);
	}
	fputc('\n', out);
}

/* Headings wrapped over several lines end on the last one, above their
 * column's cells. */
static void print_header(const struct cli_table *t, const struct layout *lo, FILE *out)
{
	for (size_t l = 0; l < lo->head_lines; l++) {
		for (size_t c = 0; c < t->ncols; c++) {
			size_t n;
			char **lines = wrap_heading(t->cols[c].name, lo->width[c], &n);
			size_t first = lo->head_lines - n;

			if (c)
				pad(out, lo->sep);
			print_cell(out, l >= first ? lines[l - first] : "", lo->width[c], t->cols[c].kind,
				   c + 1 == t->ncols);
			lines_free(lines, n);
		}
		fputc('\n', out);
	}
}

static void print_aligned(const struct cli_table *t, FILE *out)
{
	struct layout lo = layout_for(t, terminal_width(out));

	print_header(t, &lo, out);
	for (size_t r = 0; r < t->nrows; r++) {
		if (r == t->total_row) {
			for (size_t i = 0; i < lo.total; i++)
				fputc('-', out);
			fputc('\n', out);
		}
		print_table_row(t, &lo, r, out);
	}
	free(lo.width);
}

static void print_csv_field(const char *s, FILE *out)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void print_csv(const struct cli_table *t, FILE *out)
{
	for (size_t r = SIZE_MAX;; r++) {
		if (r == t->nrows)
			break;
		if (r != SIZE_MAX && r == t->total_row)
			continue;
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				fputc(',', out);
			print_csv_field(r == SIZE_MAX ? t->cols[c].name : cell(t, r, c), out);
		}
		fputs("\r\n", out);
	}
}

static json_t *json_cell(const struct cli_table *t, size_t r, size_t c)
{
	size_t i = r * t->ncols + c;
	const char *s = i < t->ncells ? t->cells[i] : NULL;
	char *end;

	if (!s || !*s)
		return json_null();
	if (t->cols[c].kind == COL_NUMBER || t->cols[c].kind == COL_PERCENT) {
		double d = strtod(s, &end);

		if (!*end)
			return strchr(s, '.') ? json_real(d) : json_integer(strtoll(s, NULL, 10));
	}
	return json_string(s);
}

static void print_json(const struct cli_table *t, FILE *out)
{
	json_t *rows = json_array();

	for (size_t r = 0; r < t->nrows; r++) {
		json_t *obj;

		if (r == t->total_row)
			continue;
		obj = json_object();
		for (size_t c = 0; c < t->ncols; c++)
			json_object_set_new(obj, t->cols[c].name, json_cell(t, r, c));
		json_array_append_new(rows, obj);
	}
	json_dumpf(rows, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	fputc('\n', out);
	json_decref(rows);
}

/*
 * xlsx: the same rows as CSV, one sheet per table, written by the
 * spreadsheet module (src/xlsx_write.h).
 */

#define XLSX_MAX_WIDTH 60	/* columns wider than this wrap in the cell */

/* A sheet name Excel takes: at most 31 characters, none of []:*?/\. */
static char *sheet_name(const struct cli_table *t, size_t i)
{
	struct strbuf sb = { 0 };
	const char *s = t->sheet ? t->sheet : "";
	size_t keep;

	for (; *s; s++)
		strbuf_addc(&sb, strchr("[]:*?/\\", *s) ? '-' : *s);
	if (!sb.len)
		strbuf_addf(&sb, "%zu", i + 1);
	keep = utf8_prefix_for_width(strbuf_str(&sb), 31);
	sb.buf[keep] = '\0';
	return strbuf_detach(&sb);
}

/* The table as the module writes it: headings, kinds and widths of the
 * columns, the cells but the totals row's. Caller frees (sheet_free). */
static struct xlsx_sheet sheet_of(const struct cli_table *t, size_t i)
{
	const char **heads = xcalloc(t->ncols + 1, sizeof(*heads));
	enum cli_col_kind *kinds = xcalloc(t->ncols + 1, sizeof(*kinds));
	double *widths = xcalloc(t->ncols + 1, sizeof(*widths));
	const char **cells = xcalloc(t->nrows * t->ncols + 1, sizeof(*cells));
	size_t row = 0;

	for (size_t c = 0; c < t->ncols; c++) {
		size_t w = at_least(utf8_width(t->cols[c].name), data_width(t, c));

		heads[c] = t->cols[c].name;
		kinds[c] = t->cols[c].kind;
		widths[c] = (double)(w > XLSX_MAX_WIDTH ? XLSX_MAX_WIDTH : w) + 2;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		if (r == t->total_row)
			continue;
		for (size_t c = 0; c < t->ncols; c++)
			cells[row * t->ncols + c] = cell(t, r, c);
		row++;
	}
	return (struct xlsx_sheet){ sheet_name(t, i), t->ncols, row, heads, kinds, widths, cells };
}

static void sheet_free(struct xlsx_sheet *s)
{
	free((char *)s->name);
	free((void *)s->heads);
	free((void *)s->kinds);
	free((void *)s->widths);
	free((void *)s->cells);
}

/* A private file beside path to write into: path.XXXXXX, 0600. */
static char *temp_beside(const char *path)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);

	if (fd < 0) {
		sam_fail(SAM_ERR_IO, _("cannot write %s: %s"), path,
			 strerror(errno));
		free(tmp);
		return NULL;
	}
	close(fd);
	return tmp;
}

static enum sam_status write_xlsx_file(struct cli_table *const *t, size_t n, const char *file,
				       const char *shown)
{
	xlsx_write_fn *write;
	struct xlsx_sheet *sheets;
	const char *why;

	*(void **)&write = module_symbol(XLSX_MODULE, XLSX_WRITE);
	if (!write)
		return SAM_ERR_IO;
	sheets = xcalloc(n + 1, sizeof(*sheets));
	for (size_t i = 0; i < n; i++)
		sheets[i] = sheet_of(t[i], i);
	why = write(sheets, n, file);
	for (size_t i = 0; i < n; i++)
		sheet_free(&sheets[i]);
	free(sheets);
	if (why)
		return sam_fail(SAM_ERR_IO, _("cannot write the spreadsheet %s: %s"), shown, why);
	return SAM_OK;
}

enum sam_status cli_tables_write_xlsx(struct cli_table *const *t, size_t n, const char *path)
{
	char *tmp = temp_beside(path);
	enum sam_status st;

	if (!tmp)
		return SAM_ERR_MSG;
	st = write_xlsx_file(t, n, tmp, path);
	if (st == SAM_OK && rename(tmp, path))
		st = sam_fail(SAM_ERR_IO, _("cannot write %s: %s"), path,
			      strerror(errno));
	if (st != SAM_OK)
		unlink(tmp);
	free(tmp);
	return st;
}

/* xlsx to stdout: written to a private temporary file, then copied. */
static enum sam_status xlsx_to_stdout(struct cli_table *const *t, size_t n)
{
	const char *dir = getenv("TMPDIR");
	char *base = xasprintf("%s/samtale-xlsx", dir && *dir ? dir : "/tmp");
	char *tmp = temp_beside(base);
	enum sam_status st = tmp ? SAM_OK : SAM_ERR_MSG;
	char buf[8192];
	size_t got;
	FILE *in, *out = text_unguarded(stdout);	/* a spreadsheet is bytes, not text */

	if (st == SAM_OK)
		st = write_xlsx_file(t, n, tmp, "-");
	if (st == SAM_OK && !(in = fopen(tmp, "rb")))
		st = sam_fail(SAM_ERR_IO, "%s: %s", tmp, strerror(errno));
	if (st == SAM_OK) {
		while ((got = fread(buf, 1, sizeof(buf), in)) > 0)
			if (fwrite(buf, 1, got, out) != got)
				break;
		fclose(in);
		if (fflush(out) || ferror(out))
			st = sam_fail(SAM_ERR_IO, _("cannot write to standard output: %s"), strerror(errno));
	}
	if (tmp)
		unlink(tmp);
	free(tmp);
	free(base);
	return st;
}

/* Text formats into path: beside it first, then renamed, file 0600. */
static enum sam_status text_to_file(struct cli_table *const *t, size_t n, enum cli_format f,
				    const char *path)
{
	char *tmp = temp_beside(path);
	enum sam_status st = SAM_OK;
	FILE *out;

	if (!tmp)
		return SAM_ERR_MSG;
	if (!(out = fopen(tmp, "w")))
		st = sam_fail(SAM_ERR_IO, _("cannot write %s: %s"), path,
			      strerror(errno));
	if (out) {
		for (size_t i = 0; i < n; i++) {
			if (i)
				fputc('\n', out);
			cli_table_print(t[i], f, out);
		}
		if (fclose(out))
			st = sam_fail(SAM_ERR_IO, _("cannot write %s: %s"),
				      path, strerror(errno));
	}
	if (st == SAM_OK && rename(tmp, path))
		st = sam_fail(SAM_ERR_IO, _("cannot write %s: %s"), path,
			      strerror(errno));
	if (st != SAM_OK)
		unlink(tmp);
	free(tmp);
	return st;
}

int cli_output(struct cli_table *const *t, size_t n, enum cli_format f, const char *path)
{
	enum sam_status st;

	if (n > 1 && (f == FORMAT_CSV || f == FORMAT_JSON))
		return cli_usage_error("%s", _("several groupings need --format table or xlsx"));
	if (f == FORMAT_XLSX && !path && isatty(STDOUT_FILENO))
		return cli_usage_error("%s", _("a spreadsheet is not written to the terminal; use -o FILE"));
	if (f == FORMAT_XLSX)
		st = path ? cli_tables_write_xlsx(t, n, path) : xlsx_to_stdout(t, n);
	else if (path)
		st = text_to_file(t, n, f, path);
	else {
		for (size_t i = 0; i < n; i++) {
			if (i)
				fputc('\n', stdout);
			cli_table_print(t[i], f, stdout);
		}
		st = SAM_OK;
	}
	return st == SAM_OK ? 0 : cli_fail(st);
}

void cli_table_print(const struct cli_table *t, enum cli_format f, FILE *out)
{
	switch (f) {
	case FORMAT_TABLE: print_aligned(t, out); break;
	case FORMAT_CSV: print_csv(t, out); break;
	case FORMAT_JSON: print_json(t, out); break;
	case FORMAT_XLSX: break;	/* a file, not a stream: cli_tables_write_xlsx */
	}
}

void cli_table_free(struct cli_table *t)
{
	if (!t)
		return;
	for (size_t c = 0; c < t->ncols; c++)
		free(t->cols[c].name);
	free(t->sheet);
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cols);
	free(t->cells);
	free(t);
}

bool cli_format_parse(const char *s, enum cli_format *out)
{
	static const char *const names[] = { "table", "csv", "json", "xlsx" };

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (!strcmp(s, names[i])) {
			*out = (enum cli_format)i;
			return true;
		}
	}
	return false;
}

int cli_parse_format(const char *s, enum cli_format *f)
{
	if (cli_format_parse(s, f))
		return 0;
	return cli_usage_error(_("unknown format '%s' (table, csv, json or xlsx)"), s);
}
