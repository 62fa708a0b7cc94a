#include "samtale/cli.h"

#include "samtale/util.h"

CLI_CMD(cmd_case_add)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

CLI_CMD(cmd_case_list)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

CLI_CMD(cmd_case_show)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

CLI_CMD(cmd_case_close)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

CLI_CMD(cmd_case_delete)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

