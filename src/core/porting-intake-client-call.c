/* porting-intake-client-call.c — one call to the intake service: attempts, answers, limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A call is bounded three ways, so that no server can hang or exhaust the
 * app: the session's timeout cuts a connection with no byte either way for
 * that long; a deadline over the whole call (every attempt and back-off)
 * cuts a server that sends a byte now and then for ever; and an answer is
 * read only up to a size, its Content-Length checked first. JSON answers
 * are depth-checked before json-glib builds a tree of them.
 */
#define G_LOG_DOMAIN "porting-intake-client"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-intake-client-private.h"
#include "porting-json-limits.h"
#include "porting-multipart-stream.h"

#define MAX_RETRY_WAIT_MS   (60 * 1000)
#define READ_BLOCK          65536
/* An upload is given this much longer per byte: 64 KiB/s is the slowest link planned for. */
#define UPLOAD_RATE_FLOOR   65536

static void call_attempt (GTask *task);

/* Calls */

static void
upload_clear (PortingIntakeUpload *upload)
{
  g_clear_pointer (&upload->part, g_free);
  g_clear_object (&upload->file);
}

PortingIntakeCall *
porting_intake_call_new (PortingIntakeClient *client,
                         const char          *method,
                         const char          *path)
{
  PortingIntakeCall *call = g_new0 (PortingIntakeCall, 1);

  call->client = g_object_ref (client);
  call->method = g_strdup (method);
  call->path = g_strdup (path);
  call->max_answer = client->max_answer_size;
  return call;
}

static void
destroy_source (GSource **source)
{
  if (*source != NULL)
    g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

void
porting_intake_call_free (PortingIntakeCall *call)
{
  destroy_source (&call->wait_source);
  destroy_source (&call->cancel_source);
  destroy_source (&call->deadline_source);
  if (call->user_cancelled_id != 0)
    g_cancellable_disconnect (call->user_cancellable, call->user_cancelled_id);
  g_clear_object (&call->user_cancellable);
  g_clear_object (&call->attempt_cancellable);
  g_clear_object (&call->client);
  g_clear_pointer (&call->method, g_free);
  g_clear_pointer (&call->path, g_free);
  g_clear_pointer (&call->idempotency_key, g_free);
  g_clear_pointer (&call->json_body, g_bytes_unref);
  if (call->request_json != NULL)
    memset (call->request_json, 0, strlen (call->request_json)); /* it may hold a PIN */
  g_clear_pointer (&call->request_json, g_free);
  g_clear_pointer (&call->uploads, g_array_unref);
  g_clear_pointer (&call->answer, g_byte_array_unref);
  g_clear_object (&call->answer_stream);
  g_clear_object (&call->msg);
  g_clear_pointer (&call->invalid_field, g_free);
  g_clear_pointer (&call->next_cursor, g_free);
  g_free (call);
}

GTask *
porting_intake_call_task_new (PortingIntakeClient *client,
                              PortingIntakeCall   *call,
                              gpointer             source_tag,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) porting_intake_call_free);
  return task;
}

gboolean
porting_intake_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Ending a call */

/* After the task returned: drops the deadline and the reference the
 * attempts held. */
static void
call_done (GTask *task)
{
  PortingIntakeCall *call = g_task_get_task_data (task);

  destroy_source (&call->deadline_source);
  g_object_unref (task);
}

static void
return_error (GTask  *task,
              GError *error)
{
  g_task_return_error (task, error);
  call_done (task);
}

static void
return_new_error (GTask      *task,
                  gint        code,
                  const char *format,
                  ...) G_GNUC_PRINTF (3, 4);

static void
return_new_error (GTask      *task,
                  gint        code,
                  const char *format,
                  ...)
{
  va_list args;
  GError *error;

  va_start (args, format);
  error = g_error_new_valist (PORTING_INTAKE_ERROR, code, format, args);
  va_end (args);
  return_error (task, error);
}

static void
return_deadline_error (GTask *task)
{
  PortingIntakeCall *call = g_task_get_task_data (task);

  return_new_error (task, PORTING_INTAKE_ERROR_UNREACHABLE,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "The service did not answer within %u second: check the connection and try again later.",
                                 "The service did not answer within %u seconds: check the connection and try again later.",
                                 call->deadline_s),
                    call->deadline_s);
}

