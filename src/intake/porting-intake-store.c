/* porting-intake-store.c — the intake service's SQLite database and documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-intake-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "porting-intake-store.h"

struct _PortingIntakeStore
{
  GObject  parent_instance;

  char    *data_dir;
  char    *documents_dir;
  sqlite3 *db;
};

G_DEFINE_TYPE (PortingIntakeStore, porting_intake_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (porting-intake-store-error-quark, porting_intake_store_error)

static const char schema[] =
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

void
porting_intake_account_free (PortingIntakeAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account);
}

void
porting_intake_document_free (PortingIntakeDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->name);
  g_free (document->part);
  g_free (document->sha256);
  g_free (document->content_type);
  g_free (document->filename);
  g_free (document);
}

static gboolean
set_db_error (PortingIntakeStore  *self,
              GError             **error)
{
  g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_FAILED,
               "Database error: %s", sqlite3_errmsg (self->db));
  return FALSE;
}

static sqlite3_stmt *
prepare (PortingIntakeStore  *self,
         const char          *sql,
         GError             **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (self, error);
      return NULL;
    }
  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static gboolean
exec (PortingIntakeStore  *self,
      const char          *sql,
      GError             **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_FAILED,
                   "Database error: %s", message ? message : "unknown");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static void
porting_intake_store_finalize (GObject *object)
{
  PortingIntakeStore *self = (PortingIntakeStore *) object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->documents_dir, g_free);

  G_OBJECT_CLASS (porting_intake_store_parent_class)->finalize (object);
}

static void
porting_intake_store_class_init (PortingIntakeStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = porting_intake_store_finalize;
}

static void
porting_intake_store_init (PortingIntakeStore *self)
{
}

PortingIntakeStore *
porting_intake_store_open (const char  *data_dir,
                           GError     **error)
{
  g_autoptr(PortingIntakeStore) self = g_object_new (PORTING_TYPE_INTAKE_STORE, NULL);
  g_autofree char *db_path = NULL;

  self->data_dir = g_strdup (data_dir);
  self->documents_dir = g_build_filename (data_dir, "documents", NULL);
  if (g_mkdir_with_parents (self->documents_dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create %s: %s", self->documents_dir, g_strerror (saved_errno));
      return NULL;
    }

  db_path = g_build_filename (data_dir, "intake.sqlite3", NULL);
  if (sqlite3_open_v2 (db_path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
    {
      set_db_error (self, error);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);

  /* WAL + synchronous=FULL: a commit that returned survives kill -9 and power loss. */
  if (!exec (self, "PRAGMA journal_mode = WAL;", error) ||
      !exec (self, "PRAGMA synchronous = FULL;", error) ||
      !exec (self, "PRAGMA foreign_keys = ON;", error) ||
      !exec (self, "BEGIN IMMEDIATE;", error))
    return NULL;
  if (!exec (self, schema, error))
    {
      exec (self, "ROLLBACK;", NULL);
      return NULL;
    }
  if (!exec (self, "COMMIT;", error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
porting_intake_store_get_data_dir (PortingIntakeStore *self)
{
  return self->data_dir;
}

static char *
now_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
sha256_hex (const void *data,
            gsize       size)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
}

char *
porting_intake_store_create_token (PortingIntakeStore  *self,
                                   gboolean             staff,
                                   const char          *name,
                                   GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *created_at = now_string ();
  g_autofree char *hash = NULL;
  GString *token = g_string_new ("pt_");
  guint8 random_bytes[32];
  int fd;

  /* Tokens are secrets: from the kernel's generator, not GRand. */
  fd = g_open ("/dev/urandom", O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || read (fd, random_bytes, sizeof random_bytes) != sizeof random_bytes)
    {
      if (fd >= 0)
        close (fd);
      g_string_free (token, TRUE);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot read /dev/urandom");
      return NULL;
    }
  close (fd);
  for (guint i = 0; i < sizeof random_bytes; i++)
    g_string_append_printf (token, "%02x", random_bytes[i]);
  memset (random_bytes, 0, sizeof random_bytes);

  hash = sha256_hex (token->str, token->len);
  stmt = prepare (self, "INSERT INTO accounts (token_sha256, role, name, created_at) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    {
      g_string_free (token, TRUE);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, staff ? "staff" : "customer", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, created_at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_string_free (token, TRUE);
      set_db_error (self, error);
      return NULL;
    }
  return g_string_free (token, FALSE);
}

PortingIntakeAccount *
porting_intake_store_authenticate (PortingIntakeStore *self,
                                   const char         *token)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hash = NULL;
  PortingIntakeAccount *account;

  if (token == NULL || *token == '\0')
    return NULL;

  hash = sha256_hex (token, strlen (token));
  stmt = prepare (self, "SELECT id, role, name FROM accounts WHERE token_sha256 = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  account = g_new0 (PortingIntakeAccount, 1);
  account->id = sqlite3_column_int64 (stmt, 0);
  account->staff = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "staff") == 0;
  account->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  return account;
}

