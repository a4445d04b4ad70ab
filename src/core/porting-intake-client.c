/* porting-intake-client.c — talks to the intake service (DESIGN.md §3.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The API calls; how a call is sent, retried and bounded is in
 * porting-intake-client-call.c.
 */
#define G_LOG_DOMAIN "porting-intake-client"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-intake-client-private.h"

#define DEFAULT_RETRY_DELAY_MS   500
#define DEFAULT_MAX_ATTEMPTS     5
#define DEFAULT_TIMEOUT_S        60
#define DEFAULT_DEADLINE_S       120
#define DEFAULT_MAX_ANSWER_SIZE  (16 * 1024 * 1024)
/* A document, and the answer's own headroom. */
#define MAX_DOCUMENT_ANSWER      (PORTING_INTAKE_MAX_DOCUMENT_SIZE + 64 * 1024)
/* Pages of a whole listing: 200 000 requests, then it is a loop. */
#define MAX_PAGES                1000

G_DEFINE_FINAL_TYPE (PortingIntakeClient, porting_intake_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (porting-intake-error-quark, porting_intake_error)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TOKEN,
  PROP_RETRY_DELAY,
  PROP_MAX_ATTEMPTS,
  PROP_TIMEOUT,
  PROP_DEADLINE,
  PROP_MAX_ANSWER_SIZE,
  PROP_TLS_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Properties and life cycle */

static void
porting_intake_client_finalize (GObject *object)
{
  PortingIntakeClient *self = (PortingIntakeClient *) object;

  g_clear_object (&self->session);
  g_clear_object (&self->tls_database);
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
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_s);
      break;
    case PROP_DEADLINE:
      g_value_set_uint (value, self->deadline_s);
      break;
    case PROP_MAX_ANSWER_SIZE:
      g_value_set_uint64 (value, self->max_answer_size);
      break;
    case PROP_TLS_DATABASE:
      g_value_set_object (value, self->tls_database);
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
    case PROP_TIMEOUT:
      self->timeout_s = g_value_get_uint (value);
      g_object_set (self->session, "timeout", self->timeout_s, NULL);
      break;
    case PROP_DEADLINE:
      self->deadline_s = g_value_get_uint (value);
      break;
    case PROP_MAX_ANSWER_SIZE:
      self->max_answer_size = (gsize) g_value_get_uint64 (value);
      break;
    case PROP_TLS_DATABASE:
      g_set_object (&self->tls_database, g_value_get_object (value));
      soup_session_set_tls_database (self->session, self->tls_database);
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
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, 3600, DEFAULT_TIMEOUT_S,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL, 0, 24 * 3600, DEFAULT_DEADLINE_S,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_ANSWER_SIZE] =
    g_param_spec_uint64 ("max-answer-size", NULL, NULL, 1024, G_MAXUINT32, DEFAULT_MAX_ANSWER_SIZE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TLS_DATABASE] =
    g_param_spec_object ("tls-database", NULL, NULL, G_TYPE_TLS_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static guint
uint_from_env (const char *name,
               guint       fallback,
               guint       max)
{
  const char *value = g_getenv (name);
  guint64 parsed;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, max, &parsed, NULL))
    return fallback;
  return (guint) parsed;
}

