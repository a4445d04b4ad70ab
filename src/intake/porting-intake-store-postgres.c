/* porting-intake-store-postgres.c — the intake store in PostgreSQL, for several hosts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every instance behind the load balancer talks to the same database. What
 * must hold across instances is the database's to enforce: one request per
 * (account, idempotency key) and unique references through UNIQUE
 * constraints (INSERT … ON CONFLICT DO NOTHING), review transitions through
 * a conditional UPDATE … WHERE status = <the status read>.
 */
#define G_LOG_DOMAIN "porting-intake-store"

#include "config.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "porting-intake-store-private.h"

/* pg_advisory_xact_lock key: instances starting together migrate one at a time. */
#define MIGRATION_LOCK 7400142

struct _PortingIntakeStorePostgres
{
  PortingIntakeStore  parent_instance;

  GAsyncQueue        *connections;
};

#define PORTING_TYPE_INTAKE_STORE_POSTGRES (porting_intake_store_postgres_get_type ())
G_DECLARE_FINAL_TYPE (PortingIntakeStorePostgres, porting_intake_store_postgres, PORTING, INTAKE_STORE_POSTGRES, PortingIntakeStore)
G_DEFINE_FINAL_TYPE (PortingIntakeStorePostgres, porting_intake_store_postgres, PORTING_TYPE_INTAKE_STORE)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

static const char * const migrations[] = {
  /* 1 */
  "CREATE TABLE accounts ("
  "  id BIGSERIAL PRIMARY KEY,"
  "  token_sha256 TEXT NOT NULL UNIQUE,"
  "  role TEXT NOT NULL CHECK (role IN ('customer', 'staff')),"
  "  name TEXT NOT NULL,"
  "  created_at TIMESTAMPTZ NOT NULL,"
  "  expires_at TIMESTAMPTZ,"
  "  revoked_at TIMESTAMPTZ);"
  "CREATE INDEX accounts_by_name ON accounts (name);"
  "CREATE TABLE requests ("
  "  seq BIGSERIAL NOT NULL UNIQUE,"
  "  id TEXT PRIMARY KEY,"
  "  reference TEXT NOT NULL CONSTRAINT requests_reference_unique UNIQUE,"
  "  account_id BIGINT NOT NULL REFERENCES accounts (id),"
  "  idempotency_key TEXT,"
  "  fingerprint TEXT,"
  "  kind TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  answer TEXT,"
  "  document_check TEXT,"
  "  foc_date TEXT,"
  "  pin_box BYTEA,"
  "  created_at TIMESTAMPTZ NOT NULL,"
  "  updated_at TIMESTAMPTZ NOT NULL,"
  "  CONSTRAINT requests_idempotency_unique UNIQUE (account_id, idempotency_key));"
  "CREATE INDEX requests_by_account ON requests (account_id, seq);"
  "CREATE INDEX requests_by_status ON requests (status, seq);"
  "CREATE TABLE history ("
  "  id BIGSERIAL PRIMARY KEY,"
  "  request_id TEXT NOT NULL REFERENCES requests (id),"
  "  status TEXT NOT NULL,"
  "  event TEXT,"
  "  at TIMESTAMPTZ NOT NULL,"
  "  \"by\" TEXT,"
  "  note TEXT);"
  "CREATE INDEX history_by_request ON history (request_id, id);"
  "CREATE TABLE documents ("
  "  request_id TEXT NOT NULL REFERENCES requests (id),"
  "  ordinal INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  part TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  content_type TEXT NOT NULL,"
  "  size BIGINT NOT NULL,"
  "  filename TEXT,"
  "  PRIMARY KEY (request_id, name));"
  "CREATE INDEX documents_by_sha256 ON documents (sha256);",
};

#define TS(column) "to_char (" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

#define REQUEST_COLUMNS \
  "r.id, r.reference, r.status, r.body, r.answer, r.document_check, r.foc_date, " \
  TS ("r.created_at") ", " TS ("r.updated_at") ", r.fingerprint, r.seq, r.pin_box IS NOT NULL"

/* Connections and errors */

static void
set_up_connection (PGconn *conn)
{
  PGresult *result;

  PQsetClientEncoding (conn, "UTF8");
  /* A statement stuck behind a lock must not hold a request for ever. */
  result = PQexec (conn, "SET statement_timeout = '30s'");
  PQclear (result);
}

