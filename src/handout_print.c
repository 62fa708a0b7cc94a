#include "samtale/handout.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "samtale/util.h"

/*
 * Her copy on paper: a private PDF file, and lp
 */

extern char **environ;

static enum sam_status fill_pdf(FILE *f, void *arg)
{
	return handout_write_pdf(arg, f);
}

/* ref and date as a file name: journal numbers may hold '/' and the like. */
static char *file_name(const struct handout *h)
{
	char *name = xasprintf("%s-%s.pdf", h->ref, h->date);

	for (char *p = name; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", *p))
			*p = '_';
	return name;
}

enum sam_status handout_save_pdf(const struct handout *h, char **path)
{
	char *data = path_data_dir(), *dir, *name;
	enum sam_status st;

	*path = NULL;
	if (!data)
		return sam_fail(SAM_ERR_IO, "%s", _("no home directory to keep her copy in"));
	dir = xasprintf("%s/handouts", data);
	free(data);
	if ((st = path_mkdir_p(dir, 0700)) == SAM_OK) {
		name = file_name(h);
		*path = xasprintf("%s/%s", dir, name);
		free(name);
		st = path_write_private(*path, fill_pdf, (void *)h);
		if (st != SAM_OK) {
			free(*path);
			*path = NULL;
		}
	}
	free(dir);
	return st;
}

/* Runs argv with stdin, stdout and stderr on /dev/null (curses owns the
 * terminal); *out (may be NULL) gets what it wrote to stdout. Returns its
 * exit status, or -1 when it could not be run. */
static int run(char *const argv[], char **out)
{
	posix_spawn_file_actions_t fa;
	int pipefd[2] = { -1, -1 }, status = -1;
	struct strbuf sb = { 0 };
	pid_t pid;

	if (out && pipe(pipefd))
		return -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	if (out)
		posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
	else
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ))
		pid = -1;
	posix_spawn_file_actions_destroy(&fa);
	if (out) {
		char buf[256];
		ssize_t n;

		close(pipefd[1]);
		while (pid > 0 && (n = read(pipefd[0], buf, sizeof(buf))) != 0)
			if (n > 0 && sb.len < 4096)
				strbuf_add(&sb, buf, (size_t)n);
			else if (n < 0 && errno != EINTR)
				break;
		close(pipefd[0]);
		*out = strbuf_detach(&sb);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (pid <= 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *handout_printer(void)
{
	static const char marker[] = "destination: ";
	char *const argv[] = { "lpstat", "-d", NULL };
	const char *env = getenv("PRINTER");
	char *out = NULL, *name = NULL, *p;

	if (str_empty(env))
		env = getenv("LPDEST");
	if (str_empty(env))
		env = config_get(CONFIG_PRINTER);
	if (!str_empty(env))
		return xstrdup(env);
	/* "system default destination: NAME", or "no system default destination" */
	if (run(argv, &out) == 0 && (p = strstr(out, marker)))
		name = xstrndup(p + strlen(marker), strcspn(p + strlen(marker), " \r\n"));
	free(out);
	if (name && !*name) {
		free(name);
		name = NULL;
	}
	return name;
}

enum sam_status handout_print(const char *path, const char *printer)
{
	char *const argv[] = { "lp", "-d", (char *)printer, "--", (char *)path, NULL };
	int rc = run(argv, NULL);

	if (rc < 0)
		return sam_fail(SAM_ERR_IO, "%s", _("cannot run lp"));
	if (rc > 0)
		return sam_fail(SAM_ERR_IO, _("lp could not print on %s (status %d)"), printer, rc);
	return SAM_OK;
}
