/* porting-intake-server.c — the intake HTTP API (DESIGN.md §3.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-intake-server"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <unistd.h>

#include "porting-intake-server.h"
#include "porting-phone-number.h"

/* Several documents may come at once; a body beyond this is refused unread. */
#define MAX_BODY (PORTING_INTAKE_MAX_UPLOAD * 8 + 1024 * 1024)

struct _PortingIntakeServer
{
  GObject             parent_instance;

  PortingIntakeStore *store;
  SoupServer         *server;
  char               *spool_dir;
};

G_DEFINE_TYPE (PortingIntakeServer, porting_intake_server, G_TYPE_OBJECT)

/* The upload body goes to a file as it arrives, not into memory. */
typedef struct
{
  char     *path;
  int       fd;
  gboolean  failed;
} Spool;

static void
spool_free (Spool *spool)
{
  if (spool->fd >= 0)
    close (spool->fd);
  g_unlink (spool->path);
  g_free (spool->path);
  g_free (spool);
}

/* Answers */

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              JsonNode          *node)
{
  g_autofree char *text = json_to_string (node, FALSE);
  gsize length = strlen (text);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&text), length);
}

static void
respond_error (SoupServerMessage *msg,
               guint              status,
               const char        *code,
               const char        *message,
               const char        *field)
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
  respond_json (msg, status, node);
}

static void
respond_request (SoupServerMessage *msg,
                 guint              status,
                 PortingRequest    *request)
{
  /* No PORTING_REQUEST_JSON_FOR_SUBMIT: a PIN never goes back out. */
  g_autoptr(JsonNode) node = porting_request_to_json_node (request, PORTING_REQUEST_JSON_STORED);

  respond_json (msg, status, node);
}

static void
respond_store_error (SoupServerMessage *msg,
                     const GError      *error)
{
  if (g_error_matches (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND))
    respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", "There is no such request.", NULL);
  else
    {
      g_warning ("%s", error->message);
      respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                     "The service could not complete this; try again later.", NULL);
    }
}

static PortingIntakeAccount *
authenticate (PortingIntakeServer *self,
              SoupServerMessage   *msg)
{
  const char *authorization;
  PortingIntakeAccount *account = NULL;

  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  if (authorization != NULL && g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
    account = porting_intake_store_authenticate (self->store, authorization + 7);

  if (account == NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Bearer realm=\"porting-intake\"");
      respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                     "A valid access token is needed (Authorization: Bearer TOKEN).", NULL);
    }
  return account;
}

/* Uploads */

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              Spool             *spool)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (chunk, &size);
  gsize written = 0;

  while (!spool->failed && written < size)
    {
      gssize n = write (spool->fd, data + written, size - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        spool->failed = TRUE;
      else
        written += n;
    }
}

static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  PortingIntakeServer *self = user_data;
  g_autoptr(PortingIntakeAccount) account = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  Spool *spool;

  if (!g_str_equal (soup_server_message_get_method (msg), "POST") || !g_str_equal (path, "/v1/requests"))
    return;

  /* Refuse before the body is read: no token, or a body too large to take. */
  account = authenticate (self, msg);
  if (account == NULL)
    return;

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > MAX_BODY)
    {
      respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
                     "The documents are too large: each may be 25 MiB at most.", NULL);
      return;
    }

  spool = g_new0 (Spool, 1);
  spool->path = g_build_filename (self->spool_dir, "upload-XXXXXX", NULL);
  spool->fd = g_mkstemp_full (spool->path, O_RDWR | O_CLOEXEC, 0600);
  if (spool->fd < 0)
    {
      g_warning ("Cannot create %s: %s", spool->path, g_strerror (errno));
      g_free (spool->path);
      g_free (spool);
      return;
    }
  g_object_set_data_full (G_OBJECT (msg), "porting-spool", spool, (GDestroyNotify) spool_free);
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), spool);
}

static GBytes *
request_body_bytes (SoupServerMessage  *msg,
                    GMappedFile       **mapped_out)
{
  Spool *spool = g_object_get_data (G_OBJECT (msg), "porting-spool");
  g_autoptr(GError) error = NULL;
  GMappedFile *mapped;

  if (spool == NULL)
    return soup_message_body_flatten (soup_server_message_get_request_body (msg));

  if (spool->failed)
    return NULL;

  /* Mapped, not read: the parts below are slices of these pages. */
  mapped = g_mapped_file_new_from_fd (spool->fd, FALSE, &error);
  if (mapped == NULL)
    {
      /* An empty file cannot be mapped. */
      return g_bytes_new (NULL, 0);
    }
  *mapped_out = mapped;
  return g_mapped_file_get_bytes (mapped);
}

