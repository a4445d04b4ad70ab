/* porting-intake-server.c — the intake HTTP API (DESIGN.md §3.5): connections and limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything about a request that can be decided from its head is decided
 * when the head arrives (got-headers), before a byte of the body is read:
 * the token (checked off the main loop while the message is paused), its
 * rate, the declared size. Then the body is checked chunk by chunk
 * (got-chunk): its size, the number and size of its documents. A request
 * that breaks a limit is answered at once and its connection closed.
 * The database is only ever used from worker threads.
 */
#define G_LOG_DOMAIN "porting-intake-server"

#include "config.h"

#include <string.h>

#include "porting-intake-server-private.h"

G_DEFINE_FINAL_TYPE (PortingIntakeServer, porting_intake_server, G_TYPE_OBJECT)

#define EXCHANGE_KEY "porting-intake-exchange"

void
porting_intake_server_settings_init (PortingIntakeServerSettings *settings)
{
  memset (settings, 0, sizeof *settings);
  settings->header_timeout_s = 30;
  settings->idle_timeout_s = 60;
  settings->linger_s = 5;
  settings->rate_per_minute = 600;
  settings->clean_interval_s = 3600;
  settings->clean_age_s = 3600;
  settings->backlog = 1024;
  settings->max_body = (goffset) 64 * 1024 * 1024;
  settings->max_json_body = 1024 * 1024;
  settings->upload.max_request_part = 1024 * 1024;
  settings->upload.max_document = PORTING_INTAKE_MAX_UPLOAD;
  settings->upload.max_documents = 10;
  settings->upload.max_parts = 32;
}

/* Answers */

char *
porting_intake_error_json (const char *code,
                           const char *message,
                           const char *field)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *error = json_object_new ();

  json_object_set_string_member (error, "code", code);
  json_object_set_string_member (error, "message", message);
  if (field != NULL)
    json_object_set_string_member (error, "field", field);
  json_object_set_object_member (root, "error", error);
  node = json_node_init_object (json_node_alloc (), root);
  return json_to_string (node, FALSE);
}

PortingIntakeReply *
porting_intake_reply_json (guint     status,
                           JsonNode *json)
{
  PortingIntakeReply *reply = g_new0 (PortingIntakeReply, 1);

  reply->status = status;
  reply->json = json;
  return reply;
}

PortingIntakeReply *
porting_intake_reply_error (guint       status,
                            const char *code,
                            const char *message,
                            const char *field)
{
  g_autoptr(JsonObject) root = json_object_new ();
  JsonObject *error = json_object_new ();

  json_object_set_string_member (error, "code", code);
  json_object_set_string_member (error, "message", message);
  if (field != NULL)
    json_object_set_string_member (error, "field", field);
  json_object_set_object_member (root, "error", error);
  return porting_intake_reply_json (status, json_node_init_object (json_node_alloc (), root));
}

PortingIntakeReply *
porting_intake_reply_from_store_error (const GError *error)
{
  if (error->domain == PORTING_INTAKE_STORE_ERROR)
    {
      switch (error->code)
        {
        case PORTING_INTAKE_STORE_ERROR_NOT_FOUND:
          return porting_intake_reply_error (SOUP_STATUS_NOT_FOUND, "not-found", error->message, NULL);
        case PORTING_INTAKE_STORE_ERROR_CONFLICT:
          return porting_intake_reply_error (SOUP_STATUS_CONFLICT, "invalid-transition", error->message, "status");
        case PORTING_INTAKE_STORE_ERROR_KEY_REUSED:
          return porting_intake_reply_error (422, "idempotency-key-reused", error->message, "Idempotency-Key");
        case PORTING_INTAKE_STORE_ERROR_GONE:
          return porting_intake_reply_error (410, "pin-erased", error->message, NULL);
        case PORTING_INTAKE_STORE_ERROR_NO_SPACE:
          g_warning ("%s", error->message);
          return porting_intake_reply_error (507, "insufficient-storage",
                                             "The service has no room left to store this; try again later.", NULL);
        case PORTING_INTAKE_STORE_ERROR_INVALID:
          return porting_intake_reply_error (SOUP_STATUS_BAD_REQUEST, "invalid", error->message, NULL);
        default:
          break;
        }
    }
  g_warning ("%s", error->message);
  return porting_intake_reply_error (SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                                     "The service could not complete this; try again later.", NULL);
}

