#include "samtale/util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *path_home_dir(void)
{
	const char *home = getenv("HOME");

	if (str_empty(home)) {
		struct passwd *pw = getpwuid(getuid());

		home = pw ? pw->pw_dir : NULL;
	}
	return str_empty(home) ? NULL : home;
}

char *path_data_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = path_home_dir();

	if (!str_empty(xdg) && xdg[0] == '/')
		return xasprintf("%s/samtale", xdg);
	return home ? xasprintf("%s/.local/share/samtale", home) : NULL;
}

static char *data_file(const char *name)
{
	char *dir = path_data_dir(), *file;

	if (!dir)
		return NULL;
	file = xasprintf("%s/%s", dir, name);
	free(dir);
	return file;
}

char *path_default_db(void)
{
	return data_file("samtale.db");
}

char *path_demo_db(void)
{
	return data_file("demo.db");
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
			st = sam_fail(SAM_ERR_IO, _("cannot create directory %s: %s"), p, strerror(errno));
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

bool path_is_dir(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/*
 * samtale's own files
 */

struct share_place {
	const char *from_bindir;	/* relative to the installed binary's directory */
	const char *configured;		/* where the install was configured to put them */
	const char *built;		/* for a binary in the build tree */
};

static const struct share_place share_places[] = {
	[SHARE_CONTENT] = { SAMTALE_CONTENT_FROM_BINDIR, SAMTALE_CONTENT_INSTALL_DIR,
			    SAMTALE_SOURCE_DIR "/content" },
	[SHARE_DATA] = { SAMTALE_DATA_FROM_BINDIR, SAMTALE_DATA_INSTALL_DIR,
			 SAMTALE_SOURCE_DIR "/data" },
	[SHARE_LOCALE] = { SAMTALE_LOCALE_FROM_BINDIR, SAMTALE_LOCALE_INSTALL_DIR,
			   SAMTALE_BUILD_DIR "/locale" },
	[SHARE_MODULE] = { SAMTALE_MODULE_FROM_BINDIR, SAMTALE_MODULE_INSTALL_DIR,
			   SAMTALE_BUILD_DIR },
};

/* The directory of the running binary, NULL when the system does not say. */
static char *exe_dir(void)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n <= 0 || (size_t)n >= sizeof(buf) - 1 || buf[0] != '/')
		return NULL;
	buf[n] = '\0';
	return path_dirname(buf);
}

/* dir is the build directory or inside it: the link is canonical, so the
 * build directory is compared as its real path. */
static bool in_build_tree(const char *dir)
{
	char *build = realpath(SAMTALE_BUILD_DIR, NULL);
	size_t n = build ? strlen(build) : 0;
	bool in = build && !strncmp(dir, build, n) && (dir[n] == '\0' || dir[n] == '/');

	free(build);
	return in;
}

static char *share_find(const struct share_place *p)
{
	char *bindir = exe_dir(), *rel, *dir;

	if (!bindir)
		return xstrdup(p->configured);
	rel = xasprintf("%s/%s", bindir, p->from_bindir);
	/* An installed tree beside the binary comes first, even one installed
	 * into the build directory. */
	if (!(dir = realpath(rel, NULL)) || !path_is_dir(dir)) {
		free(dir);
		dir = xstrdup(in_build_tree(bindir) ? p->built : p->configured);
	}
	free(rel);
	free(bindir);
	return dir;
}

const char *path_share_dir(enum sam_share kind)
{
	static char *found[ARRAY_SIZE(share_places)];

	if (!found[kind])
		found[kind] = share_find(&share_places[kind]);
	return found[kind];
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

/*
 * The private directory for temporary files
 */

static char *private_dir_name(void)
{
	const char *run = getenv("XDG_RUNTIME_DIR");
	char *db, *dir, *tmp;
	struct stat sb;

	/* Only the user's own: sudo keeps the caller's XDG_RUNTIME_DIR. */
	if (!str_empty(run) && run[0] == '/' && !stat(run, &sb) && S_ISDIR(sb.st_mode) &&
	    sb.st_uid == geteuid())
		return xasprintf("%s/samtale", run);
	if (!(db = path_default_db()))
		return NULL;
	dir = path_dirname(db);
	tmp = xasprintf("%s/tmp", dir);
	free(dir);
	free(db);
	return tmp;
}

/* Nobody but the process's user may enter dir: a directory (not a link)
 * of ours, 0700 (tightened when it is ours and wider). */
static enum sam_status check_private(const char *dir)
{
	struct stat sb;

	if (lstat(dir, &sb))
		return sam_fail(SAM_ERR_IO, _("cannot use the directory %s: %s"),
				dir, strerror(errno));
	if (!S_ISDIR(sb.st_mode) || sb.st_uid != geteuid())
		return sam_fail(SAM_ERR_IO, _("the directory for temporary files %s is not a directory of "
					       "yours; samtale puts no personal data there"), dir);
	if ((sb.st_mode & 07777) != 0700 && chmod(dir, 0700))
		return sam_fail(SAM_ERR_IO, _("cannot set the permissions of %s: %s"), dir, strerror(errno));
	return SAM_OK;
}

enum sam_status path_private_dir(char **dir)
{
	enum sam_status st;

	*dir = private_dir_name();
	if (!*dir)
		return sam_fail(SAM_ERR_IO, "%s", _("there is no directory for temporary files "
						     "(neither XDG_RUNTIME_DIR nor HOME)"));
	if ((st = path_mkdir_p(*dir, 0700)) == SAM_OK && (st = check_private(*dir)) == SAM_OK)
		return SAM_OK;
	free(*dir);
	*dir = NULL;
	return st;
}

enum sam_status path_private_file(const char *kind, const char *suffix, char **path, int *fd)
{
	char *dir;
	enum sam_status st = path_private_dir(&dir);

	*path = NULL;
	*fd = -1;
	if (st != SAM_OK)
		return st;
	*path = xasprintf("%s/%ld-%s-XXXXXX%s", dir, (long)getpid(), kind, suffix);
	free(dir);
	*fd = mkstemps(*path, (int)strlen(suffix));	/* 0600 */
	if (*fd < 0) {
		st = sam_fail(SAM_ERR_IO, _("cannot make a temporary file in %s: %s"), *path, strerror(errno));
		free(*path);
		*path = NULL;
	}
	return st;
}

/* The process that made a file "PID-KIND-...", or 0 when the name is not so. */
static pid_t maker_of(const char *name)
{
	char *end;
	long pid = name[0] >= '1' && name[0] <= '9' ? strtol(name, &end, 10) : 0;

	return pid > 0 && *end == '-' ? (pid_t)pid : 0;
}

void path_private_clean(void)
{
	char *dir = private_dir_name();
	struct dirent *e;
	DIR *d;

	/* Never create it here, and never read one that is not private. */
	if (!dir || !path_is_dir(dir) || check_private(dir) != SAM_OK || !(d = opendir(dir))) {
		free(dir);
		return;
	}
	while ((e = readdir(d))) {
		pid_t pid = maker_of(e->d_name);
		struct stat sb;

		if (pid && kill(pid, 0) && errno == ESRCH && !fstatat(dirfd(d), e->d_name, &sb,
								    AT_SYMLINK_NOFOLLOW) &&
		    S_ISREG(sb.st_mode))
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
	free(dir);
}
