/* test-intake.c — the intake API against the real porting-intake
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "intake-test-util.h"

static TestService *service;
static char *customer_token;
static char *other_token;
static char *staff_token;
static char *work_dir;

static guint
raw_request (const char  *method,
             const char  *path,
             const char  *token,
             const char  *content_type,
             const char  *body,
             gsize        body_length,
             char       **answer)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (service->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;

  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, body_length);
      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }

  response = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  if (answer != NULL)
    *answer = g_strndup (g_bytes_get_data (response, NULL), g_bytes_get_size (response));
  return soup_message_get_status (msg);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static void
assert_error_object (const char *text,
                     const char *field)
{
  g_autoptr(JsonObject) root = parse_object (text);
  JsonObject *error;

  g_assert_true (json_object_has_member (root, "error"));
  error = json_object_get_object_member (root, "error");
  g_assert_nonnull (json_object_get_string_member_with_default (error, "code", NULL));
  g_assert_nonnull (json_object_get_string_member_with_default (error, "message", NULL));
  if (field != NULL)
    g_assert_cmpstr (json_object_get_string_member_with_default (error, "field", NULL), ==, field);
}

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

static void
test_no_token (void)
{
  g_autofree char *answer = NULL;

  g_assert_cmpuint (raw_request ("GET", "/v1/requests", NULL, NULL, NULL, 0, &answer), ==, 401);
  assert_error_object (answer, NULL);
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (raw_request ("GET", "/v1/requests", "pt_not-a-token", NULL, NULL, 0, &answer), ==, 401);
  assert_error_object (answer, NULL);
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (raw_request ("POST", "/v1/requests", NULL, "multipart/form-data; boundary=x",
                                 "--x--\r\n", 7, &answer), ==, 401);
}

static void
test_malformed_json (void)
{
  const char body[] =
    "--b\r\nContent-Disposition: form-data; name=\"request\"\r\nContent-Type: application/json\r\n\r\n"
    "{\"kind\": \"port-in\", \r\n--b--\r\n";
  g_autofree char *answer = NULL;

  g_assert_cmpuint (raw_request ("POST", "/v1/requests", customer_token, "multipart/form-data; boundary=b",
                                 body, sizeof body - 1, &answer), ==, 400);
  assert_error_object (answer, "request");
}

static void
test_invalid_request (void)
{
  const char body[] =
    "--b\r\nContent-Disposition: form-data; name=\"request\"\r\nContent-Type: application/json\r\n\r\n"
    "{\"kind\": \"port-in\", \"contract_acknowledged\": true, \"numbers\": [\"510-555\"]}\r\n--b--\r\n";
  const char unknown[] =
    "--b\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n"
    "{\"kind\": \"teleport\"}\r\n--b--\r\n";
  g_autofree char *answer = NULL;

  g_assert_cmpuint (raw_request ("POST", "/v1/requests", customer_token, "multipart/form-data; boundary=b",
                                 body, sizeof body - 1, &answer), ==, 422);
  assert_error_object (answer, "numbers");
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (raw_request ("POST", "/v1/requests", customer_token, "multipart/form-data; boundary=b",
                                 unknown, sizeof unknown - 1, &answer), ==, 422);
  assert_error_object (answer, "kind");
}

static void
test_idempotent (void)
{
  g_autofree char *key = g_uuid_string_random ();
  g_autoptr(PortingRequest) first = submit_simple (customer_token, key);
  g_autoptr(PortingRequest) second = submit_simple (customer_token, key);
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, customer_token);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  guint with_id = 0;

  g_assert_cmpstr (porting_request_get_id (first), ==, porting_request_get_id (second));
  g_assert_cmpstr (porting_request_get_created_at (first), ==, porting_request_get_created_at (second));
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
  g_assert_cmpuint (raw_request ("GET", path, other_token, NULL, NULL, 0, &answer), ==, 404);
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (raw_request ("GET", path, customer_token, NULL, NULL, 0, &answer), ==, 200);
  g_assert_true (g_str_has_prefix (answer, "%PDF-"));
  g_clear_pointer (&answer, g_free);

  listed = test_list (other, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listed->len; i++)
    g_assert_cmpstr (porting_request_get_id (g_ptr_array_index (listed, i)), !=, porting_request_get_id (mine));

  seen = test_get (staff, porting_request_get_id (mine), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (porting_request_get_id (seen), ==, porting_request_get_id (mine));
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
  g_autoptr(JsonObject) review = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (review, "decision", "approve");
  porting_intake_client_review_async (client, porting_request_get_id (mine), review, NULL, test_store_result, &result);
  test_wait_result (&result);
  reviewed = porting_intake_client_review_finish (client, result, &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_FORBIDDEN);
  g_assert_null (reviewed);
}

static void
test_staff_review (void)
{
  g_autoptr(PortingRequest) mine = submit_simple (customer_token, NULL);
  g_autoptr(PortingIntakeClient) staff = test_client_new (service->url, staff_token);
  g_autoptr(PortingIntakeClient) customer = test_client_new (service->url, customer_token);
  g_autoptr(JsonObject) review = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(PortingRequest) seen = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *answer = json_object_new ();
  JsonArray *history;

  json_object_set_string_member (review, "decision", "approve");
  json_object_set_string_member (answer, "provider_account_sid", "AC0123456789abcdef0123456789abcdef");
  json_object_set_object_member (review, "answer", answer);
  porting_intake_client_review_async (staff, porting_request_get_id (mine), review, NULL, test_store_result, &result);
  test_wait_result (&result);
  reviewed = porting_intake_client_review_finish (staff, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (porting_request_get_status (reviewed), ==, PORTING_REQUEST_STATUS_APPROVED);

  seen = test_get (customer, porting_request_get_id (mine), &error);
  g_assert_no_error (error);
  g_assert_cmpint (porting_request_get_status (seen), ==, PORTING_REQUEST_STATUS_APPROVED);
  g_assert_cmpstr (porting_request_get_answer_string (seen, "provider_account_sid"), ==,
                   "AC0123456789abcdef0123456789abcdef");
  history = porting_request_get_history (seen);
  g_assert_cmpuint (json_array_get_length (history), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "status"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 1), "status"), ==, "approved");
}

static void
test_pin_never_stored (void)
{
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, customer_token);
  g_autoptr(PortingRequest) request = test_port_in_request ("73519946");
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa-w.pdf", 2048);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *json = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  stored = test_submit (client, request, loa, NULL, key, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (porting_request_is_wireless (stored));
  g_assert_null (porting_request_get_wireless_pin (stored));
  json = porting_request_to_json (stored, PORTING_REQUEST_JSON_STORED | PORTING_REQUEST_JSON_FOR_SUBMIT);
  g_assert_null (strstr (json, "73519946"));

  /* Nothing under the data directory holds it either: database, WAL, documents. */
  dir = g_dir_open (service->data_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (service->data_dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      g_assert_null (g_strstr_len (contents, length, "73519946"));
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

  g_assert_cmpint (test_run_cli (&out2, &err2, (const char *[]) {
                     "submit", "--url", service->url, "--token", customer_token, request_path,
                     "--loa", loa_path, "--idempotency-key", key, NULL }), ==, 0);
  again = porting_request_new_from_json (out2, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (porting_request_get_id (first), ==, porting_request_get_id (again));

  g_assert_cmpint (test_run_cli (&out3, &err3, (const char *[]) {
                     "requests", "--url", service->url, "--token", customer_token,
                     porting_request_get_id (first), NULL }), ==, 0);
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

  test_intake_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  work_dir = g_dir_make_tmp ("intake-work-XXXXXX", &error);
  g_assert_no_error (error);
  service = test_service_start (NULL);
  customer_token = test_intake_token (service->data_dir, "customer", "Acme Widgets");
  other_token = test_intake_token (service->data_dir, "customer", "Other Corp");
  staff_token = test_intake_token (service->data_dir, "staff", "Sam Support");

  g_test_add_func ("/intake/no-token", test_no_token);
  g_test_add_func ("/intake/malformed-json", test_malformed_json);
  g_test_add_func ("/intake/invalid-request", test_invalid_request);
  g_test_add_func ("/intake/idempotent", test_idempotent);
  g_test_add_func ("/intake/isolation", test_isolation);
  g_test_add_func ("/intake/wrong-type", test_wrong_type);
  g_test_add_func ("/intake/too-large", test_too_large);
  g_test_add_func ("/intake/customer-cannot-review", test_customer_cannot_review);
  g_test_add_func ("/intake/staff-review", test_staff_review);
  g_test_add_func ("/intake/pin-never-stored", test_pin_never_stored);
  g_test_add_func ("/intake/portability", test_portability);
  g_test_add_func ("/intake/cli-submit", test_cli_submit_and_list);
  g_test_add_func ("/intake/cli-unreachable", test_cli_unreachable);

  status = g_test_run ();

  test_service_free (service);
  g_free (customer_token);
  g_free (other_token);
  g_free (staff_token);
  g_free (work_dir);
  return status;
}
