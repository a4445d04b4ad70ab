/* porting-intake-store.c — requests, tokens and documents of the intake service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What both backends share: tokens and their hashes, the documents folder
 * (temporary name, fsync, link under the content hash), the sealed wireless
 * PIN, idempotency fingerprints, references, and reading rows into requests.
 */
#define G_LOG_DOMAIN "porting-intake-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "porting-intake-secret.h"
#include "porting-intake-store-private.h"
#include "porting-json-limits.h"

typedef struct
{
  char                *documents_dir;
  gboolean             shared;
  PortingIntakeSecret *secret;
} PortingIntakeStorePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PortingIntakeStore, porting_intake_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (porting-intake-store-error-quark, porting_intake_store_error)

#define CLASS(self) PORTING_INTAKE_STORE_GET_CLASS (self)

/* Boxes */

PortingIntakeAccount *
porting_intake_account_copy (const PortingIntakeAccount *account)
{
  PortingIntakeAccount *copy = g_new0 (PortingIntakeAccount, 1);

  copy->id = account->id;
  copy->staff = account->staff;
  copy->name = g_strdup (account->name);
  copy->expires_at = g_strdup (account->expires_at);
  return copy;
}

void
porting_intake_account_free (PortingIntakeAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account->expires_at);
  g_free (account);
}

void
porting_intake_document_free (PortingIntakeDocument *document)
{
  if (document == NULL)
    return;
  if (document->temp_path != NULL)
    g_unlink (document->temp_path);
  g_free (document->name);
  g_free (document->part);
  g_free (document->sha256);
  g_free (document->content_type);
  g_free (document->filename);
  g_free (document->temp_path);
  g_free (document);
}

void
porting_intake_row_free (PortingIntakeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->id);
  g_free (row->reference);
  g_free (row->status);
  g_free (row->body);
  g_free (row->answer);
  g_free (row->document_check);
  g_free (row->foc_date);
  g_free (row->created_at);
  g_free (row->updated_at);
  g_free (row->fingerprint);
  g_clear_pointer (&row->history, json_array_unref);
  g_clear_pointer (&row->documents, json_array_unref);
  g_free (row);
}

/* Life cycle */

