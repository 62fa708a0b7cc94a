/*
 * write_probe DB STOPFILE: a second writer beside bulk work. Adds a case
 * every 100 ms until STOPFILE exists, and prints for each write the time
 * it waited for the write lock (from the store's wait hook) and the time
 * the whole write took, in milliseconds: "wait WAIT write WRITE". Exits 1
 * when a write fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "samtale/store.h"
#include "samtale/util.h"

static void on_wait(void *ctx, unsigned waited_ms)
{
	unsigned *max = ctx;

	if (waited_ms > *max)
		*max = waited_ms;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

int main(int argc, char **argv)
{
	struct store *st;
	unsigned waited;
	int rc = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: write_probe DB STOPFILE\n");
		return 2;
	}
	if (store_open(argv[1], "probe", 0, &st) != SAM_OK) {
		fprintf(stderr, "write_probe: %s\n", sam_errmsg());
		return 1;
	}
	store_set_wait_hook(st, on_wait, &waited);
	for (int i = 0; access(argv[2], F_OK) != 0; i++) {
		char ref[32];
		long t0 = now_ms();

		snprintf(ref, sizeof(ref), "probe-%05d", i);
		waited = 0;
		if (store_case_add(st, ref, NULL, NULL, NULL) != SAM_OK) {
			fprintf(stderr, "write_probe: %s\n", sam_errmsg());
			rc = 1;
			break;
		}
		printf("wait %u write %ld\n", waited, now_ms() - t0);
		fflush(stdout);
		usleep(100 * 1000);
	}
	store_close(st);
	return rc;
}
