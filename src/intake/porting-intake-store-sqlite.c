/* porting-intake-store-sqlite.c — the intake store in SQLite, for one host (--data DIR)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One writer connection behind a mutex (SQLite has one writer at a time
 * anyway; waiting here is cheaper than SQLITE_BUSY) and a few reader
 * connections, which WAL lets run beside the writer.
 */
#define G_LOG_DOMAIN "porting-intake-store"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "porting-intake-store-private.h"
#include "porting-intake-store-sqlite-private.h"

struct _PortingIntakeStoreSqlite
{
  PortingIntakeStore  parent_instance;

  GMutex              writer_lock;
  sqlite3            *writer;
  GAsyncQueue        *readers;
  guint               n_readers;
};

#define PORTING_TYPE_INTAKE_STORE_SQLITE (porting_intake_store_sqlite_get_type ())
G_DECLARE_FINAL_TYPE (PortingIntakeStoreSqlite, porting_intake_store_sqlite, PORTING, INTAKE_STORE_SQLITE, PortingIntakeStore)
G_DEFINE_FINAL_TYPE (PortingIntakeStoreSqlite, porting_intake_store_sqlite, PORTING_TYPE_INTAKE_STORE)

#define REQUEST_COLUMNS \
  "r.id, r.reference, r.status, r.body, r.answer, r.document_check, r.foc_date, " \
  "r.created_at, r.updated_at, r.fingerprint, r.seq, r.pin_box IS NOT NULL"

/* Errors */

gboolean
porting_sqlite_set_error (sqlite3  *db,
                          GError  **error)
{
  int code = sqlite3_errcode (db);

  g_set_error (error, PORTING_INTAKE_STORE_ERROR,
               code == SQLITE_FULL ? PORTING_INTAKE_STORE_ERROR_NO_SPACE : PORTING_INTAKE_STORE_ERROR_FAILED,
               "Database error: %s", sqlite3_errmsg (db));
  return FALSE;
}

gboolean
porting_sqlite_exec (sqlite3     *db,
                     const char  *sql,
                     GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      int code = sqlite3_errcode (db);

      g_set_error (error, PORTING_INTAKE_STORE_ERROR,
                   code == SQLITE_FULL ? PORTING_INTAKE_STORE_ERROR_NO_SPACE : PORTING_INTAKE_STORE_ERROR_FAILED,
                   "Database error: %s", message ? message : "unknown");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
porting_sqlite_prepare (sqlite3     *db,
                        const char  *sql,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      porting_sqlite_set_error (db, error);
      return NULL;
    }
  return stmt;
}

