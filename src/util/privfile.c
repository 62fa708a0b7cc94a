#include "samtale/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Private files written whole: her copy as a PDF, for one
 */

static enum sam_status write_error(const char *path)
{
	return sam_fail(SAM_ERR_IO, _("cannot write %s: %s"), path,
			strerror(errno));
}

enum sam_status path_write_private(const char *path, enum sam_status (*fill)(FILE *f, void *arg),
				   void *arg)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	enum sam_status st = SAM_OK;
	int fd = mkstemp(tmp);	/* 0600 */
	FILE *f = fd < 0 ? NULL : fdopen(fd, "wb");

	if (!f) {
		st = write_error(path);
		if (fd >= 0)
			close(fd);
	} else {
		st = fill(f, arg);
		if (st == SAM_OK && (fflush(f) || fsync(fd)))
			st = write_error(path);
		if (fclose(f) && st == SAM_OK)
			st = write_error(path);
		if (st == SAM_OK && rename(tmp, path))
			st = write_error(path);
	}
	if (st != SAM_OK && fd >= 0)
		unlink(tmp);
	free(tmp);
	return st;
}
