#include "samtale/util.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *path_default_db(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (!str_empty(xdg) && xdg[0] == '/')
		return xasprintf("%s/samtale/samtale.db", xdg);
	if (str_empty(home)) {
		struct passwd *pw = getpwuid(getuid());

		home = pw ? pw->pw_dir : NULL;
	}
	if (str_empty(home))
		return NULL;
	return xasprintf("%s/.local/share/samtale/samtale.db", home);
}

enum sam_status path_mkdir_p(const char *dir, mode_t mode)
{
	char *p = xstrdup(dir);
	enum sam_status st = SAM_OK;

	for (char *s = p + 1;; s++) {
		bool end = *s == '\0';

		if (*s != '/' && !end)
			continue;
		*s = '\0';
		/* Parents that already exist keep their modes; only new ones get mode. */
		if (mkdir(p, mode) && errno != EEXIST) {
			st = sam_fail(SAM_ERR_IO, tr("kan ikke oprette mappen %s: %s",
						     "cannot create directory %s: %s"), p, strerror(errno));
			break;
		}
		if (end)
			break;
		*s = '/';
	}
	free(p);
	return st;
}

char *path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

bool path_exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

const char *sam_login_name(void)
{
	static char name[256];
	const char *s;
	struct passwd *pw;

	if (name[0])
		return name;
	pw = getpwuid(geteuid());
	s = pw ? pw->pw_name : getenv("USER");
	if (str_empty(s))
		s = getenv("LOGNAME");
	snprintf(name, sizeof(name), "%s", str_empty(s) ? "unknown" : s);
	return name;
}
