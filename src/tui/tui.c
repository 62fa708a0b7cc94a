#include "samtale/tui.h"

#include <curses.h>

int tui_run(struct cli_ctx *ctx)
{
	(void)ctx;
	initscr();
	endwin();
	return 0;
}