/* Answers */

static JsonNode *
parse_json (GBytes *body)
{
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  if (size == 0)
    return NULL;
  /* Nested 60,000 deep, json-glib would overflow the stack: counted first. */
  return porting_json_parse (data, (gssize) size, PORTING_JSON_MAX_DEPTH, NULL);
}

static gboolean
is_json (const char *content_type)
{
  return content_type != NULL && g_str_has_prefix (content_type, "application/json");
}

static GError *
error_from_status (PortingIntakeCall *call,
                   guint              status,
                   GBytes            *body,
                   const char        *content_type)
{
  g_autoptr(JsonNode) root = is_json (content_type) ? parse_json (body) : NULL;
  const char *message = NULL;
  const char *field = NULL;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *error_node = json_object_get_member (json_node_get_object (root), "error");

      if (error_node != NULL && JSON_NODE_HOLDS_OBJECT (error_node))
        {
          JsonObject *error_object = json_node_get_object (error_node);

          message = json_object_get_string_member_with_default (error_object, "message", NULL);
          field = json_object_get_string_member_with_default (error_object, "field", NULL);
        }
    }

  g_clear_pointer (&call->invalid_field, g_free);
  call->invalid_field = g_strdup (field);

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      return g_error_new_literal (PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNAUTHORIZED,
                                  _("The service did not accept your access token: check it in Preferences or ask your provider for a new one."));
    case SOUP_STATUS_FORBIDDEN:
      return g_error_new_literal (PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_FORBIDDEN,
                                  message ? message : _("Your access token does not allow this."));
    case SOUP_STATUS_NOT_FOUND:
      return g_error_new_literal (PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_NOT_FOUND,
                                  message ? message : _("The service does not know this request."));
    case SOUP_STATUS_CONFLICT:
      return g_error_new_literal (PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_CONFLICT,
                                  message ? message : _("The request is no longer in a state that allows this; refresh it."));
    case 410:
      return g_error_new_literal (PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_GONE,
                                  message ? message : _("This is no longer kept by the service."));
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      return g_error_new_literal (PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_TOO_LARGE,
                                  message ? message : _("A document is larger than 25 MB: send a smaller scan or export it again at a lower resolution."));
    default:
      if (message != NULL)
        return g_error_new_literal (PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_REFUSED, message);
      return g_error_new (PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_REFUSED,
                          _("The service refused the request (HTTP %u)."), status);
    }
}

/* Retries */

static guint
retry_after_ms (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  char *end = NULL;
  guint64 seconds;

  if (value == NULL)
    return 0;

  seconds = g_ascii_strtoull (value, &end, 10);
  if (end != value && *end == '\0')
    return (guint) MIN (seconds * 1000, MAX_RETRY_WAIT_MS);

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return 0;
  now = g_date_time_new_now_utc ();
  return (guint) CLAMP (g_date_time_difference (when, now) / 1000, 0, MAX_RETRY_WAIT_MS);
}

static gboolean
retry_wait_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  PortingIntakeCall *call = g_task_get_task_data (task);

  g_clear_pointer (&call->wait_source, g_source_unref);
  destroy_source (&call->cancel_source);
  call_attempt (task);
  return G_SOURCE_REMOVE;
}

static gboolean
retry_cancelled_cb (GCancellable *cancellable,
                    gpointer      user_data)
{
  GTask *task = user_data;
  PortingIntakeCall *call = g_task_get_task_data (task);

  g_clear_pointer (&call->cancel_source, g_source_unref);
  destroy_source (&call->wait_source);
  g_task_return_error_if_cancelled (task);
  call_done (task);
  return G_SOURCE_REMOVE;
}

/* Returns TRUE when another attempt was scheduled (the task is kept). */
static gboolean
schedule_retry (GTask *task,
                guint  server_wait_ms)
{
  PortingIntakeCall *call = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint delay;

  if (call->attempt >= call->client->max_attempts || call->deadline_passed)
    return FALSE;

  delay = call->client->retry_delay_ms << MIN (call->attempt - 1, 10);
  delay = MIN (MAX (delay, server_wait_ms), MAX_RETRY_WAIT_MS);
  g_debug ("Attempt %u of %s %s failed, next in %u ms", call->attempt, call->method, call->path, delay);

  call->wait_source = g_timeout_source_new (delay);
  g_task_attach_source (task, call->wait_source, retry_wait_done_cb);
  if (cancellable != NULL)
    {
      call->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_priority (call->cancel_source, G_PRIORITY_DEFAULT);
      g_task_attach_source (task, call->cancel_source, (GSourceFunc) retry_cancelled_cb);
    }
  return TRUE;
}

