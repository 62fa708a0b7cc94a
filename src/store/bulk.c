#include "store_int.h"

#include <stdlib.h>

#include "samtale/util.h"

void store_set_user(struct store *st, const char *user)
{
	char *copy = xstrdup(user);

	free(st->user);
	st->user = copy;
}
