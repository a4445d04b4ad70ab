/* test-outbox.c — requests kept on disk until sent, sent once, with a real service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "intake-test-util.h"
#include "porting-outbox.h"

static GPtrArray *
flush (PortingOutbox       *outbox,
       PortingIntakeClient *client,
       GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  porting_outbox_flush_async (outbox, client, NULL, test_store_result, &result);
  test_wait_result (&result);
  return porting_outbox_flush_finish (outbox, result, error);
}

static void
test_kept_without_pin (void)
{
  g_autoptr(PortingOutbox) outbox = porting_outbox_new (NULL);
  g_autoptr(PortingOutbox) after_restart = NULL;
  g_autoptr(PortingRequest) request = test_port_in_request ("90210777");
  g_autofree char *work_dir = g_dir_make_tmp ("outbox-XXXXXX", NULL);
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa.pdf", 1000);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *expected_dir = g_build_filename (g_get_user_data_dir (), "org.example.Porting", "outbox", NULL);
  PortingOutboxItem *item;

  g_assert_cmpstr (porting_outbox_get_directory (outbox), ==, expected_dir);
  g_assert_true (porting_outbox_add (outbox, request, loa, NULL, NULL, "0b6c8a8e-64e4-4a8e-9d0e-6d3c1c0c9a01", &error));
  g_assert_no_error (error);

  on_disk = test_read_dir_contents (expected_dir);
  g_assert_nonnull (strstr (on_disk, "WL-778812"));
  g_assert_null (strstr (on_disk, "90210777"));

  /* Same process: the PIN is still in memory. */
  items = porting_outbox_list (outbox);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->idempotency_key, ==, "0b6c8a8e-64e4-4a8e-9d0e-6d3c1c0c9a01");
  g_assert_nonnull (item->loa);
  g_assert_null (item->proof);
  g_assert_false (porting_request_needs_pin (item->request));

  /* After a crash: the request is back, the PIN must be asked for again. */
  after_restart = porting_outbox_new (NULL);
  restored = porting_outbox_list (after_restart);
  g_assert_cmpuint (restored->len, ==, 1);
  item = g_ptr_array_index (restored, 0);
  g_assert_true (porting_request_needs_pin (item->request));
  g_assert_cmpstr (porting_request_get_string (item->request, "proof_kind"), ==, "invoice");
}

static void
test_flush_once (void)
{
  TestService *service = test_service_start (NULL);
  g_autofree char *token = test_intake_token (service->data_dir, "customer", "Acme");
  g_autofree char *work_dir = g_dir_make_tmp ("outbox-XXXXXX", NULL);
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa.pdf", 20000);
  g_autoptr(GFile) proof = test_write_pdf (work_dir, "proof.pdf", 30000);
  g_autoptr(PortingOutbox) outbox = porting_outbox_new (NULL);
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, token);
  g_autoptr(PortingIntakeClient) down = NULL;
  g_autoptr(PortingRequest) plain = test_port_in_request (NULL);
  g_autoptr(PortingRequest) wireless = test_port_in_request ("5551212");
  g_autoptr(PortingRequest) already = test_port_in_request (NULL);
  g_autoptr(PortingRequest) already_stored = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autofree char *down_url = NULL;
  guint16 port;

  g_assert_true (porting_outbox_add (outbox, plain, loa, proof, NULL, "11111111-1111-4111-8111-111111111111", &error));
  g_assert_true (porting_outbox_add (outbox, already, loa, NULL, NULL, "22222222-2222-4222-8222-222222222222", &error));
  g_assert_no_error (error);

  /* Service down: everything stays. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  down_url = g_strdup_printf ("http://127.0.0.1:%u", port);
  down = test_client_new (down_url, token);
  g_object_set (down, "max-attempts", 2, NULL);
  sent = flush (outbox, down, &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE);
  g_assert_null (sent);
  g_clear_error (&error);
  g_assert_cmpuint (porting_outbox_get_n_items (outbox), ==, 2);

  /* One of them reached the service before a crash, before it left the outbox. */
  already_stored = test_submit (client, already, loa, NULL, "22222222-2222-4222-8222-222222222222", NULL, &error);
  g_assert_no_error (error);

  /* A wireless request from an earlier run, without its PIN. */
  {
    g_autoptr(PortingOutbox) earlier = porting_outbox_new (NULL);
    g_assert_true (porting_outbox_add (earlier, wireless, loa, NULL, NULL, "33333333-3333-4333-8333-333333333333", &error));
    g_assert_no_error (error);
  }

  sent = flush (outbox, client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 2);
  g_assert_cmpuint (porting_outbox_get_n_items (outbox), ==, 1);

  listed = test_list (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* Nothing left to send but the one that waits for its PIN. */
  g_clear_pointer (&sent, g_ptr_array_unref);
  sent = flush (outbox, client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 0);

  porting_outbox_provide_pin (outbox, "33333333-3333-4333-8333-333333333333", "5551212");
  g_clear_pointer (&sent, g_ptr_array_unref);
  sent = flush (outbox, client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_true (porting_request_is_wireless (g_ptr_array_index (sent, 0)));
  g_assert_cmpuint (porting_outbox_get_n_items (outbox), ==, 0);

  listed = test_list (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);

  test_service_free (service);
}

int
main (int    argc,
      char **argv)
{
  test_intake_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/outbox/kept-without-pin", test_kept_without_pin);
  g_test_add_func ("/outbox/flush-once", test_flush_once);

  return g_test_run ();
}
