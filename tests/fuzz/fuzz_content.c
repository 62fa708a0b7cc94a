/* libFuzzer target: arbitrary bytes through the content loader and validator,
 * as guide.yaml, as a section file and as handout.yaml, and the diagnostics
 * printed. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "samtale/content.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "da/guide.yaml", "da/tro.yaml", "da/handout.yaml" };
	static FILE *sink;

	if (!sink)
		sink = fopen("/dev/null", "w");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct content_diags d = { 0 };

		content_check_buffer(names[i], (const char *)data, size, &d);
		if (sink)
			content_diags_print(&d, sink);
		content_diags_free(&d);
	}
	return 0;
}