static PGconn *
connection_acquire (PortingIntakeStorePostgres *self)
{
  PGconn *conn = g_async_queue_pop (self->connections);

  /* The server restarted, or the network broke: connect again. */
  if (PQstatus (conn) != CONNECTION_OK)
    {
      PQreset (conn);
      if (PQstatus (conn) == CONNECTION_OK)
        set_up_connection (conn);
    }
  return conn;
}

static void
connection_release (PortingIntakeStorePostgres *self,
                    PGconn                     *conn)
{
  /* A transaction left open by a failed call is not the next caller's. */
  if (PQstatus (conn) == CONNECTION_OK && PQtransactionStatus (conn) != PQTRANS_IDLE)
    {
      PGresult *result = PQexec (conn, "ROLLBACK");
      PQclear (result);
    }
  g_async_queue_push (self->connections, conn);
}

static const char *
sqlstate (const PGresult *result)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  return state ? state : "";
}

static void
set_result_error (PGconn         *conn,
                  const PGresult *result,
                  GError        **error)
{
  const char *state = sqlstate (result);
  const char *message = result ? PQresultErrorMessage (result) : PQerrorMessage (conn);

  /* 53100 disk_full, 53200 out_of_memory… class 53: insufficient resources. */
  g_set_error (error, PORTING_INTAKE_STORE_ERROR,
               g_str_has_prefix (state, "53") ? PORTING_INTAKE_STORE_ERROR_NO_SPACE : PORTING_INTAKE_STORE_ERROR_FAILED,
               "Database error: %s", message && *message ? g_strchomp ((char *) message) : "the connection was lost");
}

/* Text parameters and results; NULL values are SQL NULL. */
static PGresult *
query (PGconn              *conn,
       const char          *sql,
       int                  n_params,
       const char * const  *params,
       GError             **error)
{
  /* Without parameters, the simple protocol: a migration is several statements. */
  PGresult *result = n_params == 0 ? PQexec (conn, sql) : PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      set_result_error (conn, result, error);
      PQclear (result);
      return NULL;
    }
  return result;
}

static gboolean
command (PGconn              *conn,
         const char          *sql,
         int                  n_params,
         const char * const  *params,
         GError             **error)
{
  g_autoptr(PGresult) result = query (conn, sql, n_params, params, error);

  return result != NULL;
}

static char *
value_dup (const PGresult *result,
           int             row,
           int             column)
{
  if (PQgetisnull (result, row, column))
    return NULL;
  return g_strdup (PQgetvalue (result, row, column));
}

/* Migrations */

static gboolean
migrate (PGconn  *conn,
         GError **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autofree char *lock = g_strdup_printf ("SELECT pg_advisory_xact_lock (%d)", MIGRATION_LOCK);
  int version;

  if (!command (conn, "BEGIN", 0, NULL, error))
    return FALSE;
  if (!command (conn, lock, 0, NULL, error) ||
      !command (conn, "CREATE TABLE IF NOT EXISTS schema_migrations ("
                      "  version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now ())",
                0, NULL, error))
    goto failed;

  result = query (conn, "SELECT COALESCE (MAX (version), 0) FROM schema_migrations", 0, NULL, error);
  if (result == NULL)
    goto failed;
  version = atoi (PQgetvalue (result, 0, 0));
  if (version > (int) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_FAILED,
                   "The database was made by a newer porting-intake (schema %d; this one knows %u).",
                   version, (guint) G_N_ELEMENTS (migrations));
      goto failed;
    }

  for (guint i = version; i < G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *params[] = { number };

      if (!command (conn, migrations[i], 0, NULL, error) ||
          !command (conn, "INSERT INTO schema_migrations (version) VALUES ($1)", 1, params, error))
        goto failed;
    }
  return command (conn, "COMMIT", 0, NULL, error);

failed:
  command (conn, "ROLLBACK", 0, NULL, NULL);
  return FALSE;
}

/* Rows */