static void
porting_intake_client_init (PortingIntakeClient *self)
{
  self->retry_delay_ms = uint_from_env ("PORTING_INTAKE_RETRY_DELAY_MS", DEFAULT_RETRY_DELAY_MS, 60000);
  self->max_attempts = MAX (uint_from_env ("PORTING_INTAKE_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS, 20), 1);
  self->timeout_s = uint_from_env ("PORTING_INTAKE_TIMEOUT", DEFAULT_TIMEOUT_S, 3600);
  self->deadline_s = uint_from_env ("PORTING_INTAKE_DEADLINE", DEFAULT_DEADLINE_S, 24 * 3600);
  self->max_answer_size = DEFAULT_MAX_ANSWER_SIZE;
  self->session = soup_session_new_with_options ("user-agent", "Porting/" PACKAGE_VERSION,
                                                 "timeout", self->timeout_s,
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
  if (g_str_equal (scheme, "http") && !porting_intake_host_is_loopback (g_uri_get_host (uri)))
    {
      g_set_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_INSECURE,
                   _("The service address must start with https:// so that your documents travel encrypted; plain http is only allowed to this computer."));
      return FALSE;
    }

  return TRUE;
}

/* Answers */

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

static GTask *
start_call (PortingIntakeClient *self,
            PortingIntakeCall   *call,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = porting_intake_call_task_new (self, call, source_tag, cancellable, callback, user_data);

  porting_intake_call_start (g_object_ref (task));
  return task;
}

/* A GET of @path whose JSON answer the _finish() function reads. */
static void
start_get (PortingIntakeClient *self,
           const char          *path,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = start_call (self, porting_intake_call_new (self, "GET", path), source_tag, cancellable, callback, user_data);
}

static char *
request_path (const char *id,
              const char *suffix)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat ("/v1/requests/", escaped, suffix, NULL);
}

/* Submit */

static gboolean
check_uploads (PortingIntakeCall  *call,
               GError            **error)
{
  goffset total = 0;

  if (call->uploads->len > PORTING_INTAKE_MAX_DOCUMENTS)
    {
      g_set_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_TOO_LARGE,
                   _("Send %u documents at most with one request."), PORTING_INTAKE_MAX_DOCUMENTS);
      return FALSE;
    }
  for (guint i = 0; i < call->uploads->len; i++)
    {
      PortingIntakeUpload *upload = &g_array_index (call->uploads, PortingIntakeUpload, i);

      if (upload->size > PORTING_INTAKE_MAX_DOCUMENT_SIZE)
        {
          g_autofree char *name = g_file_get_basename (upload->file);

          g_clear_pointer (&call->invalid_field, g_free);
          call->invalid_field = g_strdup (upload->part);
          g_set_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_TOO_LARGE,
                       _("“%s” is larger than 25 MB: send a smaller scan or export it again at a lower resolution."), name);
          return FALSE;
        }
      total += upload->size;
    }
  if (total > PORTING_INTAKE_MAX_BODY_SIZE - 1024 * 1024)
    {
      g_set_error_literal (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_TOO_LARGE,
                           _("The documents are larger than 63 MB together: send smaller scans."));
      return FALSE;
    }
  return TRUE;
}

static void
stat_uploads_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  PortingIntakeCall *call = task_data;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < call->uploads->len; i++)
    {
      PortingIntakeUpload *upload = &g_array_index (call->uploads, PortingIntakeUpload, i);
      g_autoptr(GFileInfo) info = NULL;

      info = g_file_query_info (upload->file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_autofree char *name = g_file_get_parse_name (upload->file);

          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                   _("The document “%s” cannot be opened: it was moved, deleted or is not a file."), name);
          return;
        }
      upload->size = g_file_info_get_size (info);
    }
  if (!check_uploads (call, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
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
  porting_intake_call_start (task);
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
  PortingIntakeCall *call;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));
  g_return_if_fail (PORTING_IS_REQUEST (request));
  g_return_if_fail (idempotency_key != NULL);

  call = porting_intake_call_new (self, "POST", "/v1/requests");
  call->idempotency_key = g_strdup (idempotency_key);
  call->progress = progress;
  call->progress_data = progress_data;
  task = porting_intake_call_task_new (self, call, porting_intake_client_submit_async, cancellable, callback, user_data);

  if (!porting_request_validate (request, &invalid_field, &error))
    {
      call->invalid_field = g_steal_pointer (&invalid_field);
      g_task_return_new_error (task, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_INVALID, "%s", error->message);
      return;
    }

  call->request_json = porting_request_to_json (request, PORTING_REQUEST_JSON_FOR_SUBMIT);
  if (loa != NULL)
    porting_intake_call_add_upload (call, "loa", loa);
  if (proof != NULL)
    porting_intake_call_add_upload (call, "proof", proof);
  for (guint i = 0; regulatory != NULL && i < regulatory->len; i++)
    porting_intake_call_add_upload (call, "regulatory", g_ptr_array_index (regulatory, i));
  if (call->uploads == NULL)
    call->uploads = g_array_new (FALSE, TRUE, sizeof (PortingIntakeUpload)); /* multipart all the same */

  /* Sizes are needed for Content-Length and the limits; stat off the main loop. */
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
  PortingIntakeCall *call;

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

/* List */