/* The deadline */

static gboolean
deadline_cb (gpointer user_data)
{
  GTask *task = user_data;
  PortingIntakeCall *call = g_task_get_task_data (task);

  g_clear_pointer (&call->deadline_source, g_source_unref);
  call->deadline_passed = TRUE;

  /* Between attempts: nothing in flight to cut, the call ends here. */
  if (call->wait_source != NULL)
    {
      destroy_source (&call->wait_source);
      destroy_source (&call->cancel_source);
      return_deadline_error (task);
      return G_SOURCE_REMOVE;
    }
  g_cancellable_cancel (call->attempt_cancellable);
  return G_SOURCE_REMOVE;
}

static void
user_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  GCancellable *attempt_cancellable = user_data;

  g_cancellable_cancel (attempt_cancellable);
}

/* Sending */

static void
wrote_body_data_cb (SoupMessage       *msg,
                    guint              chunk_size,
                    PortingIntakeCall *call)
{
  call->sent += chunk_size;
  if (call->progress != NULL)
    call->progress (call->sent, call->total, call->progress_data);
}

static void
restarted_cb (SoupMessage       *msg,
              PortingIntakeCall *call)
{
  /* libsoup sends the body again from the start (the stream is seekable). */
  call->sent = 0;
  if (call->progress != NULL)
    call->progress (0, call->total, call->progress_data);
}

static char *
quote_filename (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  GString *quoted = g_string_new (NULL);

  for (const char *p = name; p && *p; p++)
    {
      if (*p == '"' || *p == '\\' || *p == '\r' || *p == '\n')
        g_string_append_c (quoted, '_');
      else
        g_string_append_c (quoted, *p);
    }
  return g_string_free (quoted, FALSE);
}

static const char *
guess_content_type (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);

  if (g_str_has_suffix (lower, ".pdf"))
    return "application/pdf";
  if (g_str_has_suffix (lower, ".png"))
    return "image/png";
  if (g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg"))
    return "image/jpeg";
  return "application/octet-stream";
}