static PortingIntakeRow *
row_from_result (const PGresult *result,
                 int             i)
{
  PortingIntakeRow *row = g_new0 (PortingIntakeRow, 1);

  row->id = value_dup (result, i, 0);
  row->reference = value_dup (result, i, 1);
  row->status = value_dup (result, i, 2);
  row->body = value_dup (result, i, 3);
  row->answer = value_dup (result, i, 4);
  row->document_check = value_dup (result, i, 5);
  row->foc_date = value_dup (result, i, 6);
  row->created_at = value_dup (result, i, 7);
  row->updated_at = value_dup (result, i, 8);
  row->fingerprint = value_dup (result, i, 9);
  row->seq = g_ascii_strtoll (PQgetvalue (result, i, 10), NULL, 10);
  row->wireless_pin_on_file = g_str_equal (PQgetvalue (result, i, 11), "t");
  row->history = json_array_new ();
  row->documents = json_array_new ();
  return row;
}

static void
set_optional (JsonObject     *object,
              const char     *member,
              const PGresult *result,
              int             row,
              int             column)
{
  if (!PQgetisnull (result, row, column))
    json_object_set_string_member (object, member, PQgetvalue (result, row, column));
}

/* The history and documents of every row, in two queries, not two per row. */
static gboolean
attach_details (PGconn     *conn,
                GPtrArray  *rows,
                GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) ids = g_string_new ("{");
  g_autoptr(PGresult) history = NULL;
  g_autoptr(PGresult) documents = NULL;
  const char *params[1];

  if (rows->len == 0)
    return TRUE;
  for (guint i = 0; i < rows->len; i++)
    {
      PortingIntakeRow *row = g_ptr_array_index (rows, i);

      g_hash_table_insert (by_id, row->id, row);
      /* Ids are UUIDs made by the service: nothing to quote. */
      g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", row->id);
    }
  g_string_append_c (ids, '}');
  params[0] = ids->str;

  history = query (conn, "SELECT request_id, status, " TS ("at") ", \"by\", note, event FROM history "
                         "WHERE request_id = ANY ($1::text[]) ORDER BY request_id, id", 1, params, error);
  if (history == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (history); i++)
    {
      PortingIntakeRow *row = g_hash_table_lookup (by_id, PQgetvalue (history, i, 0));
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "status", PQgetvalue (history, i, 1));
      json_object_set_string_member (entry, "at", PQgetvalue (history, i, 2));
      set_optional (entry, "by", history, i, 3);
      set_optional (entry, "note", history, i, 4);
      set_optional (entry, "event", history, i, 5);
      json_array_add_object_element (row->history, entry);
    }

  documents = query (conn, "SELECT request_id, name, part, content_type, size, sha256, filename FROM documents "
                           "WHERE request_id = ANY ($1::text[]) ORDER BY request_id, ordinal", 1, params, error);
  if (documents == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (documents); i++)
    {
      PortingIntakeRow *row = g_hash_table_lookup (by_id, PQgetvalue (documents, i, 0));
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "name", PQgetvalue (documents, i, 1));
      json_object_set_string_member (entry, "part", PQgetvalue (documents, i, 2));
      json_object_set_string_member (entry, "content_type", PQgetvalue (documents, i, 3));
      json_object_set_int_member (entry, "size", g_ascii_strtoll (PQgetvalue (documents, i, 4), NULL, 10));
      json_object_set_string_member (entry, "sha256", PQgetvalue (documents, i, 5));
      set_optional (entry, "filename", documents, i, 6);
      json_array_add_object_element (row->documents, entry);
    }
  return TRUE;
}

