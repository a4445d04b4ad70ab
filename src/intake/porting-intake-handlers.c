/* porting-intake-handlers.c — the intake HTTP API (DESIGN.md §3.5): what each path does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Routing and checking what needs no database happen on the main loop; the
 * rest is a job for a worker thread, the message paused until it is done.
 */
#define G_LOG_DOMAIN "porting-intake-server"

#include "config.h"

#include <string.h>

#include "porting-intake-secret.h"
#include "porting-intake-server-private.h"
#include "porting-phone-number.h"

#define DEFAULT_PAGE 50
#define MAX_PAGE     200

static void
respond (SoupServerMessage  *msg,
         PortingIntakeReply *reply)
{
  g_autoptr(PortingIntakeReply) owned = reply;

  porting_intake_reply_apply (owned, msg);
}

static void
respond_error (SoupServerMessage *msg,
               guint              status,
               const char        *code,
               const char        *message,
               const char        *field)
{
  respond (msg, porting_intake_reply_error (status, code, message, field));
}

static PortingIntakeReply *
reply_request (guint           status,
               PortingRequest *request)
{
  /* No PORTING_REQUEST_JSON_FOR_SUBMIT: a PIN never goes back out. */
  return porting_intake_reply_json (status, porting_request_to_json_node (request, PORTING_REQUEST_JSON_STORED));
}

/* Submit */

typedef struct
{
  PortingIntakeAccount *account;
  char                 *idempotency_key;
  PortingIntakeUpload  *upload;
} Submission;

static void
submission_free (Submission *submission)
{
  porting_intake_account_free (submission->account);
  g_free (submission->idempotency_key);
  porting_intake_upload_free (submission->upload);
  g_free (submission);
}

static PortingIntakeReply *
submit_job (PortingIntakeServer *self,
            gpointer             data)
{
  Submission *submission = data;
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *invalid_field = NULL;
  const char *json;
  gsize size = 0;
  gboolean created = FALSE;

  json = porting_intake_upload_get_request_part (submission->upload, &size);
  if (json == NULL)
    return porting_intake_reply_error (SOUP_STATUS_BAD_REQUEST, "missing-request",
                                       "The part named “request” with the request as JSON is missing.", "request");
  if (size == 0)
    return porting_intake_reply_error (SOUP_STATUS_BAD_REQUEST, "malformed-json",
                                       "The part named “request” is empty.", "request");

  /* Its depth is checked before json-glib builds anything of it. */
  request = porting_request_new_from_json (json, (gssize) size, &invalid_field, &error);
  if (request == NULL)
    {
      if (g_error_matches (error, PORTING_REQUEST_ERROR, PORTING_REQUEST_ERROR_MALFORMED))
        return porting_intake_reply_error (SOUP_STATUS_BAD_REQUEST, "malformed-json", error->message, "request");
      return porting_intake_reply_error (422, "invalid", error->message, invalid_field);
    }
  if (!porting_request_validate (request, &invalid_field, &error))
    return porting_intake_reply_error (422, "invalid", error->message, invalid_field);

  documents = porting_intake_upload_steal_documents (submission->upload);
  stored = porting_intake_store_submit (self->store, submission->account, submission->idempotency_key,
                                        request, documents, &created, &error);
  if (stored == NULL)
    return porting_intake_reply_from_store_error (error);

  /* A retry of a request already made gets the first answer again. */
  return reply_request (SOUP_STATUS_CREATED, stored);
}

static void
handle_submit (PortingIntakeServer   *self,
               SoupServerMessage     *msg,
               PortingIntakeExchange *exchange)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GError) error = NULL;
  const char *key;
  Submission *submission;

  key = soup_message_headers_get_one (headers, "Idempotency-Key");
  if (key != NULL && !g_uuid_string_is_valid (key))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad-idempotency-key",
                     "The Idempotency-Key header must be a UUID.", "Idempotency-Key");
      return;
    }
  if (exchange->upload == NULL)
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed-multipart",
                     "The body must be multipart/form-data with a part named “request”.", NULL);
      return;
    }
  if (!porting_intake_upload_finish (exchange->upload, &error))
    {
      guint status = SOUP_STATUS_BAD_REQUEST;
      const char *code = "malformed-multipart";

      if (g_error_matches (error, PORTING_INTAKE_UPLOAD_ERROR, PORTING_INTAKE_UPLOAD_ERROR_UNSUPPORTED))
        {
          status = SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE;
          code = "unsupported-document";
        }
      else if (g_error_matches (error, PORTING_INTAKE_UPLOAD_ERROR, PORTING_INTAKE_UPLOAD_ERROR_DUPLICATE))
        code = "duplicate-document";
      respond_error (msg, status, code, error->message, porting_intake_upload_get_error_field (exchange->upload));
      return;
    }

  submission = g_new0 (Submission, 1);
  submission->account = porting_intake_account_copy (exchange->account);
  submission->idempotency_key = g_strdup (key);
  submission->upload = g_steal_pointer (&exchange->upload);
  porting_intake_server_run_job (self, msg, submit_job, submission, (GDestroyNotify) submission_free);
}

/* List, get */

