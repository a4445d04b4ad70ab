/* test-intake-crash.c — kill -9 of the service loses nothing it committed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "intake-test-util.h"

typedef struct
{
  TestService *service;
  gboolean     killed;
} KillAt;

static void
kill_half_way (goffset  sent,
               goffset  total,
               gpointer user_data)
{
  KillAt *kill_at = user_data;

  if (!kill_at->killed && sent > total / 2)
    {
      kill_at->killed = TRUE;
      g_subprocess_force_exit (kill_at->service->process);
    }
}

static char *
sha256_of_file (GFile *file)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (file);
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_kill_during_and_after (void)
{
  TestService *service = test_service_new ();
  g_autofree char *data_dir = g_strdup (service->data_dir);
  g_autofree char *token = NULL;
  g_autofree char *work_dir = g_dir_make_tmp ("crash-XXXXXX", NULL);
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa.pdf", 64 * 1024);
  g_autoptr(GFile) big = test_write_pdf (work_dir, "big.pdf", 12 * 1024 * 1024);
  g_autofree char *loa_hash = sha256_of_file (loa);
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *interrupted_key = g_uuid_string_random ();

  /* A shared (PostgreSQL) documents folder is cleaned at start of what is
   * older than --clean-age only, as another instance may be writing to it:
   * here nothing else does. */
  test_service_launch (service, (const char *[]) { "--clean-age", "0", NULL });
  token = test_service_token (service, "customer", "Acme");

  /* Several committed requests, the service killed right after the last answer. */
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(PortingIntakeClient) client = test_client_new (service->url, token);

      for (guint i = 0; i < 4; i++)
        {
          g_autoptr(PortingRequest) request = test_port_in_request (NULL);
          g_autoptr(PortingRequest) stored = NULL;
          char *key = g_uuid_string_random ();

          stored = test_submit (client, request, loa, NULL, key, NULL, &error);
          g_assert_no_error (error);
          g_ptr_array_add (committed, g_strdup (porting_request_get_id (stored)));
          g_ptr_array_add (keys, key);
        }

      test_service_restart (service, TRUE);
    }

  /* Killed in the middle of an upload. */
  {
    g_autoptr(PortingIntakeClient) client = test_client_new (service->url, token);
    g_autoptr(PortingRequest) request = test_port_in_request (NULL);
    g_autoptr(PortingRequest) stored = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    KillAt kill_at = { service, FALSE };

    g_object_set (client, "max-attempts", 1, NULL);
    porting_intake_client_submit_async (client, request, loa, big, NULL, interrupted_key, NULL,
                                        kill_half_way, &kill_at, test_store_result, &result);
    test_wait_result (&result);
    stored = porting_intake_client_submit_finish (client, result, NULL, &error);
    g_assert_true (kill_at.killed);
    g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE);
    g_assert_null (stored);
    g_clear_error (&error);

    test_service_restart (service, TRUE);
  }

  /* Everything answered before a kill is there, with its documents. */
  {
    g_autoptr(PortingIntakeClient) client = test_client_new (service->url, token);

    listed = test_list (client, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (listed->len, ==, committed->len);
    for (guint i = 0; i < committed->len; i++)
      {
        g_autoptr(PortingRequest) request = test_get (client, g_ptr_array_index (committed, i), &error);
        g_autoptr(GAsyncResult) result = NULL;
        g_autofree char *path = g_build_filename (work_dir, "fetched.pdf", NULL);
        g_autoptr(GFile) fetched = g_file_new_for_path (path);
        g_autofree char *fetched_hash = NULL;

        g_assert_no_error (error);
        g_assert_cmpint (porting_request_get_status (request), ==, PORTING_REQUEST_STATUS_SUBMITTED);

        porting_intake_client_download_document_async (client, g_ptr_array_index (committed, i), "loa",
                                                       fetched, NULL, test_store_result, &result);
        test_wait_result (&result);
        g_assert_true (porting_intake_client_download_document_finish (client, result, &error));
        g_assert_no_error (error);
        fetched_hash = sha256_of_file (fetched);
        g_assert_cmpstr (fetched_hash, ==, loa_hash);
      }

    /* Retries of committed requests still find them after the restarts. */
    for (guint i = 0; i < keys->len; i++)
      {
        g_autoptr(PortingRequest) request = test_port_in_request (NULL);
        g_autoptr(PortingRequest) again = test_submit (client, request, loa, NULL,
                                                       g_ptr_array_index (keys, i), NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (porting_request_get_id (again), ==, g_ptr_array_index (committed, i));
      }

    /* The interrupted one was never committed: sending it again creates it, once. */
    {
      g_autoptr(PortingRequest) request = test_port_in_request (NULL);
      g_autoptr(PortingRequest) first = test_submit (client, request, loa, big, interrupted_key, NULL, &error);
      g_autoptr(PortingRequest) second = NULL;

      g_assert_no_error (error);
      second = test_submit (client, request, loa, big, interrupted_key, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (porting_request_get_id (first), ==, porting_request_get_id (second));
    }

    g_clear_pointer (&listed, g_ptr_array_unref);
    listed = test_list (client, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (listed->len, ==, committed->len + 1);
  }

  /* Upload leftovers of the killed service were cleaned at start. */
  {
    g_autofree char *documents = g_build_filename (data_dir, "documents", NULL);
    g_autoptr(GDir) dir = g_dir_open (documents, 0, &error);
    const char *name;

    g_assert_no_error (error);
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".upload-"));
  }

  test_service_free (service);
  test_remove_tree (work_dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  test_intake_init_backend (&argc, &argv);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (test_backend_is_postgres () && test_postgres_get () == NULL)
    g_test_skip ("PostgreSQL is not installed (postgresql package)");
  else
    g_test_add_func ("/intake-crash/kill-during-and-after", test_kill_during_and_after);

  status = g_test_run ();
  test_intake_cleanup ();
  return status;
}