/* NULL without an error when there is no such request. */
static PortingIntakeRow *
select_one (PGconn              *conn,
            const char          *where,
            int                  n_params,
            const char * const  *params,
            GError             **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " REQUEST_COLUMNS " FROM requests r WHERE ", where, NULL);
  g_autoptr(PGresult) result = query (conn, sql, n_params, params, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_intake_row_free);

  if (result == NULL || PQntuples (result) == 0)
    return NULL;
  g_ptr_array_add (rows, row_from_result (result, 0));
  if (!attach_details (conn, rows, error))
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

static PortingIntakeRow *
select_by_id_or_reference (PGconn      *conn,
                           const char  *id,
                           gint64       account_id,
                           const char  *suffix,
                           GError     **error)
{
  g_autofree char *upper = g_ascii_strup (id, -1);
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  g_autofree char *where = g_strconcat ("(r.id = $1 OR r.reference = $2) AND ($3::bigint < 0 OR r.account_id = $3::bigint)",
                                        suffix, NULL);
  const char *params[] = { id, upper, account };

  return select_one (conn, where, 3, params, error);
}

/* Accounts */

static gboolean
postgres_add_account (PortingIntakeStore  *store,
                      const char          *token_sha256,
                      gboolean             staff,
                      const char          *name,
                      const char          *created_at,
                      const char          *expires_at,
                      GError             **error)
{
  PortingIntakeStorePostgres *self = PORTING_INTAKE_STORE_POSTGRES (store);
  PGconn *conn = connection_acquire (self);
  const char *params[] = { token_sha256, staff ? "staff" : "customer", name, created_at, expires_at };
  gboolean ok;

  ok = command (conn, "INSERT INTO accounts (token_sha256, role, name, created_at, expires_at) "
                      "VALUES ($1, $2, $3, $4, $5)", 5, params, error);
  connection_release (self, conn);
  return ok;
}

static gboolean
postgres_revoke_accounts (PortingIntakeStore  *store,
                          const char          *name,
                          const char          *now,
                          guint               *n_revoked,
                          GError             **error)
{
  PortingIntakeStorePostgres *self = PORTING_INTAKE_STORE_POSTGRES (store);
  PGconn *conn = connection_acquire (self);
  const char *params[] = { now, name };
  g_autoptr(PGresult) result = NULL;

  result = query (conn, "UPDATE accounts SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL", 2, params, error);
  if (result != NULL)
    *n_revoked = (guint) g_ascii_strtoull (PQcmdTuples (result), NULL, 10);
  connection_release (self, conn);
  return result != NULL;
}

static PortingIntakeAccount *
postgres_find_account (PortingIntakeStore  *store,
                       const char          *token_sha256,
                       const char          *now,
                       GError             **error)
{
  PortingIntakeStorePostgres *self = PORTING_INTAKE_STORE_POSTGRES (store);
  PGconn *conn = connection_acquire (self);
  const char *params[] = { token_sha256, now };
  g_autoptr(PGresult) result = NULL;
  PortingIntakeAccount *account = NULL;

  result = query (conn, "SELECT id, role, name, " TS ("expires_at") " FROM accounts WHERE token_sha256 = $1 "
                        "AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)", 2, params, error);
  if (result != NULL && PQntuples (result) > 0)
    {
      account = g_new0 (PortingIntakeAccount, 1);
      account->id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      account->staff = g_str_equal (PQgetvalue (result, 0, 1), "staff");
      account->name = value_dup (result, 0, 2);
      account->expires_at = value_dup (result, 0, 3);
    }
  connection_release (self, conn);
  return account;
}

/* Requests */

static gboolean
insert_history (PGconn      *conn,
                const char  *id,
                const char  *status,
                const char  *event,
                const char  *at,
                const char  *by,
                const char  *note,
                GError     **error)
{
  const char *params[] = { id, status, event, at, by, note };

  return command (conn, "INSERT INTO history (request_id, status, event, at, \"by\", note) "
                        "VALUES ($1, $2, $3, $4, $5, $6)", 6, params, error);
}

static gboolean
insert_documents (PGconn      *conn,
                  const char  *id,
                  GPtrArray   *documents,
                  GError     **error)
{
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      PortingIntakeDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *ordinal = g_strdup_printf ("%u", i);
      g_autofree char *size = g_strdup_printf ("%" G_GOFFSET_FORMAT, document->size);
      const char *params[] = { id, ordinal, document->name, document->part, document->sha256,
                               document->content_type, size, document->filename };

      if (!command (conn, "INSERT INTO documents (request_id, ordinal, name, part, sha256, content_type, size, filename) "
                          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", 8, params, error))
        return FALSE;
    }
  return TRUE;
}

typedef enum { INSERTED, KEY_TAKEN, REFERENCE_TAKEN, INSERT_FAILED } InsertOutcome;

static InsertOutcome
try_insert (PGconn                         *conn,
            const PortingIntakeNewRequest  *request,
            const char                     *reference,
            GError                        **error)
{
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, request->account_id);
  g_autofree char *pin_box = NULL;
  g_autoptr(PGresult) result = NULL;
  const char *params[10];
  ExecStatusType status;

  if (request->pin_box != NULL)
    pin_box = g_base64_encode (g_bytes_get_data (request->pin_box, NULL), g_bytes_get_size (request->pin_box));
  params[0] = request->id;
  params[1] = reference;
  params[2] = account;
  params[3] = request->idempotency_key;
  params[4] = request->fingerprint;
  params[5] = request->kind;
  params[6] = request->body;
  params[7] = pin_box;
  params[8] = request->now;

  /* Two instances given the same key at once: the constraint lets one in,
   * the other waits for it to commit and then sees no row returned. */
  result = PQexecParams (conn,
                         "INSERT INTO requests (id, reference, account_id, idempotency_key, fingerprint, kind, status, "
                         "body, pin_box, created_at, updated_at) "
                         "VALUES ($1, $2, $3, $4, $5, $6, 'submitted', $7, decode ($8, 'base64'), $9, $9) "
                         "ON CONFLICT ON CONSTRAINT requests_idempotency_unique DO NOTHING RETURNING seq",
                         9, NULL, params, NULL, NULL, 0);
  status = PQresultStatus (result);
  if (status == PGRES_TUPLES_OK)
    return PQntuples (result) > 0 ? INSERTED : KEY_TAKEN;
  if (g_str_equal (sqlstate (result), "23505") &&
      g_strcmp0 (PQresultErrorField (result, PG_DIAG_CONSTRAINT_NAME), "requests_reference_unique") == 0)
    return REFERENCE_TAKEN;
  set_result_error (conn, result, error);
  return INSERT_FAILED;
}

static PortingIntakeRow *
insert_locked (PGconn                         *conn,
               const PortingIntakeNewRequest  *request,
               gboolean                       *created,
               GError                        **error)
{
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, request->account_id);

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *reference = porting_intake_new_reference ();
      g_autoptr(PortingIntakeRow) existing = NULL;
      InsertOutcome outcome;

      if (!command (conn, "BEGIN", 0, NULL, error))
        return NULL;
      outcome = try_insert (conn, request, reference, error);

      if (outcome == INSERTED)
        {
          const char *params[] = { request->id };

          if (!insert_documents (conn, request->id, request->documents, error) ||
              !insert_history (conn, request->id, "submitted", NULL, request->now, request->account_name, NULL, error) ||
              !command (conn, "COMMIT", 0, NULL, error))
            return NULL;
          *created = TRUE;
          return select_one (conn, "r.id = $1", 1, params, error);
        }
      command (conn, "ROLLBACK", 0, NULL, NULL);
      if (outcome == REFERENCE_TAKEN)
        continue;
      if (outcome == INSERT_FAILED)
        return NULL;

      /* KEY_TAKEN: the request made with this key before, unless it expired. */
      {
        const char *params[] = { request->idempotency_key, account };

        existing = select_one (conn, "r.idempotency_key = $1 AND r.account_id = $2", 2, params, error);
      }
      if (existing == NULL)
        {
          if (error != NULL && *error == NULL)
            continue; /* gone between the two statements: try again */
          return NULL;
        }
      if (g_strcmp0 (existing->created_at, request->key_cutoff) < 0)
        {
          const char *params[] = { existing->id, request->idempotency_key };

          if (!command (conn, "UPDATE requests SET idempotency_key = NULL WHERE id = $1 AND idempotency_key = $2",
                        2, params, error))
            return NULL;
          continue;
        }
      *created = FALSE;
      return g_steal_pointer (&existing);
    }

  if (error != NULL && *error == NULL)
    g_set_error_literal (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_FAILED,
                         "No free reference was found for the request.");
  return NULL;
}

