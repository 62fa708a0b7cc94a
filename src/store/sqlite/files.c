/* O_TMPFILE, for backups that have no name until they are whole. */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "samtale/util.h"
#include "sqlite_int.h"

/*
 * Files: modes, network file systems
 */

/* statfs magic numbers (linux/magic.h and the file systems' sources) of file
 * systems whose locking SQLite's WAL cannot rely on. */
static const struct {
	unsigned long magic;
	const char *name;
} network_fs[] = {
	{ 0x6969, "NFS" },
	{ 0x517b, "SMB" },
	{ 0xff534d42, "CIFS" },
	{ 0xfe534d42, "SMB2" },
	{ 0x5346414f, "AFS" },
	{ 0x6b414653, "AFS" },
	{ 0x73757245, "Coda" },
	{ 0x01021997, "9P" },
	{ 0x00c36400, "Ceph" },
	{ 0x564c, "NCP" },
	{ 0x0bd00bd0, "Lustre" },
	{ 0x47504653, "GPFS" },
	{ 0x013111a8, "IBRIX" },
	{ 0x19830326, "FhGFS" },
};

/* FUSE file systems that reach another machine, by their mount subtype. */
static const char *const network_fuse[] = {
	"sshfs", "rclone", "s3fs", "gcsfuse", "curlftpfs", "glusterfs", "smbnetfs",
	"davfs", "ceph", "ceph-fuse", "juicefs", "blobfuse", "blobfuse2", "goofys", "afpfs",
};

#define FUSE_SUPER_MAGIC 0x65735546UL

const char *store_network_fs_name(unsigned long magic, const char *fuse_type);

/* The name of a network file system by statfs magic (and for FUSE the
 * subtype from mountinfo, "fuse.sshfs"), or NULL for a local one. Not
 * static so that the unit tests can reach it. */
const char *store_network_fs_name(unsigned long magic, const char *fuse_type)
{
	magic &= 0xffffffffUL;
	for (size_t i = 0; i < ARRAY_SIZE(network_fs); i++)
		if (network_fs[i].magic == magic)
			return network_fs[i].name;
	if (magic != FUSE_SUPER_MAGIC || !fuse_type)
		return NULL;
	if (!strncmp(fuse_type, "fuse.", 5))
		fuse_type += 5;
	else if (!strncmp(fuse_type, "fuseblk.", 8))
		fuse_type += 8;
	for (size_t i = 0; i < ARRAY_SIZE(network_fuse); i++)
		if (!strcmp(fuse_type, network_fuse[i]))
			return network_fuse[i];
	return NULL;
}

/* Undoes mountinfo's octal escapes ("\040" for a space) in place. */
static void unescape_mount(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*out++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 3;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

/* The file system type ("fuse.sshfs") of the mount holding dir, from
 * /proc/self/mountinfo: the longest mount point that prefixes it. */
static char *mount_type(const char *dir)
{
	char *real = realpath(dir, NULL), *best = NULL, *line = NULL;
	size_t best_len = 0, cap = 0;
	FILE *f;

	if (!real)
		return NULL;
	f = fopen("/proc/self/mountinfo", "re");
	while (f && getline(&line, &cap, f) > 0) {
		char mnt[4096], type[256];
		size_t n;
		char *dash = strstr(line, " - ");

		if (!dash || sscanf(line, "%*s %*s %*s %*s %4095s", mnt) != 1 ||
		    sscanf(dash + 3, "%255s", type) != 1)
			continue;
		unescape_mount(mnt);
		n = strlen(mnt);
		if (strncmp(real, mnt, n) || (n > 1 && real[n] != '/' && real[n] != '\0'))
			continue;
		if (n >= best_len) {
			free(best);
			best = xstrdup(type);
			best_len = n;
		}
	}
	if (f)
		fclose(f);
	free(line);
	free(real);
	return best;
}

static enum sam_status refuse_network_fs(const char *dir)
{
	struct statfs sfs;
	const char *name;
	char *type = NULL;

	if (statfs(dir, &sfs))
		return SAM_OK;	/* the open that follows reports what is wrong */
	if ((unsigned long)sfs.f_type == FUSE_SUPER_MAGIC)
		type = mount_type(dir);
	name = store_network_fs_name((unsigned long)sfs.f_type, type);
	free(type);
	if (!name)
		return SAM_OK;
	return sam_error(_("the database must be on a local disk, but %s is on a network file system (%s); "
			    "SQLite cannot lock it safely there"), dir, name);
}

static enum sam_status io_fail(const char *what, const char *path, int e)
{
	return sam_fail(SAM_ERR_IO, "%s %s: %s", what, path,
			e == ENOSPC || e == EDQUOT ? _("the disk is full") : strerror(e));
}

/* Creates the database file with mode (umask-proof) when missing. SQLite
 * gives its -wal and -shm files the mode of the database file. */
enum sam_status sqlite_create_file(const char *path, mode_t mode, gid_t gid, bool *created)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);

	*created = false;
	if (fd < 0) {
		if (errno == EEXIST)
			return SAM_OK;
		return io_fail(_("cannot create the database"), path, errno);
	}
	*created = true;
	if ((gid != (gid_t)-1 && fchown(fd, (uid_t)-1, gid)) || fchmod(fd, mode)) {
		int e = errno;

		close(fd);
		unlink(path);
		return io_fail(_("cannot set the permissions of"), path, e);
	}
	if (close(fd))
		return io_fail(_("cannot create the database"), path, errno);
	return SAM_OK;
}

