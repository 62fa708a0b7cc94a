#include "samtale/cli.h"

#include "samtale/util.h"

CLI_CMD(cmd_content_check)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

CLI_CMD(cmd_content_list)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

CLI_CMD(cmd_content_show)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