static gboolean
fsync_directory (const char  *path,
                 GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot sync %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

char *
porting_intake_store_get_document_path (PortingIntakeStore *self,
                                        const char         *sha256)
{
  return g_build_filename (self->documents_dir, sha256, NULL);
}

char *
porting_intake_store_save_document (PortingIntakeStore  *self,
                                    const guint8        *data,
                                    gsize                size,
                                    GError             **error)
{
  g_autofree char *hash = sha256_hex (data, size);
  g_autofree char *path = porting_intake_store_get_document_path (self, hash);
  g_autofree char *tmp_path = NULL;
  gsize written = 0;
  int fd;

  /* Same content, same name: already durable from an earlier upload. */
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&hash);

  tmp_path = g_build_filename (self->documents_dir, ".upload-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    goto failed;

  while (written < size)
    {
      gssize n = write (fd, data + written, MIN (size - written, 1 << 20));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed;
      written += n;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_rename (tmp_path, path) != 0)
    goto failed;
  if (!fsync_directory (self->documents_dir, error))
    return NULL;

  return g_steal_pointer (&hash);

failed:
  {
    int saved_errno = errno;

    if (fd >= 0)
      close (fd);
    g_unlink (tmp_path);
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "Cannot store a document: %s", g_strerror (saved_errno));
    return NULL;
  }
}

static JsonNode *
parse_json_or_null (const char *text)
{
  if (text == NULL)
    return NULL;
  return json_from_string (text, NULL);
}

static PortingRequest *
load_request (PortingIntakeStore  *self,
              sqlite3_stmt        *row,
              GError             **error)
{
  /* columns: id, status, body, answer, foc_date, created_at, updated_at, document_check */
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(sqlite3_stmt) history_stmt = NULL;
  g_autoptr(sqlite3_stmt) documents_stmt = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) check = NULL;
  g_autoptr(JsonArray) history = json_array_new ();
  g_autoptr(JsonArray) documents = json_array_new ();
  const char *id = (const char *) sqlite3_column_text (row, 0);
  PortingRequestStatus status = PORTING_REQUEST_STATUS_SUBMITTED;

  request = porting_request_new_from_json ((const char *) sqlite3_column_text (row, 2), -1, NULL, error);
  if (request == NULL)
    return NULL;

  porting_request_set_id (request, id);
  porting_request_status_from_string ((const char *) sqlite3_column_text (row, 1), &status);
  porting_request_set_status (request, status);
  porting_request_set_dates (request,
                             (const char *) sqlite3_column_text (row, 5),
                             (const char *) sqlite3_column_text (row, 6));
  porting_request_set_foc_date (request, (const char *) sqlite3_column_text (row, 4));

  answer = parse_json_or_null ((const char *) sqlite3_column_text (row, 3));
  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    porting_request_set_answer (request, json_node_get_object (answer));

  check = parse_json_or_null ((const char *) sqlite3_column_text (row, 7));
  if (check != NULL && JSON_NODE_HOLDS_OBJECT (check))
    json_object_set_object_member (porting_request_get_fields (request), "staff_document_check",
                                   json_object_ref (json_node_get_object (check)));

  history_stmt = prepare (self, "SELECT status, at, by, note FROM history WHERE request_id = ? ORDER BY id", error);
  if (history_stmt == NULL)
    return NULL;
  sqlite3_bind_text (history_stmt, 1, id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (history_stmt) == SQLITE_ROW)
    {
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "status", (const char *) sqlite3_column_text (history_stmt, 0));
      json_object_set_string_member (entry, "at", (const char *) sqlite3_column_text (history_stmt, 1));
      if (sqlite3_column_type (history_stmt, 2) != SQLITE_NULL)
        json_object_set_string_member (entry, "by", (const char *) sqlite3_column_text (history_stmt, 2));
      if (sqlite3_column_type (history_stmt, 3) != SQLITE_NULL)
        json_object_set_string_member (entry, "note", (const char *) sqlite3_column_text (history_stmt, 3));
      json_array_add_object_element (history, entry);
    }
  porting_request_set_history (request, history);

  documents_stmt = prepare (self, "SELECT name, part, content_type, size, sha256, filename FROM documents "
                                  "WHERE request_id = ? ORDER BY rowid", error);
  if (documents_stmt == NULL)
    return NULL;
  sqlite3_bind_text (documents_stmt, 1, id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (documents_stmt) == SQLITE_ROW)
    {
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "name", (const char *) sqlite3_column_text (documents_stmt, 0));
      json_object_set_string_member (entry, "part", (const char *) sqlite3_column_text (documents_stmt, 1));
      json_object_set_string_member (entry, "content_type", (const char *) sqlite3_column_text (documents_stmt, 2));
      json_object_set_int_member (entry, "size", sqlite3_column_int64 (documents_stmt, 3));
      json_object_set_string_member (entry, "sha256", (const char *) sqlite3_column_text (documents_stmt, 4));
      if (sqlite3_column_type (documents_stmt, 5) != SQLITE_NULL)
        json_object_set_string_member (entry, "filename", (const char *) sqlite3_column_text (documents_stmt, 5));
      json_array_add_object_element (documents, entry);
    }
  porting_request_set_documents (request, documents);

  return g_steal_pointer (&request);
}

