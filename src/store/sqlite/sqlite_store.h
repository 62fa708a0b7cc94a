#ifndef SAMTALE_STORE_SQLITE_STORE_H
#define SAMTALE_STORE_SQLITE_STORE_H

/* For tests that look beneath a store on SQLite; nothing in src/ outside
 * store/sqlite/ includes this. The schema is in store/sqlite/schema.c. */

#include <sqlite3.h>

struct store;

sqlite3 *store_sqlite(struct store *st);

#endif