void
porting_intake_reply_free (PortingIntakeReply *reply)
{
  if (reply == NULL)
    return;
  g_clear_pointer (&reply->json, json_node_unref);
  g_clear_pointer (&reply->file, g_mapped_file_unref);
  g_free (reply->content_type);
  g_free (reply->filename);
  g_free (reply);
}

void
porting_intake_reply_apply (PortingIntakeReply *reply,
                            SoupServerMessage  *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, reply->status, NULL);
  soup_message_headers_replace (headers, "Connection", "close");
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");

  if (reply->file != NULL)
    {
      g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (reply->file);
      g_autoptr(GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);

      /* Never shown in place: a document is the customer's, not a page of ours. */
      if (reply->filename != NULL)
        g_hash_table_insert (params, "filename", reply->filename);
      soup_message_headers_set_content_disposition (headers, "attachment", params);
      soup_message_headers_set_content_type (headers, reply->content_type, NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
      return;
    }
  if (reply->json != NULL)
    {
      g_autofree char *text = json_to_string (reply->json, FALSE);
      gsize length = strlen (text);

      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                        g_steal_pointer (&text), length);
    }
}

static void
respond_now (SoupServerMessage *msg,
             guint              status,
             const char        *code,
             const char        *message,
             const char        *field)
{
  g_autoptr(PortingIntakeReply) reply = porting_intake_reply_error (status, code, message, field);

  porting_intake_reply_apply (reply, msg);
}

/* Exchanges */

static void
exchange_free (PortingIntakeExchange *exchange)
{
  if (exchange->header_timer != NULL)
    g_source_destroy (exchange->header_timer);
  g_clear_pointer (&exchange->header_timer, g_source_unref);
  g_clear_pointer (&exchange->account, porting_intake_account_free);
  g_clear_pointer (&exchange->upload, porting_intake_upload_free);
  g_clear_pointer (&exchange->body, g_byte_array_unref);
  g_free (exchange);
}

PortingIntakeExchange *
porting_intake_exchange_get (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), EXCHANGE_KEY);
}

/* How much more of a refused body to read so that the client, still
 * sending it, sees the answer: the rest of what it declared, when that was
 * within the limit; else next to nothing. */
static goffset
drain_allowance (PortingIntakeExchange *exchange)
{
  goffset max_body = exchange->server->settings.max_body;

  if (exchange->declared >= 0 && exchange->declared <= max_body)
    return exchange->declared - exchange->received;
  if (exchange->declared < 0 && exchange->received <= max_body)
    return max_body - exchange->received;
  return 64 * 1024;
}

static void
refuse (PortingIntakeExchange *exchange,
        gboolean               in_handler,
        guint                  status,
        const char            *code,
        const char            *message,
        const char            *field,
        const char * const    *extra_headers)
{
  g_autofree char *body = porting_intake_error_json (code, message, field);

  if (exchange->refused)
    return;
  exchange->refused = TRUE;
  porting_intake_refuse (exchange->msg, in_handler, status, body, extra_headers,
                         drain_allowance (exchange), exchange->server->settings.linger_s);
}

static gboolean
header_timeout_cb (gpointer user_data)
{
  PortingIntakeExchange *exchange = user_data;

  g_clear_pointer (&exchange->header_timer, g_source_unref);
  if (!exchange->got_headers && !exchange->refused)
    {
      exchange->declared = 0;
      exchange->refused = TRUE;
      /* Not inside libsoup's reading: the connection can be taken now. */
      porting_intake_refuse (exchange->msg, FALSE, SOUP_STATUS_REQUEST_TIMEOUT, NULL, NULL, 0, 1);
    }
  return G_SOURCE_REMOVE;
}