static PortingIntakeRow *
postgres_insert_request (PortingIntakeStore             *store,
                         const PortingIntakeNewRequest  *request,
                         gboolean                       *created,
                         GError                        **error)
{
  PortingIntakeStorePostgres *self = PORTING_INTAKE_STORE_POSTGRES (store);
  PGconn *conn = connection_acquire (self);
  g_autoptr(GError) local_error = NULL;
  PortingIntakeRow *row;

  row = insert_locked (conn, request, created, &local_error);
  connection_release (self, conn);
  if (row == NULL && local_error == NULL)
    g_set_error_literal (&local_error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_FAILED,
                         "The request could not be stored.");
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return row;
}

static PortingIntakeRow *
postgres_get_request (PortingIntakeStore  *store,
                      gint64               account_id,
                      const char          *id,
                      GError             **error)
{
  PortingIntakeStorePostgres *self = PORTING_INTAKE_STORE_POSTGRES (store);
  PGconn *conn = connection_acquire (self);
  g_autoptr(GError) local_error = NULL;
  PortingIntakeRow *row;

  row = select_by_id_or_reference (conn, id, account_id, "", &local_error);
  connection_release (self, conn);
  if (row == NULL && local_error == NULL)
    g_set_error (&local_error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                 "There is no request %s.", id);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return row;
}