static const char *
sniff_content_type (const guint8 *data,
                    gsize         size)
{
  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return "application/pdf";
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (size >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return "image/jpeg";
  return NULL;
}

static void
handle_submit (PortingIntakeServer  *self,
               SoupServerMessage    *msg,
               PortingIntakeAccount *account)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SoupMultipart) multipart = NULL;
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_intake_document_free);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *invalid_field = NULL;
  GBytes *request_part = NULL;
  const char *key;
  guint n_regulatory = 0;
  gboolean has_loa = FALSE, has_proof = FALSE;

  key = soup_message_headers_get_one (headers, "Idempotency-Key");
  if (key != NULL && !g_uuid_string_is_valid (key))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad-idempotency-key",
                     "The Idempotency-Key header must be a UUID.", "Idempotency-Key");
      return;
    }

  if (key != NULL)
    {
      stored = porting_intake_store_find_by_key (self->store, account, key, &error);
      if (error != NULL)
        {
          respond_store_error (msg, error);
          return;
        }
      if (stored != NULL)
        {
          /* A retry of a request already made: the first answer again, nothing new. */
          respond_request (msg, SOUP_STATUS_OK, stored);
          return;
        }
    }

  body = request_body_bytes (msg, &mapped);
  if (body == NULL)
    {
      respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                     "The upload could not be kept; try again later.", NULL);
      return;
    }

  multipart = soup_multipart_new_from_message (headers, body);
  if (multipart == NULL)
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed-multipart",
                     "The body must be multipart/form-data with a part named “request”.", NULL);
      return;
    }

  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *part_headers;
      GBytes *part_body;
      g_autoptr(GHashTable) params = NULL;
      g_autofree char *disposition = NULL;
      const char *name;

      if (!soup_multipart_get_part (multipart, i, &part_headers, &part_body) ||
          !soup_message_headers_get_content_disposition (part_headers, &disposition, &params) ||
          (name = g_hash_table_lookup (params, "name")) == NULL)
        {
          respond_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed-multipart",
                         "Every part needs a Content-Disposition with a name.", NULL);
          return;
        }

      if (g_str_equal (name, "request"))
        request_part = part_body;
      else if (g_str_equal (name, "loa") || g_str_equal (name, "proof") || g_str_equal (name, "regulatory"))
        {
          PortingIntakeDocument *document;
          gsize size;
          const guint8 *data = g_bytes_get_data (part_body, &size);
          const char *content_type;

          if ((g_str_equal (name, "loa") && has_loa) || (g_str_equal (name, "proof") && has_proof))
            {
              respond_error (msg, SOUP_STATUS_BAD_REQUEST, "duplicate-document",
                             "Send one LOA and one proof; several files are only allowed as “regulatory”.", name);
              return;
            }
          if ((goffset) size > PORTING_INTAKE_MAX_UPLOAD)
            {
              respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
                             "A document is larger than 25 MiB: send a smaller scan.", name);
              return;
            }
          content_type = sniff_content_type (data, size);
          if (content_type == NULL)
            {
              respond_error (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported-document",
                             "Documents must be PDF, PNG or JPEG files.", name);
              return;
            }

          document = g_new0 (PortingIntakeDocument, 1);
          if (g_str_equal (name, "regulatory"))
            document->name = g_strdup_printf ("regulatory-%u", ++n_regulatory);
          else
            document->name = g_strdup (name);
          document->part = g_strdup (name);
          document->content_type = g_strdup (content_type);
          document->size = size;
          document->filename = g_strdup (g_hash_table_lookup (params, "filename"));
          g_ptr_array_add (documents, document);
          g_ptr_array_add (bodies, g_bytes_ref (part_body));
          has_loa |= g_str_equal (name, "loa");
          has_proof |= g_str_equal (name, "proof");
        }
    }

  if (request_part == NULL)
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "missing-request",
                     "The part named “request” with the request as JSON is missing.", "request");
      return;
    }

  request = porting_request_new_from_json (g_bytes_get_data (request_part, NULL),
                                           g_bytes_get_size (request_part), &invalid_field, &error);
  if (request == NULL)
    {
      if (g_error_matches (error, PORTING_REQUEST_ERROR, PORTING_REQUEST_ERROR_MALFORMED))
        respond_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed-json", error->message, "request");
      else
        respond_error (msg, 422, "invalid", error->message, invalid_field);
      return;
    }

  if (!porting_request_validate (request, &invalid_field, &error))
    {
      respond_error (msg, 422, "invalid", error->message, invalid_field);
      return;
    }

  /* Documents are durable under their hash before the row that names them commits. */
  for (guint i = 0; i < documents->len; i++)
    {
      PortingIntakeDocument *document = g_ptr_array_index (documents, i);
      GBytes *part_body = g_ptr_array_index (bodies, i);

      document->sha256 = porting_intake_store_save_document (self->store,
                                                             g_bytes_get_data (part_body, NULL),
                                                             g_bytes_get_size (part_body), &error);
      if (document->sha256 == NULL)
        {
          respond_store_error (msg, error);
          return;
        }
    }

  stored = porting_intake_store_create_request (self->store, account, key, request, documents, &error);
  if (stored == NULL)
    {
      respond_store_error (msg, error);
      return;
    }

  respond_request (msg, SOUP_STATUS_CREATED, stored);
}

