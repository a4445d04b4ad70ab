/* test-international-byoc.c — the Other Countries and BYOC pages, against a real intake service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-international-byoc"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "intake-test-util.h"
#include "porting-byoc-page-private.h"
#include "porting-international-page-private.h"
#include "porting-row-message.h"
#include "porting-submit-dialog.h"

#define WAIT_TIMEOUT_MS 15000

static TestService *service;
static char *customer_token;

typedef gboolean (*Condition) (gpointer data);

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @condition holds; FALSE after a timeout. */
static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (WAIT_TIMEOUT_MS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  return condition (data);
}

static void
settle (void)
{
  for (int i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
type_text (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  settle ();
}

static char *
draft_path (const char *flow)
{
  g_autofree char *name = g_strconcat (flow, ".json", NULL);

  return g_build_filename (g_get_user_data_dir (), APP_ID, "drafts", name, NULL);
}

/* A session set up the way the application sets up its own from
 * PORTING_INTAKE_URL / PORTING_INTAKE_TOKEN. */
static PortingIntakeSession *
session_from_environment (void)
{
  g_autofree char *outbox = g_build_filename (g_get_user_data_dir (), "outbox", NULL);
  PortingIntakeSession *session = porting_intake_session_new (outbox);

  porting_intake_session_configure (session, g_getenv ("PORTING_INTAKE_URL"), g_getenv ("PORTING_INTAKE_TOKEN"));
  return session;
}

static GtkWindow *
window_with (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 800, 700);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  settle ();
  return window;
}

static void
destroy_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  settle ();
}

/* Every request the customer's token sees, through porting-cli. */
static JsonArray *
stored_requests (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonNode *root;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("PORTING_CLI"), "requests",
                              "--url", service->url, "--token", customer_token, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("porting-cli requests failed: %s", err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root) && json_object_has_member (json_node_get_object (root), "requests"))
    root = json_object_get_member (json_node_get_object (root), "requests");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  return json_array_ref (json_node_get_array (root));
}

static JsonObject *
find_stored (const char *kind)
{
  g_autoptr(JsonArray) requests = stored_requests ();
  JsonObject *found = NULL;

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (request, "kind", ""), kind) == 0)
        {
          g_assert_null (found); /* one submission, one request */
          found = request;
        }
    }

  return found != NULL ? json_object_ref (found) : NULL;
}

static PortingSubmitDialog *
find_submit_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PORTING_IS_SUBMIT_DIALOG (window))
        return PORTING_SUBMIT_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_done (gpointer data)
{
  PortingSubmitDialog *dialog = find_submit_dialog ();

  return dialog != NULL && !g_str_equal (porting_submit_dialog_get_state (dialog), "sending");
}

