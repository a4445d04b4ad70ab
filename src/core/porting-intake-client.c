/* porting-intake-client.c — talks to the intake service (DESIGN.md §3.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-intake-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "porting-intake-client.h"
#include "porting-multipart-stream.h"

#define DEFAULT_RETRY_DELAY_MS 500
#define DEFAULT_MAX_ATTEMPTS   5
#define MAX_RETRY_WAIT_MS      (60 * 1000)

struct _PortingIntakeClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *token;
  guint        retry_delay_ms;
  guint        max_attempts;
};

G_DEFINE_TYPE (PortingIntakeClient, porting_intake_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (porting-intake-error-quark, porting_intake_error)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TOKEN,
  PROP_RETRY_DELAY,
  PROP_MAX_ATTEMPTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char    *part;
  GFile   *file;
  goffset  size;
} Upload;

typedef struct
{
  PortingIntakeClient       *client;
  char                      *method;
  char                      *path;
  char                      *idempotency_key;
  GBytes                    *json_body;

  /* multipart submissions */
  char                      *request_json;
  GArray                    *uploads;
  PortingIntakeProgressFunc  progress;
  gpointer                   progress_data;
  goffset                    sent;
  goffset                    total;

  /* downloads */
  GFile                     *destination;

  guint                      attempt;
  SoupMessage               *msg;
  GSource                   *wait_source;
  GSource                   *cancel_source;
  char                      *invalid_field;
} Call;

static void call_attempt (GTask *task);

static void
upload_clear (Upload *upload)
{
  g_clear_pointer (&upload->part, g_free);
  g_clear_object (&upload->file);
}

static void
call_free (Call *call)
{
  if (call->wait_source != NULL)
    g_source_destroy (call->wait_source);
  g_clear_pointer (&call->wait_source, g_source_unref);
  if (call->cancel_source != NULL)
    g_source_destroy (call->cancel_source);
  g_clear_pointer (&call->cancel_source, g_source_unref);
  g_clear_object (&call->client);
  g_clear_pointer (&call->method, g_free);
  g_clear_pointer (&call->path, g_free);
  g_clear_pointer (&call->idempotency_key, g_free);
  g_clear_pointer (&call->json_body, g_bytes_unref);
  if (call->request_json != NULL)
    memset (call->request_json, 0, strlen (call->request_json)); /* it may hold a PIN */
  g_clear_pointer (&call->request_json, g_free);
  g_clear_pointer (&call->uploads, g_array_unref);
  g_clear_object (&call->destination);
  g_clear_object (&call->msg);
  g_clear_pointer (&call->invalid_field, g_free);
  g_free (call);
}

static Call *
call_new (PortingIntakeClient *client,
          const char          *method,
          const char          *path)
{
  Call *call = g_new0 (Call, 1);

  call->client = g_object_ref (client);
  call->method = g_strdup (method);
  call->path = g_strdup (path);
  return call;
}

/* Properties and life cycle */

static void
porting_intake_client_finalize (GObject *object)
{
  PortingIntakeClient *self = (PortingIntakeClient *) object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (porting_intake_client_parent_class)->finalize (object);
}