static GInputStream *
build_multipart_body (PortingIntakeCall  *call,
                      char              **content_type)
{
  g_autoptr(PortingMultipartStream) stream = porting_multipart_stream_new ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *boundary = g_strconcat ("porting-", uuid, NULL);
  g_autoptr(GBytes) request_bytes = NULL;
  GString *head;

  head = g_string_new (NULL);
  g_string_append_printf (head,
                          "--%s\r\n"
                          "Content-Disposition: form-data; name=\"request\"\r\n"
                          "Content-Type: application/json\r\n\r\n",
                          boundary);
  g_string_append (head, call->request_json);
  g_string_append (head, "\r\n");
  request_bytes = g_string_free_to_bytes (head);
  porting_multipart_stream_append_bytes (stream, request_bytes);

  for (guint i = 0; i < call->uploads->len; i++)
    {
      PortingIntakeUpload *upload = &g_array_index (call->uploads, PortingIntakeUpload, i);
      g_autofree char *filename = quote_filename (upload->file);
      g_autofree char *part_head = NULL;
      g_autoptr(GBytes) head_bytes = NULL;
      g_autoptr(GBytes) tail_bytes = g_bytes_new_static ("\r\n", 2);

      part_head = g_strdup_printf ("--%s\r\n"
                                   "Content-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                                   "Content-Type: %s\r\n\r\n",
                                   boundary, upload->part, filename, guess_content_type (upload->file));
      head_bytes = g_bytes_new_take (g_steal_pointer (&part_head), strlen (part_head));
      porting_multipart_stream_append_bytes (stream, head_bytes);
      porting_multipart_stream_append_file (stream, upload->file, upload->size);
      porting_multipart_stream_append_bytes (stream, tail_bytes);
    }

  {
    g_autofree char *end = g_strdup_printf ("--%s--\r\n", boundary);
    g_autoptr(GBytes) end_bytes = NULL;
    gsize end_len = strlen (end);

    end_bytes = g_bytes_new_take (g_steal_pointer (&end), end_len);
    porting_multipart_stream_append_bytes (stream, end_bytes);
  }

  *content_type = g_strdup_printf ("multipart/form-data; boundary=%s", boundary);
  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

/* A failure before a complete answer: retried while attempts and time are left. */
static void
transport_failed (GTask  *task,
                  GError *error)
{
  g_autoptr(GError) owned = error;
  PortingIntakeCall *call = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    {
      call_done (task);
      return;
    }
  if (call->deadline_passed)
    {
      return_deadline_error (task);
      return;
    }
  if (owned->domain == G_TLS_ERROR)
    {
      return_new_error (task, PORTING_INTAKE_ERROR_UNREACHABLE,
                        _("No secure connection could be made to the service: %s"), owned->message);
      return;
    }
  if (g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
      g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    {
      /* Our own files, not the network. */
      return_error (task, g_steal_pointer (&owned));
      return;
    }
  if (schedule_retry (task, 0))
    return;

  if (g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return_new_error (task, PORTING_INTAKE_ERROR_UNREACHABLE,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "The service stopped answering (nothing for %u second): check the connection and try again later.",
                                   "The service stopped answering (nothing for %u seconds): check the connection and try again later.",
                                   call->client->timeout_s),
                      call->client->timeout_s);
  /* This computer's own service needs no network. */
  else if (!porting_intake_host_is_loopback (g_uri_get_host (soup_message_get_uri (call->msg))) &&
           !g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    return_new_error (task, PORTING_INTAKE_ERROR_UNREACHABLE,
                      _("This computer is not connected to a network: connect it and try again."));
  else
    return_new_error (task, PORTING_INTAKE_ERROR_UNREACHABLE,
                      _("The service could not be reached (%s): check the connection and try again."),
                      owned->message);
}

static void
answer_too_large (GTask *task)
{
  PortingIntakeCall *call = g_task_get_task_data (task);
  g_autofree char *size = g_format_size_full (call->max_answer, G_FORMAT_SIZE_IEC_UNITS);

  /* A server that sends this much is not an intake service; trying again
   * would not help. The connection goes with the stream. */
  g_cancellable_cancel (call->attempt_cancellable);
  g_clear_object (&call->answer_stream);
  return_new_error (task, PORTING_INTAKE_ERROR_BAD_ANSWER,
                    _("The service sent an answer larger than %s: check the service address, or try again later."), size);
}

static void
answer_complete (GTask *task)
{
  PortingIntakeCall *call = g_task_get_task_data (task);
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&call->answer));
  const char *content_type;
  JsonNode *answer;
  guint status;

  g_clear_object (&call->answer_stream);
  status = soup_message_get_status (call->msg);
  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (call->msg), NULL);

  if (SOUP_STATUS_IS_SERVER_ERROR (status) || status == 429)
    {
      if (schedule_retry (task, retry_after_ms (call->msg)))
        return;
      if (call->deadline_passed)
        {
          return_deadline_error (task);
          return;
        }
      return_new_error (task, PORTING_INTAKE_ERROR_UNREACHABLE,
                        _("The service is busy or having trouble (HTTP %u); try again later."), status);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      return_error (task, error_from_status (call, status, body, content_type));
      return;
    }

  if (call->raw_answer)
    {
      g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
      call_done (task);
      return;
    }

  answer = is_json (content_type) ? parse_json (body) : NULL;
  if (answer == NULL || (!JSON_NODE_HOLDS_OBJECT (answer) && !JSON_NODE_HOLDS_ARRAY (answer)))
    {
      g_clear_pointer (&answer, json_node_unref);
      return_new_error (task, PORTING_INTAKE_ERROR_BAD_ANSWER,
                        _("The service sent an answer this app cannot read: check the service address, or try again later."));
      return;
    }
  g_task_return_pointer (task, answer, (GDestroyNotify) json_node_unref);
  call_done (task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  PortingIntakeCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      transport_failed (task, g_steal_pointer (&error));
      return;
    }

  size = g_bytes_get_size (bytes);
  if (size == 0)
    {
      answer_complete (task);
      return;
    }
  if (call->answer->len + size > call->max_answer)
    {
      answer_too_large (task);
      return;
    }
  g_byte_array_append (call->answer, g_bytes_get_data (bytes, NULL), size);
  g_input_stream_read_bytes_async (call->answer_stream, READ_BLOCK, G_PRIORITY_DEFAULT,
                                   call->attempt_cancellable, read_cb, task);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  PortingIntakeCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  call->answer_stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (call->answer_stream == NULL)
    {
      transport_failed (task, g_steal_pointer (&error));
      return;
    }

  /* Refused before a byte of it is read when the server says how much it sends. */
  headers = soup_message_get_response_headers (call->msg);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) call->max_answer)
    {
      answer_too_large (task);
      return;
    }

  g_clear_pointer (&call->answer, g_byte_array_unref);
  call->answer = g_byte_array_new ();
  g_input_stream_read_bytes_async (call->answer_stream, READ_BLOCK, G_PRIORITY_DEFAULT,
                                   call->attempt_cancellable, read_cb, task);
}

