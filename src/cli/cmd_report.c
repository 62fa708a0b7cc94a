#include "samtale/cli.h"

#include "samtale/util.h"

CLI_CMD(cmd_followups)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

CLI_CMD(cmd_report)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