static void
porting_intake_client_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PortingIntakeClient *self = PORTING_INTAKE_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;
    case PROP_RETRY_DELAY:
      g_value_set_uint (value, self->retry_delay_ms);
      break;
    case PROP_MAX_ATTEMPTS:
      g_value_set_uint (value, self->max_attempts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_intake_client_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PortingIntakeClient *self = PORTING_INTAKE_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      {
        const char *url = g_value_get_string (value);
        gsize len = url ? strlen (url) : 0;

        while (len > 0 && url[len - 1] == '/')
          len--;
        g_free (self->base_url);
        self->base_url = g_strndup (url ? url : "", len);
      }
      break;
    case PROP_TOKEN:
      porting_intake_client_set_token (self, g_value_get_string (value));
      break;
    case PROP_RETRY_DELAY:
      self->retry_delay_ms = g_value_get_uint (value);
      break;
    case PROP_MAX_ATTEMPTS:
      self->max_attempts = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_intake_client_class_init (PortingIntakeClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = porting_intake_client_finalize;
  object_class->get_property = porting_intake_client_get_property;
  object_class->set_property = porting_intake_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETRY_DELAY] =
    g_param_spec_uint ("retry-delay", NULL, NULL, 0, 60000, DEFAULT_RETRY_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_ATTEMPTS] =
    g_param_spec_uint ("max-attempts", NULL, NULL, 1, 20, DEFAULT_MAX_ATTEMPTS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porting_intake_client_init (PortingIntakeClient *self)
{
  const char *delay = g_getenv ("PORTING_INTAKE_RETRY_DELAY_MS");

  self->retry_delay_ms = DEFAULT_RETRY_DELAY_MS;
  if (delay != NULL && *delay != '\0')
    self->retry_delay_ms = (guint) MIN (g_ascii_strtoull (delay, NULL, 10), 60000);
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->session = soup_session_new_with_options ("user-agent", "Porting/" PACKAGE_VERSION,
                                                 "timeout", 60,
                                                 NULL);
}

PortingIntakeClient *
porting_intake_client_new (const char *base_url,
                           const char *token)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (PORTING_TYPE_INTAKE_CLIENT,
                       "base-url", base_url,
                       "token", token,
                       NULL);
}

const char *
porting_intake_client_get_base_url (PortingIntakeClient *self)
{
  g_return_val_if_fail (PORTING_IS_INTAKE_CLIENT (self), NULL);
  return self->base_url;
}

void
porting_intake_client_set_token (PortingIntakeClient *self,
                                 const char          *token)
{
  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));

  g_free (self->token);
  self->token = g_strdup (token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
porting_intake_client_check_url (PortingIntakeClient  *self,
                                 GError              **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  g_return_val_if_fail (PORTING_IS_INTAKE_CLIENT (self), FALSE);

  uri = g_uri_parse (self->base_url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (!g_str_equal (g_uri_get_scheme (uri), "http") && !g_str_equal (g_uri_get_scheme (uri), "https")))
    {
      g_set_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE,
                   _("The service address “%s” is not a web address such as https://porting.example.com."),
                   self->base_url);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_str_equal (scheme, "http") && !host_is_loopback (g_uri_get_host (uri)))
    {
      g_set_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_INSECURE,
                   _("The service address must start with https:// so that your documents travel encrypted; plain http is only allowed to this computer."));
      return FALSE;
    }

  return TRUE;
}

/* Answers */

static gboolean
error_from_status (Call        *call,
                   guint        status,
                   GBytes      *body,
                   const char  *content_type,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *message = NULL;
  const char *field = NULL;
  JsonNode *root;

  if (body != NULL && content_type != NULL && g_str_has_prefix (content_type, "application/json") &&
      json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *error_node = json_object_get_member (object, "error");

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
      g_set_error_literal (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNAUTHORIZED,
                           _("The service did not accept your access token: check it in Preferences or ask your provider for a new one."));
      break;
    case SOUP_STATUS_FORBIDDEN:
      g_set_error_literal (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_FORBIDDEN,
                           message ? message : _("Your access token does not allow this."));
      break;
    case SOUP_STATUS_NOT_FOUND:
      g_set_error_literal (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_NOT_FOUND,
                           message ? message : _("The service does not know this request."));
      break;
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      g_set_error_literal (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_TOO_LARGE,
                           message ? message : _("A document is larger than 25 MB: send a smaller scan or export it again at a lower resolution."));
      break;
    default:
      if (message != NULL)
        g_set_error_literal (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_REFUSED, message);
      else
        g_set_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_REFUSED,
                     _("The service refused the request (HTTP %u)."), status);
      break;
    }
  return FALSE;
}

static JsonNode *
parse_answer (GBytes      *body,
              const char  *content_type,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (content_type == NULL || !g_str_has_prefix (content_type, "application/json") ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      (!JSON_NODE_HOLDS_OBJECT (root) && !JSON_NODE_HOLDS_ARRAY (root)))
    {
      g_set_error_literal (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_BAD_ANSWER,
                           _("The service sent an answer this app cannot read: check the service address, or try again later."));
      return NULL;
    }

  return json_node_copy (root);
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
  Call *call = g_task_get_task_data (task);

  g_clear_pointer (&call->wait_source, g_source_unref);
  if (call->cancel_source != NULL)
    g_source_destroy (call->cancel_source);
  g_clear_pointer (&call->cancel_source, g_source_unref);

  call_attempt (task);
  return G_SOURCE_REMOVE;
}