/* Waits for the receipt and closes the dialog. */
static void
expect_receipt (void)
{
  PortingSubmitDialog *dialog;

  g_assert_true (wait_for (dialog_done, NULL));
  dialog = find_submit_dialog ();
  if (!g_str_equal (porting_submit_dialog_get_state (dialog), "receipt"))
    g_error ("Not sent: %s", porting_submit_dialog_get_message (dialog));
  g_assert_nonnull (porting_submit_dialog_get_stored (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
}

static void
discard_drafts (void)
{
  g_autofree char *international = draft_path ("international");
  g_autofree char *byoc = draft_path ("byoc");

  g_remove (international);
  g_remove (byoc);
}

/* ---- Other countries --------------------------------------------------- */

static gboolean
has_number_message (gpointer data)
{
  return porting_row_get_message (data) != NULL;
}

static void
test_international_fill (void)
{
  PortingInternationalPage *page;
  GtkWindow *window;
  g_autoptr(PortingRequest) request = NULL;

  discard_drafts ();
  page = PORTING_INTERNATIONAL_PAGE (porting_international_page_new (NULL));
  window = window_with (GTK_WIDGET (page));

  type_text (page->number_row, "+44 20 7946 0958");
  g_assert_cmpstr (text_of (page->country_row), ==, "United Kingdom");
  g_assert_cmpstr (text_of (page->e164_row), ==, "+442079460958");
  g_assert_cmpuint (adw_combo_row_get_selected (page->type_row), ==, INTERNATIONAL_TYPE_LOCAL);
  g_assert_null (porting_row_get_message (GTK_WIDGET (page->number_row)));

  type_text (page->number_row, "+33 6 12 34 56 78");
  g_assert_cmpstr (text_of (page->country_row), ==, "France");
  g_assert_cmpstr (text_of (page->e164_row), ==, "+33612345678");
  g_assert_cmpuint (adw_combo_row_get_selected (page->type_row), ==, INTERNATIONAL_TYPE_MOBILE);

  /* Garbage gets a reason under the field, after the pause given to typing. */
  type_text (page->number_row, "call me maybe");
  g_assert_null (porting_row_get_message (GTK_WIDGET (page->number_row)));
  g_assert_true (wait_for (has_number_message, page->number_row));
  g_assert_cmpstr (porting_row_get_message (GTK_WIDGET (page->number_row)), !=, "");
  g_assert_null (_porting_international_page_build_request (page));

  /* A US number belongs to Port In. */
  type_text (page->number_row, "+1 510 555 0142");
  _porting_international_page_update_now (page);
  g_assert_nonnull (strstr (porting_row_get_message (GTK_WIDGET (page->number_row)), "Port In"));

  /* The details can be corrected by hand, and must stay sensible. */
  type_text (page->number_row, "+44 20 7946 0958");
  g_assert_null (porting_row_get_message (GTK_WIDGET (page->number_row)));
  type_text (page->country_row, "");
  type_text (page->e164_row, "442079460958x");
  request = _porting_international_page_build_request (page);
  g_assert_null (request);
  g_assert_nonnull (porting_row_get_message (GTK_WIDGET (page->country_row)));
  g_assert_nonnull (porting_row_get_message (GTK_WIDGET (page->e164_row)));
  type_text (page->country_row, "Great Britain");
  type_text (page->e164_row, "+442079460958");
  g_assert_null (porting_row_get_message (GTK_WIDGET (page->country_row)));
  g_assert_null (porting_row_get_message (GTK_WIDGET (page->e164_row)));
  adw_combo_row_set_selected (page->type_row, INTERNATIONAL_TYPE_TOLL_FREE);

  request = _porting_international_page_build_request (page);
  g_assert_nonnull (request);
  g_assert_cmpint (porting_request_get_kind (request), ==, PORTING_REQUEST_KIND_INTERNATIONAL_INQUIRY);
  g_assert_cmpstr (porting_request_get_string (request, "country"), ==, "GB");
  g_assert_cmpstr (porting_request_get_string (request, "country_name"), ==, "Great Britain");
  g_assert_cmpstr (porting_request_get_string (request, "number"), ==, "+442079460958");
  g_assert_cmpstr (porting_request_get_string (request, "number_type"), ==, "toll-free");

  destroy_window (window);
}

static void
test_international_set_numbers (void)
{
  PortingInternationalPage *page;
  GtkWindow *window;
  const char * const numbers[] = { "+44 20 7946 0958", "+33 6 12 34 56 78", "+442079460958", "  ", NULL };

  discard_drafts ();
  page = PORTING_INTERNATIONAL_PAGE (porting_international_page_new (NULL));
  window = window_with (GTK_WIDGET (page));

  porting_international_page_set_numbers (page, numbers);
  settle ();
  g_assert_cmpstr (text_of (page->number_row), ==, "+44 20 7946 0958");
  g_assert_cmpstr (text_of (page->country_row), ==, "United Kingdom");
  /* The same number twice is one inquiry; the French one waits. */
  g_assert_cmpuint (_porting_international_page_get_n_queued (page), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->queue_group)));

  /* Sent again from port-in: nothing doubles. */
  porting_international_page_set_numbers (page, numbers);
  g_assert_cmpuint (_porting_international_page_get_n_queued (page), ==, 1);

  destroy_window (window);
  discard_drafts ();
}

static gboolean
portability_answered (gpointer data)
{
  PortingInternationalPage *page = data;

  return gtk_widget_get_visible (GTK_WIDGET (page->portability_row)) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (page->portability_icon_stack), "icon") == 0;
}

