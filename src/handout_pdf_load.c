#include "handout_pdf.h"

#include "samtale/util.h"

/*
 * Her copy as a PDF: the renderer module (see handout_pdf.h), and its
 * failures as samtale's messages.
 */

enum sam_status handout_write_pdf(const struct handout *h, FILE *out)
{
	handout_pdf_render_fn *render;
	struct handout_lines l;
	bool write_failed = false;
	const char *why;

	*(void **)&render = module_symbol(HANDOUT_PDF_MODULE, HANDOUT_PDF_RENDER);
	if (!render)
		return SAM_ERR_IO;
	handout_lines(h, &l);
	why = render(&l, h->labels->label[HL_TITLE], out, &write_failed);
	handout_lines_free(&l);
	if (write_failed)
		return sam_fail(SAM_ERR_IO, "%s", _("could not write her copy"));
	if (why)
		return sam_fail(SAM_ERR_IO, _("could not make the PDF: %s"), why);
	return SAM_OK;
}
