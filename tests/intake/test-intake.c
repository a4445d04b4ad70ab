/* test-intake.c — the intake API against the real porting-intake (SQLite or PostgreSQL)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "intake-test-util.h"

static TestService *service;
static char *customer_token;
static char *other_token;
static char *staff_token;
static char *work_dir;

static PortingRequest *
submit_simple (const char *token,
               const char *key)
{
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, token);
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa.pdf", 4096);
  g_autoptr(GFile) proof = test_write_pdf (work_dir, "invoice.pdf", 8192);
  g_autoptr(GError) error = NULL;
  g_autofree char *generated = g_uuid_string_random ();
  PortingRequest *stored;

  stored = test_submit (client, request, loa, proof, key ? key : generated, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

/* A multipart body with @json as its request part. */
static char *
multipart_body (const char *json,
                gsize      *length)
{
  char *body = g_strdup_printf ("--b\r\nContent-Disposition: form-data; name=\"request\"\r\n"
                                "Content-Type: application/json\r\n\r\n%s\r\n--b--\r\n", json);

  *length = strlen (body);
  return body;
}

static guint
post_request_json (const char  *token,
                   const char  *json,
                   const char  *key,
                   char       **answer)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (service->url, "/v1/requests", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  gsize length;
  g_autofree char *body = multipart_body (json, &length);
  g_autoptr(GBytes) bytes = g_bytes_new (body, length);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  if (key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", key);
  soup_message_set_request_body_from_bytes (msg, "multipart/form-data; boundary=b", bytes);
  response = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *answer = g_strndup (g_bytes_get_data (response, NULL), g_bytes_get_size (response));
  return soup_message_get_status (msg);
}

static void
test_no_token (void)
{
  g_autofree char *answer = NULL;
  g_autofree char *code = NULL;

  g_assert_cmpuint (test_http (service->url, "GET", "/v1/requests", NULL, NULL, NULL, 0, &answer, NULL), ==, 401);
  code = test_error_code (answer, NULL);
  g_assert_cmpstr (code, ==, "unauthorized");
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (test_http (service->url, "GET", "/v1/requests", "pt_not-a-token", NULL, NULL, 0, &answer, NULL), ==, 401);
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (test_http (service->url, "POST", "/v1/requests", NULL, "multipart/form-data; boundary=x",
                               "--x--\r\n", 7, &answer, NULL), ==, 401);
}

static void
test_health (void)
{
  g_autofree char *answer = NULL;
  g_autoptr(JsonObject) root = NULL;

  /* For load balancers: no token needed. */
  g_assert_cmpuint (test_http (service->url, "GET", "/v1/health", NULL, NULL, NULL, 0, &answer, NULL), ==, 200);
  root = test_parse_object (answer);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "ok");
}