static gboolean
retry_cancelled_cb (GCancellable *cancellable,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);

  g_clear_pointer (&call->cancel_source, g_source_unref);
  if (call->wait_source != NULL)
    g_source_destroy (call->wait_source);
  g_clear_pointer (&call->wait_source, g_source_unref);

  g_task_return_error_if_cancelled (task);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/* Returns TRUE when another attempt was scheduled (the task is kept). */
static gboolean
schedule_retry (GTask *task,
                guint  server_wait_ms)
{
  Call *call = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint delay;

  if (call->attempt >= call->client->max_attempts)
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

static void
wrote_body_data_cb (SoupMessage *msg,
                    guint        chunk_size,
                    Call        *call)
{
  call->sent += chunk_size;
  if (call->progress != NULL)
    call->progress (call->sent, call->total, call->progress_data);
}

static void
restarted_cb (SoupMessage *msg,
              Call        *call)
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
build_multipart_body (Call  *call,
                      char **content_type)
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
      Upload *upload = &g_array_index (call->uploads, Upload, i);
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

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *content_type;
  JsonNode *answer;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (body == NULL)
    {
      if (error->domain == G_TLS_ERROR)
        {
          g_task_return_new_error (task, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE,
                                   _("No secure connection could be made to the service: %s"), error->message);
          return;
        }
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        {
          /* Our own files, not the network. */
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (schedule_retry (task, 0))
        {
          g_steal_pointer (&task);
          return;
        }
      /* This computer's own service needs no network. */
      if (!host_is_loopback (g_uri_get_host (soup_message_get_uri (call->msg))) &&
          !g_network_monitor_get_network_available (g_network_monitor_get_default ()))
        g_task_return_new_error (task, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE,
                                 _("This computer is not connected to a network: connect it and try again."));
      else
        g_task_return_new_error (task, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE,
                                 _("The service could not be reached (%s): check the connection and try again."),
                                 error->message);
      return;
    }

  status = soup_message_get_status (call->msg);
  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (call->msg), NULL);

  if (SOUP_STATUS_IS_SERVER_ERROR (status) || status == 429)
    {
      if (schedule_retry (task, retry_after_ms (call->msg)))
        {
          g_steal_pointer (&task);
          return;
        }
      g_task_return_new_error (task, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE,
                               _("The service is busy or having trouble (HTTP %u); try again later."), status);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      error_from_status (call, status, body, content_type, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (call->destination != NULL)
    {
      g_task_return_pointer (task, g_bytes_ref (body), (GDestroyNotify) g_bytes_unref);
      return;
    }

  answer = parse_answer (body, content_type, &error);
  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, answer, (GDestroyNotify) json_node_unref);
}

static void
call_attempt (GTask *task)
{
  Call *call = g_task_get_task_data (task);
  PortingIntakeClient *self = call->client;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  SoupMessageHeaders *headers;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (!porting_intake_client_check_url (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  call->attempt++;
  url = g_strconcat (self->base_url, call->path, NULL);
  g_clear_object (&call->msg);
  call->msg = soup_message_new (call->method, url);
  if (call->msg == NULL)
    {
      g_task_return_new_error (task, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE,
                               _("The service address “%s” is not a web address."), self->base_url);
      g_object_unref (task);
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
    {
      soup_message_set_request_body_from_bytes (call->msg, "application/json", call->json_body);
    }

  soup_session_send_and_read_async (self->session, call->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), send_cb, task);
}

static GTask *
call_task_new (PortingIntakeClient *self,
               Call                *call,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  return task;
}

static PortingRequest *
request_from_answer (JsonNode  *answer,
                     GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  PortingRequest *request;

  request = porting_request_new_from_json_node (answer, NULL, &local_error);
  if (request == NULL)
    g_set_error_literal (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_BAD_ANSWER,
                         _("The service sent a request this app cannot read: check the service address, or try again later."));
  return request;
}

/* Submit */

static void
stat_uploads_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Call *call = task_data;

  for (guint i = 0; i < call->uploads->len; i++)
    {
      Upload *upload = &g_array_index (call->uploads, Upload, i);
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) error = NULL;

      info = g_file_query_info (upload->file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                G_FILE_QUERY_INFO_NONE, cancellable, &error);
      if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_autofree char *name = g_file_get_parse_name (upload->file);

          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                   _("The document “%s” cannot be opened: it was moved, deleted or is not a file."), name);
          return;
        }
      upload->size = g_file_info_get_size (info);
    }
  g_task_return_boolean (task, TRUE);
}

