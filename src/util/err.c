#include "samtale/err.h"

#include <stdarg.h>
#include <stdio.h>

#include "samtale/util.h"

static _Thread_local char errmsg[1024];

static void save(const char *fmt, va_list ap)
{
	vsnprintf(errmsg, sizeof(errmsg), fmt, ap);
}

enum sam_status sam_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	save(fmt, ap);
	va_end(ap);
	return SAM_ERR_MSG;
}

enum sam_status sam_fail(enum sam_status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	save(fmt, ap);
	va_end(ap);
	return st;
}

enum sam_status sam_error_prefix(enum sam_status st, const char *prefix)
{
	char msg[sizeof(errmsg)];

	snprintf(msg, sizeof(msg), "%s", sam_errmsg());
	return sam_fail(st, "%s: %s", prefix, msg);
}

const char *sam_errmsg(void)
{
	return errmsg[0] ? errmsg : _("unknown error");
}

void sam_error_clear(void)
{
	errmsg[0] = '\0';
}
