/* Benchmark helper: runs a command in a new pseudo-terminal of 100x30, reads
 * (and drops) what it draws, and exits with its status. Curses programs get
 * a real terminal at the cost of a fork and a pty, and no shell in between
 * (script(1) adds one). */
#include <pty.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct winsize ws = { .ws_row = 30, .ws_col = 100 };
	char buf[65536];
	int fd, status;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: pty_run COMMAND [ARG...]\n");
		return 2;
	}
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 127;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	/* read fails with EIO once the child has closed the terminal. */
	while (read(fd, buf, sizeof(buf)) > 0)
		;
	if (waitpid(pid, &status, 0) < 0)
		return 127;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