typedef struct
{
  PortingIntakeAccount *account;
  char                 *id;
  char                 *name;
  char                 *status;
  char                 *cursor;
  guint                 limit;
  PortingReview        *review;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  porting_intake_account_free (lookup->account);
  g_free (lookup->id);
  g_free (lookup->name);
  g_free (lookup->status);
  g_free (lookup->cursor);
  g_clear_object (&lookup->review);
  g_free (lookup);
}

static Lookup *
lookup_new (PortingIntakeExchange *exchange,
            const char            *id)
{
  Lookup *lookup = g_new0 (Lookup, 1);

  lookup->account = porting_intake_account_copy (exchange->account);
  lookup->id = g_strdup (id);
  return lookup;
}

static PortingIntakeReply *
list_job (PortingIntakeServer *self,
          gpointer             data)
{
  Lookup *lookup = data;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  g_autoptr(JsonObject) root = json_object_new ();
  JsonArray *array;

  requests = porting_intake_store_list_requests (self->store, lookup->account, lookup->status, lookup->limit,
                                                 lookup->cursor, &next_cursor, &error);
  if (requests == NULL)
    return porting_intake_reply_from_store_error (error);

  array = json_array_new ();
  for (guint i = 0; i < requests->len; i++)
    json_array_add_element (array, porting_request_to_json_node (g_ptr_array_index (requests, i),
                                                                 PORTING_REQUEST_JSON_STORED));
  json_object_set_array_member (root, "requests", array);
  if (next_cursor != NULL)
    json_object_set_string_member (root, "next_cursor", next_cursor);
  else
    json_object_set_null_member (root, "next_cursor");
  return porting_intake_reply_json (SOUP_STATUS_OK, json_node_init_object (json_node_alloc (), root));
}

static void
handle_list (PortingIntakeServer   *self,
             SoupServerMessage     *msg,
             PortingIntakeExchange *exchange,
             GHashTable            *query)
{
  const char *status = query ? g_hash_table_lookup (query, "status") : NULL;
  const char *limit = query ? g_hash_table_lookup (query, "limit") : NULL;
  const char *cursor = query ? g_hash_table_lookup (query, "cursor") : NULL;
  PortingRequestStatus unused;
  guint64 page = DEFAULT_PAGE;
  Lookup *lookup;

  if (status != NULL && !porting_request_status_from_string (status, &unused))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad-status", "This status is not known.", "status");
      return;
    }
  if (limit != NULL && !g_ascii_string_to_unsigned (limit, 10, 1, MAX_PAGE, &page, NULL))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad-limit", "The limit must be a number from 1 to 200.", "limit");
      return;
    }

  lookup = lookup_new (exchange, NULL);
  lookup->status = g_strdup (status);
  lookup->cursor = cursor && *cursor ? g_strdup (cursor) : NULL;
  lookup->limit = (guint) page;
  porting_intake_server_run_job (self, msg, list_job, lookup, (GDestroyNotify) lookup_free);
}

static PortingIntakeReply *
get_job (PortingIntakeServer *self,
         gpointer             data)
{
  Lookup *lookup = data;
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  request = porting_intake_store_get_request (self->store, lookup->account, lookup->id, &error);
  if (request == NULL)
    return porting_intake_reply_from_store_error (error);
  return reply_request (SOUP_STATUS_OK, request);
}