static void
test_me (void)
{
  g_autoptr(PortingIntakeClient) staff = test_client_new (service->url, staff_token);
  g_autoptr(PortingIntakeClient) customer = test_client_new (service->url, customer_token);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expires_at = NULL;
  g_autofree char *token = test_service_token_full (service, "customer", "Short Term Ltd", 7);
  g_autoptr(PortingIntakeClient) expiring = test_client_new (service->url, token);
  gboolean is_staff = FALSE;

  porting_intake_client_get_me_async (staff, NULL, test_store_result, &result);
  test_wait_result (&result);
  g_assert_true (porting_intake_client_get_me_finish (staff, result, &name, &is_staff, &expires_at, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Sam Support");
  g_assert_true (is_staff);
  g_assert_null (expires_at);
  g_clear_object (&result);
  g_clear_pointer (&name, g_free);

  porting_intake_client_get_me_async (customer, NULL, test_store_result, &result);
  test_wait_result (&result);
  g_assert_true (porting_intake_client_get_me_finish (customer, result, &name, &is_staff, NULL, &error));
  g_assert_cmpstr (name, ==, "Acme Widgets");
  g_assert_false (is_staff);
  g_clear_object (&result);

  porting_intake_client_get_me_async (expiring, NULL, test_store_result, &result);
  test_wait_result (&result);
  g_assert_true (porting_intake_client_get_me_finish (expiring, result, NULL, NULL, &expires_at, &error));
  g_assert_nonnull (expires_at);
  g_assert_true (g_str_has_suffix (expires_at, "Z"));
}

static void
test_tokens_expire_and_revoke (void)
{
  g_autofree char *token = test_service_token (service, "customer", "Leaving Soon Inc");
  g_autofree char *second = test_service_token (service, "customer", "Leaving Soon Inc");
  g_autofree char *answer = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpuint (test_http (service->url, "GET", "/v1/me", token, NULL, NULL, 0, &answer, NULL), ==, 200);
  g_clear_pointer (&answer, g_free);

  /* porting-intake token --revoke NAME: every token of that name, at once. */
  g_ptr_array_add (args, g_strdup (test_intake_path ()));
  g_ptr_array_add (args, g_strdup ("token"));
  test_service_add_store_args (service, args, FALSE);
  g_ptr_array_add (args, g_strdup ("--revoke"));
  g_ptr_array_add (args, g_strdup ("Leaving Soon Inc"));
  g_ptr_array_add (args, NULL);
  process = g_subprocess_newv ((const char * const *) args->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_true (g_subprocess_get_successful (process));
  g_assert_nonnull (strstr (out, "2 tokens"));

  g_assert_cmpuint (test_http (service->url, "GET", "/v1/me", token, NULL, NULL, 0, &answer, NULL), ==, 401);
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (test_http (service->url, "GET", "/v1/me", second, NULL, NULL, 0, &answer, NULL), ==, 401);
  g_clear_pointer (&answer, g_free);
  /* Others' tokens go on working. */
  g_assert_cmpuint (test_http (service->url, "GET", "/v1/me", customer_token, NULL, NULL, 0, &answer, NULL), ==, 200);
}

static void
test_malformed_json (void)
{
  g_autofree char *answer = NULL;
  g_autofree char *code = NULL;

  g_assert_cmpuint (post_request_json (customer_token, "{\"kind\": \"port-in\", ", NULL, &answer), ==, 400);
  code = test_error_code (answer, "request");
  g_assert_cmpstr (code, ==, "malformed-json");
}

/* 60,000 levels overflowed the service's stack: now 400, and it goes on. */
static void
test_deep_json (void)
{
  GString *deep = g_string_new ("{\"kind\": \"port-in\", \"numbers\": ");
  g_autofree char *answer = NULL;
  g_autofree char *review_answer = NULL;
  g_autofree char *code = NULL;
  g_autofree char *review_code = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *review_text = NULL;
  g_autoptr(PortingRequest) mine = submit_simple (customer_token, NULL);

  for (guint i = 0; i < 60000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 60000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  text = g_string_free (deep, FALSE);

  g_assert_cmpuint (post_request_json (customer_token, text, NULL, &answer), ==, 400);
  code = test_error_code (answer, "request");
  g_assert_cmpstr (code, ==, "malformed-json");
  g_assert_nonnull (strstr (answer, "nested"));

  /* Review bodies too. */
  path = g_strdup_printf ("/v1/requests/%s/review", porting_request_get_id (mine));
  review_text = g_strconcat ("{\"decision\": \"approve\", \"answer\": ", strstr (text, "[["), NULL);
  g_assert_cmpuint (test_http (service->url, "POST", path, staff_token, "application/json", review_text, -1,
                               &review_answer, NULL), ==, 400);
  review_code = test_error_code (review_answer, NULL);
  g_assert_cmpstr (review_code, ==, "malformed-json");

  /* Still up. */
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (test_http (service->url, "GET", "/v1/health", NULL, NULL, NULL, 0, &answer, NULL), ==, 200);
}

static void
test_invalid_request (void)
{
  g_autofree char *answer = NULL;
  g_autofree char *code = NULL;

  g_assert_cmpuint (post_request_json (customer_token,
                                       "{\"kind\": \"port-in\", \"contract_acknowledged\": true, \"numbers\": [\"510-555\"]}",
                                       NULL, &answer), ==, 422);
  code = test_error_code (answer, "numbers");
  g_assert_cmpstr (code, ==, "invalid");
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (post_request_json (customer_token, "{\"kind\": \"teleport\"}", NULL, &answer), ==, 422);
  g_free (test_error_code (answer, "kind"));
}

static void
test_idempotent (void)
{
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *upper = g_ascii_strup (key, -1);
  g_autoptr(PortingRequest) first = submit_simple (customer_token, key);
  g_autoptr(PortingRequest) second = submit_simple (customer_token, key);
  g_autoptr(PortingRequest) shouted = submit_simple (customer_token, upper);
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, customer_token);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  guint with_id = 0;

  g_assert_cmpstr (porting_request_get_id (first), ==, porting_request_get_id (second));
  g_assert_cmpstr (porting_request_get_created_at (first), ==, porting_request_get_created_at (second));
  /* Keys are compared without case. */
  g_assert_cmpstr (porting_request_get_id (first), ==, porting_request_get_id (shouted));
  g_assert_cmpint (porting_request_get_status (first), ==, PORTING_REQUEST_STATUS_SUBMITTED);

  all = test_list (client, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    with_id += g_strcmp0 (porting_request_get_id (g_ptr_array_index (all, i)), porting_request_get_id (first)) == 0;
  g_assert_cmpuint (with_id, ==, 1);

  /* The same key from another customer is another request. */
  {
    g_autoptr(PortingRequest) other = submit_simple (other_token, key);
    g_assert_cmpstr (porting_request_get_id (other), !=, porting_request_get_id (first));
  }
}

/* The same key with another request was silently answered with the old one. */
static void
test_idempotency_key_reused (void)
{
  g_autofree char *key = g_uuid_string_random ();
  g_autoptr(PortingRequest) first = submit_simple (customer_token, key);
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, customer_token);
  g_autoptr(PortingRequest) changed = test_port_in_request (NULL);
  g_autoptr(PortingRequest) refused = NULL;
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa.pdf", 4096);
  g_autoptr(GFile) proof = test_write_pdf (work_dir, "invoice.pdf", 8192);
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *code = NULL;
  g_autofree char *request_path = g_build_filename (work_dir, "changed.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  porting_request_set_numbers (changed, (const char *[]) { "+15105550199", NULL });
  refused = test_submit (client, changed, loa, proof, key, NULL, &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_REFUSED);
  g_assert_null (refused);
  g_assert_nonnull (strstr (error->message, "Idempotency-Key"));
  g_assert_nonnull (strstr (error->message, porting_request_get_reference (first)));
  g_clear_error (&error);

  json = porting_request_to_json (changed, PORTING_REQUEST_JSON_DEFAULT);
  g_assert_cmpuint (post_request_json (customer_token, json, key, &answer), ==, 422);
  code = test_error_code (answer, NULL);
  g_assert_cmpstr (code, ==, "idempotency-key-reused");

  /* porting-cli: exit 3, the service's message, nothing on stdout. */
  g_file_set_contents (request_path, json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_run_cli (&out, &err, (const char *[]) {
                     "submit", "--url", service->url, "--token", customer_token, request_path,
                     "--idempotency-key", key, NULL }), ==, 3);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "Idempotency-Key"));
}

/* SQL on the service's own database, whichever it is. */
static void
service_sql (const char *sql)
{
  if (service->database_url != NULL)
    test_postgres_sql (test_postgres_get (), service->database_url, sql);
  else
    {
      g_autofree char *path = g_build_filename (service->data_dir, "intake.sqlite3", NULL);
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      sqlite3_busy_timeout (db, 10000);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
}

/* Keys are kept 30 days: then the same key is a new request. */
static void
test_idempotency_key_expires (void)
{
  g_autofree char *key = g_uuid_string_random ();
  g_autoptr(PortingRequest) old = submit_simple (customer_token, key);
  g_autoptr(PortingRequest) retry = submit_simple (customer_token, key);
  g_autoptr(PortingRequest) later = NULL;
  g_autofree char *sql = NULL;

  g_assert_cmpstr (porting_request_get_id (retry), ==, porting_request_get_id (old));

  sql = g_strdup_printf ("UPDATE requests SET created_at = '2020-01-01T00:00:00Z' WHERE id = '%s'",
                         porting_request_get_id (old));
  service_sql (sql);
  later = submit_simple (customer_token, key);
  g_assert_cmpstr (porting_request_get_id (later), !=, porting_request_get_id (old));
}

static void
test_staff_fields_ignored (void)
{
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(JsonNode) node = porting_request_to_json_node (request, PORTING_REQUEST_JSON_DEFAULT);
  JsonObject *object = json_node_get_object (node);
  JsonObject *check = json_object_new ();
  JsonObject *answer_object = json_object_new ();
  JsonArray *history = json_array_new ();
  JsonObject *entry = json_object_new ();
  g_autofree char *json = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (check, "name", "confirmed");
  json_object_set_string_member (check, "address", "confirmed");
  json_object_set_object_member (object, "staff_document_check", check);
  json_object_set_string_member (answer_object, "provider_account_sid", "AC0123456789abcdef0123456789abcdef");
  json_object_set_object_member (object, "answer", answer_object);
  json_object_set_string_member (object, "status", "approved");
  json_object_set_string_member (entry, "status", "approved");
  json_object_set_string_member (entry, "at", "2026-01-01T00:00:00Z");
  json_array_add_object_element (history, entry);
  json_object_set_array_member (object, "history", history);
  json_object_set_string_member (object, "reference", "PRT-AAAA-AA");
  json = json_to_string (node, FALSE);

  g_assert_cmpuint (post_request_json (customer_token, json, NULL, &answer), ==, 201);
  stored = porting_request_new_from_json (answer, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_has_member (porting_request_get_fields (stored), "staff_document_check"));
  g_assert_null (porting_request_get_answer (stored));
  g_assert_cmpint (porting_request_get_status (stored), ==, PORTING_REQUEST_STATUS_SUBMITTED);
  g_assert_cmpuint (json_array_get_length (porting_request_get_history (stored)), ==, 1);
  g_assert_cmpstr (porting_request_get_reference (stored), !=, "PRT-AAAA-AA");
}

static void
test_reference (void)
{
  g_autoptr(PortingRequest) mine = submit_simple (customer_token, NULL);
  g_autoptr(PortingRequest) again = submit_simple (customer_token, NULL);
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, customer_token);
  g_autoptr(PortingIntakeClient) other = test_client_new (service->url, other_token);
  g_autoptr(PortingRequest) by_reference = NULL;
  g_autoptr(PortingRequest) not_theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *reference = porting_request_get_reference (mine);

  /* PRT-XXXX-XX, none of 0 O 1 I. */
  g_assert_nonnull (reference);
  g_assert_cmpuint (strlen (reference), ==, 11);
  g_assert_true (g_str_has_prefix (reference, "PRT-"));
  g_assert_cmpint (reference[8], ==, '-');
  for (const char *p = reference + 4; *p; p++)
    {
      if (p == reference + 8)
        continue;
      g_assert_nonnull (strchr ("23456789ABCDEFGHJKLMNPQRSTUVWXYZ", *p));
    }
  g_assert_cmpstr (reference, !=, porting_request_get_reference (again));

  /* Read out on the phone and typed in any case: found by it. */
  lower = g_ascii_strdown (reference, -1);
  by_reference = test_get (client, lower, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (porting_request_get_id (by_reference), ==, porting_request_get_id (mine));
  not_theirs = test_get (other, reference, &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_NOT_FOUND);

  g_assert_cmpint (test_run_cli (&out, &err, (const char *[]) {
                     "requests", "--url", service->url, "--token", customer_token, NULL }), ==, 0);
  g_assert_nonnull (strstr (out, reference));
}

static void
test_isolation (void)
{
  g_autoptr(PortingRequest) mine = submit_simple (customer_token, NULL);
  g_autoptr(PortingIntakeClient) other = test_client_new (service->url, other_token);
  g_autoptr(PortingIntakeClient) staff = test_client_new (service->url, staff_token);
  g_autoptr(PortingRequest) seen = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *answer = NULL;

  seen = test_get (other, porting_request_get_id (mine), &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_NOT_FOUND);
  g_assert_null (seen);
  g_clear_error (&error);

  path = g_strdup_printf ("/v1/requests/%s/documents/loa", porting_request_get_id (mine));
  g_assert_cmpuint (test_http (service->url, "GET", path, other_token, NULL, NULL, 0, &answer, NULL), ==, 404);
  g_clear_pointer (&answer, g_free);

  listed = test_list (other, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listed->len; i++)
    g_assert_cmpstr (porting_request_get_id (g_ptr_array_index (listed, i)), !=, porting_request_get_id (mine));

  seen = test_get (staff, porting_request_get_id (mine), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (porting_request_get_id (seen), ==, porting_request_get_id (mine));
}

/* Served as an attachment of the type stored, never sniffed into a page. */
static void
test_document_headers (void)
{
  g_autoptr(PortingRequest) mine = submit_simple (customer_token, NULL);
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *path = g_strdup_printf ("/v1/requests/%s/documents/loa", porting_request_get_id (mine));
  g_autofree char *answer = NULL;
  g_autofree char *disposition = NULL;

  g_assert_cmpuint (test_http (service->url, "GET", path, customer_token, NULL, NULL, 0, &answer, &headers), ==, 200);
  g_assert_true (g_str_has_prefix (answer, "%PDF-"));
  g_assert_cmpstr (soup_message_headers_get_content_type (headers, NULL), ==, "application/pdf");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_true (soup_message_headers_get_content_disposition (headers, &disposition, &params));
  g_assert_cmpstr (disposition, ==, "attachment");
  g_assert_cmpstr (g_hash_table_lookup (params, "filename"), ==, "loa.pdf");
}

static void
test_wrong_type (void)
{
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, customer_token);
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autofree char *path = g_build_filename (work_dir, "notes.pdf", NULL);
  g_autoptr(GFile) text = g_file_new_for_path (path);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;
  g_autofree char *key = g_uuid_string_random ();

  g_file_set_contents (path, "This is plain text, named like a PDF.\n", -1, &error);
  g_assert_no_error (error);

  stored = test_submit (client, request, text, NULL, key, &field, &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_REFUSED);
  g_assert_cmpstr (field, ==, "loa");
  g_assert_null (stored);
}

static void
test_too_large (void)
{
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, customer_token);
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(GFile) big = test_write_pdf (work_dir, "big.pdf", 26 * 1024 * 1024);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *request_path = g_build_filename (work_dir, "request.json", NULL);
  g_autofree char *big_path = g_file_get_path (big);
  g_autofree char *json = porting_request_to_json (request, PORTING_REQUEST_JSON_DEFAULT);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  stored = test_submit (client, request, NULL, big, key, NULL, &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_TOO_LARGE);
  g_assert_null (stored);
  g_clear_error (&error);

  g_file_set_contents (request_path, json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_run_cli (&out, &err, (const char *[]) {
                     "submit", "--url", service->url, "--token", customer_token, request_path,
                     "--proof", big_path, NULL }), ==, 3);
  g_assert_nonnull (strstr (err, "25"));
}

static void
test_customer_cannot_review (void)
{
  g_autoptr(PortingRequest) mine = submit_simple (customer_token, NULL);
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, customer_token);
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(GError) error = NULL;

  reviewed = test_review (client, porting_request_get_id (mine), "{\"decision\": \"approve\"}", &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_FORBIDDEN);
  g_assert_null (reviewed);
}

static void
test_staff_review (void)
{
  g_autoptr(PortingRequest) mine = submit_simple (customer_token, NULL);
  g_autoptr(PortingIntakeClient) staff = test_client_new (service->url, staff_token);
  g_autoptr(PortingIntakeClient) customer = test_client_new (service->url, customer_token);
  g_autoptr(PortingReview) review = porting_review_new (PORTING_REVIEW_DECISION_APPROVE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(PortingRequest) seen = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *check;
  JsonArray *history;

  porting_review_set_answer (review, "provider_account_sid", "AC0123456789abcdef0123456789abcdef");
  porting_review_set_name_match (review, PORTING_REVIEW_MATCH_CONFIRMED);
  porting_review_set_address_match (review, PORTING_REVIEW_MATCH_CONFIRMED);
  porting_review_set_note (review, "Documents in order");
  porting_intake_client_send_review_async (staff, porting_request_get_id (mine), review, NULL, test_store_result, &result);
  test_wait_result (&result);
  reviewed = porting_intake_client_review_finish (staff, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (porting_request_get_status (reviewed), ==, PORTING_REQUEST_STATUS_APPROVED);

  seen = test_get (customer, porting_request_get_id (mine), &error);
  g_assert_no_error (error);
  g_assert_cmpint (porting_request_get_status (seen), ==, PORTING_REQUEST_STATUS_APPROVED);
  g_assert_cmpstr (porting_request_get_answer_string (seen, "provider_account_sid"), ==,
                   "AC0123456789abcdef0123456789abcdef");
  check = json_object_get_object_member (porting_request_get_fields (seen), "staff_document_check");
  g_assert_cmpstr (json_object_get_string_member (check, "name"), ==, "confirmed");

  /* Approved straight from submitted: the review started on the way. */
  history = porting_request_get_history (seen);
  g_assert_cmpuint (json_array_get_length (history), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "status"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 1), "status"), ==, "in-review");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 2), "status"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 2), "note"), ==,
                   "Documents in order");
}

