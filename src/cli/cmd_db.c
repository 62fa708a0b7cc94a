#include "samtale/cli.h"

#include "samtale/util.h"

CLI_CMD(cmd_db_init)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

CLI_CMD(cmd_db_backup)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

CLI_CMD(cmd_db_check)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

CLI_CMD(cmd_db_purge)
{
	(void)ctx; (void)argc; (void)argv;
	return cli_fail(sam_error("not implemented yet"));
}