static void
message_finished_cb (SoupServerMessage *msg,
                     gpointer           user_data)
{
  PortingIntakeExchange *exchange = user_data;

  /* Answered by libsoup itself (a head it could not read): no timer left behind. */
  if (exchange->header_timer != NULL)
    g_source_destroy (exchange->header_timer);
  g_clear_pointer (&exchange->header_timer, g_source_unref);
}

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  PortingIntakeServer *self = user_data;
  PortingIntakeExchange *exchange = g_new0 (PortingIntakeExchange, 1);
  GSocket *socket = soup_server_message_get_socket (msg);

  exchange->server = self;
  exchange->msg = msg;
  g_object_set_data_full (G_OBJECT (msg), EXCHANGE_KEY, exchange, (GDestroyNotify) exchange_free);

  /* No byte for this long, either way: the socket's own timeout cuts it. */
  if (socket != NULL)
    g_socket_set_timeout (socket, self->settings.idle_timeout_s);

  /* A head sent a byte at a time never arrives (slowloris). */
  exchange->header_timer = g_timeout_source_new_seconds (self->settings.header_timeout_s);
  g_source_set_callback (exchange->header_timer, header_timeout_cb, exchange, NULL);
  g_source_attach (exchange->header_timer, NULL);
  g_signal_connect (msg, "finished", G_CALLBACK (message_finished_cb), exchange);

  /* libsoup 3.2 never closes a kept-alive connection the client closed
   * (nor one idle past the timeout): one request per connection. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
}

/* The body, chunk by chunk */

static guint
status_for_upload_error (const GError *error,
                         const char  **code)
{
  switch (error->code)
    {
    case PORTING_INTAKE_UPLOAD_ERROR_TOO_LARGE:
      *code = "too-large";
      return SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE;
    case PORTING_INTAKE_UPLOAD_ERROR_TOO_MANY:
      *code = "too-many-documents";
      return SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE;
    case PORTING_INTAKE_UPLOAD_ERROR_UNSUPPORTED:
      *code = "unsupported-document";
      return SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE;
    case PORTING_INTAKE_UPLOAD_ERROR_DUPLICATE:
      *code = "duplicate-document";
      return SOUP_STATUS_BAD_REQUEST;
    case PORTING_INTAKE_UPLOAD_ERROR_NO_SPACE:
      *code = "insufficient-storage";
      return 507;
    case PORTING_INTAKE_UPLOAD_ERROR_MALFORMED:
      *code = "malformed-multipart";
      return SOUP_STATUS_BAD_REQUEST;
    default:
      *code = "internal";
      return SOUP_STATUS_INTERNAL_SERVER_ERROR;
    }
}

static const char *
upload_error_message (const GError *error)
{
  switch (error->code)
    {
    case PORTING_INTAKE_UPLOAD_ERROR_NO_SPACE:
      return "The service has no room left to store these documents; try again later.";
    case PORTING_INTAKE_UPLOAD_ERROR_FAILED:
      return "The upload could not be kept; try again later.";
    default:
      return error->message;
    }
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  PortingIntakeExchange *exchange = user_data;
  PortingIntakeServerSettings *settings = &exchange->server->settings;
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (chunk, &size);

  if (exchange->refused)
    return;

  exchange->received += size;
  if (exchange->received > settings->max_body)
    {
      /* A chunked body, or a Content-Length that lied, grew past the limit. */
      refuse (exchange, TRUE, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
              "The request is larger than 64 MiB.", NULL, NULL);
      return;
    }

  if (exchange->upload != NULL)
    {
      if (!porting_intake_upload_feed (exchange->upload, data, size, &error))
        {
          const char *code;
          guint status = status_for_upload_error (error, &code);

          if (error->code == PORTING_INTAKE_UPLOAD_ERROR_NO_SPACE)
            g_warning ("Upload refused: %s", error->message);
          refuse (exchange, TRUE, status, code, upload_error_message (error),
                  porting_intake_upload_get_error_field (exchange->upload), NULL);
        }
      return;
    }

  if (exchange->body == NULL)
    exchange->body = g_byte_array_new ();
  if (exchange->body->len + size > settings->max_json_body)
    {
      refuse (exchange, TRUE, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
              "The request body is too large.", NULL, NULL);
      return;
    }
  g_byte_array_append (exchange->body, data, size);
}

/* The head: token, rate, size */

typedef struct
{
  PortingIntakeServer *server;
  SoupServerMessage   *msg;
  char                *token;
} Authentication;

static void
authentication_free (Authentication *auth)
{
  g_clear_object (&auth->msg);
  if (auth->token != NULL)
    memset (auth->token, 0, strlen (auth->token));
  g_free (auth->token);
  g_free (auth);
}

static void
authenticate_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Authentication *auth = task_data;
  g_autoptr(GError) error = NULL;
  PortingIntakeAccount *account;

  account = porting_intake_store_authenticate (auth->server->store, auth->token, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, account, (GDestroyNotify) porting_intake_account_free);
}