static GPtrArray *
requests_from_page (JsonNode   *answer,
                    char      **next_cursor,
                    GError    **error)
{
  g_autoptr(GPtrArray) requests = NULL;
  JsonArray *array = NULL;
  JsonNode *cursor = NULL;

  if (JSON_NODE_HOLDS_OBJECT (answer))
    {
      JsonObject *object = json_node_get_object (answer);
      JsonNode *member = json_object_get_member (object, "requests");

      if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
        array = json_node_get_array (member);
      cursor = json_object_get_member (object, "next_cursor");
    }
  else if (JSON_NODE_HOLDS_ARRAY (answer))
    array = json_node_get_array (answer);  /* a service older than pages */

  if (array == NULL ||
      (cursor != NULL && !JSON_NODE_HOLDS_NULL (cursor) &&
       (JSON_NODE_TYPE (cursor) != JSON_NODE_VALUE || json_node_get_value_type (cursor) != G_TYPE_STRING)))
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
  *next_cursor = cursor != NULL && !JSON_NODE_HOLDS_NULL (cursor) ? g_strdup (json_node_get_string (cursor)) : NULL;
  return g_steal_pointer (&requests);
}

static char *
list_path (const char *status,
           guint       limit,
           const char *cursor)
{
  GString *path = g_string_new ("/v1/requests");
  char separator = '?';

  if (limit > 0)
    {
      g_string_append_printf (path, "%climit=%u", separator, MIN (limit, PORTING_INTAKE_MAX_PAGE));
      separator = '&';
    }
  if (status != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (status, NULL, FALSE);

      g_string_append_printf (path, "%cstatus=%s", separator, escaped);
      separator = '&';
    }
  if (cursor != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (cursor, NULL, FALSE);

      g_string_append_printf (path, "%ccursor=%s", separator, escaped);
    }
  return g_string_free (path, FALSE);
}

void
porting_intake_client_list_page_async (PortingIntakeClient *self,
                                       const char          *status,
                                       guint                limit,
                                       const char          *cursor,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));

  path = list_path (status, limit, cursor);
  start_get (self, path, porting_intake_client_list_page_async, cancellable, callback, user_data);
}

GPtrArray *
porting_intake_client_list_page_finish (PortingIntakeClient  *self,
                                        GAsyncResult         *result,
                                        char                **next_cursor,
                                        GError              **error)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *cursor = NULL;
  GPtrArray *requests;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer == NULL)
    return NULL;
  requests = requests_from_page (answer, &cursor, error);
  if (requests != NULL && next_cursor != NULL)
    *next_cursor = g_steal_pointer (&cursor);
  return requests;
}

typedef struct
{
  char      *status;
  char      *cursor;
  GPtrArray *requests;
  guint      n_pages;
} Listing;

static void
listing_free (Listing *listing)
{
  g_free (listing->status);
  g_free (listing->cursor);
  g_ptr_array_unref (listing->requests);
  g_free (listing);
}

static void
list_page_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortingIntakeClient *self = PORTING_INTAKE_CLIENT (object);
  Listing *listing = g_task_get_task_data (task);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;

  page = porting_intake_client_list_page_finish (self, result, &next_cursor, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (listing->requests, g_object_ref (g_ptr_array_index (page, i)));

  if (next_cursor == NULL)
    {
      g_task_return_pointer (task, g_ptr_array_ref (listing->requests), (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  if (++listing->n_pages >= MAX_PAGES || g_strcmp0 (next_cursor, listing->cursor) == 0)
    {
      g_task_return_new_error (task, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_BAD_ANSWER,
                               _("The service sent a list of requests that does not end."));
      return;
    }
  g_free (listing->cursor);
  listing->cursor = g_steal_pointer (&next_cursor);
  porting_intake_client_list_page_async (self, listing->status, PORTING_INTAKE_MAX_PAGE, listing->cursor,
                                         g_task_get_cancellable (task), list_page_cb, g_object_ref (task));
}

void
porting_intake_client_list_async (PortingIntakeClient *self,
                                  const char          *status,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Listing *listing;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porting_intake_client_list_async);
  listing = g_new0 (Listing, 1);
  listing->status = g_strdup (status);
  listing->requests = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, listing, (GDestroyNotify) listing_free);

  porting_intake_client_list_page_async (self, status, PORTING_INTAKE_MAX_PAGE, NULL, cancellable,
                                         list_page_cb, g_object_ref (task));
}

GPtrArray *
porting_intake_client_list_finish (PortingIntakeClient  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Get */

void
porting_intake_client_get_async (PortingIntakeClient *self,
                                 const char          *id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));
  g_return_if_fail (id != NULL);

  path = request_path (id, "");
  start_get (self, path, porting_intake_client_get_async, cancellable, callback, user_data);
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
  GCancellable *cancellable = g_task_get_cancellable (task);

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Not in the call below: the order its arguments are read in is not defined. */
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
  PortingIntakeCall *call;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));
  g_return_if_fail (id != NULL && name != NULL && G_IS_FILE (destination));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, porting_intake_client_download_document_async);
  g_task_set_task_data (outer, g_object_ref (destination), g_object_unref);

  escaped = g_uri_escape_string (name, NULL, FALSE);
  suffix = g_strconcat ("/documents/", escaped, NULL);
  path = request_path (id, suffix);
  call = porting_intake_call_new (self, "GET", path);
  call->raw_answer = TRUE;
  call->max_answer = MAX_DOCUMENT_ANSWER;
  task = porting_intake_call_task_new (self, call, porting_intake_client_download_document_async,
                                       cancellable, download_fetched_cb, outer);
  porting_intake_call_start (task);
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