static char *user_name(uid_t uid)
{
	struct passwd *pw = getpwuid(uid);

	return pw ? xstrdup(pw->pw_name) : xasprintf("%ld", (long)uid);
}

static char *group_name(gid_t gid)
{
	struct group *gr = getgrgid(gid);

	return gr ? xstrdup(gr->gr_name) : xasprintf("%ld", (long)gid);
}

/* A team database (in a directory that is setgid and the group's): 0660 at
 * most, and the directory's group. */
static enum sam_status check_team_mode(const char *path, const struct stat *sb, const struct stat *dir)
{
	char *want = group_name(dir->st_gid), *have = group_name(sb->st_gid);
	enum sam_status status = SAM_OK;

	if (sb->st_mode & 07777 & ~0660)
		status = sam_fail(SAM_ERR_IO, _("the team database %s has permissions that are too wide "
						 "(%o); a team database has 0660 and the group %s, nobody "
						 "else. Fix it with 'chmod 660 %s'"),
				  path, (unsigned)(sb->st_mode & 07777), want, path);
	else if (sb->st_gid != dir->st_gid)
		status = sam_fail(SAM_ERR_IO, _("the team database %s belongs to the group %s, but its "
						 "directory to the group %s. Fix it with 'chgrp %s %s'"),
				  path, have, want, want, path);
	free(want);
	free(have);
	return status;
}

/* An existing database must be as private as samtale makes it: a personal
 * one its user's own and 0600 at most, a team one as check_team_mode says. */
enum sam_status sqlite_check_mode(const char *path)
{
	char *dirname = path_dirname(path), *owner;
	struct stat sb, dir;
	enum sam_status status = SAM_OK;
	bool team;

	if (stat(path, &sb) || stat(dirname, &dir)) {
		free(dirname);
		return SAM_OK;	/* the open reports what is wrong */
	}
	free(dirname);
	team = (dir.st_mode & S_ISGID) && (dir.st_mode & 0070) == 0070;
	if (team)
		return check_team_mode(path, &sb, &dir);
	if (sb.st_uid != geteuid()) {
		owner = user_name(sb.st_uid);
		status = sam_fail(SAM_ERR_IO, _("the database %s belongs to another user (%s); a personal "
						 "database is opened only by its owner"), path, owner);
		free(owner);
	} else if (sb.st_mode & 07777 & ~0600) {
		status = sam_fail(SAM_ERR_IO, _("the database %s has permissions that are too wide (%o): "
						 "others than you can reach it, but samtale gives a personal "
						 "database 0600. Fix it with 'chmod 600 %s'"),
				  path, (unsigned)(sb.st_mode & 07777), path);
	}
	return status;
}