static const char *
boundary_of (SoupMessageHeaders *headers,
             GHashTable        **params)
{
  const char *content_type = soup_message_headers_get_content_type (headers, params);

  if (content_type == NULL || g_ascii_strcasecmp (content_type, "multipart/form-data") != 0)
    return NULL;
  return g_hash_table_lookup (*params, "boundary");
}

static void
authenticated_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PortingIntakeServer *self = PORTING_INTAKE_SERVER (object);
  Authentication *auth = g_task_get_task_data (G_TASK (result));
  SoupServerMessage *msg = auth->msg;
  PortingIntakeExchange *exchange = porting_intake_exchange_get (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(PortingIntakeAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));
  const char *method = soup_server_message_get_method (msg);
  guint retry_after = 0;

  account = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      g_warning ("Cannot check a token: %s", error->message);
      refuse (exchange, FALSE, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable",
              "The service cannot check access tokens right now; try again later.", NULL,
              (const char * const[]) { "Retry-After", "5", NULL });
      return;
    }
  if (account == NULL)
    {
      refuse (exchange, FALSE, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
              "This access token is not valid: it is unknown, expired or revoked.", NULL,
              (const char * const[]) { "WWW-Authenticate", "Bearer realm=\"porting-intake\"", NULL });
      return;
    }
  if (!porting_intake_rate_limiter_take (self->limiter, account->id, &retry_after))
    {
      g_autofree char *seconds = g_strdup_printf ("%u", retry_after);
      g_autofree char *message = g_strdup_printf ("Too many requests with this token: try again in %u s.", retry_after);

      refuse (exchange, FALSE, 429, "rate-limited", message, NULL,
              (const char * const[]) { "Retry-After", seconds, NULL });
      return;
    }

  if (g_str_equal (method, "POST") && g_str_equal (path, "/v1/requests"))
    {
      const char *boundary = boundary_of (headers, &params);

      if (boundary == NULL || *boundary == '\0' || strlen (boundary) > 70)
        {
          refuse (exchange, FALSE, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "malformed-multipart",
                  "The body must be multipart/form-data with a part named “request”.", NULL, NULL);
          return;
        }
      exchange->upload = porting_intake_upload_new (self->store, boundary, &self->settings.upload);
    }
  else if (exchange->declared > (goffset) self->settings.max_json_body)
    {
      refuse (exchange, FALSE, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
              "The request body is too large.", NULL, NULL);
      return;
    }

  exchange->account = g_steal_pointer (&account);
  soup_server_message_unpause (msg);
}

static const char *
bearer_token (SoupMessageHeaders *headers)
{
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    return NULL;
  authorization += 7;
  while (*authorization == ' ')
    authorization++;
  return *authorization != '\0' ? authorization : NULL;
}

static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  PortingIntakeServer *self = user_data;
  PortingIntakeExchange *exchange = porting_intake_exchange_get (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GTask) task = NULL;
  Authentication *auth;
  const char *token;

  if (exchange == NULL)
    return;
  exchange->got_headers = TRUE;
  if (exchange->header_timer != NULL)
    g_source_destroy (exchange->header_timer);
  g_clear_pointer (&exchange->header_timer, g_source_unref);

  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_CONTENT_LENGTH:
      exchange->declared = soup_message_headers_get_content_length (headers);
      break;
    case SOUP_ENCODING_CHUNKED:
      exchange->declared = -1;
      break;
    default:
      exchange->declared = 0;
      break;
    }

  /* The body is never kept by libsoup: what is needed of it is taken as it comes. */
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), exchange);

  if (g_str_equal (path, "/v1/health") || !g_str_has_prefix (path, "/v1/"))
    return;

  token = bearer_token (headers);
  if (token == NULL)
    {
      refuse (exchange, TRUE, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
              "A valid access token is needed (Authorization: Bearer TOKEN).", NULL,
              (const char * const[]) { "WWW-Authenticate", "Bearer realm=\"porting-intake\"", NULL });
      return;
    }
  if (exchange->declared > self->settings.max_body)
    {
      refuse (exchange, TRUE, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
              "The request is larger than 64 MiB: each document may be 25 MiB at most, and 10 documents at most.",
              NULL, NULL);
      return;
    }

  /* The token is looked up off the main loop; nothing is read meanwhile. */
  soup_server_message_pause (msg);
  auth = g_new0 (Authentication, 1);
  auth->server = self;
  auth->msg = g_object_ref (msg);
  auth->token = g_strdup (token);
  task = g_task_new (self, NULL, authenticated_cb, NULL);
  g_task_set_source_tag (task, early_handler);
  g_task_set_task_data (task, auth, (GDestroyNotify) authentication_free);
  g_task_run_in_thread (task, authenticate_thread);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  PortingIntakeServer *self = user_data;
  PortingIntakeExchange *exchange = porting_intake_exchange_get (msg);

  if (exchange == NULL || exchange->refused)
    return;

  if (g_str_equal (path, "/v1/health"))
    {
      g_autoptr(JsonObject) root = json_object_new ();
      g_autoptr(PortingIntakeReply) reply = NULL;

      json_object_set_string_member (root, "status", "ok");
      reply = porting_intake_reply_json (SOUP_STATUS_OK, json_node_init_object (json_node_alloc (), root));
      porting_intake_reply_apply (reply, msg);
      return;
    }
  if (exchange->account == NULL)
    {
      respond_now (msg, SOUP_STATUS_NOT_FOUND, "not-found", "There is nothing here.", NULL);
      return;
    }
  porting_intake_server_route (self, msg, path, query);
}

