/* test-intake-pin.c — the wireless PIN: sealed on disk, read by staff, erased when the request ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against SQLite or PostgreSQL ($PORTING_TEST_BACKEND). The PIN must never be
 * in clear in the database (its -wal and -shm too), the documents folder or
 * PostgreSQL's own data folder: every file there is searched for it, beside a
 * value that is stored in clear, to show that the search finds what is there.
 */
#include "config.h"

#include <sys/stat.h>

#include "intake-test-util.h"

#define PIN            "73519946"
#define ACCOUNT_NUMBER "WL-778812"

static TestService *service;
static char *customer_token;
static char *other_token;
static char *staff_token;
static char *work_dir;

static PortingRequest *
submit_wireless (void)
{
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, customer_token);
  g_autoptr(PortingRequest) request = test_port_in_request (PIN);
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa-w.pdf", 2048);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();
  PortingRequest *stored;

  stored = test_submit (client, request, loa, NULL, key, NULL, &error);
  g_assert_no_error (error);
  return stored;
}

static char *
read_pin (const char  *token,
          const char  *id,
          GError     **error)
{
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, token);
  g_autoptr(GAsyncResult) result = NULL;

  porting_intake_client_get_wireless_pin_async (client, id, NULL, test_store_result, &result);
  test_wait_result (&result);
  return porting_intake_client_get_wireless_pin_finish (client, result, error);
}