static void
test_international_submit (void)
{
  g_autoptr(PortingIntakeSession) session = session_from_environment ();
  g_autoptr(JsonObject) stored = NULL;
  g_autofree char *path = draft_path ("international");
  PortingInternationalPage *page;
  GtkWindow *window;
  const char * const numbers[] = { "+44 20 7946 0958", "+33 6 12 34 56 78", NULL };

  discard_drafts ();
  page = PORTING_INTERNATIONAL_PAGE (porting_international_page_new (NULL));
  porting_international_page_set_intake_session (page, session);
  window = window_with (GTK_WIDGET (page));

  /* Nothing typed: every required field says so, nothing is sent. */
  g_assert_false (porting_international_page_submit (page));
  g_assert_nonnull (porting_row_get_message (GTK_WIDGET (page->number_row)));
  g_assert_null (find_submit_dialog ());

  porting_international_page_set_numbers (page, numbers);
  type_text (page->notes_row, "Main office line");

  /* The service's view of the number comes by itself. */
  g_assert_true (wait_for (portability_answered, page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->portability_row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (page->portability_row), "inquiry"));
  g_assert_true (porting_international_page_submit (page));
  expect_receipt ();

  stored = find_stored ("international-inquiry");
  g_assert_nonnull (stored);
  g_assert_cmpstr (json_object_get_string_member (stored, "country"), ==, "GB");
  g_assert_cmpstr (json_object_get_string_member (stored, "country_name"), ==, "United Kingdom");
  g_assert_cmpstr (json_object_get_string_member (stored, "number"), ==, "+442079460958");
  g_assert_cmpstr (json_object_get_string_member (stored, "number_type"), ==, "local");
  g_assert_cmpstr (json_object_get_string_member (stored, "status"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member_with_default (stored, "notes", NULL), ==, "Main office line");

  /* Sent: the next number of the list takes its place, the first one's draft is gone. */
  g_assert_cmpstr (text_of (page->number_row), ==, "+33 6 12 34 56 78");
  g_assert_cmpstr (text_of (page->notes_row), ==, "");
  g_assert_cmpuint (_porting_international_page_get_n_queued (page), ==, 0);

  destroy_window (window);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *draft;

    /* What is left in the draft is the French number, not the British one. */
    json_parser_load_from_file (parser, path, &error);
    g_assert_no_error (error);
    draft = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (draft, "number"), ==, "+33 6 12 34 56 78");
  }
  discard_drafts ();
}

/* ---- Bring Your Own Carrier -------------------------------------------- */