static void
call_attempt (GTask *task)
{
  PortingIntakeCall *call = g_task_get_task_data (task);
  PortingIntakeClient *self = call->client;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  SoupMessageHeaders *headers;

  if (g_task_return_error_if_cancelled (task))
    {
      call_done (task);
      return;
    }
  if (!porting_intake_client_check_url (self, &error))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  call->attempt++;
  url = g_strconcat (self->base_url, call->path, NULL);
  g_clear_object (&call->msg);
  g_clear_object (&call->answer_stream);
  call->msg = soup_message_new (call->method, url);
  if (call->msg == NULL)
    {
      return_new_error (task, PORTING_INTAKE_ERROR_UNREACHABLE,
                        _("The service address “%s” is not a web address."), self->base_url);
      return;
    }
  soup_message_add_flags (call->msg, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (call->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->token != NULL && *self->token != '\0')
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (call->idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", call->idempotency_key);

  if (call->uploads != NULL)
    {
      g_autofree char *content_type = NULL;
      g_autoptr(GInputStream) body = build_multipart_body (call, &content_type);

      call->total = porting_multipart_stream_get_size (PORTING_MULTIPART_STREAM (body));
      call->sent = 0;
      if (call->progress != NULL)
        call->progress (0, call->total, call->progress_data);
      soup_message_set_request_body (call->msg, content_type, body, call->total);
      g_signal_connect (call->msg, "wrote-body-data", G_CALLBACK (wrote_body_data_cb), call);
      g_signal_connect (call->msg, "restarted", G_CALLBACK (restarted_cb), call);
    }
  else if (call->json_body != NULL)
    soup_message_set_request_body_from_bytes (call->msg, "application/json", call->json_body);

  soup_session_send_async (self->session, call->msg, G_PRIORITY_DEFAULT, call->attempt_cancellable, sent_cb, task);
}

void
porting_intake_call_start (GTask *task)
{
  PortingIntakeCall *call = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  goffset upload = 0;

  /* One cancellable for the attempts, cut by the caller or by the deadline. */
  call->attempt_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      call->user_cancellable = g_object_ref (cancellable);
      call->user_cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (user_cancelled_cb),
                                                       call->attempt_cancellable, NULL);
    }

  for (guint i = 0; call->uploads != NULL && i < call->uploads->len; i++)
    upload += g_array_index (call->uploads, PortingIntakeUpload, i).size;
  call->deadline_s = call->client->deadline_s + (guint) (upload / UPLOAD_RATE_FLOOR);
  if (call->deadline_s > 0)
    {
      call->deadline_source = g_timeout_source_new_seconds (call->deadline_s);
      g_task_attach_source (task, call->deadline_source, deadline_cb);
    }

  call_attempt (task);
}

void
porting_intake_call_add_upload (PortingIntakeCall *call,
                                const char        *part,
                                GFile             *file)
{
  PortingIntakeUpload upload = { 0 };

  if (call->uploads == NULL)
    {
      call->uploads = g_array_new (FALSE, TRUE, sizeof (PortingIntakeUpload));
      g_array_set_clear_func (call->uploads, (GDestroyNotify) upload_clear);
    }
  upload.part = g_strdup (part);
  upload.file = g_object_ref (file);
  g_array_append_val (call->uploads, upload);
}