static GPtrArray *
postgres_list_requests (PortingIntakeStore  *store,
                        gint64               account_id,
                        const char          *status,
                        guint                limit,
                        gint64               before_seq,
                        GError             **error)
{
  PortingIntakeStorePostgres *self = PORTING_INTAKE_STORE_POSTGRES (store);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_intake_row_free);
  g_autoptr(GString) sql = g_string_new ("SELECT " REQUEST_COLUMNS " FROM requests r WHERE true");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PGresult) result = NULL;
  gboolean ok = FALSE;
  PGconn *conn;

  /* Only the conditions that apply, so that the planner picks the index. */
  if (account_id >= 0)
    {
      g_ptr_array_add (params, g_strdup_printf ("%" G_GINT64_FORMAT, account_id));
      g_string_append_printf (sql, " AND r.account_id = $%u", params->len);
    }
  if (status != NULL)
    {
      g_ptr_array_add (params, g_strdup (status));
      g_string_append_printf (sql, " AND r.status = $%u", params->len);
    }
  if (before_seq > 0)
    {
      g_ptr_array_add (params, g_strdup_printf ("%" G_GINT64_FORMAT, before_seq));
      g_string_append_printf (sql, " AND r.seq < $%u", params->len);
    }
  g_ptr_array_add (params, g_strdup_printf ("%u", limit));
  g_string_append_printf (sql, " ORDER BY r.seq DESC LIMIT $%u", params->len);

  conn = connection_acquire (self);
  result = query (conn, sql->str, (int) params->len, (const char * const *) params->pdata, error);
  if (result != NULL)
    {
      for (int i = 0; i < PQntuples (result); i++)
        g_ptr_array_add (rows, row_from_result (result, i));
      ok = attach_details (conn, rows, error);
    }
  connection_release (self, conn);
  return ok ? g_steal_pointer (&rows) : NULL;
}

static PortingIntakeDocument *
postgres_get_document (PortingIntakeStore  *store,
                       gint64               account_id,
                       const char          *id,
                       const char          *name,
                       GError             **error)
{
  PortingIntakeStorePostgres *self = PORTING_INTAKE_STORE_POSTGRES (store);
  g_autofree char *upper = g_ascii_strup (id, -1);
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  const char *params[] = { id, upper, name, account };
  g_autoptr(PGresult) result = NULL;
  PortingIntakeDocument *document = NULL;
  PGconn *conn = connection_acquire (self);

  result = query (conn, "SELECT d.name, d.part, d.sha256, d.content_type, d.size, d.filename "
                        "FROM documents d JOIN requests r ON r.id = d.request_id "
                        "WHERE (r.id = $1 OR r.reference = $2) AND d.name = $3 "
                        "AND ($4::bigint < 0 OR r.account_id = $4::bigint)", 4, params, error);
  if (result != NULL && PQntuples (result) > 0)
    {
      document = g_new0 (PortingIntakeDocument, 1);
      document->name = value_dup (result, 0, 0);
      document->part = value_dup (result, 0, 1);
      document->sha256 = value_dup (result, 0, 2);
      document->content_type = value_dup (result, 0, 3);
      document->size = g_ascii_strtoll (PQgetvalue (result, 0, 4), NULL, 10);
      document->filename = value_dup (result, 0, 5);
    }
  else if (result != NULL)
    g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                 "There is no document %s for request %s.", name, id);
  connection_release (self, conn);
  return document;
}

/* Reviews and PINs */