void
porting_sqlite_bind_text (sqlite3_stmt *stmt,
                          int           index,
                          const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

char *
porting_sqlite_column_dup (sqlite3_stmt *stmt,
                           int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
porting_sqlite_rollback (sqlite3 *db)
{
  porting_sqlite_exec (db, "ROLLBACK;", NULL);
}

/* Connections */

static sqlite3 *
open_connection (const char  *path,
                 GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_FAILED,
                   "Cannot open %s: %s", path, db ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 10000);

  /* WAL + synchronous=FULL: a commit that returned survives kill -9 and
   * power loss. secure_delete: an erased (sealed) PIN is zeroed, not left
   * in a free page. */
  if (!porting_sqlite_exec (db, "PRAGMA journal_mode = WAL;", error) ||
      !porting_sqlite_exec (db, "PRAGMA synchronous = FULL;", error) ||
      !porting_sqlite_exec (db, "PRAGMA foreign_keys = ON;", error) ||
      !porting_sqlite_exec (db, "PRAGMA secure_delete = ON;", error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static sqlite3 *
reader_acquire (PortingIntakeStoreSqlite *self)
{
  return g_async_queue_pop (self->readers);
}

static void
reader_release (PortingIntakeStoreSqlite *self,
                sqlite3                  *db)
{
  g_async_queue_push (self->readers, db);
}

/* Rows */

static PortingIntakeRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  PortingIntakeRow *row = g_new0 (PortingIntakeRow, 1);

  row->id = porting_sqlite_column_dup (stmt, 0);
  row->reference = porting_sqlite_column_dup (stmt, 1);
  row->status = porting_sqlite_column_dup (stmt, 2);
  row->body = porting_sqlite_column_dup (stmt, 3);
  row->answer = porting_sqlite_column_dup (stmt, 4);
  row->document_check = porting_sqlite_column_dup (stmt, 5);
  row->foc_date = porting_sqlite_column_dup (stmt, 6);
  row->created_at = porting_sqlite_column_dup (stmt, 7);
  row->updated_at = porting_sqlite_column_dup (stmt, 8);
  row->fingerprint = porting_sqlite_column_dup (stmt, 9);
  row->seq = sqlite3_column_int64 (stmt, 10);
  row->wireless_pin_on_file = sqlite3_column_int (stmt, 11) != 0;
  row->history = json_array_new ();
  row->documents = json_array_new ();
  return row;
}

static void
set_optional (JsonObject   *object,
              const char   *member,
              sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
    json_object_set_string_member (object, member, (const char *) sqlite3_column_text (stmt, column));
}

/* The history and documents of every row, in two queries, not two per row. */
static gboolean
attach_details (sqlite3    *db,
                GPtrArray  *rows,
                GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonNode) ids_node = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autoptr(sqlite3_stmt) documents = NULL;
  g_autofree char *ids_text = NULL;

  if (rows->len == 0)
    return TRUE;
  for (guint i = 0; i < rows->len; i++)
    {
      PortingIntakeRow *row = g_ptr_array_index (rows, i);

      g_hash_table_insert (by_id, row->id, row);
      json_array_add_string_element (ids, row->id);
    }
  ids_node = json_node_init_array (json_node_alloc (), ids);
  ids_text = json_to_string (ids_node, FALSE);

  history = porting_sqlite_prepare (db, "SELECT request_id, status, at, by, note, event FROM history "
                                        "WHERE request_id IN (SELECT value FROM json_each (?)) ORDER BY request_id, id", error);
  if (history == NULL)
    return FALSE;
  porting_sqlite_bind_text (history, 1, ids_text);
  while (sqlite3_step (history) == SQLITE_ROW)
    {
      PortingIntakeRow *row = g_hash_table_lookup (by_id, sqlite3_column_text (history, 0));
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "status", (const char *) sqlite3_column_text (history, 1));
      json_object_set_string_member (entry, "at", (const char *) sqlite3_column_text (history, 2));
      set_optional (entry, "by", history, 3);
      set_optional (entry, "note", history, 4);
      set_optional (entry, "event", history, 5);
      json_array_add_object_element (row->history, entry);
    }

  documents = porting_sqlite_prepare (db, "SELECT request_id, name, part, content_type, size, sha256, filename FROM documents "
                                          "WHERE request_id IN (SELECT value FROM json_each (?)) ORDER BY request_id, rowid", error);
  if (documents == NULL)
    return FALSE;
  porting_sqlite_bind_text (documents, 1, ids_text);
  while (sqlite3_step (documents) == SQLITE_ROW)
    {
      PortingIntakeRow *row = g_hash_table_lookup (by_id, sqlite3_column_text (documents, 0));
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "name", (const char *) sqlite3_column_text (documents, 1));
      json_object_set_string_member (entry, "part", (const char *) sqlite3_column_text (documents, 2));
      json_object_set_string_member (entry, "content_type", (const char *) sqlite3_column_text (documents, 3));
      json_object_set_int_member (entry, "size", sqlite3_column_int64 (documents, 4));
      json_object_set_string_member (entry, "sha256", (const char *) sqlite3_column_text (documents, 5));
      set_optional (entry, "filename", documents, 6);
      json_array_add_object_element (row->documents, entry);
    }
  return TRUE;
}

