#include "content_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "samtale/util.h"

/*
 * Content: reading files and turning YAML into a tree with positions
 */

/* Opens path for reading only when it is a regular file: without
 * O_NONBLOCK, opening a FIFO would wait for a writer for ever. */
static FILE *open_regular(const char *path, struct content_diags *d)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat sb;
	FILE *f;

	if (fd < 0 || fstat(fd, &sb)) {
		diag_add(d, path, 1, 1, true, _("cannot open the file: %s"),
			 strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (!S_ISREG(sb.st_mode)) {
		diag_add(d, path, 1, 1, true, "%s",
			 _("not a regular file (a FIFO, a device or a socket); refused"));
		close(fd);
		return NULL;
	}
	if (!(f = fdopen(fd, "rb")))
		sam_oom();
	return f;
}

bool content_read_file(const char *path, char **buf, size_t *len, struct content_diags *d)
{
	FILE *f = open_regular(path, d);
	size_t n;

	if (!f)
		return false;
	/* One byte more than allowed tells an oversized file without trusting stat. */
	*buf = xmalloc(CONTENT_MAX_FILE + 2);
	n = fread(*buf, 1, CONTENT_MAX_FILE + 1, f);
	if (ferror(f)) {
		diag_add(d, path, 1, 1, true, _("cannot read the file: %s"),
			 strerror(errno));
		fclose(f);
		free(*buf);
		*buf = NULL;
		return false;
	}
	fclose(f);
	(*buf)[n] = '\0';
	*len = n;
	return true;
}

/* Line and column (1-based, columns in characters as libyaml counts them) of
 * a byte offset. */
static void offset_position(const char *buf, size_t off, unsigned *line, unsigned *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

static bool check_bytes(const char *file, const char *buf, size_t len, struct content_diags *d)
{
	const char *nul;
	unsigned line, col;
	size_t bad;

	if (len > CONTENT_MAX_FILE) {
		diag_add(d, file, 1, 1, true, _("the file is larger than %d KiB; refused"),
			 CONTENT_MAX_FILE / 1024);
		return false;
	}
	if (!utf8_valid(buf, len, &bad)) {
		offset_position(buf, bad, &line, &col);
		diag_add(d, file, line, col, true,
			 _("invalid UTF-8 (byte 0x%02x); save the file as UTF-8"),
			 (unsigned char)buf[bad]);
		return false;
	}
	nul = memchr(buf, '\0', len);
	if (nul) {
		offset_position(buf, (size_t)(nul - buf), &line, &col);
		diag_add(d, file, line, col, true, "%s", _("the file contains a NUL byte"));
		return false;
	}
	return true;
}

/* libyaml's problems in the words of a content editor, with what to do. */
struct yaml_problem {
	const char *libyaml;		/* a prefix of libyaml's problem text */
	const char *text;
};

static const struct yaml_problem yaml_problems[] = {
	{ "mapping values are not allowed",
	  N_("a colon followed by a space (': ') cannot stand here; put the text in quotes when it holds ': '") },
	{ "found a tab character",
	  N_("a tab in the indentation; indent with spaces, not tabs") },
	{ "found character that cannot start any token",
	  N_("the character cannot start a value; put the text in quotes") },
	{ "found unexpected end of stream",
	  N_("the file ends before the quote is closed; close it with the same kind of quote") },
	{ "found unknown escape character",
	  N_("unknown \\ sequence in a \"...\" text; use '...' or write \\\\") },
	{ "did not find expected key",
	  N_("a key (name: value) was expected here; check the indentation and whether a text needs quotes") },
	{ "did not find expected '-' indicator",
	  N_("a new list entry ('- ') was expected here; check the indentation") },
	{ "could not find expected ':'",
	  N_("a colon (':') is missing after the key") },
	{ "did not find expected node content",
	  N_("a value is missing here") },
	{ "block sequence entries are not allowed",
	  N_("a list entry ('- ') cannot stand here; check the indentation") },
	{ "did not find expected <document start>",
	  N_("something follows the file's content; check the indentation of the last line") },
	{ "found undefined tag handle",
	  N_("'!' cannot start a value; put the text in quotes") },
	{ "control characters are not allowed",
	  N_("the file holds a control character; remove it") },
};

/* The byte at 1-based line and column (columns in characters, as libyaml
 * counts) of buf[0..len), which need not end in a NUL; '\0' past its end. */
static char char_at(const char *buf, size_t len, unsigned line, unsigned col)
{
	const char *p = buf, *end = buf + len;

	while (--line && p < end && (p = memchr(p, '\n', (size_t)(end - p))))
		p++;
	if (!p)
		return '\0';
	while (--col && p < end && *p != '\n')
		do
			p++;
		while (p < end && ((unsigned char)*p & 0xc0) == 0x80);
	return p < end ? *p : '\0';
}

static const char *yaml_problem_text(const char *problem, char at)
{
	/* libyaml says only that a tab "cannot start any token". */
	if (at == '\t')
		problem = "found a tab character";
	for (size_t i = 0; i < ARRAY_SIZE(yaml_problems); i++)
		if (!strncmp(problem, yaml_problems[i].libyaml, strlen(yaml_problems[i].libyaml)))
			return _(yaml_problems[i].text);
	return NULL;
}

static void syntax_error(const char *file, const char *buf, size_t len, const yaml_parser_t *p,
			 struct content_diags *d)
{
	unsigned line, col;
	const char *problem = p->problem ? p->problem : "";
	const char *text;

	if (p->error == YAML_READER_ERROR) {
		offset_position(buf, p->problem_offset, &line, &col);
	} else {
		line = (unsigned)p->problem_mark.line + 1;
		col = (unsigned)p->problem_mark.column + 1;
	}
	text = yaml_problem_text(problem, char_at(buf, len, line, col));
	if (text)
		diag_add(d, file, line, col, true, _("YAML syntax error: %s"),
			 text);
	else if (p->context)
		/* libyaml's own words, for a problem no editor has met yet */
		diag_add(d, file, line, col, true, _("YAML syntax error: %s (%s at line %u)"),
			 *problem ? problem : _("unknown error"), p->context,
			 (unsigned)p->context_mark.line + 1);
	else
		diag_add(d, file, line, col, true, _("YAML syntax error: %s"),
			 *problem ? problem : _("unknown error"));
}

static struct ynode *ynode_new(enum ynode_kind kind, const yaml_event_t *ev)
{
	struct ynode *n = xcalloc(1, sizeof(*n));

	n->kind = kind;
	n->line = (unsigned)ev->start_mark.line + 1;
	n->col = (unsigned)ev->start_mark.column + 1;
	return n;
}

static void ynode_append(struct ynode *parent, struct ynode *child)
{
	parent->v = xrealloc(parent->v, (parent->n + 1) * sizeof(*parent->v));
	parent->v[parent->n++] = child;
}

void ynode_free(struct ynode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++)
		ynode_free(n->v[i]);
	free(n->v);
	free(n->str);
	free(n);
}

static const unsigned char *event_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT: return ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT: return ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT: return ev->data.mapping_start.anchor;
	default: return NULL;
	}
}