static PortingIntakeReply *
document_job (PortingIntakeServer *self,
              gpointer             data)
{
  Lookup *lookup = data;
  g_autoptr(PortingIntakeDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PortingIntakeReply *reply;
  GMappedFile *file;

  document = porting_intake_store_get_document (self->store, lookup->account, lookup->id, lookup->name, &error);
  if (document == NULL)
    return porting_intake_reply_from_store_error (error);

  path = porting_intake_store_get_document_path (self->store, document->sha256);
  file = g_mapped_file_new (path, FALSE, &error);
  if (file == NULL)
    {
      g_warning ("Document %s of request %s: %s", lookup->name, lookup->id, error->message);
      return porting_intake_reply_error (SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                                         "The document could not be read; try again later.", NULL);
    }

  reply = g_new0 (PortingIntakeReply, 1);
  reply->status = SOUP_STATUS_OK;
  reply->file = file;
  reply->content_type = g_strdup (document->content_type);
  reply->filename = g_strdup (document->filename ? document->filename : document->name);
  return reply;
}

/* Review, PIN */

static PortingIntakeReply *
review_job (PortingIntakeServer *self,
            gpointer             data)
{
  Lookup *lookup = data;
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  request = porting_intake_store_review (self->store, lookup->account, lookup->id, lookup->review, &error);
  if (request == NULL)
    return porting_intake_reply_from_store_error (error);
  return reply_request (SOUP_STATUS_OK, request);
}

static void
handle_review (PortingIntakeServer   *self,
               SoupServerMessage     *msg,
               PortingIntakeExchange *exchange,
               const char            *id)
{
  g_autoptr(PortingReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *invalid_field = NULL;
  Lookup *lookup;

  if (!exchange->account->staff)
    {
      respond_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", "Only support staff can review requests.", NULL);
      return;
    }

  /* Its depth is checked before json-glib builds anything of it. */
  review = porting_review_new_from_json (exchange->body ? (const char *) exchange->body->data : "",
                                         exchange->body ? (gssize) exchange->body->len : 0,
                                         &invalid_field, &error);
  if (review == NULL)
    {
      if (g_error_matches (error, PORTING_REVIEW_ERROR, PORTING_REVIEW_ERROR_MALFORMED))
        respond_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed-json", error->message, NULL);
      else
        respond_error (msg, 422, "invalid", error->message, invalid_field);
      return;
    }
  if (!porting_review_validate (review, &invalid_field, &error))
    {
      respond_error (msg, 422, "invalid", error->message, invalid_field);
      return;
    }

  lookup = lookup_new (exchange, id);
  lookup->review = g_steal_pointer (&review);
  porting_intake_server_run_job (self, msg, review_job, lookup, (GDestroyNotify) lookup_free);
}

static PortingIntakeReply *
pin_job (PortingIntakeServer *self,
         gpointer             data)
{
  Lookup *lookup = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  char *pin;

  pin = porting_intake_store_read_wireless_pin (self->store, lookup->account, lookup->id, &error);
  if (pin == NULL)
    return porting_intake_reply_from_store_error (error);

  root = json_object_new ();
  json_object_set_string_member (root, "pin", pin);
  porting_intake_secret_wipe (pin);
  return porting_intake_reply_json (SOUP_STATUS_OK, json_node_init_object (json_node_alloc (), root));
}

/* Inline: no database */

static void
handle_me (SoupServerMessage     *msg,
           PortingIntakeExchange *exchange)
{
  g_autoptr(JsonObject) root = json_object_new ();
  PortingIntakeAccount *account = exchange->account;

  json_object_set_string_member (root, "name", account->name);
  json_object_set_string_member (root, "role", account->staff ? "staff" : "customer");
  if (account->expires_at != NULL)
    json_object_set_string_member (root, "expires_at", account->expires_at);
  else
    json_object_set_null_member (root, "expires_at");
  respond (msg, porting_intake_reply_json (SOUP_STATUS_OK, json_node_init_object (json_node_alloc (), root)));
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
handle_portability (SoupServerMessage *msg,
                    const char        *number)
{
  g_autoptr(PortingPhoneNumber) parsed = porting_phone_number_parse (number, NULL);
  g_autoptr(JsonObject) root = json_object_new ();
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
  respond (msg, porting_intake_reply_json (SOUP_STATUS_OK, json_node_init_object (json_node_alloc (), root)));
}

/* Routing */

static void
method_not_allowed (SoupServerMessage *msg,
                    const char        *allow)
{
  g_autofree char *message = g_strdup_printf ("Use %s here.", allow);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
  respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed", message, NULL);
}

void
porting_intake_server_route (PortingIntakeServer *self,
                             SoupServerMessage   *msg,
                             const char          *path,
                             GHashTable          *query)
{
  PortingIntakeExchange *exchange = porting_intake_exchange_get (msg);
  g_auto(GStrv) segments = g_strsplit (path, "/", 7);
  const char *method = soup_server_message_get_method (msg);
  gboolean get = g_str_equal (method, "GET");
  gboolean post = g_str_equal (method, "POST");
  guint n = g_strv_length (segments);

  /* segments[0] is empty, segments[1] "v1". */
  if (n == 3 && g_str_equal (segments[2], "requests"))
    {
      if (post)
        handle_submit (self, msg, exchange);
      else if (get)
        handle_list (self, msg, exchange, query);
      else
        method_not_allowed (msg, "GET, POST");
      return;
    }

  if (n == 3 && g_str_equal (segments[2], "me"))
    {
      if (get)
        handle_me (msg, exchange);
      else
        method_not_allowed (msg, "GET");
      return;
    }

  if (n >= 4 && g_str_equal (segments[2], "requests") && *segments[3] != '\0')
    {
      const char *id = segments[3];

      if (n == 4 && get)
        {
          porting_intake_server_run_job (self, msg, get_job, lookup_new (exchange, id), (GDestroyNotify) lookup_free);
          return;
        }
      if (n == 6 && g_str_equal (segments[4], "documents") && get)
        {
          Lookup *lookup = lookup_new (exchange, id);

          lookup->name = g_strdup (segments[5]);
          porting_intake_server_run_job (self, msg, document_job, lookup, (GDestroyNotify) lookup_free);
          return;
        }
      if (n == 5 && g_str_equal (segments[4], "review") && post)
        {
          handle_review (self, msg, exchange, id);
          return;
        }
      if (n == 5 && g_str_equal (segments[4], "wireless-pin") && get)
        {
          if (!exchange->account->staff)
            {
              respond_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", "Only support staff can read a wireless PIN.", NULL);
              return;
            }
          porting_intake_server_run_job (self, msg, pin_job, lookup_new (exchange, id), (GDestroyNotify) lookup_free);
          return;
        }
    }

  if (n == 4 && g_str_equal (segments[2], "portability") && get)
    {
      handle_portability (msg, segments[3]);
      return;
    }

  respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", "There is nothing here.", NULL);
}