static void
test_byoc_submit (void)
{
  g_autoptr(PortingIntakeSession) session = session_from_environment ();
  g_autoptr(JsonObject) stored = NULL;
  g_autofree char *path = draft_path ("byoc");
  PortingByocPage *page;
  GtkWindow *window;
  JsonArray *numbers;
  const char * const voip[] = { "+1 (510) 555-0143", "+15105550142", NULL };

  discard_drafts ();
  page = PORTING_BYOC_PAGE (porting_byoc_page_new (NULL));
  porting_byoc_page_set_intake_session (page, session);
  window = window_with (GTK_WIDGET (page));

  /* Empty: both required fields say so. */
  g_assert_false (porting_byoc_page_submit (page));
  g_assert_nonnull (porting_row_get_message (GTK_WIDGET (page->numbers_row)));
  g_assert_nonnull (porting_row_get_message (GTK_WIDGET (page->sip_provider_row)));

  /* A wrong number is named in the message. */
  type_text (page->numbers_row, "+1 510 555 0142, 12");
  _porting_byoc_page_update_now (page);
  g_assert_nonnull (strstr (porting_row_get_message (GTK_WIDGET (page->numbers_row)), "12"));

  type_text (page->numbers_row, "+1 510 555 0142");
  g_assert_null (porting_row_get_message (GTK_WIDGET (page->numbers_row)));
  porting_byoc_page_set_numbers (page, voip);
  g_assert_cmpstr (text_of (page->numbers_row), ==, "+1 510 555 0142, +15105550143");
  type_text (page->sip_provider_row, "Flowroute");
  g_assert_null (porting_row_get_message (GTK_WIDGET (page->sip_provider_row)));
  type_text (page->notes_row, "Trunk from 203.0.113.10");

  g_assert_true (porting_byoc_page_submit (page));
  expect_receipt ();

  stored = find_stored ("byoc-inquiry");
  g_assert_nonnull (stored);
  numbers = json_object_get_array_member (stored, "numbers");
  g_assert_cmpuint (json_array_get_length (numbers), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (numbers, 0), ==, "+15105550142");
  g_assert_cmpstr (json_array_get_string_element (numbers, 1), ==, "+15105550143");
  g_assert_cmpstr (json_object_get_string_member (stored, "sip_provider"), ==, "Flowroute");
  g_assert_cmpstr (json_object_get_string_member (stored, "notes"), ==, "Trunk from 203.0.113.10");

  /* Sent: the form is empty again and so is the draft. */
  g_assert_cmpstr (text_of (page->numbers_row), ==, "");
  g_assert_cmpstr (text_of (page->sip_provider_row), ==, "");
  destroy_window (window);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ---- Drafts ------------------------------------------------------------ */

static void
test_drafts (void)
{
  PortingInternationalPage *international;
  PortingByocPage *byoc;
  GtkWindow *window;
  GtkWidget *box;
  const char * const numbers[] = { "+49 30 901820", NULL };

  discard_drafts ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  international = PORTING_INTERNATIONAL_PAGE (porting_international_page_new (NULL));
  byoc = PORTING_BYOC_PAGE (porting_byoc_page_new (NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (international));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (byoc));
  window = window_with (box);

  type_text (international->number_row, "+44 20 7946 0958");
  type_text (international->country_row, "England");
  adw_combo_row_set_selected (international->type_row, INTERNATIONAL_TYPE_MOBILE);
  type_text (international->notes_row, "Shop line");
  porting_international_page_set_numbers (international, numbers);
  type_text (byoc->numbers_row, "+1 510 555 0142");
  type_text (byoc->sip_provider_row, "Telnyx");
  type_text (byoc->notes_row, "Credentials, please");

  /* Closing the window writes what waits; the new pages read it back. */
  destroy_window (window);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  international = PORTING_INTERNATIONAL_PAGE (porting_international_page_new (NULL));
  byoc = PORTING_BYOC_PAGE (porting_byoc_page_new (NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (international));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (byoc));
  window = window_with (box);

  g_assert_cmpstr (text_of (international->number_row), ==, "+44 20 7946 0958");
  g_assert_cmpstr (text_of (international->country_row), ==, "England");
  g_assert_cmpstr (text_of (international->e164_row), ==, "+442079460958");
  g_assert_cmpuint (adw_combo_row_get_selected (international->type_row), ==, INTERNATIONAL_TYPE_MOBILE);
  g_assert_cmpstr (text_of (international->notes_row), ==, "Shop line");
  g_assert_cmpuint (_porting_international_page_get_n_queued (international), ==, 1);
  g_assert_cmpstr (text_of (byoc->numbers_row), ==, "+1 510 555 0142");
  g_assert_cmpstr (text_of (byoc->sip_provider_row), ==, "Telnyx");
  g_assert_cmpstr (text_of (byoc->notes_row), ==, "Credentials, please");

  destroy_window (window);
  discard_drafts ();
}

static void
delete_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          delete_tree (child);
          g_object_unref (info);
        }
    }

  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("test-international-byoc-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  g_autofree char *config_home = g_build_filename (home, "config", NULL);
  g_autofree char *intake_dir = g_build_filename (home, "intake", NULL);
  int status;

  /* Our own XDG dirs, before GLib reads them: drafts land there. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  test_intake_init ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_assert_cmpint (g_mkdir_with_parents (intake_dir, 0700), ==, 0);
  service = test_service_start (intake_dir);
  customer_token = test_intake_token (intake_dir, "customer", "Acme Widgets");
  g_setenv ("PORTING_INTAKE_URL", service->url, TRUE);
  g_setenv ("PORTING_INTAKE_TOKEN", customer_token, TRUE);

  g_test_add_func ("/international/fill", test_international_fill);
  g_test_add_func ("/international/set-numbers", test_international_set_numbers);
  g_test_add_func ("/international/submit", test_international_submit);
  g_test_add_func ("/byoc/submit", test_byoc_submit);
  g_test_add_func ("/drafts/restored", test_drafts);

  status = g_test_run ();

  test_service_free (service);
  g_free (customer_token);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (home);

    delete_tree (dir);
  }

  return status;
}