static void
porting_intake_store_finalize (GObject *object)
{
  PortingIntakeStorePrivate *priv = porting_intake_store_get_instance_private (PORTING_INTAKE_STORE (object));

  g_clear_pointer (&priv->documents_dir, g_free);
  g_clear_pointer (&priv->secret, porting_intake_secret_free);

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

void
porting_intake_store_set_documents_dir (PortingIntakeStore *self,
                                        const char         *documents_dir,
                                        gboolean            shared)
{
  PortingIntakeStorePrivate *priv = porting_intake_store_get_instance_private (self);

  g_free (priv->documents_dir);
  priv->documents_dir = g_strdup (documents_dir);
  priv->shared = shared;
}

PortingIntakeStore *
porting_intake_store_open (const PortingIntakeStoreOptions  *options,
                           GError                          **error)
{
  g_autoptr(PortingIntakeStore) self = NULL;
  g_autofree char *key_path = NULL;
  PortingIntakeStorePrivate *priv;

  if (options->database_url != NULL)
    {
      if (!options->accounts_only && (options->documents_dir == NULL || options->secret_key_path == NULL))
        {
          g_set_error_literal (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_INVALID,
                               "--database needs --documents DIR (shared by every instance) and --secret-key FILE.");
          return NULL;
        }
      self = porting_intake_store_postgres_open (options, error);
      key_path = g_strdup (options->secret_key_path);
    }
  else if (options->data_dir != NULL)
    {
      self = porting_intake_store_sqlite_open (options, error);
      key_path = options->secret_key_path ? g_strdup (options->secret_key_path)
                                          : g_build_filename (options->data_dir, "secret.key", NULL);
    }
  else
    {
      g_set_error_literal (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_INVALID,
                           "Give --data DIR, or --database URL.");
      return NULL;
    }
  if (self == NULL || options->accounts_only)
    return g_steal_pointer (&self);

  priv = porting_intake_store_get_instance_private (self);
  if (g_mkdir_with_parents (priv->documents_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create %s: %s", priv->documents_dir, g_strerror (saved_errno));
      return NULL;
    }
  priv->secret = porting_intake_secret_load (key_path, TRUE, error);
  if (priv->secret == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

const char *
porting_intake_store_get_documents_dir (PortingIntakeStore *self)
{
  PortingIntakeStorePrivate *priv = porting_intake_store_get_instance_private (self);

  return priv->documents_dir;
}

gboolean
porting_intake_store_is_shared (PortingIntakeStore *self)
{
  PortingIntakeStorePrivate *priv = porting_intake_store_get_instance_private (self);

  return priv->shared;
}

/* Helpers for the backends */

char *
porting_intake_time_string (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

char *
porting_intake_now_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return porting_intake_time_string (now);
}

gboolean
porting_intake_body_is_wireless (const char *body)
{
  g_autoptr(JsonNode) node = porting_json_parse (body, -1, PORTING_JSON_MAX_DEPTH, NULL);
  JsonNode *wireless;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  wireless = json_object_get_member (json_node_get_object (node), "wireless");
  return wireless != NULL && JSON_NODE_HOLDS_OBJECT (wireless);
}

/* No 0/O, 1/I: read out on the phone, nothing can be taken for anything else. */
static const char reference_alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

char *
porting_intake_new_reference (void)
{
  char code[7];

  G_STATIC_ASSERT (sizeof reference_alphabet - 1 == 32);
  for (guint i = 0; i < 6; i++)
    code[i] = reference_alphabet[randombytes_uniform (32)];
  return g_strdup_printf ("PRT-%.4s-%.2s", code, code + 4);
}

gboolean
porting_intake_change_path (PortingRequestStatus   from,
                            PortingRequestStatus   to,
                            PortingRequestStatus   path[2],
                            guint                 *n_steps,
                            GError               **error)
{
  *n_steps = porting_review_get_path (from, to, path);
  if (*n_steps == 0)
    {
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_CONFLICT,
                   "A request that is “%s” cannot become “%s”.",
                   porting_request_status_to_string (from), porting_request_status_to_string (to));
      return FALSE;
    }
  return TRUE;
}

/* Tokens */

char *
porting_intake_store_create_token (PortingIntakeStore  *self,
                                   gboolean             staff,
                                   const char          *name,
                                   guint                expires_in_days,
                                   GError             **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created_at = porting_intake_time_string (now);
  g_autofree char *expires_at = NULL;
  g_autofree char *hash = NULL;
  guint8 random_bytes[32];
  char hex[sizeof random_bytes * 2 + 1];
  char *token;

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "libsodium could not be initialised");
      return NULL;
    }
  if (expires_in_days > 0)
    {
      g_autoptr(GDateTime) expires = g_date_time_add_days (now, (int) expires_in_days);
      expires_at = porting_intake_time_string (expires);
    }

  /* Tokens are secrets: from the kernel's generator, not GRand. */
  randombytes_buf (random_bytes, sizeof random_bytes);
  sodium_bin2hex (hex, sizeof hex, random_bytes, sizeof random_bytes);
  sodium_memzero (random_bytes, sizeof random_bytes);
  token = g_strconcat ("pt_", hex, NULL);
  sodium_memzero (hex, sizeof hex);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  if (!CLASS (self)->add_account (self, hash, staff, name, created_at, expires_at, error))
    {
      porting_intake_secret_wipe (token);
      return NULL;
    }
  return token;
}

gboolean
porting_intake_store_revoke_tokens (PortingIntakeStore  *self,
                                    const char          *name,
                                    guint               *n_revoked,
                                    GError             **error)
{
  g_autofree char *now = porting_intake_now_string ();
  guint n = 0;

  if (!CLASS (self)->revoke_accounts (self, name, now, &n, error))
    return FALSE;
  if (n_revoked != NULL)
    *n_revoked = n;
  if (n == 0)
    {
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND,
                   "No live token is named “%s”.", name);
      return FALSE;
    }
  return TRUE;
}

PortingIntakeAccount *
porting_intake_store_authenticate (PortingIntakeStore  *self,
                                   const char          *token,
                                   GError             **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;

  if (token == NULL || *token == '\0')
    return NULL;

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  now = porting_intake_now_string ();
  return CLASS (self)->find_account (self, hash, now, error);
}

/* Documents */

static gboolean
set_file_error (GError     **error,
                int          saved_errno,
                const char  *what)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
    g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NO_SPACE,
                 "%s: %s", what, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "%s: %s", what, g_strerror (saved_errno));
  return FALSE;
}

int
porting_intake_store_stage_document (PortingIntakeStore  *self,
                                     char               **temp_path,
                                     GError             **error)
{
  PortingIntakeStorePrivate *priv = porting_intake_store_get_instance_private (self);
  char *path = g_build_filename (priv->documents_dir, ".upload-XXXXXX", NULL);
  int fd = g_mkstemp_full (path, O_WRONLY | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_file_error (error, errno, "Cannot keep an upload");
      g_free (path);
      return -1;
    }
  *temp_path = path;
  return fd;
}

