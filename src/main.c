#include <locale.h>

#include "samtale/cli.h"
#include "samtale/tui.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cli_main(argc, argv, tui_run);
}