static PortingIntakeRow *
apply_change_locked (PGconn                     *conn,
                     const PortingIntakeChange  *change,
                     GError                    **error)
{
  g_autoptr(PortingIntakeRow) current = NULL;
  g_autoptr(PGresult) update = NULL;
  PortingRequestStatus from = PORTING_REQUEST_STATUS_SUBMITTED;
  PortingRequestStatus path[2];
  guint n_steps;
  const char *params[8];
  const char *id_param[1];

  if (!command (conn, "BEGIN", 0, NULL, error))
    return NULL;

  current = select_by_id_or_reference (conn, change->id, -1, " FOR UPDATE", error);
  if (current == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                     "There is no request %s.", change->id);
      return NULL;
    }
  porting_request_status_from_string (current->status, &from);
  if (!porting_intake_change_path (from, change->to, path, &n_steps, error))
    return NULL;

  params[0] = porting_request_status_to_string (change->to);
  params[1] = change->now;
  params[2] = change->answer;
  params[3] = change->document_check;
  params[4] = change->foc_date;
  params[5] = porting_review_status_is_open (change->to) ? "false" : "true";
  params[6] = current->id;
  params[7] = current->status;
  /* The status read above is the condition: the change applies to that one only. */
  update = query (conn, "UPDATE requests SET status = $1, updated_at = $2, "
                        "answer = COALESCE ($3, answer), document_check = COALESCE ($4, document_check), "
                        "foc_date = COALESCE ($5, foc_date), "
                        "pin_box = CASE WHEN $6::boolean THEN NULL ELSE pin_box END "
                        "WHERE id = $7 AND status = $8", 8, params, error);
  if (update == NULL)
    return NULL;
  if (g_strcmp0 (PQcmdTuples (update), "1") != 0)
    {
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_CONFLICT,
                   "The request changed meanwhile; look at it again.");
      return NULL;
    }

  for (guint i = 0; i < n_steps; i++)
    {
      gboolean last = i + 1 == n_steps;

      if (!insert_history (conn, current->id, porting_request_status_to_string (path[i]),
                           last ? NULL : "review-started", change->now, change->staff_name,
                           last ? change->note : NULL, error))
        return NULL;
    }
  if (!command (conn, "COMMIT", 0, NULL, error))
    return NULL;

  id_param[0] = current->id;
  return select_one (conn, "r.id = $1", 1, id_param, error);
}

static PortingIntakeRow *
postgres_apply_change (PortingIntakeStore         *store,
                       const PortingIntakeChange  *change,
                       GError                    **error)
{
  PortingIntakeStorePostgres *self = PORTING_INTAKE_STORE_POSTGRES (store);
  PGconn *conn = connection_acquire (self);
  PortingIntakeRow *row = apply_change_locked (conn, change, error);

  connection_release (self, conn);
  return row;
}

static GBytes *
read_pin_locked (PGconn      *conn,
                 const char  *id,
                 const char  *staff_name,
                 const char  *now,
                 GError     **error)
{
  g_autofree char *upper = g_ascii_strup (id, -1);
  const char *params[] = { id, upper };
  g_autoptr(PGresult) result = NULL;
  PortingRequestStatus current = PORTING_REQUEST_STATUS_SUBMITTED;
  const char *status;
  guchar *sealed;
  gsize size;

  if (!command (conn, "BEGIN", 0, NULL, error))
    return NULL;
  result = query (conn, "SELECT id, status, body, encode (pin_box, 'base64') FROM requests "
                        "WHERE id = $1 OR reference = $2 FOR UPDATE", 2, params, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                   "There is no request %s.", id);
      return NULL;
    }
  status = PQgetvalue (result, 0, 1);
  porting_request_status_from_string (status, &current);
  if (PQgetisnull (result, 0, 3))
    {
      if (!porting_review_status_is_open (current) && porting_intake_body_is_wireless (PQgetvalue (result, 0, 2)))
        g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_GONE,
                     "The wireless PIN was erased when the request became %s.", status);
      else
        g_set_error_literal (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                             "This request has no wireless PIN.");
      return NULL;
    }

  if (!insert_history (conn, PQgetvalue (result, 0, 0), status, "wireless-pin-read", now, staff_name,
                       "The wireless PIN was shown to staff.", error) ||
      !command (conn, "COMMIT", 0, NULL, error))
    return NULL;

  sealed = g_base64_decode (PQgetvalue (result, 0, 3), &size);
  return g_bytes_new_take (sealed, size);
}

static GBytes *
postgres_read_pin (PortingIntakeStore  *store,
                   const char          *id,
                   const char          *staff_name,
                   const char          *now,
                   GError             **error)
{
  PortingIntakeStorePostgres *self = PORTING_INTAKE_STORE_POSTGRES (store);
  PGconn *conn = connection_acquire (self);
  GBytes *sealed = read_pin_locked (conn, id, staff_name, now, error);

  connection_release (self, conn);
  return sealed;
}