struct tree_builder {
	const char *file;
	struct content_diags *d;
	struct ynode *root;
	struct ynode *stack[CONTENT_MAX_DEPTH];
	size_t depth;
	bool documents;		/* a document has started */
};

/* Places a new node under the open collection; pushes collections. */
static bool builder_add(struct tree_builder *b, struct ynode *n)
{
	if (b->depth)
		ynode_append(b->stack[b->depth - 1], n);
	else
		b->root = n;
	if (n->kind == YN_SCALAR)
		return true;
	if (b->depth == CONTENT_MAX_DEPTH) {
		diag_add(b->d, b->file, n->line, n->col, true,
			 _("nested too deeply (over %d levels)"),
			 CONTENT_MAX_DEPTH);
		return false;
	}
	b->stack[b->depth++] = n;
	return true;
}

/* Content is shown on the terminal and in her record: no character that a
 * terminal acts on, raw or written as an escape ("\e", "\0", "\x9b",
 * "\u202e"). Tab and line feed are text. */
static void check_scalar(struct tree_builder *b, const yaml_event_t *ev)
{
	unsigned long cp;

	if (text_control_find((const char *)ev->data.scalar.value, ev->data.scalar.length,
			      TEXT_TAB | TEXT_LF, NULL, &cp))
		diag_add(b->d, b->file, (unsigned)ev->start_mark.line + 1,
			 (unsigned)ev->start_mark.column + 1, true,
			 _("the text holds the control character U+%04lX, which a "
			    "terminal would act on; remove it"), cp);
}

/* Handles one event; false stops the parse with a diagnostic given. */
static bool builder_event(struct tree_builder *b, const yaml_event_t *ev)
{
	struct ynode *n;

	if (ev->type == YAML_ALIAS_EVENT || event_anchor(ev)) {
		diag_add(b->d, b->file, (unsigned)ev->start_mark.line + 1,
			 (unsigned)ev->start_mark.column + 1, true, "%s",
			 _("anchors and aliases (& and *) are not allowed; the file is refused"));
		return false;
	}
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (b->documents) {
			diag_add(b->d, b->file, (unsigned)ev->start_mark.line + 1,
				 (unsigned)ev->start_mark.column + 1, true, "%s",
				 _("only one YAML document per file"));
			return false;
		}
		b->documents = true;
		return true;
	case YAML_SCALAR_EVENT:
		check_scalar(b, ev);
		n = ynode_new(YN_SCALAR, ev);
		n->str = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return builder_add(b, n);
	case YAML_SEQUENCE_START_EVENT:
		return builder_add(b, ynode_new(YN_SEQ, ev));
	case YAML_MAPPING_START_EVENT:
		return builder_add(b, ynode_new(YN_MAP, ev));
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		b->depth--;
		return true;
	default:
		return true;
	}
}

bool yaml_tree_parse(const char *file, const char *buf, size_t len,
		     struct ynode **root, struct content_diags *d)
{
	struct tree_builder b = { .file = file, .d = d };
	yaml_parser_t p;
	bool ok = false, done = false;

	*root = NULL;
	if (!check_bytes(file, buf, len, d))
		return false;
	/* An editor's byte order mark is harmless; libyaml only skips it when
	 * it guesses the encoding itself. */
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) {
		buf += 3;
		len -= 3;
	}
	if (!yaml_parser_initialize(&p))
		sam_oom();
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!done) {
		yaml_event_t ev;
		bool good;

		if (!yaml_parser_parse(&p, &ev)) {
			if (p.error == YAML_MEMORY_ERROR)
				sam_oom();
			syntax_error(file, buf, len, &p, d);
			goto out;
		}
		good = builder_event(&b, &ev);
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (!good)
			goto out;
	}
	ok = true;
out:
	yaml_parser_delete(&p);
	if (ok)
		*root = b.root;
	else
		ynode_free(b.root);
	return ok;
}
