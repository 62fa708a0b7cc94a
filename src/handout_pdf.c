#include "handout_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

/*
 * Her copy as a PDF: Pango lays out every line (shaping, bidirectional
 * text, fallback to the Noto fonts for Arabic and Ethiopic scripts), Cairo
 * writes it as A4 in points. Large type so that it reads easily: one page
 * when it fits, more when the agreed summary is long. Built as the module
 * samtale-pdf.so, which uses nothing of samtale (see handout_pdf.h).
 */

#define PAGE_W 595.28		/* A4 in points */
#define PAGE_H 841.89
#define MARGIN 56.0		/* about 2 cm */
/* Noto for every script (fonts-noto-core); Naskh is the Arabic face that
 * reads most easily in print. Fontconfig falls back for any other script. */
#define FONTS "Noto Sans, Noto Naskh Arabic, Noto Sans Ethiopic"

struct pdf {
	cairo_t *cr;
	PangoDirection dir;	/* of her language: for lines with no letters (a date) */
	double y;		/* top of the next line */
	FILE *out;
	bool write_failed;
};

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int len)
{
	struct pdf *p = closure;

	if (fwrite(data, 1, len, p->out) != len) {
		p->write_failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

struct style {
	double size;		/* points */
	bool bold;
	double before;		/* space above, in points */
};

static struct style style_of(enum handout_line_kind k)
{
	switch (k) {
	case HLINE_TITLE:
		return (struct style){ 26, true, 0 };
	case HLINE_HEADING:
		return (struct style){ 20, true, 8 };
	case HLINE_TASK:
		return (struct style){ 16, false, 4 };
	case HLINE_FIELD:
	case HLINE_TEXT:
		break;
	case HLINE_GAP:
		return (struct style){ 16, false, 10 };
	}
	return (struct style){ 16, false, 2 };
}

static PangoLayout *make_layout(struct pdf *p, const struct style *sty, const char *text,
				double width)
{
	PangoLayout *layout = pango_cairo_create_layout(p->cr);
	PangoFontDescription *fd = pango_font_description_from_string(FONTS);

	pango_font_description_set_absolute_size(fd, sty->size * PANGO_SCALE);
	pango_font_description_set_weight(fd, sty->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(layout, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(layout, width < 0 ? -1 : (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	/* Each paragraph takes its direction from its first strong character,
	 * so an Arabic line is right-aligned and a Danish one left; one with
	 * none (a date) follows her language. */
	pango_context_set_base_dir(pango_layout_get_context(layout), p->dir);
	pango_layout_context_changed(layout);
	pango_layout_set_auto_dir(layout, TRUE);
	/* Relative to the context's direction: Pango swaps it for a paragraph
	 * of the other direction. */
	pango_layout_set_alignment(layout, p->dir == PANGO_DIRECTION_RTL ? PANGO_ALIGN_RIGHT
									 : PANGO_ALIGN_LEFT);
	pango_layout_set_spacing(layout, (int)(sty->size * 0.25 * PANGO_SCALE));
	pango_layout_set_text(layout, text, -1);
	return layout;
}

/* The direction text is set in, by its first letter (LTR when none). */
static PangoDirection text_direction(struct pdf *p, const char *text)
{
	PangoLayout *layout;
	PangoDirection dir;

	p->dir = PANGO_DIRECTION_LTR;
	layout = make_layout(p, &(struct style){ 16, false, 0 }, text, -1);
	dir = pango_layout_get_direction(layout, 0);
	g_object_unref(layout);
	return dir;
}

static void new_page(struct pdf *p)
{
	cairo_show_page(p->cr);
	p->y = MARGIN;
}

/* Height of the layout's first n lines (all when n exceeds them). */
static double first_lines_height(PangoLayout *layout, int n)
{
	PangoLayoutIter *it = pango_layout_get_iter(layout);
	PangoRectangle r;
	double h = 0;

	do {
		pango_layout_iter_get_line_extents(it, NULL, &r);
		h = (double)(r.y + r.height) / PANGO_SCALE;
	} while (--n > 0 && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return h;
}

/* Draws the layout line by line from p->y at x, going on to a new page
 * when a line would cross the bottom margin. */
static void draw_layout(struct pdf *p, PangoLayout *layout, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(layout);
	double top = p->y, shift = 0;

	do {
		PangoRectangle r;
		double line_top, line_h, baseline;

		pango_layout_iter_get_line_extents(it, NULL, &r);
		line_top = (double)r.y / PANGO_SCALE;
		line_h = (double)r.height / PANGO_SCALE;
		if (top + line_top - shift + line_h > PAGE_H - MARGIN && top + line_top - shift > MARGIN) {
			new_page(p);
			shift = line_top;
			top = MARGIN;
		}
		baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		cairo_move_to(p->cr, x + (double)r.x / PANGO_SCALE, top + baseline - shift);
		pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
		p->y = top + line_top - shift + line_h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static void draw_line(struct pdf *p, const struct handout_line *ln, bool heading_next)
{
	struct style sty = style_of(ln->kind);
	PangoLayout *layout;
	char *bulleted = NULL;

	p->y += sty.before;
	if (ln->kind == HLINE_GAP)
		return;
	/* A task is a bullet with a hanging indent, on the side her text
	 * starts: the bullet is neutral, so it takes the text's direction. */
	if (ln->kind == HLINE_TASK)
		bulleted = g_strdup_printf("•  %s", ln->text);
	layout = make_layout(p, &sty, bulleted ? bulleted : ln->text, PAGE_W - 2 * MARGIN);
	if (bulleted) {
		PangoLayout *bullet = make_layout(p, &sty, "•  ", -1);
		int w;

		pango_layout_get_size(bullet, &w, NULL);
		g_object_unref(bullet);
		pango_layout_set_indent(layout, -w);
	}
	/* A heading is kept with the first two lines after it. */
	if (heading_next && p->y + first_lines_height(layout, 1) * 3 > PAGE_H - MARGIN)
		new_page(p);
	draw_layout(p, layout, MARGIN);
	g_object_unref(layout);
	g_free(bulleted);
}

__attribute__((visibility("default")))
const char *handout_pdf_render(const struct handout_lines *l, const char *title, FILE *out,
			       bool *write_failed)
{
	struct pdf p = { .y = MARGIN, .out = out };
	cairo_surface_t *surface;
	cairo_status_t cs;

	surface = cairo_pdf_surface_create_for_stream(write_stream, &p, PAGE_W, PAGE_H);
	/* The document's title is the label alone: no personal data in metadata. */
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "samtale");
	p.cr = cairo_create(surface);
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	p.dir = text_direction(&p, title);
	for (size_t i = 0; i < l->n; i++)
		draw_line(&p, &l->v[i], l->v[i].kind == HLINE_HEADING);
	cairo_show_page(p.cr);
	cs = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(surface);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (cs == CAIRO_STATUS_SUCCESS && fflush(out))
		p.write_failed = true;
	*write_failed = p.write_failed;
	return p.write_failed || cs == CAIRO_STATUS_SUCCESS ? NULL : cairo_status_to_string(cs);
}