static void
start_review (PortingIntakeClient *self,
              const char          *id,
              JsonNode            *body,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autofree char *path = request_path (id, "/review");
  g_autofree char *text = json_to_string (body, FALSE);
  g_autoptr(GTask) task = NULL;
  PortingIntakeCall *call = porting_intake_call_new (self, "POST", path);

  call->json_body = g_bytes_new (text, strlen (text));
  task = start_call (self, call, source_tag, cancellable, callback, user_data);
}

void
porting_intake_client_review_async (PortingIntakeClient *self,
                                    const char          *id,
                                    JsonObject          *review,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));
  g_return_if_fail (id != NULL && review != NULL);

  node = json_node_init_object (json_node_alloc (), review);
  start_review (self, id, node, porting_intake_client_review_async, cancellable, callback, user_data);
}

void
porting_intake_client_send_review_async (PortingIntakeClient *self,
                                         const char          *id,
                                         PortingReview       *review,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));
  g_return_if_fail (id != NULL && PORTING_IS_REVIEW (review));

  if (!porting_review_validate (review, NULL, &error))
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, porting_intake_client_send_review_async);
      g_task_return_new_error (task, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_INVALID, "%s", error->message);
      return;
    }
  node = porting_review_to_json_node (review);
  start_review (self, id, node, porting_intake_client_send_review_async, cancellable, callback, user_data);
}

PortingRequest *
porting_intake_client_review_finish (PortingIntakeClient  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  return porting_intake_client_get_finish (self, result, error);
}

/* Wireless PIN, me */

void
porting_intake_client_get_wireless_pin_async (PortingIntakeClient *self,
                                              const char          *id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));
  g_return_if_fail (id != NULL);

  path = request_path (id, "/wireless-pin");
  start_get (self, path, porting_intake_client_get_wireless_pin_async, cancellable, callback, user_data);
}

char *
porting_intake_client_get_wireless_pin_finish (PortingIntakeClient  *self,
                                               GAsyncResult         *result,
                                               GError              **error)
{
  g_autoptr(JsonNode) answer = NULL;
  const char *pin = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (answer))
    pin = json_object_get_string_member_with_default (json_node_get_object (answer), "pin", NULL);
  if (pin == NULL)
    {
      g_set_error_literal (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_BAD_ANSWER,
                           _("The service sent a PIN this app cannot read."));
      return NULL;
    }
  return g_strdup (pin);
}

void
porting_intake_client_get_me_async (PortingIntakeClient *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));

  start_get (self, "/v1/me", porting_intake_client_get_me_async, cancellable, callback, user_data);
}

gboolean
porting_intake_client_get_me_finish (PortingIntakeClient  *self,
                                     GAsyncResult         *result,
                                     char                **name,
                                     gboolean             *is_staff,
                                     char                **expires_at,
                                     GError              **error)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;
  const char *role;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer == NULL)
    return FALSE;
  object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  role = object ? json_object_get_string_member_with_default (object, "role", NULL) : NULL;
  if (role == NULL || (!g_str_equal (role, "staff") && !g_str_equal (role, "customer")))
    {
      g_set_error_literal (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_BAD_ANSWER,
                           _("The service sent an answer this app cannot read: check the service address, or try again later."));
      return FALSE;
    }
  if (name != NULL)
    *name = g_strdup (json_object_get_string_member_with_default (object, "name", NULL));
  if (is_staff != NULL)
    *is_staff = g_str_equal (role, "staff");
  if (expires_at != NULL)
    *expires_at = g_strdup (json_object_get_string_member_with_default (object, "expires_at", NULL));
  return TRUE;
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

  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (self));
  g_return_if_fail (e164 != NULL);

  escaped = g_uri_escape_string (e164, NULL, FALSE);
  path = g_strconcat ("/v1/portability/", escaped, NULL);
  start_get (self, path, porting_intake_client_portability_async, cancellable, callback, user_data);
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