/* Jobs */

typedef struct
{
  SoupServerMessage    *msg;
  PortingIntakeJobFunc  func;
  gpointer              data;
  GDestroyNotify        data_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_clear_object (&job->msg);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;

  g_task_return_pointer (task, job->func (source_object, job->data), (GDestroyNotify) porting_intake_reply_free);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(PortingIntakeReply) reply = g_task_propagate_pointer (G_TASK (result), NULL);

  porting_intake_reply_apply (reply, job->msg);
  soup_server_message_unpause (job->msg);
}

void
porting_intake_server_run_job (PortingIntakeServer  *self,
                               SoupServerMessage    *msg,
                               PortingIntakeJobFunc  func,
                               gpointer              data,
                               GDestroyNotify        data_free)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, job_done_cb, NULL);
  Job *job = g_new0 (Job, 1);

  job->msg = g_object_ref (msg);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  g_task_set_source_tag (task, porting_intake_server_run_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  soup_server_message_pause (msg);
  g_task_run_in_thread (task, job_thread);
}

/* Leftovers */

static void
clean_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PortingIntakeServer *self = source_object;
  g_autoptr(GError) error = NULL;
  guint removed = 0;

  if (!porting_intake_store_clean (self->store, (GTimeSpan) self->settings.clean_age_s * G_USEC_PER_SEC,
                                   &removed, &error))
    g_warning ("Cleaning leftovers: %s", error->message);
  else if (removed > 0)
    g_message ("Removed %u leftover files", removed);
  g_task_return_boolean (task, TRUE);
}

static void
clean_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PORTING_INTAKE_SERVER (object)->cleaning = FALSE;
}

static gboolean
clean_cb (gpointer user_data)
{
  PortingIntakeServer *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (self->cleaning)
    return G_SOURCE_CONTINUE;
  self->cleaning = TRUE;
  task = g_task_new (self, NULL, clean_done_cb, NULL);
  g_task_set_source_tag (task, clean_cb);
  g_task_run_in_thread (task, clean_thread);
  return G_SOURCE_CONTINUE;
}

/* Logging */

static void
log_request (SoupServer        *server,
             SoupServerMessage *msg,
             gpointer           user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  GUri *uri = soup_server_message_get_uri (msg);
  const char *remote = soup_server_message_get_remote_host (msg);
  const char *method = soup_server_message_get_method (msg);

  g_printerr ("%s %s %s %s %u%s\n", stamp, remote ? remote : "-", method ? method : "-",
              uri ? g_uri_get_path (uri) : "-", soup_server_message_get_status (msg),
              user_data != NULL ? " aborted" : "");
}

/* Life cycle */

static void
porting_intake_server_dispose (GObject *object)
{
  PortingIntakeServer *self = (PortingIntakeServer *) object;

  g_clear_handle_id (&self->clean_source, g_source_remove);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (porting_intake_server_parent_class)->dispose (object);
}

static void
porting_intake_server_finalize (GObject *object)
{
  PortingIntakeServer *self = (PortingIntakeServer *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->certificate);
  g_clear_pointer (&self->limiter, porting_intake_rate_limiter_free);

  G_OBJECT_CLASS (porting_intake_server_parent_class)->finalize (object);
}