static void
review_to (PortingIntakeClient *staff,
           const char          *id,
           const char          *json,
           PortingRequestStatus expected)
{
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(GError) error = NULL;

  reviewed = test_review (staff, id, json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (porting_request_get_status (reviewed), ==, expected);
}

static void
assert_conflict (PortingIntakeClient *staff,
                 const char          *id,
                 const char          *json)
{
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(GError) error = NULL;

  reviewed = test_review (staff, id, json, &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_CONFLICT);
  g_assert_null (reviewed);
}

/* A review moves a request along the allowed transitions only (§3.5). */
static void
test_state_machine (void)
{
  g_autoptr(PortingRequest) mine = submit_simple (customer_token, NULL);
  g_autoptr(PortingIntakeClient) staff = test_client_new (service->url, staff_token);
  g_autoptr(PortingRequest) done = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = porting_request_get_id (mine);
  g_autofree char *answer = NULL;
  g_autofree char *path = g_strdup_printf ("/v1/requests/%s/review", id);
  g_autofree char *code = NULL;

  assert_conflict (staff, id, "{\"status\": \"completed\"}");
  assert_conflict (staff, id, "{\"status\": \"scheduled\", \"foc_date\": \"2026-12-18\"}");
  review_to (staff, id, "{\"decision\": \"in-review\"}", PORTING_REQUEST_STATUS_IN_REVIEW);
  assert_conflict (staff, id, "{\"decision\": \"in-review\"}");
  review_to (staff, id, "{\"decision\": \"action-required\", \"note\": \"Send the bill's second page\"}",
             PORTING_REQUEST_STATUS_ACTION_REQUIRED);
  assert_conflict (staff, id, "{\"decision\": \"approve\"}");
  review_to (staff, id, "{\"decision\": \"in-review\"}", PORTING_REQUEST_STATUS_IN_REVIEW);
  review_to (staff, id, "{\"decision\": \"approve\"}", PORTING_REQUEST_STATUS_APPROVED);
  review_to (staff, id, "{\"status\": \"submitted-to-carrier\"}", PORTING_REQUEST_STATUS_SUBMITTED_TO_CARRIER);

  /* A scheduled port needs its FOC date (422, not 409). */
  g_assert_cmpuint (test_http (service->url, "POST", path, staff_token, "application/json",
                               "{\"status\": \"scheduled\"}", -1, &answer, NULL), ==, 422);
  g_free (test_error_code (answer, "foc_date"));
  review_to (staff, id, "{\"status\": \"scheduled\", \"foc_date\": \"2026-12-18\"}", PORTING_REQUEST_STATUS_SCHEDULED);
  review_to (staff, id, "{\"status\": \"completed\"}", PORTING_REQUEST_STATUS_COMPLETED);

  /* Ended: nothing moves it any more. */
  assert_conflict (staff, id, "{\"decision\": \"cancel\"}");
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (test_http (service->url, "POST", path, staff_token, "application/json",
                               "{\"decision\": \"in-review\"}", -1, &answer, NULL), ==, 409);
  code = test_error_code (answer, NULL);
  g_assert_cmpstr (code, ==, "invalid-transition");

  done = test_get (staff, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (porting_request_get_foc_date (done), ==, "2026-12-18");
}

/* Listing every request in one answer took 4 s and 25 MB at 24,000. */
static void
test_pages (void)
{
  g_autofree char *token = test_service_token (service, "customer", "Many Requests Co");
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, token);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *answer = NULL;
  guint n_pages = 0;

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(PortingRequest) stored = submit_simple (token, NULL);
      g_ptr_array_add (ids, g_strdup (porting_request_get_id (stored)));
    }

  /* Three at a time, newest first, each once. */
  do
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GPtrArray) page = NULL;
      g_autofree char *next = NULL;

      porting_intake_client_list_page_async (client, NULL, 3, cursor, NULL, test_store_result, &result);
      test_wait_result (&result);
      page = porting_intake_client_list_page_finish (client, result, &next, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, 3);
      for (guint i = 0; i < page->len; i++)
        {
          const char *id = porting_request_get_id (g_ptr_array_index (page, i));
          guint position = g_hash_table_size (seen);

          g_assert_true (g_hash_table_add (seen, g_strdup (id)));
          g_assert_cmpstr (id, ==, g_ptr_array_index (ids, ids->len - 1 - position));
        }
      g_free (cursor);
      cursor = g_steal_pointer (&next);
      n_pages++;
    }
  while (cursor != NULL);
  g_assert_cmpuint (n_pages, ==, 3);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 7);

  /* The whole listing pages through for the app and porting-cli. */
  all = test_list (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 7);

  /* The default is 50, the most 200. */
  g_assert_cmpuint (test_http (service->url, "GET", "/v1/requests?limit=201", token, NULL, NULL, 0, &answer, NULL), ==, 400);
  g_free (test_error_code (answer, "limit"));
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (test_http (service->url, "GET", "/v1/requests?cursor=nonsense", token, NULL, NULL, 0, &answer, NULL), ==, 400);
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (test_http (service->url, "GET", "/v1/requests", token, NULL, NULL, 0, &answer, NULL), ==, 200);
  {
    g_autoptr(JsonObject) root = test_parse_object (answer);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "requests")), ==, 7);
    g_assert_true (json_object_get_null_member (root, "next_cursor"));
  }
}

