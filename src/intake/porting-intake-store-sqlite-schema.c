/* porting-intake-store-sqlite-schema.c — the SQLite store's schema and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PRAGMA user_version says which migrations a database has had; each runs
 * once, in order, in the transaction that opens the store.
 */
#define G_LOG_DOMAIN "porting-intake-store"

#include "config.h"

#include "porting-intake-store-private.h"
#include "porting-intake-store-sqlite-private.h"

#define SCHEMA_VERSION 2

/* Version 1: the schema of the first release, kept as it was. */
static const char schema_v1[] =
  "CREATE TABLE IF NOT EXISTS accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  token_sha256 TEXT NOT NULL UNIQUE,"
  "  role TEXT NOT NULL CHECK (role IN ('customer', 'staff')),"
  "  name TEXT NOT NULL,"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS requests ("
  "  id TEXT PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  idempotency_key TEXT,"
  "  kind TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  answer TEXT,"
  "  document_check TEXT,"
  "  foc_date TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (account_id, idempotency_key));"
  "CREATE INDEX IF NOT EXISTS requests_by_account ON requests (account_id, created_at);"
  "CREATE TABLE IF NOT EXISTS history ("
  "  id INTEGER PRIMARY KEY,"
  "  request_id TEXT NOT NULL REFERENCES requests (id),"
  "  status TEXT NOT NULL,"
  "  at TEXT NOT NULL,"
  "  by TEXT,"
  "  note TEXT);"
  "CREATE INDEX IF NOT EXISTS history_by_request ON history (request_id, id);"
  "CREATE TABLE IF NOT EXISTS documents ("
  "  request_id TEXT NOT NULL REFERENCES requests (id),"
  "  name TEXT NOT NULL,"
  "  part TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  content_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  filename TEXT,"
  "  PRIMARY KEY (request_id, name));";

/* Version 2: token expiry and revocation, references, pages, idempotency
 * fingerprints, sealed PINs, history events. Keys written before compared
 * case-sensitively are lower-cased; of two that now collide the first stays. */
static const char schema_v2_columns[] =
  "ALTER TABLE accounts ADD COLUMN expires_at TEXT;"
  "ALTER TABLE accounts ADD COLUMN revoked_at TEXT;"
  "ALTER TABLE requests ADD COLUMN reference TEXT;"
  "ALTER TABLE requests ADD COLUMN seq INTEGER;"
  "ALTER TABLE requests ADD COLUMN fingerprint TEXT;"
  "ALTER TABLE requests ADD COLUMN pin_box BLOB;"
  "ALTER TABLE history ADD COLUMN event TEXT;"
  "UPDATE requests SET seq = rowid;"
  "UPDATE requests SET idempotency_key = NULL WHERE idempotency_key IS NOT NULL AND EXISTS ("
  "  SELECT 1 FROM requests o WHERE o.account_id = requests.account_id"
  "  AND lower (o.idempotency_key) = lower (requests.idempotency_key) AND o.rowid < requests.rowid);"
  "UPDATE requests SET idempotency_key = lower (idempotency_key) WHERE idempotency_key IS NOT NULL;";

static const char schema_v2_indexes[] =
  "CREATE UNIQUE INDEX requests_by_reference ON requests (reference);"
  "CREATE UNIQUE INDEX requests_by_seq ON requests (seq);"
  "CREATE INDEX requests_by_account_seq ON requests (account_id, seq);"
  "CREATE INDEX requests_by_status_seq ON requests (status, seq);"
  "CREATE INDEX documents_by_sha256 ON documents (sha256);"
  "PRAGMA user_version = 2;";

static gboolean
backfill_references (sqlite3  *db,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) select = porting_sqlite_prepare (db, "SELECT id FROM requests WHERE reference IS NULL", error);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (select == NULL)
    return FALSE;
  while (sqlite3_step (select) == SQLITE_ROW)
    g_ptr_array_add (ids, porting_sqlite_column_dup (select, 0));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(sqlite3_stmt) update = porting_sqlite_prepare (db, "UPDATE requests SET reference = ? WHERE id = ?", error);
      char *reference;

      if (update == NULL)
        return FALSE;
      do
        reference = porting_intake_new_reference ();
      while (!g_hash_table_add (used, reference));
      porting_sqlite_bind_text (update, 1, reference);
      porting_sqlite_bind_text (update, 2, g_ptr_array_index (ids, i));
      if (sqlite3_step (update) != SQLITE_DONE)
        return porting_sqlite_set_error (db, error);
    }
  return TRUE;
}

gboolean
porting_sqlite_migrate (sqlite3  *db,
         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version;

  if (!porting_sqlite_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;

  stmt = porting_sqlite_prepare (db, "PRAGMA user_version", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    goto failed;
  version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_FAILED,
                   "The database was made by a newer porting-intake (schema %d; this one knows %d).",
                   version, SCHEMA_VERSION);
      goto failed;
    }
  if (version < 1 && !porting_sqlite_exec (db, schema_v1, error))
    goto failed;
  if (version < 2 &&
      (!porting_sqlite_exec (db, schema_v2_columns, error) || !backfill_references (db, error) ||
       !porting_sqlite_exec (db, schema_v2_indexes, error)))
    goto failed;

  return porting_sqlite_exec (db, "COMMIT;", error);

failed:
  porting_sqlite_rollback (db);
  return FALSE;
}
