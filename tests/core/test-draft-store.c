/* test-draft-store.c — drafts are written once, atomically, and come back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "porting-draft-store.h"

static void
count_saved_cb (PortingDraftStore *store,
                guint             *count)
{
  (*count)++;
}

static void
wait_until_saved (PortingDraftStore *store,
                  guint             *count,
                  guint              expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*count < expected)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static char *
read_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return contents;
}

static guint
count_files (GFile *directory)
{
  g_autofree char *path = g_file_get_path (directory);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;

  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_debounce_and_restore (void)
{
  g_autoptr(PortingDraftStore) store = porting_draft_store_new ();
  g_autoptr(PortingDraftStore) again = NULL;
  g_autoptr(GFile) file = porting_draft_store_get_file (store, "port-in");
  g_autoptr(GFile) directory = g_file_get_parent (file);
  g_autoptr(JsonObject) restored = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected_dir = NULL;
  g_autofree char *dir_path = g_file_get_path (directory);
  guint saved = 0;

  expected_dir = g_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);
  g_assert_cmpstr (dir_path, ==, expected_dir);

  porting_draft_store_set_save_delay (store, 1);
  g_signal_connect (store, "saved", G_CALLBACK (count_saved_cb), &saved);

  /* A burst of typing: one write. */
  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *name = g_strndup ("Acme Widgets LLC", i);
      g_assert_true (porting_draft_store_set_string (store, "port-in", "customer-name", name));
    }
  g_assert_true (porting_draft_store_set_boolean (store, "port-in", "sms", TRUE));
  g_assert_true (porting_draft_store_set_int (store, "port-in", "step", 3));
  g_assert_true (porting_draft_store_is_dirty (store));
  g_assert_false (g_file_query_exists (file, NULL));

  wait_until_saved (store, &saved, 1);
  g_assert_cmpuint (saved, ==, 1);
  g_assert_false (porting_draft_store_is_dirty (store));

  /* Nothing more is written when nothing changes (an unchanged value is no change). */
  g_assert_true (porting_draft_store_set_boolean (store, "port-in", "sms", TRUE));
  g_assert_false (porting_draft_store_is_dirty (store));

  contents = read_file (file);
  g_assert_nonnull (strstr (contents, "\"Acme Widgets LLC\""));
  /* Atomic writes leave no temporary file behind. */
  g_assert_cmpuint (count_files (directory), ==, 1);

  /* A new store (a new run of the application) finds it again. */
  again = porting_draft_store_new ();
  restored = porting_draft_store_load (again, "port-in");
  g_assert_nonnull (restored);
  g_assert_cmpstr (json_object_get_string_member (restored, "customer-name"), ==, "Acme Widgets LLC");
  g_assert_true (json_object_get_boolean_member (restored, "sms"));
  g_assert_cmpint (json_object_get_int_member (restored, "step"), ==, 3);
  g_assert_null (porting_draft_store_load (again, "port-out"));
}

static void
test_secret_never_written (void)
{
  g_autoptr(PortingDraftStore) store = porting_draft_store_new ();
  g_autoptr(GFile) file = porting_draft_store_get_file (store, "port-in");
  g_autoptr(JsonObject) draft = NULL;
  g_autofree char *contents = NULL;
  guint saved = 0;

  g_signal_connect (store, "saved", G_CALLBACK (count_saved_cb), &saved);
  porting_draft_store_add_secret_key (store, "passcode");

  g_assert_true (porting_draft_store_set_string (store, "port-in", "wireless-account", "99-1234"));
  g_assert_false (porting_draft_store_set_string (store, "port-in", "wireless-pin", "739164"));
  g_assert_false (porting_draft_store_set_string (store, "port-in", "passcode", "582046"));
  g_assert_true (porting_draft_store_is_secret_key (store, "wireless-pin"));

  draft = porting_draft_store_load (store, "port-in");
  g_assert_false (json_object_has_member (draft, "wireless-pin"));

  wait_until_saved (store, &saved, 1);
  contents = read_file (file);
  g_assert_nonnull (strstr (contents, "99-1234"));
  g_assert_null (strstr (contents, "739164"));
  g_assert_null (strstr (contents, "582046"));
  g_assert_null (strstr (contents, "pin"));
}