char *
porting_intake_store_get_document_path (PortingIntakeStore *self,
                                        const char         *sha256)
{
  PortingIntakeStorePrivate *priv = porting_intake_store_get_instance_private (self);

  return g_build_filename (priv->documents_dir, sha256, NULL);
}

static gboolean
fsync_path (const char  *path,
            int          flags,
            GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | flags, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      return set_file_error (error, saved_errno, "Cannot store a document");
    }
  close (fd);
  return TRUE;
}

/* Durable under its hash before the row naming it commits. link(), not
 * rename(): the staged file stays until the row is in, so a cleaner that
 * took the linked copy for a leftover in between cannot lose it. */
static gboolean
place_document (PortingIntakeStore     *self,
                PortingIntakeDocument  *document,
                GError                **error)
{
  g_autofree char *path = porting_intake_store_get_document_path (self, document->sha256);

  if (!fsync_path (document->temp_path, 0, error))
    return FALSE;
  if (link (document->temp_path, path) == 0)
    return TRUE;
  if (errno != EEXIST)
    return set_file_error (error, errno, "Cannot store a document");
  /* The same content is there already; fresh again, so no cleaner takes it. */
  if (utimensat (AT_FDCWD, path, NULL, 0) != 0)
    return set_file_error (error, errno, "Cannot store a document");
  return TRUE;
}

static void
settle_documents (PortingIntakeStore *self,
                  GPtrArray          *documents)
{
  PortingIntakeStorePrivate *priv = porting_intake_store_get_instance_private (self);
  gboolean relinked = FALSE;

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      PortingIntakeDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *path = NULL;

      if (document->temp_path == NULL)
        continue;
      path = porting_intake_store_get_document_path (self, document->sha256);
      if (!g_file_test (path, G_FILE_TEST_EXISTS) && link (document->temp_path, path) == 0)
        relinked = TRUE;
      g_unlink (document->temp_path);
      g_clear_pointer (&document->temp_path, g_free);
    }
  if (relinked)
    fsync_path (priv->documents_dir, O_DIRECTORY, NULL);
}

/* Requests */

static JsonNode *
parse_trusted (const char *text)
{
  if (text == NULL)
    return NULL;
  return porting_json_parse (text, -1, PORTING_JSON_MAX_DEPTH, NULL);
}

static PortingRequest *
request_from_row (PortingIntakeRow  *row,
                  GError           **error)
{
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) check = NULL;
  g_autoptr(GError) local_error = NULL;
  PortingRequestStatus status = PORTING_REQUEST_STATUS_SUBMITTED;
  JsonNode *wireless;

  request = porting_request_new_from_json (row->body, -1, NULL, &local_error);
  if (request == NULL)
    {
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_FAILED,
                   "Request %s is damaged in the database: %s", row->id, local_error->message);
      return NULL;
    }

  porting_request_set_id (request, row->id);
  porting_request_set_reference (request, row->reference);
  porting_request_status_from_string (row->status, &status);
  porting_request_set_status (request, status);
  porting_request_set_dates (request, row->created_at, row->updated_at);
  porting_request_set_foc_date (request, row->foc_date);

  answer = parse_trusted (row->answer);
  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    porting_request_set_answer (request, json_node_get_object (answer));
  check = parse_trusted (row->document_check);
  if (check != NULL && JSON_NODE_HOLDS_OBJECT (check))
    json_object_set_object_member (porting_request_get_fields (request), "staff_document_check",
                                   json_object_ref (json_node_get_object (check)));

  /* Never the PIN itself: whether staff can read it. */
  wireless = json_object_get_member (porting_request_get_fields (request), "wireless");
  if (wireless != NULL && JSON_NODE_HOLDS_OBJECT (wireless))
    json_object_set_boolean_member (json_node_get_object (wireless), "pin_on_file", row->wireless_pin_on_file);

  porting_request_set_history (request, row->history);
  porting_request_set_documents (request, row->documents);
  return g_steal_pointer (&request);
}

/* What only the service or staff may set is dropped from what a customer sent. */
static void
drop_staff_fields (PortingRequest *request)
{
  JsonObject *fields = porting_request_get_fields (request);
  JsonNode *wireless;

  if (json_object_has_member (fields, "staff_document_check"))
    json_object_remove_member (fields, "staff_document_check");
  wireless = json_object_get_member (fields, "wireless");
  if (wireless != NULL && JSON_NODE_HOLDS_OBJECT (wireless) &&
      json_object_has_member (json_node_get_object (wireless), "pin_on_file"))
    json_object_remove_member (json_node_get_object (wireless), "pin_on_file");
}