/* One request by id or reference; NULL without an error when there is none. */
static PortingIntakeRow *
select_one (sqlite3     *db,
            const char  *where,
            const char  *first,
            const char  *second,
            gint64       account_id,
            GError     **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " REQUEST_COLUMNS " FROM requests r WHERE ", where,
                                      " AND (?3 < 0 OR r.account_id = ?3)", NULL);
  g_autoptr(sqlite3_stmt) stmt = porting_sqlite_prepare (db, sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_intake_row_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  porting_sqlite_bind_text (stmt, 1, first);
  porting_sqlite_bind_text (stmt, 2, second);
  sqlite3_bind_int64 (stmt, 3, account_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      porting_sqlite_set_error (db, error);
      return NULL;
    }
  g_ptr_array_add (rows, row_from_stmt (stmt));
  if (!attach_details (db, rows, error))
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

static PortingIntakeRow *
select_by_id_or_reference (sqlite3     *db,
                           const char  *id,
                           gint64       account_id,
                           GError     **error)
{
  g_autofree char *upper = g_ascii_strup (id, -1);

  return select_one (db, "(r.id = ?1 OR r.reference = ?2)", id, upper, account_id, error);
}

/* Accounts */

static gboolean
sqlite_add_account (PortingIntakeStore  *store,
                    const char          *token_sha256,
                    gboolean             staff,
                    const char          *name,
                    const char          *created_at,
                    const char          *expires_at,
                    GError             **error)
{
  PortingIntakeStoreSqlite *self = PORTING_INTAKE_STORE_SQLITE (store);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->writer_lock);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = porting_sqlite_prepare (self->writer, "INSERT INTO accounts (token_sha256, role, name, created_at, expires_at) "
                                               "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  porting_sqlite_bind_text (stmt, 1, token_sha256);
  porting_sqlite_bind_text (stmt, 2, staff ? "staff" : "customer");
  porting_sqlite_bind_text (stmt, 3, name);
  porting_sqlite_bind_text (stmt, 4, created_at);
  porting_sqlite_bind_text (stmt, 5, expires_at);
  return sqlite3_step (stmt) == SQLITE_DONE || porting_sqlite_set_error (self->writer, error);
}

static gboolean
sqlite_revoke_accounts (PortingIntakeStore  *store,
                        const char          *name,
                        const char          *now,
                        guint               *n_revoked,
                        GError             **error)
{
  PortingIntakeStoreSqlite *self = PORTING_INTAKE_STORE_SQLITE (store);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->writer_lock);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = porting_sqlite_prepare (self->writer, "UPDATE accounts SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  porting_sqlite_bind_text (stmt, 1, now);
  porting_sqlite_bind_text (stmt, 2, name);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return porting_sqlite_set_error (self->writer, error);
  *n_revoked = sqlite3_changes (self->writer);
  return TRUE;
}

static PortingIntakeAccount *
sqlite_find_account (PortingIntakeStore  *store,
                     const char          *token_sha256,
                     const char          *now,
                     GError             **error)
{
  PortingIntakeStoreSqlite *self = PORTING_INTAKE_STORE_SQLITE (store);
  sqlite3 *db = reader_acquire (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PortingIntakeAccount *account = NULL;
  int rc;

  stmt = porting_sqlite_prepare (db, "SELECT id, role, name, expires_at FROM accounts WHERE token_sha256 = ? "
                                     "AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)", error);
  if (stmt != NULL)
    {
      porting_sqlite_bind_text (stmt, 1, token_sha256);
      porting_sqlite_bind_text (stmt, 2, now);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          account = g_new0 (PortingIntakeAccount, 1);
          account->id = sqlite3_column_int64 (stmt, 0);
          account->staff = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "staff") == 0;
          account->name = porting_sqlite_column_dup (stmt, 2);
          account->expires_at = porting_sqlite_column_dup (stmt, 3);
        }
      else if (rc != SQLITE_DONE)
        porting_sqlite_set_error (db, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  reader_release (self, db);
  return account;
}

/* Requests */

static gboolean
insert_documents (sqlite3       *db,
                  const char    *id,
                  GPtrArray     *documents,
                  GError       **error)
{
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      PortingIntakeDocument *document = g_ptr_array_index (documents, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = porting_sqlite_prepare (db, "INSERT INTO documents (request_id, name, part, sha256, content_type, size, filename) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      porting_sqlite_bind_text (stmt, 1, id);
      porting_sqlite_bind_text (stmt, 2, document->name);
      porting_sqlite_bind_text (stmt, 3, document->part);
      porting_sqlite_bind_text (stmt, 4, document->sha256);
      porting_sqlite_bind_text (stmt, 5, document->content_type);
      sqlite3_bind_int64 (stmt, 6, document->size);
      porting_sqlite_bind_text (stmt, 7, document->filename);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return porting_sqlite_set_error (db, error);
    }
  return TRUE;
}

static gboolean
insert_history (sqlite3     *db,
                const char  *id,
                const char  *status,
                const char  *event,
                const char  *at,
                const char  *by,
                const char  *note,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = porting_sqlite_prepare (db, "INSERT INTO history (request_id, status, event, at, by, note) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  porting_sqlite_bind_text (stmt, 1, id);
  porting_sqlite_bind_text (stmt, 2, status);
  porting_sqlite_bind_text (stmt, 3, event);
  porting_sqlite_bind_text (stmt, 4, at);
  porting_sqlite_bind_text (stmt, 5, by);
  porting_sqlite_bind_text (stmt, 6, note);
  return sqlite3_step (stmt) == SQLITE_DONE || porting_sqlite_set_error (db, error);
}

typedef enum { INSERTED, KEY_TAKEN, REFERENCE_TAKEN, INSERT_FAILED } InsertOutcome;

static InsertOutcome
try_insert (sqlite3                       *db,
            const PortingIntakeNewRequest *request,
            const char                    *reference,
            GError                       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = porting_sqlite_prepare (db, "INSERT INTO requests (id, account_id, idempotency_key, kind, status, body, created_at, updated_at, "
                                     "reference, seq, fingerprint, pin_box) "
                                     "VALUES (?, ?, ?, ?, 'submitted', ?, ?, ?, ?, (SELECT COALESCE (MAX (seq), 0) + 1 FROM requests), ?, ?) "
                                     "ON CONFLICT (account_id, idempotency_key) DO NOTHING", error);
  if (stmt == NULL)
    return INSERT_FAILED;
  porting_sqlite_bind_text (stmt, 1, request->id);
  sqlite3_bind_int64 (stmt, 2, request->account_id);
  porting_sqlite_bind_text (stmt, 3, request->idempotency_key);
  porting_sqlite_bind_text (stmt, 4, request->kind);
  porting_sqlite_bind_text (stmt, 5, request->body);
  porting_sqlite_bind_text (stmt, 6, request->now);
  porting_sqlite_bind_text (stmt, 7, request->now);
  porting_sqlite_bind_text (stmt, 8, reference);
  porting_sqlite_bind_text (stmt, 9, request->fingerprint);
  if (request->pin_box != NULL)
    sqlite3_bind_blob (stmt, 10, g_bytes_get_data (request->pin_box, NULL),
                       (int) g_bytes_get_size (request->pin_box), SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 10);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return sqlite3_changes (db) > 0 ? INSERTED : KEY_TAKEN;
  if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE &&
      strstr (sqlite3_errmsg (db), "reference") != NULL)
    return REFERENCE_TAKEN;
  porting_sqlite_set_error (db, error);
  return INSERT_FAILED;
}

static PortingIntakeRow *
sqlite_insert_request (PortingIntakeStore             *store,
                       const PortingIntakeNewRequest  *request,
                       gboolean                       *created,
                       GError                        **error)
{
  PortingIntakeStoreSqlite *self = PORTING_INTAKE_STORE_SQLITE (store);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->writer_lock);
  sqlite3 *db = self->writer;

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *reference = porting_intake_new_reference ();
      g_autoptr(PortingIntakeRow) existing = NULL;
      InsertOutcome outcome;

      if (!porting_sqlite_exec (db, "BEGIN IMMEDIATE;", error))
        return NULL;
      outcome = try_insert (db, request, reference, error);

      if (outcome == INSERTED)
        {
          if (!insert_documents (db, request->id, request->documents, error) ||
              !insert_history (db, request->id, "submitted", NULL, request->now, request->account_name, NULL, error) ||
              !porting_sqlite_exec (db, "COMMIT;", error))
            {
              porting_sqlite_rollback (db);
              return NULL;
            }
          *created = TRUE;
          return select_one (db, "r.id = ?1", request->id, NULL, -1, error);
        }
      if (outcome == REFERENCE_TAKEN)
        {
          porting_sqlite_rollback (db);
          continue;
        }
      if (outcome == INSERT_FAILED)
        {
          porting_sqlite_rollback (db);
          return NULL;
        }

      /* KEY_TAKEN: the request made with this key before, unless it expired. */
      existing = select_one (db, "r.idempotency_key = ?1", request->idempotency_key, NULL, request->account_id, error);
      if (existing == NULL)
        {
          porting_sqlite_rollback (db);
          return NULL;
        }
      if (g_strcmp0 (existing->created_at, request->key_cutoff) < 0)
        {
          /* Past its lifetime: the key is free again. */
          g_autoptr(sqlite3_stmt) forget = porting_sqlite_prepare (db, "UPDATE requests SET idempotency_key = NULL WHERE id = ?", error);

          if (forget == NULL)
            {
              porting_sqlite_rollback (db);
              return NULL;
            }
          porting_sqlite_bind_text (forget, 1, existing->id);
          if (sqlite3_step (forget) != SQLITE_DONE)
            {
              porting_sqlite_set_error (db, error);
              porting_sqlite_rollback (db);
              return NULL;
            }
          if (!porting_sqlite_exec (db, "COMMIT;", error))
            {
              porting_sqlite_rollback (db);
              return NULL;
            }
          continue;
        }
      porting_sqlite_rollback (db);
      *created = FALSE;
      return g_steal_pointer (&existing);
    }

  g_set_error_literal (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_FAILED,
                       "No free reference was found for the request.");
  return NULL;
}

static PortingIntakeRow *
sqlite_get_request (PortingIntakeStore  *store,
                    gint64               account_id,
                    const char          *id,
                    GError             **error)
{
  PortingIntakeStoreSqlite *self = PORTING_INTAKE_STORE_SQLITE (store);
  sqlite3 *db = reader_acquire (self);
  g_autoptr(GError) local_error = NULL;
  PortingIntakeRow *row;

  row = select_by_id_or_reference (db, id, account_id, &local_error);
  reader_release (self, db);
  if (row == NULL && local_error == NULL)
    g_set_error (&local_error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                 "There is no request %s.", id);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return row;
}

static GPtrArray *
sqlite_list_requests (PortingIntakeStore  *store,
                      gint64               account_id,
                      const char          *status,
                      guint                limit,
                      gint64               before_seq,
                      GError             **error)
{
  PortingIntakeStoreSqlite *self = PORTING_INTAKE_STORE_SQLITE (store);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_intake_row_free);
  g_autoptr(GString) sql = g_string_new ("SELECT " REQUEST_COLUMNS " FROM requests r WHERE 1");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;
  sqlite3 *db;
  int rc;

  /* Only the conditions that apply, so that the planner picks the index. */
  if (account_id >= 0)
    g_string_append (sql, " AND r.account_id = ?1");
  if (status != NULL)
    g_string_append (sql, " AND r.status = ?2");
  if (before_seq > 0)
    g_string_append (sql, " AND r.seq < ?3");
  g_string_append (sql, " ORDER BY r.seq DESC LIMIT ?4");

  db = reader_acquire (self);
  stmt = porting_sqlite_prepare (db, sql->str, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      porting_sqlite_bind_text (stmt, 2, status);
      sqlite3_bind_int64 (stmt, 3, before_seq);
      sqlite3_bind_int (stmt, 4, (int) limit);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (rows, row_from_stmt (stmt));
      ok = rc == SQLITE_DONE ? attach_details (db, rows, error) : porting_sqlite_set_error (db, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  reader_release (self, db);
  return ok ? g_steal_pointer (&rows) : NULL;
}

static PortingIntakeDocument *
sqlite_get_document (PortingIntakeStore  *store,
                     gint64               account_id,
                     const char          *id,
                     const char          *name,
                     GError             **error)
{
  PortingIntakeStoreSqlite *self = PORTING_INTAKE_STORE_SQLITE (store);
  g_autofree char *upper = g_ascii_strup (id, -1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PortingIntakeDocument *document = NULL;
  sqlite3 *db = reader_acquire (self);
  int rc;

  stmt = porting_sqlite_prepare (db, "SELECT d.name, d.part, d.sha256, d.content_type, d.size, d.filename "
                                     "FROM documents d JOIN requests r ON r.id = d.request_id "
                                     "WHERE (r.id = ?1 OR r.reference = ?2) AND d.name = ?3 AND (?4 < 0 OR r.account_id = ?4)", error);
  if (stmt != NULL)
    {
      porting_sqlite_bind_text (stmt, 1, id);
      porting_sqlite_bind_text (stmt, 2, upper);
      porting_sqlite_bind_text (stmt, 3, name);
      sqlite3_bind_int64 (stmt, 4, account_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          document = g_new0 (PortingIntakeDocument, 1);
          document->name = porting_sqlite_column_dup (stmt, 0);
          document->part = porting_sqlite_column_dup (stmt, 1);
          document->sha256 = porting_sqlite_column_dup (stmt, 2);
          document->content_type = porting_sqlite_column_dup (stmt, 3);
          document->size = sqlite3_column_int64 (stmt, 4);
          document->filename = porting_sqlite_column_dup (stmt, 5);
        }
      else if (rc == SQLITE_DONE)
        g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                     "There is no document %s for request %s.", name, id);
      else
        porting_sqlite_set_error (db, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  reader_release (self, db);
  return document;
}

/* Reviews and PINs */

static PortingIntakeRow *
sqlite_apply_change (PortingIntakeStore         *store,
                     const PortingIntakeChange  *change,
                     GError                    **error)
{
  PortingIntakeStoreSqlite *self = PORTING_INTAKE_STORE_SQLITE (store);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->writer_lock);
  g_autoptr(PortingIntakeRow) current = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = self->writer;
  PortingRequestStatus from = PORTING_REQUEST_STATUS_SUBMITTED;
  PortingRequestStatus path[2];
  guint n_steps;
  g_autofree char *id = NULL;

  if (!porting_sqlite_exec (db, "BEGIN IMMEDIATE;", error))
    return NULL;

  current = select_by_id_or_reference (db, change->id, -1, &local_error);
  if (current == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                     "There is no request %s.", change->id);
      goto failed;
    }
  id = g_strdup (current->id);
  porting_request_status_from_string (current->status, &from);
  if (!porting_intake_change_path (from, change->to, path, &n_steps, &local_error))
    goto failed;

  /* The status read above is the condition: the change applies to that one only. */
  update = porting_sqlite_prepare (db, "UPDATE requests SET status = ?1, updated_at = ?2, "
                                       "answer = COALESCE (?3, answer), document_check = COALESCE (?4, document_check), "
                                       "foc_date = COALESCE (?5, foc_date), "
                                       "pin_box = CASE WHEN ?6 THEN NULL ELSE pin_box END "
                                       "WHERE id = ?7 AND status = ?8", &local_error);
  if (update == NULL)
    goto failed;
  porting_sqlite_bind_text (update, 1, porting_request_status_to_string (change->to));
  porting_sqlite_bind_text (update, 2, change->now);
  porting_sqlite_bind_text (update, 3, change->answer);
  porting_sqlite_bind_text (update, 4, change->document_check);
  porting_sqlite_bind_text (update, 5, change->foc_date);
  sqlite3_bind_int (update, 6, !porting_review_status_is_open (change->to));
  porting_sqlite_bind_text (update, 7, id);
  porting_sqlite_bind_text (update, 8, current->status);
  if (sqlite3_step (update) != SQLITE_DONE)
    {
      porting_sqlite_set_error (db, &local_error);
      goto failed;
    }
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (&local_error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_CONFLICT,
                   "The request changed meanwhile; look at it again.");
      goto failed;
    }

  for (guint i = 0; i < n_steps; i++)
    {
      gboolean last = i + 1 == n_steps;

      if (!insert_history (db, id, porting_request_status_to_string (path[i]), last ? NULL : "review-started",
                           change->now, change->staff_name, last ? change->note : NULL, &local_error))
        goto failed;
    }
  if (!porting_sqlite_exec (db, "COMMIT;", &local_error))
    goto failed;

  return select_one (db, "r.id = ?1", id, NULL, -1, error);

failed:
  porting_sqlite_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static GBytes *
sqlite_read_pin (PortingIntakeStore  *store,
                 const char          *id,
                 const char          *staff_name,
                 const char          *now,
                 GError             **error)
{
  PortingIntakeStoreSqlite *self = PORTING_INTAKE_STORE_SQLITE (store);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->writer_lock);
  g_autofree char *upper = g_ascii_strup (id, -1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autofree char *request_id = NULL;
  g_autofree char *status = NULL;
  PortingRequestStatus current = PORTING_REQUEST_STATUS_SUBMITTED;
  sqlite3 *db = self->writer;

  if (!porting_sqlite_exec (db, "BEGIN IMMEDIATE;", error))
    return NULL;

  stmt = porting_sqlite_prepare (db, "SELECT id, status, body, pin_box FROM requests WHERE id = ?1 OR reference = ?2", &local_error);
  if (stmt == NULL)
    goto failed;
  porting_sqlite_bind_text (stmt, 1, id);
  porting_sqlite_bind_text (stmt, 2, upper);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (&local_error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                   "There is no request %s.", id);
      goto failed;
    }
  request_id = porting_sqlite_column_dup (stmt, 0);
  status = porting_sqlite_column_dup (stmt, 1);
  porting_request_status_from_string (status, &current);
  if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
    {
      if (!porting_review_status_is_open (current) &&
          porting_intake_body_is_wireless ((const char *) sqlite3_column_text (stmt, 2)))
        g_set_error (&local_error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_GONE,
                     "The wireless PIN was erased when the request became %s.", status);
      else
        g_set_error_literal (&local_error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                             "This request has no wireless PIN.");
      goto failed;
    }
  sealed = g_bytes_new (sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!insert_history (db, request_id, status, "wireless-pin-read", now, staff_name,
                       "The wireless PIN was shown to staff.", &local_error) ||
      !porting_sqlite_exec (db, "COMMIT;", &local_error))
    goto failed;
  return g_steal_pointer (&sealed);

failed:
  g_clear_pointer (&stmt, sqlite3_finalize);
  porting_sqlite_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* Leftovers */

static gboolean
sqlite_document_is_referenced (PortingIntakeStore  *store,
                               const char          *sha256,
                               gboolean            *referenced,
                               GError             **error)
{
  PortingIntakeStoreSqlite *self = PORTING_INTAKE_STORE_SQLITE (store);
  sqlite3 *db = reader_acquire (self);
  g_autoptr(sqlite3_stmt) stmt = porting_sqlite_prepare (db, "SELECT 1 FROM documents WHERE sha256 = ? LIMIT 1", error);
  gboolean ok = FALSE;
  int rc;

  if (stmt != NULL)
    {
      porting_sqlite_bind_text (stmt, 1, sha256);
      rc = sqlite3_step (stmt);
      *referenced = rc == SQLITE_ROW;
      ok = rc == SQLITE_ROW || rc == SQLITE_DONE || porting_sqlite_set_error (db, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  reader_release (self, db);
  return ok;
}

static gboolean
sqlite_forget_keys (PortingIntakeStore  *store,
                    const char          *cutoff,
                    GError             **error)
{
  PortingIntakeStoreSqlite *self = PORTING_INTAKE_STORE_SQLITE (store);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->writer_lock);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = porting_sqlite_prepare (self->writer, "UPDATE requests SET idempotency_key = NULL "
                                               "WHERE idempotency_key IS NOT NULL AND created_at < ?", error);
  if (stmt == NULL)
    return FALSE;
  porting_sqlite_bind_text (stmt, 1, cutoff);
  return sqlite3_step (stmt) == SQLITE_DONE || porting_sqlite_set_error (self->writer, error);
}

/* Life cycle */

static void
porting_intake_store_sqlite_finalize (GObject *object)
{
  PortingIntakeStoreSqlite *self = (PortingIntakeStoreSqlite *) object;
  sqlite3 *db;

  if (self->readers != NULL)
    {
      while ((db = g_async_queue_try_pop (self->readers)) != NULL)
        sqlite3_close (db);
      g_async_queue_unref (self->readers);
    }
  g_clear_pointer (&self->writer, sqlite3_close);
  g_mutex_clear (&self->writer_lock);

  G_OBJECT_CLASS (porting_intake_store_sqlite_parent_class)->finalize (object);
}

static void
porting_intake_store_sqlite_class_init (PortingIntakeStoreSqliteClass *klass)
{
  PortingIntakeStoreClass *store_class = PORTING_INTAKE_STORE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = porting_intake_store_sqlite_finalize;

  store_class->add_account = sqlite_add_account;
  store_class->revoke_accounts = sqlite_revoke_accounts;
  store_class->find_account = sqlite_find_account;
  store_class->insert_request = sqlite_insert_request;
  store_class->get_request = sqlite_get_request;
  store_class->list_requests = sqlite_list_requests;
  store_class->get_document = sqlite_get_document;
  store_class->apply_change = sqlite_apply_change;
  store_class->read_pin = sqlite_read_pin;
  store_class->document_is_referenced = sqlite_document_is_referenced;
  store_class->forget_keys = sqlite_forget_keys;
}

static void
porting_intake_store_sqlite_init (PortingIntakeStoreSqlite *self)
{
  g_mutex_init (&self->writer_lock);
  self->readers = g_async_queue_new ();
}

/* The first release spooled whole upload bodies under spool/, the request
 * part and its PIN with them: whatever a crash left there goes. */
static void
remove_old_spool (const char *data_dir)
{
  g_autofree char *spool = g_build_filename (data_dir, "spool", NULL);
  g_autoptr(GDir) dir = g_dir_open (spool, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (spool, name, NULL);
      g_unlink (path);
    }
  g_rmdir (spool);
}

PortingIntakeStore *
porting_intake_store_sqlite_open (const PortingIntakeStoreOptions  *options,
                                  GError                          **error)
{
  g_autoptr(PortingIntakeStoreSqlite) self = g_object_new (PORTING_TYPE_INTAKE_STORE_SQLITE, NULL);
  g_autofree char *db_path = g_build_filename (options->data_dir, "intake.sqlite3", NULL);
  g_autofree char *documents_dir = g_build_filename (options->data_dir, "documents", NULL);
  guint n_readers = options->n_connections > 0 ? options->n_connections : 4;

  if (g_mkdir_with_parents (options->data_dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot create %s", options->data_dir);
      return NULL;
    }

  self->writer = open_connection (db_path, error);
  if (self->writer == NULL || !porting_sqlite_migrate (self->writer, error))
    return NULL;

  for (guint i = 0; i < n_readers; i++)
    {
      sqlite3 *db = open_connection (db_path, error);

      if (db == NULL)
        return NULL;
      g_async_queue_push (self->readers, db);
    }
  self->n_readers = n_readers;

  porting_intake_store_set_documents_dir (PORTING_INTAKE_STORE (self), documents_dir, FALSE);
  remove_old_spool (options->data_dir);
  return PORTING_INTAKE_STORE (g_steal_pointer (&self));
}