static void
test_portability (void)
{
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, customer_token);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) us = NULL;
  g_autoptr(JsonObject) gb = NULL;
  g_autoptr(GError) error = NULL;

  porting_intake_client_portability_async (client, "+15105550142", NULL, test_store_result, &result);
  test_wait_result (&result);
  us = porting_intake_client_portability_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (us, "portable"));
  g_assert_cmpstr (json_object_get_string_member (us, "region"), ==, "US");
  g_clear_object (&result);

  porting_intake_client_portability_async (client, "+442079460958", NULL, test_store_result, &result);
  test_wait_result (&result);
  gb = porting_intake_client_portability_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_get_boolean_member (gb, "portable"));
  g_assert_cmpstr (json_object_get_string_member (gb, "region"), ==, "GB");
  g_assert_nonnull (strstr (json_object_get_string_member (gb, "reason"), "contact support"));
}

static void
test_cli_submit_and_list (void)
{
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa-cli.pdf", 3000);
  g_autofree char *loa_path = g_file_get_path (loa);
  g_autofree char *request_path = g_build_filename (work_dir, "request-cli.json", NULL);
  g_autofree char *json = porting_request_to_json (request, PORTING_REQUEST_JSON_DEFAULT);
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *err3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingRequest) first = NULL;
  g_autoptr(PortingRequest) again = NULL;

  g_file_set_contents (request_path, json, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (test_run_cli (&out, &err, (const char *[]) {
                     "submit", "--url", service->url, "--token", customer_token, request_path,
                     "--loa", loa_path, "--idempotency-key", key, NULL }), ==, 0);
  first = porting_request_new_from_json (out, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (porting_request_get_id (first));
  g_assert_nonnull (porting_request_get_reference (first));

  g_assert_cmpint (test_run_cli (&out2, &err2, (const char *[]) {
                     "submit", "--url", service->url, "--token", customer_token, request_path,
                     "--loa", loa_path, "--idempotency-key", key, NULL }), ==, 0);
  again = porting_request_new_from_json (out2, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (porting_request_get_id (first), ==, porting_request_get_id (again));

  g_assert_cmpint (test_run_cli (&out3, &err3, (const char *[]) {
                     "requests", "--url", service->url, "--token", customer_token,
                     porting_request_get_reference (first), NULL }), ==, 0);
  g_assert_nonnull (strstr (out3, porting_request_get_id (first)));
}

static void
test_cli_unreachable (void)
{
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autofree char *request_path = g_build_filename (work_dir, "request-down.json", NULL);
  g_autofree char *json = porting_request_to_json (request, PORTING_REQUEST_JSON_DEFAULT);
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint16 port;

  /* A port that was free a moment ago and now has nobody listening. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);

  g_file_set_contents (request_path, json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_run_cli (&out, &err, (const char *[]) {
                     "submit", "--url", url, "--token", customer_token, request_path, NULL }), ==, 4);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "could not be reached"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  test_intake_init_backend (&argc, &argv);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  work_dir = g_dir_make_tmp ("intake-work-XXXXXX", &error);
  g_assert_no_error (error);
  if (test_backend_is_postgres () && test_postgres_get () == NULL)
    {
      g_test_skip ("PostgreSQL is not installed (postgresql package)");
      return g_test_run ();
    }
  service = test_service_new ();
  /* The rate limit is tested on its own service: these run many requests. */
  test_service_launch (service, (const char *[]) { "--rate-limit", "0", NULL });
  customer_token = test_service_token (service, "customer", "Acme Widgets");
  other_token = test_service_token (service, "customer", "Other Corp");
  staff_token = test_service_token (service, "staff", "Sam Support");

  g_test_add_func ("/intake/no-token", test_no_token);
  g_test_add_func ("/intake/health", test_health);
  g_test_add_func ("/intake/me", test_me);
  g_test_add_func ("/intake/tokens-expire-and-revoke", test_tokens_expire_and_revoke);
  g_test_add_func ("/intake/malformed-json", test_malformed_json);
  g_test_add_func ("/intake/deep-json", test_deep_json);
  g_test_add_func ("/intake/invalid-request", test_invalid_request);
  g_test_add_func ("/intake/idempotent", test_idempotent);
  g_test_add_func ("/intake/idempotency-key-reused", test_idempotency_key_reused);
  g_test_add_func ("/intake/idempotency-key-expires", test_idempotency_key_expires);
  g_test_add_func ("/intake/staff-fields-ignored", test_staff_fields_ignored);
  g_test_add_func ("/intake/reference", test_reference);
  g_test_add_func ("/intake/isolation", test_isolation);
  g_test_add_func ("/intake/document-headers", test_document_headers);
  g_test_add_func ("/intake/wrong-type", test_wrong_type);
  g_test_add_func ("/intake/too-large", test_too_large);
  g_test_add_func ("/intake/customer-cannot-review", test_customer_cannot_review);
  g_test_add_func ("/intake/staff-review", test_staff_review);
  g_test_add_func ("/intake/state-machine", test_state_machine);
  g_test_add_func ("/intake/pages", test_pages);
  g_test_add_func ("/intake/portability", test_portability);
  g_test_add_func ("/intake/cli-submit", test_cli_submit_and_list);
  g_test_add_func ("/intake/cli-unreachable", test_cli_unreachable);

  status = g_test_run ();

  test_service_free (service);
  test_intake_cleanup ();
  g_free (customer_token);
  g_free (other_token);
  g_free (staff_token);
  test_remove_tree (work_dir);
  g_free (work_dir);
  return status;
}
