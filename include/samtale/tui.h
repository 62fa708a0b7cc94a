#ifndef SAMTALE_TUI_H
#define SAMTALE_TUI_H

#include "samtale/cli.h"

/* Runs the conversation guide on ctx's store and guide until the user quits;
 * returns the exit status. Restores the terminal on every way out. */
int tui_run(struct cli_ctx *ctx);

#endif
