/* fopencookie is a GNU extension of stdio. */
#define _GNU_SOURCE
#include "samtale/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * Text that reaches a terminal. A terminal acts on some characters instead
 * of showing them: ESC starts sequences that move the cursor, retitle the
 * window or write the clipboard (OSC 52), C1 controls do the same in one
 * character (U+009B is CSI), and the bidi embeddings, overrides and
 * isolates reorder what follows so that text reads other than it is.
 * Input refuses them (text_control_find); output shows any that remain
 * (strbuf_add_visible, text_guard_stream).
 */

static bool is_bidi_control(unsigned long cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

bool text_is_control(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || is_bidi_control(cp);
}

static bool kept(unsigned long cp, unsigned keep)
{
	return (cp == '\t' && (keep & TEXT_TAB)) || (cp == '\n' && (keep & TEXT_LF)) ||
	       (cp == '\r' && (keep & TEXT_CR));
}

bool text_control_find(const char *s, size_t n, unsigned keep, size_t *off, unsigned long *cp)
{
	for (size_t i = 0; i < n;) {
		unsigned long c;
		size_t len;

		/* Printable ASCII, nearly all of what is written, needs no decoding. */
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			i++;
			continue;
		}
		len = utf8_decode(s + i, n - i, &c);
		if (!len || (text_is_control(c) && !kept(c, keep))) {
			if (off)
				*off = i;
			if (cp)
				*cp = len ? c : (unsigned char)s[i];
			return true;
		}
		i += len;
	}
	return false;
}

void strbuf_add_visible(struct strbuf *sb, const char *s, size_t n, unsigned keep)
{
	size_t i = 0;

	while (i < n) {
		size_t start = i, bad;
		unsigned long c;
		size_t len;

		/* Copy the run up to the next thing to show, then show it. */
		if (!text_control_find(s + i, n - i, keep, &bad, &c)) {
			strbuf_add(sb, s + i, n - i);
			return;
		}
		strbuf_add(sb, s + start, bad);
		i += bad;
		len = utf8_decode(s + i, n - i, &c);
		if (len)
			strbuf_addf(sb, "\\u%04lx", c);
		else
			strbuf_addf(sb, "\\x%02x", (unsigned char)s[i]);
		i += len ? len : 1;
	}
}

/*
 * A stream that shows what it is given: the CLI's stdout and stderr.
 */

struct guard {
	FILE *stream, *raw;	/* the guarded stream and the one it stands for */
	int fd;
	char held[4];		/* the start of a character cut by the buffer's end */
	size_t nheld;
};

/* stdout and stderr: static, as they live until the process ends. */
static struct guard guards[2];

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* Bytes at the end of s[0..n) that may begin a character (or a CR LF) the
 * next write completes. */
static size_t unfinished_tail(const char *s, size_t n)
{
	if (n && s[n - 1] == '\r')
		return 1;
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		unsigned char c = (unsigned char)s[n - k];
		size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;

		if ((c & 0xc0) == 0x80)
			continue;
		return need > k ? k : 0;
	}
	return 0;
}

static bool guard_put(struct guard *g, const char *s, size_t n)
{
	struct strbuf sb = { 0 };
	bool ok;

	/* CR LF ends a CSV row; a CR alone would let text overwrite its line. */
	for (size_t i = 0; i < n;) {
		const char *cr = memchr(s + i, '\r', n - i);
		size_t run = cr ? (size_t)(cr - s) - i : n - i;

		strbuf_add_visible(&sb, s + i, run, TEXT_TAB | TEXT_LF);
		i += run;
		if (i < n) {
			strbuf_adds(&sb, i + 1 < n && s[i + 1] == '\n' ? "\r" : "\\u000d");
			i++;
		}
	}
	ok = write_all(g->fd, strbuf_str(&sb), sb.len);
	strbuf_free(&sb);
	return ok;
}

static ssize_t guard_write(void *cookie, const char *buf, size_t size)
{
	struct guard *g = cookie;
	char *all = xmalloc(g->nheld + size);
	size_t n = g->nheld + size, tail;
	bool ok;

	memcpy(all, g->held, g->nheld);
	memcpy(all + g->nheld, buf, size);
	tail = unfinished_tail(all, n);
	ok = guard_put(g, all, n - tail);
	memcpy(g->held, all + n - tail, tail);
	g->nheld = tail;
	free(all);
	return ok ? (ssize_t)size : -1;
}

static int guard_close(void *cookie)
{
	struct guard *g = cookie;
	bool ok = guard_put(g, g->held, g->nheld);

	memset(g, 0, sizeof(*g));
	return ok ? 0 : EOF;
}

FILE *text_unguarded(FILE *f)
{
	for (size_t i = 0; i < ARRAY_SIZE(guards); i++)
		if (guards[i].stream && guards[i].stream == f) {
			fflush(f);
			return guards[i].raw;
		}
	return f;
}

FILE *text_guard_stream(FILE *raw)
{
	static const cookie_io_functions_t io = { .write = guard_write, .close = guard_close };
	struct guard *g = NULL;
	int fd;

	fflush(raw);
	for (size_t i = 0; !g && i < ARRAY_SIZE(guards); i++)
		if (!guards[i].stream)
			g = &guards[i];
	if (!g || (fd = fileno(raw)) < 0)
		return raw;
	g->fd = fd;
	g->raw = raw;
	if (!(g->stream = fopencookie(g, "w", io)))
		return raw;
	/* As the stream it stands for: a terminal sees each line at once,
	 * stderr each message. */
	if (raw == stderr)
		setvbuf(g->stream, NULL, _IONBF, 0);
	else if (isatty(fd))
		setvbuf(g->stream, NULL, _IOLBF, 0);
	return g->stream;
}
