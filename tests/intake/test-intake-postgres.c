/* test-intake-postgres.c — two porting-intake instances on one PostgreSQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As a provider behind a load balancer runs them: one database, one shared
 * documents folder, one key file. Whatever must hold across them is the
 * database's to enforce.
 */
#include "config.h"

#include "intake-test-util.h"

static TestPostgres *pg;
static TestService *first;
static TestService *second;
static char *token;
static char *staff_token;
static char *work_dir;

/* A second instance on the same database, documents and key as @service. */
static TestService *
twin_of (TestService *service)
{
  TestService *twin = g_new0 (TestService, 1);

  twin->data_dir = g_strdup (service->data_dir);
  twin->database_url = g_strdup (service->database_url);
  return twin;
}

typedef struct
{
  GAsyncResult *result;
} Pending;

/* The same Idempotency-Key to both instances at once: one request. */
static void
test_same_key_at_once (void)
{
  g_autoptr(PortingIntakeClient) to_first = test_client_new (first->url, token);
  g_autoptr(PortingIntakeClient) to_second = test_client_new (second->url, token);
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa.pdf", 256 * 1024);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  const guint n_keys = 20;

  for (guint i = 0; i < n_keys; i++)
    {
      g_autoptr(PortingRequest) request = test_port_in_request (NULL);
      g_autofree char *key = g_uuid_string_random ();
      g_autoptr(GAsyncResult) result_a = NULL;
      g_autoptr(GAsyncResult) result_b = NULL;
      g_autoptr(PortingRequest) stored_a = NULL;
      g_autoptr(PortingRequest) stored_b = NULL;

      porting_intake_client_submit_async (to_first, request, loa, NULL, NULL, key, NULL, NULL, NULL,
                                          test_store_result, &result_a);
      porting_intake_client_submit_async (to_second, request, loa, NULL, NULL, key, NULL, NULL, NULL,
                                          test_store_result, &result_b);
      test_wait_result (&result_a);
      test_wait_result (&result_b);
      stored_a = porting_intake_client_submit_finish (to_first, result_a, NULL, &error);
      g_assert_no_error (error);
      stored_b = porting_intake_client_submit_finish (to_second, result_b, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (porting_request_get_id (stored_a), ==, porting_request_get_id (stored_b));
      g_assert_cmpstr (porting_request_get_reference (stored_a), ==, porting_request_get_reference (stored_b));
      g_hash_table_add (ids, g_strdup (porting_request_get_id (stored_a)));
    }
  g_assert_cmpuint (g_hash_table_size (ids), ==, n_keys);

  listed = test_list (to_first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, n_keys);
}

static char *
download (const char *url,
          const char *id)
{
  g_autofree char *path = g_strdup_printf ("/v1/requests/%s/documents/loa", id);
  char *answer = NULL;

  g_assert_cmpuint (test_http (url, "GET", path, token, NULL, NULL, 0, &answer, NULL), ==, 200);
  return answer;
}

/* Either lists and serves everything, whichever took it in. */
static void
test_either_serves_all (void)
{
  g_autoptr(PortingIntakeClient) to_first = test_client_new (first->url, token);
  g_autoptr(PortingIntakeClient) to_second = test_client_new (second->url, token);
  g_autoptr(PortingIntakeClient) staff_second = test_client_new (second->url, staff_token);
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa-only-first.pdf", 300 * 1024 + 7);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(PortingRequest) seen = NULL;
  g_autoptr(GPtrArray) from_first = NULL;
  g_autoptr(GPtrArray) from_second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *loa_path = g_file_get_path (loa);
  g_autofree char *original = NULL;
  g_autofree char *via_first = NULL;
  g_autofree char *via_second = NULL;
  gsize length;

  stored = test_submit (to_first, request, loa, NULL, key, NULL, &error);
  g_assert_no_error (error);

  from_first = test_list (to_first, &error);
  g_assert_no_error (error);
  from_second = test_list (to_second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (from_first->len, ==, from_second->len);
  for (guint i = 0; i < from_first->len; i++)
    g_assert_cmpstr (porting_request_get_id (g_ptr_array_index (from_first, i)), ==,
                     porting_request_get_id (g_ptr_array_index (from_second, i)));

  g_assert_true (g_file_get_contents (loa_path, &original, &length, NULL));
  via_first = download (first->url, porting_request_get_id (stored));
  via_second = download (second->url, porting_request_get_id (stored));
  g_assert_cmpmem (via_second, strlen (via_second), original, strlen (original));
  g_assert_cmpstr (via_first, ==, via_second);

  /* Reviewed through one, seen through the other. */
  reviewed = test_review (staff_second, porting_request_get_id (stored), "{\"decision\": \"in-review\"}", &error);
  g_assert_no_error (error);
  seen = test_get (to_first, porting_request_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpint (porting_request_get_status (seen), ==, PORTING_REQUEST_STATUS_IN_REVIEW);
}

/* Two staff decide at once through the two instances: the database lets one through. */
static void
test_review_race (void)
{
  g_autoptr(PortingIntakeClient) to_first = test_client_new (first->url, token);
  g_autoptr(PortingIntakeClient) staff_first = test_client_new (first->url, staff_token);
  g_autoptr(PortingIntakeClient) staff_second = test_client_new (second->url, staff_token);
  g_autoptr(GError) error = NULL;
  guint n_approved = 0, n_rejected = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(PortingRequest) request = test_port_in_request (NULL);
      g_autoptr(PortingRequest) stored = NULL;
      g_autoptr(JsonNode) approve = json_from_string ("{\"decision\": \"approve\"}", NULL);
      g_autoptr(JsonNode) reject = json_from_string ("{\"decision\": \"reject\", \"note\": \"Wrong bill\"}", NULL);
      g_autoptr(GAsyncResult) result_a = NULL;
      g_autoptr(GAsyncResult) result_b = NULL;
      g_autoptr(PortingRequest) approved = NULL;
      g_autoptr(PortingRequest) rejected = NULL;
      g_autoptr(GError) error_a = NULL;
      g_autoptr(GError) error_b = NULL;
      g_autofree char *key = g_uuid_string_random ();

      stored = test_submit (to_first, request, NULL, NULL, key, NULL, &error);
      g_assert_no_error (error);
      porting_intake_client_review_async (staff_first, porting_request_get_id (stored), json_node_get_object (approve),
                                          NULL, test_store_result, &result_a);
      porting_intake_client_review_async (staff_second, porting_request_get_id (stored), json_node_get_object (reject),
                                          NULL, test_store_result, &result_b);
      test_wait_result (&result_a);
      test_wait_result (&result_b);
      approved = porting_intake_client_review_finish (staff_first, result_a, &error_a);
      rejected = porting_intake_client_review_finish (staff_second, result_b, &error_b);

      /* Exactly one, the other told the request moved on. */
      g_assert_true ((approved != NULL) != (rejected != NULL));
      if (approved != NULL)
        g_assert_error (error_b, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_CONFLICT);
      else
        g_assert_error (error_a, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_CONFLICT);
      n_approved += approved != NULL;
      n_rejected += rejected != NULL;
    }
  g_test_message ("10 races: %u approved first, %u rejected first", n_approved, n_rejected);
}

/* One killed, the other goes on; back, it sees what the other took in. */
static void
test_one_killed (void)
{
  g_autoptr(PortingIntakeClient) to_second = test_client_new (second->url, token);
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(PortingRequest) seen = NULL;
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa-after-kill.pdf", 64 * 1024);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();

  test_service_stop (first, TRUE);
  stored = test_submit (to_second, request, loa, NULL, key, NULL, &error);
  g_assert_no_error (error);

  test_service_launch (first, NULL);
  {
    g_autoptr(PortingIntakeClient) to_first = test_client_new (first->url, token);
    g_autofree char *via_first = NULL;

    seen = test_get (to_first, porting_request_get_reference (stored), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (porting_request_get_id (seen), ==, porting_request_get_id (stored));
    via_first = download (first->url, porting_request_get_id (stored));
    g_assert_true (g_str_has_prefix (via_first, "%PDF-"));
  }
}

static void
wait_for (gpointer data)
{
  g_subprocess_wait (data, NULL, NULL);
}

/* A submit waits for a lock on requests; the listing is answered meanwhile. */
static void
test_database_off_main_loop (void)
{
  g_autoptr(GSubprocess) locker = NULL;
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  locker = test_postgres_sql_start (pg, first->database_url,
                                    "BEGIN; LOCK TABLE requests IN EXCLUSIVE MODE; SELECT pg_sleep (4); COMMIT;");
  for (;;)
    {
      g_autofree char *held = test_postgres_value (pg, first->database_url,
                                                   "SELECT count(*) FROM pg_locks WHERE mode = 'ExclusiveLock' "
                                                   "AND relation = 'requests'::regclass AND granted");

      if (g_str_equal (held, "1"))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      g_usleep (20 * 1000);
    }
  test_listing_answered_while_submit_waits (first->url, token, wait_for, locker);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  test_intake_init_backend (&argc, &argv);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  pg = test_postgres_get ();
  if (pg == NULL)
    {
      g_test_skip ("PostgreSQL is not installed (postgresql package)");
      return g_test_run ();
    }
  work_dir = g_dir_make_tmp ("intake-pg-XXXXXX", &error);
  g_assert_no_error (error);

  /* Started together on an empty database: both migrate, one at a time. */
  first = test_service_new ();
  second = twin_of (first);
  test_service_spawn (first, (const char *[]) { "--rate-limit", "0", NULL });
  test_service_spawn (second, (const char *[]) { "--rate-limit", "0", NULL });
  test_service_wait_ready (first);
  test_service_wait_ready (second);
  token = test_service_token (first, "customer", "Acme Widgets");
  staff_token = test_service_token (second, "staff", "Sam Support");

  g_test_add_func ("/intake-postgres/same-key-at-once", test_same_key_at_once);
  g_test_add_func ("/intake-postgres/either-serves-all", test_either_serves_all);
  g_test_add_func ("/intake-postgres/review-race", test_review_race);
  g_test_add_func ("/intake-postgres/one-killed", test_one_killed);
  g_test_add_func ("/intake-postgres/database-off-main-loop", test_database_off_main_loop);

  status = g_test_run ();

  test_service_free (second);
  test_service_free (first);
  test_intake_cleanup ();
  g_free (token);
  g_free (staff_token);
  test_remove_tree (work_dir);
  g_free (work_dir);
  return status;
}