/* Leftovers */

static gboolean
postgres_document_is_referenced (PortingIntakeStore  *store,
                                 const char          *sha256,
                                 gboolean            *referenced,
                                 GError             **error)
{
  PortingIntakeStorePostgres *self = PORTING_INTAKE_STORE_POSTGRES (store);
  PGconn *conn = connection_acquire (self);
  const char *params[] = { sha256 };
  g_autoptr(PGresult) result = NULL;

  result = query (conn, "SELECT 1 FROM documents WHERE sha256 = $1 LIMIT 1", 1, params, error);
  if (result != NULL)
    *referenced = PQntuples (result) > 0;
  connection_release (self, conn);
  return result != NULL;
}

static gboolean
postgres_forget_keys (PortingIntakeStore  *store,
                      const char          *cutoff,
                      GError             **error)
{
  PortingIntakeStorePostgres *self = PORTING_INTAKE_STORE_POSTGRES (store);
  PGconn *conn = connection_acquire (self);
  const char *params[] = { cutoff };
  gboolean ok;

  ok = command (conn, "UPDATE requests SET idempotency_key = NULL "
                      "WHERE idempotency_key IS NOT NULL AND created_at < $1", 1, params, error);
  connection_release (self, conn);
  return ok;
}

/* Life cycle */

static void
porting_intake_store_postgres_finalize (GObject *object)
{
  PortingIntakeStorePostgres *self = (PortingIntakeStorePostgres *) object;
  PGconn *conn;

  while ((conn = g_async_queue_try_pop (self->connections)) != NULL)
    PQfinish (conn);
  g_async_queue_unref (self->connections);

  G_OBJECT_CLASS (porting_intake_store_postgres_parent_class)->finalize (object);
}

static void
porting_intake_store_postgres_class_init (PortingIntakeStorePostgresClass *klass)
{
  PortingIntakeStoreClass *store_class = PORTING_INTAKE_STORE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = porting_intake_store_postgres_finalize;

  store_class->add_account = postgres_add_account;
  store_class->revoke_accounts = postgres_revoke_accounts;
  store_class->find_account = postgres_find_account;
  store_class->insert_request = postgres_insert_request;
  store_class->get_request = postgres_get_request;
  store_class->list_requests = postgres_list_requests;
  store_class->get_document = postgres_get_document;
  store_class->apply_change = postgres_apply_change;
  store_class->read_pin = postgres_read_pin;
  store_class->document_is_referenced = postgres_document_is_referenced;
  store_class->forget_keys = postgres_forget_keys;
}

static void
porting_intake_store_postgres_init (PortingIntakeStorePostgres *self)
{
  self->connections = g_async_queue_new ();
}

static PGconn *
connect_to (const char  *url,
            GError     **error)
{
  PGconn *conn = PQconnectdb (url);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strdup (PQerrorMessage (conn));

      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_FAILED,
                   "Cannot connect to the database: %s", g_strchomp (message));
      PQfinish (conn);
      return NULL;
    }
  set_up_connection (conn);
  return conn;
}

PortingIntakeStore *
porting_intake_store_postgres_open (const PortingIntakeStoreOptions  *options,
                                    GError                          **error)
{
  g_autoptr(PortingIntakeStorePostgres) self = g_object_new (PORTING_TYPE_INTAKE_STORE_POSTGRES, NULL);
  guint n_connections = options->accounts_only ? 1 : options->n_connections > 0 ? options->n_connections : 4;
  PGconn *first;

  first = connect_to (options->database_url, error);
  if (first == NULL)
    return NULL;
  if (!migrate (first, error))
    {
      PQfinish (first);
      return NULL;
    }
  g_async_queue_push (self->connections, first);

  for (guint i = 1; i < n_connections; i++)
    {
      PGconn *conn = connect_to (options->database_url, error);

      if (conn == NULL)
        return NULL;
      g_async_queue_push (self->connections, conn);
    }

  porting_intake_store_set_documents_dir (PORTING_INTAKE_STORE (self), options->documents_dir, TRUE);
  return PORTING_INTAKE_STORE (g_steal_pointer (&self));
}