/* Every place the service or PostgreSQL keeps data, made current on disk first. */
static void
assert_pin_nowhere_on_disk (void)
{
  guint n_files = 0;

  g_assert_true (test_tree_contains (service->data_dir, ACCOUNT_NUMBER, NULL) ||
                 test_backend_is_postgres ());
  g_assert_false (test_tree_contains (service->data_dir, PIN, &n_files));
  g_assert_cmpuint (n_files, >, 0);

  if (test_backend_is_postgres ())
    {
      TestPostgres *pg = test_postgres_get ();

      /* Data pages written out, not only the WAL. */
      test_postgres_sql (pg, service->database_url, "CHECKPOINT");
      n_files = 0;
      g_assert_true (test_tree_contains (pg->data_dir, ACCOUNT_NUMBER, NULL));
      g_assert_false (test_tree_contains (pg->data_dir, PIN, &n_files));
      g_assert_cmpuint (n_files, >, 100);
    }
  else
    {
      g_autofree char *wal = g_build_filename (service->data_dir, "intake.sqlite3-wal", NULL);

      /* The WAL holds the last commits: it is among what was searched. */
      g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

static void
test_sealed_at_rest (void)
{
  g_autoptr(PortingRequest) stored = submit_wireless ();
  g_autoptr(PortingIntakeClient) staff = test_client_new (service->url, staff_token);
  g_autoptr(PortingRequest) seen = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *key_path = g_build_filename (service->data_dir, "secret.key", NULL);
  JsonObject *wireless;
  GStatBuf st;

  /* No view gives the PIN back: whether it is on file. */
  g_assert_true (porting_request_is_wireless (stored));
  g_assert_true (porting_request_has_pin_on_file (stored));
  g_assert_null (porting_request_get_wireless_pin (stored));
  wireless = json_object_get_object_member (porting_request_get_fields (stored), "wireless");
  g_assert_cmpstr (json_object_get_string_member (wireless, "account_number"), ==, ACCOUNT_NUMBER);

  seen = test_get (staff, porting_request_get_id (stored), &error);
  g_assert_no_error (error);
  json = porting_request_to_json (seen, PORTING_REQUEST_JSON_STORED | PORTING_REQUEST_JSON_FOR_SUBMIT);
  g_assert_null (strstr (json, PIN));
  listed = test_list (staff, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (test_http (service->url, "GET", "/v1/requests?limit=200", staff_token, NULL, NULL, 0, &answer, NULL),
                    ==, 200);
  g_assert_null (strstr (answer, PIN));
  g_assert_nonnull (strstr (answer, "\"pin_on_file\":true"));

  assert_pin_nowhere_on_disk ();

  /* The key is apart from the data and readable by its owner only. */
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, ==, 32);
}

static void
test_staff_read (void)
{
  g_autoptr(PortingRequest) stored = submit_wireless ();
  g_autoptr(PortingRequest) plain = NULL;
  g_autoptr(PortingIntakeClient) client = NULL;
  g_autoptr(PortingIntakeClient) staff = NULL;
  g_autoptr(PortingRequest) seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *again = NULL;
  g_autofree char *key = g_uuid_string_random ();
  const char *id = porting_request_get_id (stored);
  JsonArray *history;
  guint n_readings = 0;

  pin = read_pin (staff_token, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pin, ==, PIN);

  /* By the reference, after a restart: the key file is read again. */
  test_service_restart (service, FALSE);
  again = read_pin (staff_token, porting_request_get_reference (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, PIN);

  /* Each reading is in the history, with who read it. */
  client = test_client_new (service->url, customer_token);
  staff = test_client_new (service->url, staff_token);
  seen = test_get (staff, id, &error);
  g_assert_no_error (error);
  history = porting_request_get_history (seen);
  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonObject *entry = json_array_get_object_element (history, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (entry, "event", NULL), "wireless-pin-read") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (entry, "by"), ==, "Sam Support");
          g_assert_cmpstr (json_object_get_string_member (entry, "status"), ==, "submitted");
          n_readings++;
        }
    }
  g_assert_cmpuint (n_readings, ==, 2);

  /* Customers never: their own request or not. */
  g_clear_pointer (&pin, g_free);
  pin = read_pin (customer_token, id, &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_FORBIDDEN);
  g_assert_null (pin);
  g_clear_error (&error);
  pin = read_pin (other_token, id, &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* No PIN to read: not wireless, or no such request. */
  {
    g_autoptr(PortingRequest) request = test_port_in_request (NULL);

    plain = test_submit (client, request, NULL, NULL, key, NULL, &error);
    g_assert_no_error (error);
  }
  pin = read_pin (staff_token, porting_request_get_id (plain), &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  pin = read_pin (staff_token, "6f1c1c9e-8b7a-4a55-9c1e-0a0f3c2b1d11", &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_NOT_FOUND);
}

static void
review (const char           *id,
        const char           *json,
        PortingRequestStatus  expected)
{
  g_autoptr(PortingIntakeClient) staff = test_client_new (service->url, staff_token);
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(GError) error = NULL;

  reviewed = test_review (staff, id, json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (porting_request_get_status (reviewed), ==, expected);
  g_assert_true (porting_request_has_pin_on_file (reviewed) == porting_review_status_is_open (expected));
}

static void
assert_erased (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = read_pin (staff_token, id, &error);

  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_GONE);
  g_assert_null (pin);
}

/* Completed, rejected or cancelled: the PIN is erased, then 410. */
static void
test_erased_when_ended (void)
{
  g_autoptr(PortingRequest) completed = submit_wireless ();
  g_autoptr(PortingRequest) rejected = submit_wireless ();
  g_autoptr(PortingRequest) cancelled = submit_wireless ();
  const char *id = porting_request_get_id (completed);
  g_autofree char *answer = NULL;
  g_autofree char *path = NULL;
  g_autofree char *code = NULL;

  review (id, "{\"decision\": \"approve\"}", PORTING_REQUEST_STATUS_APPROVED);
  review (id, "{\"status\": \"submitted-to-carrier\"}", PORTING_REQUEST_STATUS_SUBMITTED_TO_CARRIER);
  review (id, "{\"status\": \"scheduled\", \"foc_date\": \"2026-12-18\"}", PORTING_REQUEST_STATUS_SCHEDULED);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *pin = read_pin (staff_token, id, &error);

    g_assert_cmpstr (pin, ==, PIN);
  }
  review (id, "{\"status\": \"completed\"}", PORTING_REQUEST_STATUS_COMPLETED);
  assert_erased (id);

  path = g_strdup_printf ("/v1/requests/%s/wireless-pin", id);
  g_assert_cmpuint (test_http (service->url, "GET", path, staff_token, NULL, NULL, 0, &answer, NULL), ==, 410);
  code = test_error_code (answer, NULL);
  g_assert_cmpstr (code, ==, "pin-erased");

  review (porting_request_get_id (rejected), "{\"decision\": \"reject\", \"answer\": {\"reason\": \"The PIN is wrong.\"}}",
          PORTING_REQUEST_STATUS_REJECTED);
  assert_erased (porting_request_get_id (rejected));
  review (porting_request_get_id (cancelled), "{\"decision\": \"cancel\"}", PORTING_REQUEST_STATUS_CANCELLED);
  assert_erased (porting_request_get_id (cancelled));

  assert_pin_nowhere_on_disk ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  test_intake_init_backend (&argc, &argv);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (test_backend_is_postgres () && test_postgres_get () == NULL)
    {
      g_test_skip ("PostgreSQL is not installed (postgresql package)");
      return g_test_run ();
    }
  work_dir = g_dir_make_tmp ("intake-pin-XXXXXX", &error);
  g_assert_no_error (error);
  service = test_service_new ();
  test_service_launch (service, (const char *[]) { "--rate-limit", "0", NULL });
  customer_token = test_service_token (service, "customer", "Acme Widgets");
  other_token = test_service_token (service, "customer", "Other Corp");
  staff_token = test_service_token (service, "staff", "Sam Support");

  g_test_add_func ("/intake-pin/sealed-at-rest", test_sealed_at_rest);
  g_test_add_func ("/intake-pin/staff-read", test_staff_read);
  g_test_add_func ("/intake-pin/erased-when-ended", test_erased_when_ended);

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