static void
handle_list (PortingIntakeServer  *self,
             SoupServerMessage    *msg,
             PortingIntakeAccount *account,
             GHashTable           *query)
{
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  const char *status = query ? g_hash_table_lookup (query, "status") : NULL;
  PortingRequestStatus unused;
  JsonArray *array;

  if (status != NULL && !porting_request_status_from_string (status, &unused))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad-status", "This status is not known.", "status");
      return;
    }

  requests = porting_intake_store_list_requests (self->store, account, status, &error);
  if (requests == NULL)
    {
      respond_store_error (msg, error);
      return;
    }

  array = json_array_new ();
  for (guint i = 0; i < requests->len; i++)
    json_array_add_element (array, porting_request_to_json_node (g_ptr_array_index (requests, i),
                                                                 PORTING_REQUEST_JSON_STORED));
  json_object_set_array_member (root, "requests", array);
  node = json_node_init_object (json_node_alloc (), root);
  respond_json (msg, SOUP_STATUS_OK, node);
}

static void
handle_document (PortingIntakeServer  *self,
                 SoupServerMessage    *msg,
                 PortingIntakeAccount *account,
                 const char           *id,
                 const char           *name)
{
  g_autoptr(PortingIntakeDocument) document = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  document = porting_intake_store_get_document (self->store, account, id, name, &error);
  if (document == NULL)
    {
      if (g_error_matches (error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NOT_FOUND))
        respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", "There is no such document.", NULL);
      else
        respond_store_error (msg, error);
      return;
    }

  path = porting_intake_store_get_document_path (self->store, document->sha256);
  mapped = g_mapped_file_new (path, FALSE, &error);
  if (mapped == NULL)
    {
      respond_store_error (msg, error);
      return;
    }
  bytes = g_mapped_file_get_bytes (mapped);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         document->content_type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}

static JsonObject *
parse_object_body (SoupServerMessage *msg)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