static void
stat_uploads_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  call_attempt (task);
}

static void
add_upload (Call       *call,
            const char *part,
            GFile      *file)
{
  Upload upload = { 0 };

  upload.part = g_strdup (part);
  upload.file = g_object_ref (file);
  g_array_append_val (call->uploads, upload);
}

void
porting_intake_client_submit_async (PortingIntakeClient       *self,
                                    PortingRequest            *request,
                                    GFile                     *loa,
                                    GFile                     *proof,
                                    GPtrArray                 *regulatory,
                                    const char                *idempotency_key,
                                    GCancellable              *cancellable,
                                    PortingIntakeProgressFunc  progress,
                                    gpointer                   progress_data,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) stat_task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *invalid_field = NULL;
  Call *call;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));
  g_return_if_fail (PORTING_IS_REQUEST (request));
  g_return_if_fail (idempotency_key != NULL);

  call = call_new (self, "POST", "/v1/requests");
  call->idempotency_key = g_strdup (idempotency_key);
  call->progress = progress;
  call->progress_data = progress_data;
  call->uploads = g_array_new (FALSE, TRUE, sizeof (Upload));
  g_array_set_clear_func (call->uploads, (GDestroyNotify) upload_clear);
  task = call_task_new (self, call, porting_intake_client_submit_async, cancellable, callback, user_data);

  if (!porting_request_validate (request, &invalid_field, &error))
    {
      call->invalid_field = g_steal_pointer (&invalid_field);
      g_task_return_new_error (task, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_INVALID, "%s", error->message);
      return;
    }

  call->request_json = porting_request_to_json (request, PORTING_REQUEST_JSON_FOR_SUBMIT);
  if (loa != NULL)
    add_upload (call, "loa", loa);
  if (proof != NULL)
    add_upload (call, "proof", proof);
  for (guint i = 0; regulatory != NULL && i < regulatory->len; i++)
    add_upload (call, "regulatory", g_ptr_array_index (regulatory, i));

  /* Sizes are needed for Content-Length; stat off the main loop. */
  stat_task = g_task_new (self, cancellable, stat_uploads_cb, g_steal_pointer (&task));
  g_task_set_task_data (stat_task, call, NULL);
  g_task_run_in_thread (stat_task, stat_uploads_thread);
}

PortingRequest *
porting_intake_client_submit_finish (PortingIntakeClient  *self,
                                     GAsyncResult         *result,
                                     char                **invalid_field,
                                     GError              **error)
{
  g_autoptr(JsonNode) answer = NULL;
  Call *call;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  call = g_task_get_task_data (G_TASK (result));
  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer == NULL)
    {
      if (invalid_field != NULL)
        *invalid_field = g_strdup (call->invalid_field);
      return NULL;
    }
  return request_from_answer (answer, error);
}

/* List, get */

void
porting_intake_client_list_async (PortingIntakeClient *self,
                                  const char          *status,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));

  if (status != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (status, NULL, FALSE);
      path = g_strconcat ("/v1/requests?status=", escaped, NULL);
    }
  else
    path = g_strdup ("/v1/requests");

  task = call_task_new (self, call_new (self, "GET", path), porting_intake_client_list_async,
                        cancellable, callback, user_data);
  call_attempt (task);
}