static void
porting_intake_server_class_init (PortingIntakeServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porting_intake_server_dispose;
  object_class->finalize = porting_intake_server_finalize;
}

static void
porting_intake_server_init (PortingIntakeServer *self)
{
}

PortingIntakeServer *
porting_intake_server_new (PortingIntakeStore                *store,
                           const PortingIntakeServerSettings *settings)
{
  PortingIntakeServer *self = g_object_new (PORTING_TYPE_INTAKE_SERVER, NULL);
  g_autoptr(GError) error = NULL;
  guint removed = 0;

  self->store = g_object_ref (store);
  if (settings != NULL)
    self->settings = *settings;
  else
    porting_intake_server_settings_init (&self->settings);
  self->limiter = porting_intake_rate_limiter_new (self->settings.rate_per_minute);

  /* Alone on its folder (SQLite), every leftover is one; a shared folder
   * may hold what another instance is writing right now. */
  if (!porting_intake_store_clean (store,
                                   porting_intake_store_is_shared (store)
                                   ? (GTimeSpan) self->settings.clean_age_s * G_USEC_PER_SEC : 0,
                                   &removed, &error))
    g_warning ("Cleaning leftovers: %s", error->message);
  else if (removed > 0)
    g_message ("Removed %u leftover files of an earlier run", removed);
  if (self->settings.clean_interval_s > 0)
    self->clean_source = g_timeout_add_seconds (self->settings.clean_interval_s, clean_cb, self);

  return self;
}

void
porting_intake_server_set_tls (PortingIntakeServer *self,
                               GTlsCertificate     *certificate)
{
  g_set_object (&self->certificate, certificate);
}

static gboolean
parse_address (const char      *address,
               GSocketAddress **socket_address,
               GError         **error)
{
  g_autofree char *host = NULL;
  const char *colon = strrchr (address, ':');
  guint64 port;

  if (colon == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an address such as 127.0.0.1:8080.", address);
      return FALSE;
    }

  host = g_strndup (address, colon - address);
  if (host[0] == '[' && host[strlen (host) - 1] == ']')
    {
      char *inner = g_strndup (host + 1, strlen (host) - 2);
      g_free (host);
      host = inner;
    }
  if (g_str_equal (host, "localhost"))
    {
      g_free (host);
      host = g_strdup ("127.0.0.1");
    }

  *socket_address = g_inet_socket_address_new_from_string (host, (guint) port);
  if (*socket_address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address.", host);
      return FALSE;
    }
  return TRUE;
}

gboolean
porting_intake_server_listen (PortingIntakeServer  *self,
                              const char           *address,
                              GError              **error)
{
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;
  SoupServerListenOptions options = 0;

  if (!parse_address (address, &socket_address, error))
    return FALSE;

  if (self->server == NULL)
    {
      self->server = soup_server_new ("server-header", "porting-intake/" PACKAGE_VERSION,
                                      "tls-certificate", self->certificate,
                                      NULL);
      /* One path, both handlers: an early-only entry would shadow the default one. */
      soup_server_add_early_handler (self->server, NULL, early_handler, self, NULL);
      soup_server_add_handler (self->server, NULL, handler, self, NULL);
      g_signal_connect (self->server, "request-started", G_CALLBACK (request_started_cb), self);
      g_signal_connect (self->server, "request-finished", G_CALLBACK (log_request), NULL);
      g_signal_connect (self->server, "request-aborted", G_CALLBACK (log_request), GINT_TO_POINTER (1));
    }

  /* Our own socket: libsoup's listens with a backlog of 10, which reset
   * connections at 128 clients. */
  socket = g_socket_new (g_socket_address_get_family (socket_address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, (int) self->settings.backlog);
  if (!g_socket_bind (socket, socket_address, TRUE, error) || !g_socket_listen (socket, error))
    return FALSE;

  if (self->certificate != NULL)
    options |= SOUP_SERVER_LISTEN_HTTPS;
  return soup_server_listen_socket (self->server, socket, options, error);
}

char *
porting_intake_server_get_url (PortingIntakeServer *self)
{
  GSList *uris = self->server ? soup_server_get_uris (self->server) : NULL;
  char *url = NULL;

  if (uris != NULL)
    {
      g_autofree char *text = g_uri_to_string (uris->data);
      gsize len = strlen (text);

      while (len > 0 && text[len - 1] == '/')
        len--;
      url = g_strndup (text, len);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}