static char *
fingerprint_request (PortingIntakeStore *self,
                     PortingRequest     *request,
                     GPtrArray          *documents)
{
  PortingIntakeStorePrivate *priv = porting_intake_store_get_instance_private (self);
  /* With the PIN: a retry that changed only the PIN is another request. */
  g_autofree char *json = porting_request_to_json (request, PORTING_REQUEST_JSON_FOR_SUBMIT);
  GString *text = g_string_new (json);
  char *fingerprint;

  sodium_memzero (json, strlen (json));
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      PortingIntakeDocument *document = g_ptr_array_index (documents, i);

      g_string_append_printf (text, "\n%s:%s", document->part, document->sha256);
    }
  fingerprint = porting_intake_secret_fingerprint (priv->secret, (const guint8 *) text->str, text->len);
  sodium_memzero (text->str, text->len);
  g_string_free (text, TRUE);
  return fingerprint;
}

PortingRequest *
porting_intake_store_submit (PortingIntakeStore    *self,
                             PortingIntakeAccount  *account,
                             const char            *idempotency_key,
                             PortingRequest        *request,
                             GPtrArray             *documents,
                             gboolean              *created,
                             GError               **error)
{
  PortingIntakeStorePrivate *priv = porting_intake_store_get_instance_private (self);
  g_autoptr(GDateTime) now_time = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff_time = g_date_time_add (now_time, -PORTING_INTAKE_KEY_LIFETIME);
  g_autofree char *now = porting_intake_time_string (now_time);
  g_autofree char *cutoff = porting_intake_time_string (cutoff_time);
  g_autofree char *key = idempotency_key ? g_ascii_strdown (idempotency_key, -1) : NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *fingerprint = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GBytes) pin_box = NULL;
  g_autoptr(PortingIntakeRow) row = NULL;
  PortingIntakeNewRequest new_request = { 0 };
  const char *pin;
  gboolean inserted = FALSE;

  g_return_val_if_fail (priv->secret != NULL, NULL);

  drop_staff_fields (request);
  fingerprint = fingerprint_request (self, request, documents);
  /* PORTING_REQUEST_JSON_DEFAULT: no PIN; it is only ever stored sealed. */
  body = porting_request_to_json (request, PORTING_REQUEST_JSON_DEFAULT);
  pin = porting_request_get_wireless_pin (request);
  if (porting_request_is_wireless (request) && pin != NULL && *pin != '\0')
    pin_box = porting_intake_secret_seal (priv->secret, pin);

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      if (!place_document (self, g_ptr_array_index (documents, i), error))
        return NULL;
    }
  if (documents != NULL && documents->len > 0 && !fsync_path (priv->documents_dir, O_DIRECTORY, error))
    return NULL;

  new_request.id = id;
  new_request.account_id = account->id;
  new_request.account_name = account->name;
  new_request.idempotency_key = key;
  new_request.key_cutoff = cutoff;
  new_request.fingerprint = fingerprint;
  new_request.kind = porting_request_kind_to_string (porting_request_get_kind (request));
  new_request.body = body;
  new_request.pin_box = pin_box;
  new_request.documents = documents;
  new_request.now = now;

  row = CLASS (self)->insert_request (self, &new_request, &inserted, error);
  settle_documents (self, documents);
  if (row == NULL)
    return NULL;

  if (!inserted && row->fingerprint != NULL && g_strcmp0 (row->fingerprint, fingerprint) != 0)
    {
      g_set_error (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_KEY_REUSED,
                   "This Idempotency-Key was already used for another request (%s): send a new request with a new key.",
                   row->reference);
      return NULL;
    }
  if (created != NULL)
    *created = inserted;
  return request_from_row (row, error);
}

PortingRequest *
porting_intake_store_get_request (PortingIntakeStore    *self,
                                  PortingIntakeAccount  *account,
                                  const char            *id,
                                  GError               **error)
{
  g_autoptr(PortingIntakeRow) row = NULL;

  row = CLASS (self)->get_request (self, account->staff ? -1 : account->id, id, error);
  return row ? request_from_row (row, error) : NULL;
}