GPtrArray *
porting_intake_client_list_finish (PortingIntakeClient  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  JsonArray *array = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (answer))
    array = json_node_get_array (answer);
  else if (JSON_NODE_HOLDS_OBJECT (answer) &&
           json_object_has_member (json_node_get_object (answer), "requests") &&
           JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (answer), "requests")))
    array = json_object_get_array_member (json_node_get_object (answer), "requests");

  if (array == NULL)
    {
      g_set_error_literal (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_BAD_ANSWER,
                           _("The service sent a list of requests this app cannot read."));
      return NULL;
    }

  requests = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      PortingRequest *request = request_from_answer (json_array_get_element (array, i), error);

      if (request == NULL)
        return NULL;
      g_ptr_array_add (requests, request);
    }
  return g_steal_pointer (&requests);
}

static char *
request_path (const char *id,
              const char *suffix)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat ("/v1/requests/", escaped, suffix, NULL);
}

void
porting_intake_client_get_async (PortingIntakeClient *self,
                                 const char          *id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));
  g_return_if_fail (id != NULL);

  path = request_path (id, "");
  task = call_task_new (self, call_new (self, "GET", path), porting_intake_client_get_async,
                        cancellable, callback, user_data);
  call_attempt (task);
}

PortingRequest *
porting_intake_client_get_finish (PortingIntakeClient  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  g_autoptr(JsonNode) answer = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  answer = g_task_propagate_pointer (G_TASK (result), error);
  return answer ? request_from_answer (answer, error) : NULL;
}

/* Documents */

static void
download_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
download_fetched_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GFile *destination = g_task_get_task_data (task);
  GCancellable *cancellable;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  g_file_replace_contents_bytes_async (destination, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, download_written_cb, g_steal_pointer (&task));
}

void
porting_intake_client_download_document_async (PortingIntakeClient *self,
                                               const char          *id,
                                               const char          *name,
                                               GFile               *destination,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *path = NULL;
  GTask *outer;
  GTask *task;
  Call *call;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));
  g_return_if_fail (id != NULL && name != NULL && G_IS_FILE (destination));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, porting_intake_client_download_document_async);
  g_task_set_task_data (outer, g_object_ref (destination), g_object_unref);

  escaped = g_uri_escape_string (name, NULL, FALSE);
  suffix = g_strconcat ("/documents/", escaped, NULL);
  path = request_path (id, suffix);
  call = call_new (self, "GET", path);
  call->destination = g_object_ref (destination);
  task = g_task_new (self, cancellable, download_fetched_cb, outer);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  call_attempt (task);
}

gboolean
porting_intake_client_download_document_finish (PortingIntakeClient  *self,
                                                GAsyncResult         *result,
                                                GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Review */

void
porting_intake_client_review_async (PortingIntakeClient *self,
                                    const char          *id,
                                    JsonObject          *review,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GTask *task;
  Call *call;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));
  g_return_if_fail (id != NULL && review != NULL);

  path = request_path (id, "/review");
  call = call_new (self, "POST", path);
  node = json_node_init_object (json_node_alloc (), review);
  text = json_to_string (node, FALSE);
  call->json_body = g_bytes_new (text, strlen (text));
  task = call_task_new (self, call, porting_intake_client_review_async, cancellable, callback, user_data);
  call_attempt (task);
}

PortingRequest *
porting_intake_client_review_finish (PortingIntakeClient  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  return porting_intake_client_get_finish (self, result, error);
}

/* Portability */

void
porting_intake_client_portability_async (PortingIntakeClient *self,
                                         const char          *e164,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));
  g_return_if_fail (e164 != NULL);

  escaped = g_uri_escape_string (e164, NULL, FALSE);
  path = g_strconcat ("/v1/portability/", escaped, NULL);
  task = call_task_new (self, call_new (self, "GET", path), porting_intake_client_portability_async,
                        cancellable, callback, user_data);
  call_attempt (task);
}

JsonObject *
porting_intake_client_portability_finish (PortingIntakeClient  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  g_autoptr(JsonNode) answer = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (answer) ||
      !json_object_has_member (json_node_get_object (answer), "portable"))
    {
      g_set_error_literal (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_BAD_ANSWER,
                           _("The service sent a portability answer this app cannot read."));
      return NULL;
    }
  return json_object_ref (json_node_get_object (answer));
}