/* Makes sure the directory of path exists (creating it 0700 when allowed),
 * is local, and that the file exists (creating it 0600, in a team's
 * directory 0660, when allowed). */
enum sam_status sqlite_prepare_path(const char *path, unsigned flags)
{
	char *dir = path_dirname(path);
	struct stat sb;
	enum sam_status status = SAM_OK;
	mode_t mode = 0600;
	bool created;

	if (stat(dir, &sb)) {
		if (errno != ENOENT || !(flags & STORE_CREATE)) {
			status = io_fail(_("cannot use the directory"), dir, errno);
			goto out;
		}
		/* A personal database: nobody but its owner may even list it. */
		if ((status = path_mkdir_p(dir, 0700)) != SAM_OK)
			goto out;
		if (chmod(dir, 0700)) {
			status = io_fail(_("cannot set the permissions of"),
					 dir, errno);
			goto out;
		}
	} else if (!S_ISDIR(sb.st_mode)) {
		status = io_fail(_("cannot use the directory"), dir, ENOTDIR);
		goto out;
	} else if ((sb.st_mode & S_ISGID) && (sb.st_mode & 0070) == 0070) {
		/* A team's directory (db init --shared): a new file is the team's,
		 * its group inherited from the directory. */
		mode = 0660;
	}
	if ((status = refuse_network_fs(dir)) != SAM_OK)
		goto out;
	/* A link could lead the WAL files and the checks above astray (and, in
	 * a team's directory, to another person's file). */
	if (!lstat(path, &sb) && S_ISLNK(sb.st_mode)) {
		status = sam_fail(SAM_ERR_IO, _("%s is a symbolic link; give the database file itself with --db"),
				  path);
		goto out;
	}
	if (stat(path, &sb)) {
		if (errno != ENOENT) {
			status = io_fail(_("cannot open the database"), path, errno);
		} else if (!(flags & STORE_CREATE) || (flags & STORE_READONLY)) {
			status = sam_fail(SAM_ERR_NOT_FOUND,
					  _("there is no database at %s (create it with 'samtale db init')"),
					  path);
		} else {
			status = sqlite_create_file(path, mode, (gid_t)-1, &created);
		}
	} else if (!S_ISREG(sb.st_mode)) {
		status = sam_fail(SAM_ERR_IO, _("%s is not a regular file"),
				  path);
	}
out:
	free(dir);
	return status;
}

/*
 * Backups
 */

/* Copies the finished file tmp to dest through a file without a name
 * (O_TMPFILE) in dest's directory, named only once it is whole, so that
 * neither a failure nor kill -9 leaves part of a backup there. replace: an
 * existing dest is replaced; else dest must not exist, even if it appeared
 * since it was checked. */
static enum sam_status publish(const char *tmp, const char *dest, mode_t mode, bool replace)
{
	char *dir = path_dirname(dest), *named = NULL, buf[65536], proc[64];
	int in = open(tmp, O_RDONLY | O_CLOEXEC), out, e = 0;
	ssize_t n = 0;

	out = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
	if (out < 0 && errno != ENOENT && errno != EACCES) {
		/* A file system without O_TMPFILE: a named file beside it. */
		named = xasprintf("%s.tmp-%ld", dest, (long)getpid());
		out = open(named, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	}
	if (in < 0 || out < 0 || fchmod(out, mode)) {
		e = errno;
		goto out;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		for (ssize_t off = 0, w; off < n; off += w)
			if ((w = write(out, buf + off, (size_t)(n - off))) < 0) {
				e = errno;
				goto out;
			}
	if (n < 0 || fsync(out)) {
		e = errno;
		goto out;
	}
	if (!named) {
		snprintf(proc, sizeof(proc), "/proc/self/fd/%d", out);
		if (!replace) {
			if (linkat(AT_FDCWD, proc, AT_FDCWD, dest, AT_SYMLINK_FOLLOW))
				e = errno;
			goto out;
		}
		named = xasprintf("%s.tmp-%ld", dest, (long)getpid());
		if (linkat(AT_FDCWD, proc, AT_FDCWD, named, AT_SYMLINK_FOLLOW)) {
			e = errno;
			free(named);
			named = NULL;
			goto out;
		}
	}
	if (replace ? rename(named, dest) : link(named, dest))
		e = errno;
out:
	if (named)
		unlink(named);
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) && !e)
		e = errno;
	free(named);
	free(dir);
	if (e == EEXIST)
		return sam_fail(SAM_ERR_INVALID, _("%s exists already; it was not overwritten"), dest);
	return e ? io_fail(_("cannot write the backup"), dest, e)
		 : SAM_OK;
}