GPtrArray *
porting_intake_store_list_requests (PortingIntakeStore    *self,
                                    PortingIntakeAccount  *account,
                                    const char            *status,
                                    guint                  limit,
                                    const char            *cursor,
                                    char                 **next_cursor,
                                    GError               **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 before = 0;

  if (cursor != NULL &&
      !g_ascii_string_to_signed (cursor, 10, 1, G_MAXINT64, &before, NULL))
    {
      g_set_error_literal (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_INVALID,
                           "This cursor is not one the service gave.");
      return NULL;
    }

  /* One more than asked: whether there is a next page. */
  rows = CLASS (self)->list_requests (self, account->staff ? -1 : account->id, status, limit + 1, before, error);
  if (rows == NULL)
    return NULL;

  *next_cursor = NULL;
  for (guint i = 0; i < rows->len && i < limit; i++)
    {
      PortingRequest *request = request_from_row (g_ptr_array_index (rows, i), error);

      if (request == NULL)
        return NULL;
      g_ptr_array_add (requests, request);
    }
  if (rows->len > limit)
    {
      PortingIntakeRow *last = g_ptr_array_index (rows, limit - 1);

      *next_cursor = g_strdup_printf ("%" G_GINT64_FORMAT, last->seq);
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
  return CLASS (self)->get_document (self, account->staff ? -1 : account->id, id, name, error);
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
                             PortingReview         *review,
                             GError               **error)
{
  g_autoptr(JsonObject) answer = porting_review_dup_answer_object (review);
  g_autoptr(JsonObject) check = porting_review_dup_document_check (review);
  g_autofree char *answer_text = object_to_string (answer);
  g_autofree char *check_text = object_to_string (check);
  g_autofree char *now = porting_intake_now_string ();
  g_autoptr(PortingIntakeRow) row = NULL;
  PortingIntakeChange change = { 0 };

  change.id = id;
  change.staff_name = account->name;
  change.to = porting_review_get_status (review);
  change.note = porting_review_get_history_note (review);
  change.answer = answer_text;
  change.document_check = check_text;
  change.foc_date = porting_review_get_foc_date (review);
  change.now = now;

  row = CLASS (self)->apply_change (self, &change, error);
  return row ? request_from_row (row, error) : NULL;
}

char *
porting_intake_store_read_wireless_pin (PortingIntakeStore    *self,
                                        PortingIntakeAccount  *account,
                                        const char            *id,
                                        GError               **error)
{
  PortingIntakeStorePrivate *priv = porting_intake_store_get_instance_private (self);
  g_autofree char *now = porting_intake_now_string ();
  g_autoptr(GBytes) sealed = NULL;

  g_return_val_if_fail (account->staff, NULL);

  sealed = CLASS (self)->read_pin (self, id, account->name, now, error);
  if (sealed == NULL)
    return NULL;
  return porting_intake_secret_open (priv->secret, sealed, error);
}

/* Leftovers */

static gboolean
is_document_name (const char *name)
{
  if (strlen (name) != 64)
    return FALSE;
  for (const char *p = name; *p; p++)
    {
      if (!g_ascii_isxdigit (*p))
        return FALSE;
    }
  return TRUE;
}

gboolean
porting_intake_store_clean (PortingIntakeStore  *self,
                            GTimeSpan            min_age,
                            guint               *n_removed,
                            GError             **error)
{
  PortingIntakeStorePrivate *priv = porting_intake_store_get_instance_private (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff_time = g_date_time_add (now, -PORTING_INTAKE_KEY_LIFETIME);
  g_autofree char *cutoff = porting_intake_time_string (cutoff_time);
  g_autoptr(GDir) dir = NULL;
  gint64 oldest = g_get_real_time () - min_age;
  const char *name;
  guint removed = 0;

  dir = g_dir_open (priv->documents_dir, 0, error);
  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (priv->documents_dir, name, NULL);
      gboolean upload = g_str_has_prefix (name, ".upload-");
      gboolean referenced = TRUE;
      GStatBuf st;

      if (!upload && !is_document_name (name))
        continue;
      /* Another instance may be writing it, or about to name it. */
      if (g_lstat (path, &st) != 0 || (gint64) st.st_mtime * G_USEC_PER_SEC > oldest)
        continue;
      if (!upload && !CLASS (self)->document_is_referenced (self, name, &referenced, error))
        return FALSE;
      if (upload || !referenced)
        {
          if (g_unlink (path) == 0)
            removed++;
        }
    }

  if (!CLASS (self)->forget_keys (self, cutoff, error))
    return FALSE;
  if (n_removed != NULL)
    *n_removed = removed;
  return TRUE;
}