static JsonObject *
object_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
handle_review (PortingIntakeServer  *self,
               SoupServerMessage    *msg,
               PortingIntakeAccount *account,
               const char           *id)
{
  g_autoptr(JsonObject) review = NULL;
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GError) error = NULL;
  PortingRequestStatus status;
  const char *decision;
  const char *status_text;
  const char *note;
  const char *foc_date;
  JsonObject *answer;

  if (!account->staff)
    {
      respond_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", "Only support staff can review requests.", NULL);
      return;
    }

  review = parse_object_body (msg);
  if (review == NULL)
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed-json", "The review must be a JSON object.", NULL);
      return;
    }

  decision = json_object_get_string_member_with_default (review, "decision", NULL);
  status_text = json_object_get_string_member_with_default (review, "status", NULL);
  note = json_object_get_string_member_with_default (review, "note", NULL);
  foc_date = json_object_get_string_member_with_default (review, "foc_date", NULL);
  answer = object_member (review, "answer");

  if (status_text != NULL)
    {
      if (!porting_request_status_from_string (status_text, &status))
        {
          respond_error (msg, 422, "invalid", "This status is not known.", "status");
          return;
        }
    }
  else if (g_strcmp0 (decision, "approve") == 0)
    status = PORTING_REQUEST_STATUS_APPROVED;
  else if (g_strcmp0 (decision, "reject") == 0)
    status = PORTING_REQUEST_STATUS_REJECTED;
  else if (g_strcmp0 (decision, "action-required") == 0)
    status = PORTING_REQUEST_STATUS_ACTION_REQUIRED;
  else if (g_strcmp0 (decision, "in-review") == 0)
    status = PORTING_REQUEST_STATUS_IN_REVIEW;
  else if (g_strcmp0 (decision, "cancel") == 0)
    status = PORTING_REQUEST_STATUS_CANCELLED;
  else
    {
      respond_error (msg, 422, "invalid",
                     "The decision must be approve, reject, action-required, in-review or cancel, or a status must be given.",
                     "decision");
      return;
    }

  if (status == PORTING_REQUEST_STATUS_REJECTED && note == NULL &&
      (answer == NULL || json_object_get_string_member_with_default (answer, "reason", NULL) == NULL))
    {
      respond_error (msg, 422, "invalid", "A rejection needs a reason for the customer.", "answer.reason");
      return;
    }
  if (status == PORTING_REQUEST_STATUS_SCHEDULED &&
      (foc_date == NULL || strlen (foc_date) != 10))
    {
      respond_error (msg, 422, "invalid", "A scheduled port needs its FOC date (YYYY-MM-DD).", "foc_date");
      return;
    }
  if (note == NULL && answer != NULL)
    note = json_object_get_string_member_with_default (answer, "reason", NULL);

  stored = porting_intake_store_review (self->store, account, id, status, note, foc_date,
                                        object_member (review, "document_check"), answer, &error);
  if (stored == NULL)
    {
      respond_store_error (msg, error);
      return;
    }
  respond_request (msg, SOUP_STATUS_OK, stored);
}

static gboolean
type_is_portable (PortingNumberType type)
{
  switch (type)
    {
    case PORTING_NUMBER_TYPE_FIXED_LINE:
    case PORTING_NUMBER_TYPE_MOBILE:
    case PORTING_NUMBER_TYPE_FIXED_LINE_OR_MOBILE:
    case PORTING_NUMBER_TYPE_TOLL_FREE:
    case PORTING_NUMBER_TYPE_UNKNOWN:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
handle_portability (PortingIntakeServer *self,
                    SoupServerMessage   *msg,
                    const char          *number)
{
  g_autoptr(PortingPhoneNumber) parsed = porting_phone_number_parse (number, NULL);
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  const char *reason = NULL;
  gboolean portable;

  if (parsed->e164 == NULL)
    {
      respond_error (msg, 422, "invalid", "This is not a telephone number in international form (+15105550142).", "number");
      return;
    }

  portable = g_strcmp0 (parsed->region, "US") == 0 || g_strcmp0 (parsed->region, "CA") == 0;
  if (!portable)
    reason = "Numbers outside the US and Canada cannot be ported here: contact support to ask about this number.";
  else if (!type_is_portable (parsed->type))
    {
      portable = FALSE;
      reason = "This kind of number cannot be ported here: contact support to ask about it.";
    }

  json_object_set_string_member (root, "number", parsed->e164);
  json_object_set_boolean_member (root, "portable", portable);
  if (parsed->region != NULL)
    json_object_set_string_member (root, "region", parsed->region);
  else
    json_object_set_null_member (root, "region");
  if (parsed->country_name != NULL)
    json_object_set_string_member (root, "country_name", parsed->country_name);
  json_object_set_string_member (root, "number_type", porting_number_type_to_string (parsed->type));
  json_object_set_boolean_member (root, "valid", parsed->valid);
  if (reason != NULL)
    json_object_set_string_member (root, "reason", reason);
  else
    json_object_set_null_member (root, "reason");

  node = json_node_init_object (json_node_alloc (), root);
  respond_json (msg, SOUP_STATUS_OK, node);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  PortingIntakeServer *self = user_data;
  g_autoptr(PortingIntakeAccount) account = NULL;
  g_auto(GStrv) segments = NULL;
  const char *method = soup_server_message_get_method (msg);
  guint n;

  segments = g_strsplit (path, "/", -1);
  n = g_strv_length (segments);

  if (n < 2 || !g_str_equal (segments[1], "v1"))
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", "There is nothing here.", NULL);
      return;
    }

  account = authenticate (self, msg);
  if (account == NULL)
    return;

  if (n == 3 && g_str_equal (segments[2], "requests"))
    {
      if (g_str_equal (method, "POST"))
        handle_submit (self, msg, account);
      else if (g_str_equal (method, "GET"))
        handle_list (self, msg, account, query);
      else
        respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed", "Use GET or POST here.", NULL);
      return;
    }

  if (n == 4 && g_str_equal (segments[2], "requests") && g_str_equal (method, "GET"))
    {
      g_autoptr(PortingRequest) request = NULL;
      g_autoptr(GError) error = NULL;

      request = porting_intake_store_get_request (self->store, account, segments[3], &error);
      if (request == NULL)
        respond_store_error (msg, error);
      else
        respond_request (msg, SOUP_STATUS_OK, request);
      return;
    }

  if (n == 6 && g_str_equal (segments[2], "requests") && g_str_equal (segments[4], "documents") &&
      g_str_equal (method, "GET"))
    {
      handle_document (self, msg, account, segments[3], segments[5]);
      return;
    }

  if (n == 5 && g_str_equal (segments[2], "requests") && g_str_equal (segments[4], "review") &&
      g_str_equal (method, "POST"))
    {
      handle_review (self, msg, account, segments[3]);
      return;
    }

  if (n == 4 && g_str_equal (segments[2], "portability") && g_str_equal (method, "GET"))
    {
      handle_portability (self, msg, segments[3]);
      return;
    }

  respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", "There is nothing here.", NULL);
}

static void
log_request (SoupServer        *server,
             SoupServerMessage *msg,
             gpointer           user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  GUri *uri = soup_server_message_get_uri (msg);
  const char *remote = soup_server_message_get_remote_host (msg);

  g_printerr ("%s %s %s %s %u%s\n", stamp, remote ? remote : "-",
              soup_server_message_get_method (msg), uri ? g_uri_get_path (uri) : "-",
              soup_server_message_get_status (msg),
              user_data != NULL ? " aborted" : "");
}

static void
porting_intake_server_finalize (GObject *object)
{
  PortingIntakeServer *self = (PortingIntakeServer *) object;

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->store);
  g_clear_pointer (&self->spool_dir, g_free);

  G_OBJECT_CLASS (porting_intake_server_parent_class)->finalize (object);
}