/* Copies the database src into dest (a file of the given mode). SQLite
 * writes the copy in the private directory for temporary files (which the
 * next start cleans, should this process be killed); publish puts it in place. */
enum sam_status sqlite_backup_to(sqlite3 *src, const char *dest, mode_t mode, bool replace)
{
	char *tmp, *journal;
	sqlite3 *d = NULL;
	sqlite3_backup *b;
	enum sam_status status;
	int rc, fd;

	if ((status = path_private_file("backup", "", &tmp, &fd)) != SAM_OK)
		return status;
	close(fd);
	rc = sqlite3_open_v2(tmp, &d, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK) {
		b = sqlite3_backup_init(d, "main", src, "main");
		if (!b) {
			rc = sqlite3_errcode(d);
		} else {
			for (int i = 0; i < BUSY_ATTEMPTS * 100; i++) {
				rc = sqlite3_backup_step(b, -1);
				if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
					break;
				sqlite3_sleep(100);
			}
			sqlite3_backup_finish(b);
			if (rc == SQLITE_DONE)
				rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK) {
		status = sam_fail(SAM_ERR_IO, _("the backup %s failed: %s"), dest,
				  (rc & 0xff) == SQLITE_FULL ? _("the disk is full")
							     : sqlite3_errstr(rc));
	}
	if (sqlite3_close(d) != SQLITE_OK && status == SAM_OK)
		status = sam_fail(SAM_ERR_IO, _("the backup %s failed"),
				  dest);
	if (status == SAM_OK)
		status = publish(tmp, dest, mode, replace);
	journal = xasprintf("%s-journal", tmp);
	unlink(journal);
	unlink(tmp);
	free(journal);
	free(tmp);
	return status;
}

/* True when the file at path begins as a samtale database or backup does:
 * SQLite's header with samtale's application id. Read without following a
 * link or blocking on a FIFO. */
static bool is_samtale_file(const char *path)
{
	unsigned char h[72];
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	bool yes = fd >= 0 && read(fd, h, sizeof(h)) == (ssize_t)sizeof(h) &&
		   !memcmp(h, "SQLite format 3", 16) &&
		   ((uint32_t)h[68] << 24 | (uint32_t)h[69] << 16 | (uint32_t)h[70] << 8 | h[71]) ==
			   SAMTALE_APP_ID;

	if (fd >= 0)
		close(fd);
	return yes;
}

/* A backup goes to a new file, or with force replaces a samtale backup;
 * never to a device, a FIFO or through a link, never over another file. */
static enum sam_status check_backup_dest(const char *dest, bool force)
{
	struct stat sb;

	if (lstat(dest, &sb))
		return errno == ENOENT ? SAM_OK : io_fail(_("cannot use"), dest, errno);
	if (S_ISLNK(sb.st_mode))
		return sam_fail(SAM_ERR_INVALID, _("%s is a symbolic link; the backup "
						    "is not written through it"), dest);
	if (!S_ISREG(sb.st_mode))
		return sam_fail(SAM_ERR_INVALID, _("%s is not a regular file (but a device, a FIFO or a "
						    "directory); the backup is not written there"), dest);
	if (!force)
		return sam_fail(SAM_ERR_INVALID, _("%s exists already; choose a new name, or replace an "
						    "older backup with --force"), dest);
	if (!is_samtale_file(dest))
		return sam_fail(SAM_ERR_INVALID, _("%s is not a samtale backup; it is not replaced, not "
						    "even with --force"), dest);
	return SAM_OK;
}

/* True when path is the database or one of its WAL files. */
static bool is_database_file(struct store *st, const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	struct stat a, b;
	bool same = false;

	if (stat(path, &a))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(suffixes) && !same; i++) {
		char *p = xasprintf("%s%s", st->path, suffixes[i]);

		same = !stat(p, &b) && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
		free(p);
	}
	return same;
}