#define REQUEST_COLUMNS "id, status, body, answer, foc_date, created_at, updated_at, document_check"

static PortingRequest *
get_request_by_id (PortingIntakeStore  *self,
                   gint64               account_id,
                   const char          *id,
                   GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* account_id < 0: staff, any request. */
  stmt = prepare (self, "SELECT " REQUEST_COLUMNS " FROM requests WHERE id = ? AND (? < 0 OR account_id = ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, account_id);
  sqlite3_bind_int64 (stmt, 3, account_id);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return load_request (self, stmt, error);
    case SQLITE_DONE:
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                   "There is no request %s.", id);
      return NULL;
    default:
      set_db_error (self, error);
      return NULL;
    }
}

PortingRequest *
porting_intake_store_find_by_key (PortingIntakeStore    *self,
                                  PortingIntakeAccount  *account,
                                  const char            *idempotency_key,
                                  GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self, "SELECT " REQUEST_COLUMNS " FROM requests WHERE account_id = ? AND idempotency_key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account->id);
  sqlite3_bind_text (stmt, 2, idempotency_key, -1, SQLITE_TRANSIENT);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return load_request (self, stmt, error);
    case SQLITE_DONE:
      return NULL;
    default:
      set_db_error (self, error);
      return NULL;
    }
}

static gboolean
add_history (PortingIntakeStore  *self,
             const char          *id,
             const char          *status,
             const char          *at,
             const char          *by,
             const char          *note,
             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self, "INSERT INTO history (request_id, status, at, by, note) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, by, -1, SQLITE_TRANSIENT);
  if (note != NULL)
    sqlite3_bind_text (stmt, 5, note, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);
  return sqlite3_step (stmt) == SQLITE_DONE || set_db_error (self, error);
}