static void
test_discard (void)
{
  g_autoptr(PortingDraftStore) store = porting_draft_store_new ();
  g_autoptr(PortingDraftStore) again = NULL;
  g_autoptr(GFile) file = porting_draft_store_get_file (store, "port-in");
  g_autoptr(GFile) other = porting_draft_store_get_file (store, "port-out");
  guint saved = 0;

  porting_draft_store_set_save_delay (store, 0);
  g_signal_connect (store, "saved", G_CALLBACK (count_saved_cb), &saved);

  porting_draft_store_set_string (store, "port-in", "numbers", "(510) 555-0142");
  porting_draft_store_set_string (store, "port-out", "gaining-provider", "Globex");
  wait_until_saved (store, &saved, 1);
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_true (g_file_query_exists (other, NULL));

  /* A change pending when the draft is discarded is dropped with it. */
  porting_draft_store_set_string (store, "port-in", "numbers", "(510) 555-0143");
  porting_draft_store_discard (store, "port-in");
  g_assert_null (porting_draft_store_load (store, "port-in"));
  wait_until_saved (store, &saved, 2);
  while (porting_draft_store_is_dirty (store))
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_true (g_file_query_exists (other, NULL));

  again = porting_draft_store_new ();
  g_assert_null (porting_draft_store_load (again, "port-in"));
}

static void
test_flush_sync (void)
{
  g_autoptr(PortingDraftStore) store = porting_draft_store_new ();
  g_autoptr(PortingDraftStore) again = NULL;
  g_autoptr(GFile) file = porting_draft_store_get_file (store, "twilio-transfer");
  g_autoptr(JsonObject) restored = NULL;
  g_autoptr(GError) error = NULL;

  /* A long delay: only the flush writes. */
  porting_draft_store_set_save_delay (store, 60);
  porting_draft_store_set_string (store, "twilio-transfer", "sid", "AC0123");
  g_assert_false (g_file_query_exists (file, NULL));

  g_assert_true (porting_draft_store_flush_sync (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_false (porting_draft_store_is_dirty (store));

  /* Disposing a store with a pending change writes it too. */
  porting_draft_store_set_string (store, "twilio-transfer", "sid", "AC4567");
  g_clear_object (&store);

  again = porting_draft_store_new ();
  restored = porting_draft_store_load (again, "twilio-transfer");
  g_assert_cmpstr (json_object_get_string_member (restored, "sid"), ==, "AC4567");
}

static void
test_damaged_draft (void)
{
  g_autoptr(PortingDraftStore) store = porting_draft_store_new ();
  g_autoptr(GFile) file = porting_draft_store_get_file (store, "port-in");
  g_autoptr(GFile) directory = g_file_get_parent (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir_path = g_file_get_path (directory);

  g_assert_cmpint (g_mkdir_with_parents (dir_path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{\"numbers\": \"(510", -1, NULL));

  g_test_expect_message ("porting-draft-store", G_LOG_LEVEL_WARNING, "*damaged draft*");
  g_assert_null (porting_draft_store_load (store, "port-in"));
  g_test_assert_expected_messages ();
}

/* Pages read drafts written by older versions: wrong types fall back. */
static void
test_draft_getters (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *draft;

  json_parser_load_from_data (parser, "{\"name\": \"Acme\", \"sms\": true, \"step\": 3, "
                                      "\"wrong\": [1], \"count\": \"4\"}", -1, &error);
  g_assert_no_error (error);
  draft = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (porting_draft_get_string (draft, "name"), ==, "Acme");
  g_assert_cmpstr (porting_draft_get_string (draft, "missing"), ==, "");
  g_assert_cmpstr (porting_draft_get_string (draft, "wrong"), ==, "");
  g_assert_cmpstr (porting_draft_get_string (NULL, "name"), ==, "");
  g_assert_true (porting_draft_get_boolean (draft, "sms", FALSE));
  g_assert_true (porting_draft_get_boolean (draft, "name", TRUE));
  g_assert_false (porting_draft_get_boolean (NULL, "sms", FALSE));
  g_assert_cmpint (porting_draft_get_int (draft, "step"), ==, 3);
  g_assert_cmpint (porting_draft_get_int (draft, "count"), ==, 0);
}

/* The save delay follows the setting; without the schema the default stays. */
static void
test_new_for_settings (void)
{
  g_autoptr(PortingDraftStore) store = porting_draft_store_new_for_settings ("org.example.Porting");
  g_autoptr(GSettings) settings = g_settings_new ("org.example.Porting");
  g_autoptr(PortingDraftStore) plain = porting_draft_store_new_for_settings ("org.example.NoSuchSchema");
  guint delay = 0;

  g_settings_set_uint (settings, "draft-save-delay", 7);
  g_object_get (store, "save-delay", &delay, NULL);
  g_assert_cmpuint (delay, ==, 7);
  g_assert_nonnull (plain);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/draft-store/debounce-and-restore", test_debounce_and_restore);
  g_test_add_func ("/draft-store/getters", test_draft_getters);
  g_test_add_func ("/draft-store/new-for-settings", test_new_for_settings);
  g_test_add_func ("/draft-store/secret-never-written", test_secret_never_written);
  g_test_add_func ("/draft-store/discard", test_discard);
  g_test_add_func ("/draft-store/flush-sync", test_flush_sync);
  g_test_add_func ("/draft-store/damaged-draft", test_damaged_draft);

  return g_test_run ();
}