static void
porting_intake_server_class_init (PortingIntakeServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = porting_intake_server_finalize;
}

static void
porting_intake_server_init (PortingIntakeServer *self)
{
}

static void
clean_spool_dir (const char *spool_dir)
{
  g_autoptr(GDir) dir = g_dir_open (spool_dir, 0, NULL);
  const char *name;

  /* Bodies of uploads cut short by a crash: never committed, never needed. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (spool_dir, name, NULL);
      g_unlink (path);
    }
}

PortingIntakeServer *
porting_intake_server_new (PortingIntakeStore *store)
{
  PortingIntakeServer *self = g_object_new (PORTING_TYPE_INTAKE_SERVER, NULL);

  self->store = g_object_ref (store);
  self->spool_dir = g_build_filename (porting_intake_store_get_data_dir (store), "spool", NULL);
  g_mkdir_with_parents (self->spool_dir, 0700);
  clean_spool_dir (self->spool_dir);

  self->server = soup_server_new ("server-header", "porting-intake/" PACKAGE_VERSION, NULL);
  /* One path, both handlers: an early-only entry would shadow the default one. */
  soup_server_add_early_handler (self->server, "/v1/requests", early_handler, self, NULL);
  soup_server_add_handler (self->server, "/v1/requests", handler, self, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  g_signal_connect (self->server, "request-finished", G_CALLBACK (log_request), NULL);
  g_signal_connect (self->server, "request-aborted", G_CALLBACK (log_request), GINT_TO_POINTER (1));
  return self;
}

gboolean
porting_intake_server_listen (PortingIntakeServer  *self,
                              const char           *address,
                              GError              **error)
{
  g_autoptr(GSocketAddress) socket_address = NULL;
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

  socket_address = g_inet_socket_address_new_from_string (host, (guint) port);
  if (socket_address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address.", host);
      return FALSE;
    }

  return soup_server_listen (self->server, socket_address, 0, error);
}

char *
porting_intake_server_get_url (PortingIntakeServer *self)
{
  GSList *uris = soup_server_get_uris (self->server);
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
