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
#include "ui-test-util.h"

static TestService *service;
static char *customer_token;

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
  ui_test_settle ();
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

static void
discard_drafts (void)
{
  g_autofree char *international = ui_test_draft_path ("international");
  g_autofree char *byoc = ui_test_draft_path ("byoc");

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
  window = ui_test_window_with (GTK_WIDGET (page), 800, 700);

  type_text (page->number_row, "+44 20 7946 0958");
  g_assert_cmpstr (text_of (page->country_row), ==, "United Kingdom");
  g_assert_cmpstr (text_of (page->e164_row), ==, "+442079460958");
  g_assert_cmpuint (adw_combo_row_get_selected (page->type_row), ==, PORTING_INTERNATIONAL_TYPE_LOCAL);
  g_assert_null (porting_row_get_message (GTK_WIDGET (page->number_row)));

  type_text (page->number_row, "+33 6 12 34 56 78");
  g_assert_cmpstr (text_of (page->country_row), ==, "France");
  g_assert_cmpstr (text_of (page->e164_row), ==, "+33612345678");
  g_assert_cmpuint (adw_combo_row_get_selected (page->type_row), ==, PORTING_INTERNATIONAL_TYPE_MOBILE);

  /* Garbage gets a reason under the field, after the pause given to typing. */
  type_text (page->number_row, "call me maybe");
  g_assert_null (porting_row_get_message (GTK_WIDGET (page->number_row)));
  g_assert_true (ui_test_wait_for (has_number_message, page->number_row));
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
  adw_combo_row_set_selected (page->type_row, PORTING_INTERNATIONAL_TYPE_TOLL_FREE);

  request = _porting_international_page_build_request (page);
  g_assert_nonnull (request);
  g_assert_cmpint (porting_request_get_kind (request), ==, PORTING_REQUEST_KIND_INTERNATIONAL_INQUIRY);
  g_assert_cmpstr (porting_request_get_string (request, "country"), ==, "GB");
  g_assert_cmpstr (porting_request_get_string (request, "country_name"), ==, "Great Britain");
  g_assert_cmpstr (porting_request_get_string (request, "number"), ==, "+442079460958");
  g_assert_cmpstr (porting_request_get_string (request, "number_type"), ==, "toll-free");

  ui_test_destroy_window (window);
}