PortingRequest *
porting_intake_store_create_request (PortingIntakeStore    *self,
                                     PortingIntakeAccount  *account,
                                     const char            *idempotency_key,
                                     PortingRequest        *request,
                                     GPtrArray             *documents,
                                     GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = now_string ();
  /* PORTING_REQUEST_JSON_DEFAULT: the PIN is never stored. */
  g_autofree char *body = porting_request_to_json (request, PORTING_REQUEST_JSON_DEFAULT);

  if (!exec (self, "BEGIN IMMEDIATE;", error))
    return NULL;

  stmt = prepare (self, "INSERT INTO requests (id, account_id, idempotency_key, kind, status, body, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, 'submitted', ?, ?, ?)", error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, account->id);
  if (idempotency_key != NULL)
    sqlite3_bind_text (stmt, 3, idempotency_key, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, porting_request_kind_to_string (porting_request_get_kind (request)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_db_error (self, error);
      goto rollback;
    }

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      PortingIntakeDocument *document = g_ptr_array_index (documents, i);
      g_autoptr(sqlite3_stmt) doc_stmt = NULL;

      doc_stmt = prepare (self, "INSERT INTO documents (request_id, name, part, sha256, content_type, size, filename) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (doc_stmt == NULL)
        goto rollback;
      sqlite3_bind_text (doc_stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (doc_stmt, 2, document->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (doc_stmt, 3, document->part, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (doc_stmt, 4, document->sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (doc_stmt, 5, document->content_type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (doc_stmt, 6, document->size);
      sqlite3_bind_text (doc_stmt, 7, document->filename, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (doc_stmt) != SQLITE_DONE)
        {
          set_db_error (self, error);
          goto rollback;
        }
    }

  if (!add_history (self, id, "submitted", now, account->name, NULL, error))
    goto rollback;

  if (!exec (self, "COMMIT;", error))
    goto rollback;

  return get_request_by_id (self, -1, id, error);

rollback:
  exec (self, "ROLLBACK;", NULL);
  return NULL;
}

PortingRequest *
porting_intake_store_get_request (PortingIntakeStore    *self,
                                  PortingIntakeAccount  *account,
                                  const char            *id,
                                  GError               **error)
{
  return get_request_by_id (self, account->staff ? -1 : account->id, id, error);
}

GPtrArray *
porting_intake_store_list_requests (PortingIntakeStore    *self,
                                    PortingIntakeAccount  *account,
                                    const char            *status,
                                    GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 account_id = account->staff ? -1 : account->id;
  int rc;

  stmt = prepare (self, "SELECT " REQUEST_COLUMNS " FROM requests "
                        "WHERE (? < 0 OR account_id = ?) AND (? IS NULL OR status = ?) "
                        "ORDER BY created_at, rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  if (status != NULL)
    {
      sqlite3_bind_text (stmt, 3, status, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, status, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_null (stmt, 3);
      sqlite3_bind_null (stmt, 4);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PortingRequest *request = load_request (self, stmt, error);

      if (request == NULL)
        return NULL;
      g_ptr_array_add (requests, request);
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&requests);
}

PortingIntakeDocument *
porting_intake_store_get_document (PortingIntakeStore    *self,
                                   PortingIntakeAccount  *account,
                                   const char            *id,
                                   const char            *name,
                                   GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PortingIntakeDocument *document;
  gint64 account_id = account->staff ? -1 : account->id;

  stmt = prepare (self, "SELECT d.name, d.part, d.sha256, d.content_type, d.size, d.filename "
                        "FROM documents d JOIN requests r ON r.id = d.request_id "
                        "WHERE d.request_id = ? AND d.name = ? AND (? < 0 OR r.account_id = ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, account_id);
  sqlite3_bind_int64 (stmt, 4, account_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                   "There is no document %s for request %s.", name, id);
      return NULL;
    }

  document = g_new0 (PortingIntakeDocument, 1);
  document->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  document->part = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  document->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  document->content_type = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  document->size = sqlite3_column_int64 (stmt, 4);
  document->filename = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  return document;
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;

  if (object == NULL)
    return NULL;
  node = json_node_init_object (json_node_alloc (), object);
  return json_to_string (node, FALSE);
}

PortingRequest *
porting_intake_store_review (PortingIntakeStore    *self,
                             PortingIntakeAccount  *account,
                             const char            *id,
                             PortingRequestStatus   status,
                             const char            *note,
                             const char            *foc_date,
                             JsonObject            *document_check,
                             JsonObject            *answer,
                             GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = now_string ();
  g_autofree char *answer_text = object_to_string (answer);
  g_autofree char *check_text = object_to_string (document_check);
  const char *status_text = porting_request_status_to_string (status);

  if (!exec (self, "BEGIN IMMEDIATE;", error))
    return NULL;

  /* Members not given keep their earlier values. */
  stmt = prepare (self, "UPDATE requests SET status = ?, updated_at = ?, "
                        "answer = COALESCE (?, answer), document_check = COALESCE (?, document_check), "
                        "foc_date = COALESCE (?, foc_date) WHERE id = ?", error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_text (stmt, 1, status_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (answer_text) sqlite3_bind_text (stmt, 3, answer_text, -1, SQLITE_TRANSIENT); else sqlite3_bind_null (stmt, 3);
  if (check_text) sqlite3_bind_text (stmt, 4, check_text, -1, SQLITE_TRANSIENT); else sqlite3_bind_null (stmt, 4);
  if (foc_date) sqlite3_bind_text (stmt, 5, foc_date, -1, SQLITE_TRANSIENT); else sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_db_error (self, error);
      goto rollback;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                   "There is no request %s.", id);
      goto rollback;
    }

  if (!add_history (self, id, status_text, now, account->name, note, error))
    goto rollback;
  if (!exec (self, "COMMIT;", error))
    goto rollback;

  return get_request_by_id (self, -1, id, error);

rollback:
  exec (self, "ROLLBACK;", NULL);
  return NULL;
}