enum sam_status sqlite_backup(struct store *st, const char *dest, bool force)
{
	char *dir;
	enum sam_status status;

	if (str_empty(dest))
		return sam_fail(SAM_ERR_INVALID, "%s", _("name a file for the backup"));
	if (is_database_file(st, dest))
		return sam_fail(SAM_ERR_INVALID, "%s",
				_("the backup cannot overwrite the database itself"));
	if ((status = check_backup_dest(dest, force)) != SAM_OK)
		return status;
	dir = path_dirname(dest);
	status = path_exists(dir) ? SAM_OK : io_fail(_("cannot use the directory"),
						     dir, ENOENT);
	free(dir);
	if (status == SAM_OK)
		status = sqlite_backup_to(sqlite_of(st)->db, dest, 0600, force);
	return status;
}

/*
 * Team databases
 */

static bool dir_empty(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool empty = d != NULL;

	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			empty = false;
	if (d)
		closedir(d);
	return empty;
}

/* The directory of a team database must be the team's own: 2770 and the
 * group. One that exists already is taken only when it is so, or when it
 * is empty and ours (so that an admin may create it first). */
static enum sam_status prepare_team_dir(const char *dir, gid_t gid, const char *group)
{
	struct stat sb;
	bool fix = false;

	if (stat(dir, &sb)) {
		char *parent = path_dirname(dir);
		enum sam_status status = path_mkdir_p(parent, 0755);

		free(parent);
		if (status != SAM_OK)
			return status;
		if (mkdir(dir, 0700) && errno != EEXIST)
			return io_fail(_("cannot create the directory"), dir, errno);
		fix = true;
	} else if (!S_ISDIR(sb.st_mode)) {
		return io_fail(_("cannot use the directory"), dir, ENOTDIR);
	} else if (sb.st_gid != gid || (sb.st_mode & 07777) != 02770) {
		if (sb.st_uid != geteuid() || !dir_empty(dir))
			return sam_error(_("the directory %s exists already; a team database needs a directory "
					    "of its own (group %s, mode 2770)"), dir, group);
		fix = true;
	}
	if (fix && (chown(dir, (uid_t)-1, gid) || chmod(dir, 02770)))
		return io_fail(_("cannot give the group the directory"), dir,
			       errno);
	return refuse_network_fs(dir);
}

enum sam_status store_init_shared(const char *path, const char *group, const char *user)
{
	struct group *gr;
	struct store *st;
	char *dir;
	enum sam_status status;
	bool created;

	if (str_empty(group) || !(gr = getgrnam(group)))
		return sam_fail(SAM_ERR_INVALID, _("unknown group '%s'"),
				group ? group : "");
	dir = path_dirname(path);
	status = prepare_team_dir(dir, gr->gr_gid, group);
	free(dir);
	if (status != SAM_OK)
		return status;
	if (path_exists(path))
		return sam_error(_("there is already a database at %s"),
				 path);
	if ((status = sqlite_create_file(path, 0660, gr->gr_gid, &created)) != SAM_OK)
		return status;
	if ((status = store_open(path, user, 0, &st)) != SAM_OK)
		return status;
	status = write_begin(st);
	if (status == SAM_OK)
		status = write_end(st, audit_log(st, "db.init-shared", 0, (int64_t)gr->gr_gid, NULL));
	store_close(st);
	return status;
}

/* The database file's mode for a file beside it: 0660 for a team's, else 0600. */
mode_t db_file_mode(const struct store *st)
{
	struct stat sb;

	return !stat(st->path, &sb) && (sb.st_mode & 0020) ? 0660 : 0600;
}