static void
test_international_set_numbers (void)
{
  PortingInternationalPage *page;
  GtkWindow *window;
  const char * const numbers[] = { "+44 20 7946 0958", "+33 6 12 34 56 78", "+442079460958", "  ", NULL };

  discard_drafts ();
  page = PORTING_INTERNATIONAL_PAGE (porting_international_page_new (NULL));
  window = ui_test_window_with (GTK_WIDGET (page), 800, 700);

  porting_international_page_set_numbers (page, numbers);
  ui_test_settle ();
  g_assert_cmpstr (text_of (page->number_row), ==, "+44 20 7946 0958");
  g_assert_cmpstr (text_of (page->country_row), ==, "United Kingdom");
  /* The same number twice is one inquiry; the French one waits. */
  g_assert_cmpuint (_porting_international_page_get_n_queued (page), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->queue_group)));

  /* Sent again from port-in: nothing doubles. */
  porting_international_page_set_numbers (page, numbers);
  g_assert_cmpuint (_porting_international_page_get_n_queued (page), ==, 1);

  ui_test_destroy_window (window);
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
  g_autoptr(PortingRequest) receipt = NULL;
  g_autofree char *path = ui_test_draft_path ("international");
  PortingInternationalPage *page;
  GtkWindow *window;
  const char * const numbers[] = { "+44 20 7946 0958", "+33 6 12 34 56 78", NULL };

  discard_drafts ();
  page = PORTING_INTERNATIONAL_PAGE (porting_international_page_new (NULL));
  porting_international_page_set_intake_session (page, session);
  window = ui_test_window_with (GTK_WIDGET (page), 800, 700);

  /* Nothing typed: every required field says so, nothing is sent. */
  g_assert_false (porting_international_page_submit (page));
  g_assert_nonnull (porting_row_get_message (GTK_WIDGET (page->number_row)));
  g_assert_null (ui_test_find_toplevel (PORTING_TYPE_SUBMIT_DIALOG));

  porting_international_page_set_numbers (page, numbers);
  type_text (page->notes_row, "Main office line");

  /* The service's view of the number comes by itself. */
  g_assert_true (ui_test_wait_for (portability_answered, page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->portability_row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (page->portability_row), "inquiry"));
  g_assert_true (porting_international_page_submit (page));
  receipt = ui_test_expect_receipt ();

  stored = ui_test_find_stored (service->url, customer_token, "international-inquiry");
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

  ui_test_destroy_window (window);
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
  g_autoptr(PortingRequest) receipt = NULL;
  g_autofree char *path = ui_test_draft_path ("byoc");
  PortingByocPage *page;
  GtkWindow *window;
  JsonArray *numbers;
  const char * const voip[] = { "+1 (510) 555-0143", "+15105550142", NULL };

  discard_drafts ();
  page = PORTING_BYOC_PAGE (porting_byoc_page_new (NULL));
  porting_byoc_page_set_intake_session (page, session);
  window = ui_test_window_with (GTK_WIDGET (page), 800, 700);

  /* Nothing said before a first try to send. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->numbers_problem_label)));

  /* Empty: both required fields say so. */
  g_assert_false (porting_byoc_page_submit (page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->numbers_problem_label)));
  g_assert_cmpstr (gtk_label_get_label (page->numbers_problem_label), ==, "Add at least one telephone number.");
  g_assert_nonnull (porting_row_get_message (GTK_WIDGET (page->sip_provider_row)));

  /* A pasted column: each number is checked, the wrong one named with
   * its reason, and it stops the inquiry. */
  porting_numbers_editor_set_text (page->numbers_editor, "+1 510 555 0142\n12");
  g_assert_cmpuint (porting_numbers_editor_get_n_valid (page->numbers_editor), ==, 1);
  g_assert_cmpuint (porting_numbers_editor_get_n_invalid (page->numbers_editor), ==, 1);
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (page->numbers_editor), "12", UI_TEST_LABEL_VISIBLE));
  g_assert_cmpstr (gtk_label_get_label (page->numbers_problem_label), ==, "Fix or remove the 1 number marked invalid.");
  g_assert_false (porting_byoc_page_submit (page));

  porting_numbers_editor_set_text (page->numbers_editor, "+1 510 555 0142");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->numbers_problem_label)));
  porting_byoc_page_set_numbers (page, voip);
  {
    g_autofree char *text = porting_numbers_editor_dup_text (page->numbers_editor);

    g_assert_cmpstr (text, ==, "+1 510 555 0142\n+15105550143");
  }
  type_text (page->sip_provider_row, "Flowroute");
  g_assert_null (porting_row_get_message (GTK_WIDGET (page->sip_provider_row)));
  type_text (page->notes_row, "Trunk from 203.0.113.10");

  g_assert_true (porting_byoc_page_submit (page));
  receipt = ui_test_expect_receipt ();

  stored = ui_test_find_stored (service->url, customer_token, "byoc-inquiry");
  g_assert_nonnull (stored);
  numbers = json_object_get_array_member (stored, "numbers");
  g_assert_cmpuint (json_array_get_length (numbers), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (numbers, 0), ==, "+15105550142");
  g_assert_cmpstr (json_array_get_string_element (numbers, 1), ==, "+15105550143");
  g_assert_cmpstr (json_object_get_string_member (stored, "sip_provider"), ==, "Flowroute");
  g_assert_cmpstr (json_object_get_string_member (stored, "notes"), ==, "Trunk from 203.0.113.10");

  /* Sent: the form is empty again and so is the draft. */
  g_assert_cmpuint (porting_numbers_editor_get_numbers (page->numbers_editor)->len, ==, 0);
  g_assert_cmpstr (text_of (page->sip_provider_row), ==, "");
  ui_test_destroy_window (window);
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
  window = ui_test_window_with (box, 800, 700);

  type_text (international->number_row, "+44 20 7946 0958");
  type_text (international->country_row, "England");
  adw_combo_row_set_selected (international->type_row, PORTING_INTERNATIONAL_TYPE_MOBILE);
  type_text (international->notes_row, "Shop line");
  porting_international_page_set_numbers (international, numbers);
  porting_numbers_editor_set_text (byoc->numbers_editor, "+1 510 555 0142\n+1 510 555 0143");
  type_text (byoc->sip_provider_row, "Telnyx");
  type_text (byoc->notes_row, "Credentials, please");

  /* Closing the window writes what waits; the new pages read it back. */
  ui_test_destroy_window (window);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  international = PORTING_INTERNATIONAL_PAGE (porting_international_page_new (NULL));
  byoc = PORTING_BYOC_PAGE (porting_byoc_page_new (NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (international));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (byoc));
  window = ui_test_window_with (box, 800, 700);

  g_assert_cmpstr (text_of (international->number_row), ==, "+44 20 7946 0958");
  g_assert_cmpstr (text_of (international->country_row), ==, "England");
  g_assert_cmpstr (text_of (international->e164_row), ==, "+442079460958");
  g_assert_cmpuint (adw_combo_row_get_selected (international->type_row), ==, PORTING_INTERNATIONAL_TYPE_MOBILE);
  g_assert_cmpstr (text_of (international->notes_row), ==, "Shop line");
  g_assert_cmpuint (_porting_international_page_get_n_queued (international), ==, 1);
  {
    g_autofree char *text = porting_numbers_editor_dup_text (byoc->numbers_editor);

    g_assert_cmpstr (text, ==, "+1 510 555 0142\n+1 510 555 0143");
  }
  g_assert_cmpstr (text_of (byoc->sip_provider_row), ==, "Telnyx");
  g_assert_cmpstr (text_of (byoc->notes_row), ==, "Credentials, please");

  ui_test_destroy_window (window);
  discard_drafts ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *intake_dir = NULL;
  int status;

  test_intake_init ();
  ui_test_init (&argc, &argv);
  intake_dir = g_build_filename (ui_test_get_home (), "intake", NULL);

  g_assert_cmpint (g_mkdir_with_parents (intake_dir, 0700), ==, 0);
  service = test_service_start (intake_dir);
  customer_token = test_intake_token (intake_dir, "customer", "Acme Widgets");
  ui_test_use_intake (service->url, customer_token);

  g_test_add_func ("/international/fill", test_international_fill);
  g_test_add_func ("/international/set-numbers", test_international_set_numbers);
  g_test_add_func ("/international/submit", test_international_submit);
  g_test_add_func ("/byoc/submit", test_byoc_submit);
  g_test_add_func ("/drafts/restored", test_drafts);

  status = g_test_run ();

  test_service_free (service);
  g_free (customer_token);
  ui_test_finish ();

  return status;
}
