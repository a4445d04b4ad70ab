/* test-requests.c — submit, track and review requests against a real porting-intake
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer's side, and main(); the staff's review of a request is in
 * test-requests-review.c, a source of the same program.
 */
#define G_LOG_DOMAIN "test-requests"

#include "config.h"

#include "porting-submit-dialog.h"
#include "porting-window.h"
#include "test-requests.h"
#include "ui-test-util.h"

#define PROVIDER_SID "AC0123456789abcdef0123456789abcdef"

PortingApplication *app;

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static guint
count_children (gpointer widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Conditions */

static gboolean
file_gone (gpointer data)
{
  return !g_file_query_exists (data, NULL);
}

static gboolean
outbox_empty (gpointer data)
{
  return porting_outbox_get_n_items (data) == 0;
}


static gboolean
dialog_done (gpointer data)
{
  return g_strcmp0 (porting_submit_dialog_get_state (data), "sending") != 0;
}

static gboolean
requests_page_idle (gpointer data)
{
  return !porting_requests_page_get_loading (data) &&
         g_strcmp0 (porting_requests_page_get_state (data), "loading") != 0;
}

gboolean
review_page_idle (gpointer data)
{
  return !porting_review_page_get_loading (data) &&
         g_strcmp0 (porting_review_page_get_state (data), "loading") != 0;
}

static gboolean
requests_page_lists_sent (gpointer data)
{
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (data, PORTING_TYPE_REQUESTS_PAGE, "list_box"));

  return requests_page_idle (data) && count_children (list) == 4 &&
         ui_test_find_label (list, "Waiting to send", UI_TEST_LABEL_VISIBLE) == NULL;
}

static gboolean
session_is_staff (gpointer data)
{
  return porting_intake_session_get_staff (data);
}

static gboolean
session_is_customer (gpointer data)
{
  return !porting_intake_session_get_staff (data);
}

gboolean
check_done (gpointer data)
{
  return porting_check_view_get_result (porting_review_page_get_check_view (data)) != NULL;
}

gboolean
review_closed (gpointer data)
{
  return porting_review_page_get_request (data) == NULL && review_page_idle (data);
}

/* Helpers */

void
use_token (Fixture    *fixture,
           const char *token)
{
  PortingIntakeSession *session = porting_application_get_intake_session (app);

  g_setenv ("PORTING_INTAKE_TOKEN", token, TRUE);
  /* The environment wins over the stored token: this makes the
   * application read it again. */
  porting_application_set_intake_token (app, NULL);
  g_assert_true (ui_test_wait_for (token == fixture->staff_token ? session_is_staff : session_is_customer, session));
}

static void
on_submitted (PortingSubmitDialog *dialog,
              PortingRequest      *request,
              gpointer             user_data)
{
  g_set_object ((PortingRequest **) user_data, request);
}

static PortingRequest *
submit (Fixture        *fixture,
        PortingRequest *request,
        GFile          *loa,
        GFile          *proof,
        const char     *expected_state)
{
  g_autoptr(PortingRequest) signalled = NULL;
  PortingSubmitDialog *dialog;
  PortingRequest *stored;

  dialog = porting_submit_dialog_present (fixture->window, request, loa, proof, NULL);
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "submitted", G_CALLBACK (on_submitted), &signalled);
  g_assert_true (ui_test_wait_for (dialog_done, dialog));
  g_assert_cmpstr (porting_submit_dialog_get_state (dialog), ==, expected_state);

  stored = porting_submit_dialog_get_stored (dialog);
  if (stored != NULL)
    {
      AdwActionRow *id_row = template_child (dialog, PORTING_TYPE_SUBMIT_DIALOG, "id_row");

      g_object_ref (stored);
      g_assert_nonnull (porting_request_get_id (stored));
      /* The receipt shows the reference, and the signal gave the same request. */
      g_assert_true (g_str_has_prefix (porting_request_get_reference (stored), "PRT-"));
      g_assert_cmpstr (adw_action_row_get_subtitle (id_row), ==, porting_request_get_reference (stored));
      g_assert_true (signalled == stored);
      g_assert_cmpint (porting_request_get_status (stored), ==, PORTING_REQUEST_STATUS_SUBMITTED);
      g_assert_nonnull (ui_test_find_label (GTK_WIDGET (dialog), porting_request_status_get_title (PORTING_REQUEST_STATUS_SUBMITTED),
                                            UI_TEST_LABEL_VISIBLE));
      /* Only a port-in has documents for our team to check. */
      if (porting_request_get_kind (stored) != PORTING_REQUEST_KIND_PORT_IN)
        g_assert_null (strstr (gtk_label_get_text (template_child (dialog, PORTING_TYPE_SUBMIT_DIALOG, "explanation_label")),
                               "documents"));
    }
  else
    {
      g_assert_null (signalled);
    }

  gtk_window_close (GTK_WINDOW (dialog));
  ui_test_settle ();
  return stored;
}

static PortingRequest *
new_port_in (void)
{
  g_autoptr(GError) error = NULL;
  PortingRequest *request;

  request = porting_request_new_from_json (
    "{\"kind\": \"port-in\", \"numbers\": [\"+15105550142\", \"+15105550143\"],"
    " \"contract_acknowledged\": true, \"sms\": true, \"wireless\": null,"
    " \"loa\": {\"customer_name\": \"Acme Widgets LLC\", \"authorized_person\": \"Dana Whitfield\","
    "         \"service_address\": {\"street\": \"1200 Harbor Boulevard\", \"unit\": \"Suite 400\","
    "                               \"city\": \"Oakland\", \"region\": \"CA\", \"postal_code\": \"94607\","
    "                               \"country\": \"US\"},"
    "         \"carrier\": \"NorthStar Telecom\", \"account_number\": \"8841-22017-5\","
    "         \"btn\": \"+15105550142\"},"
    " \"proof_kind\": \"invoice\"}", -1, NULL, &error);
  g_assert_no_error (error);
  return request;
}

void
show_page (Fixture   *fixture,
           GtkWidget *page)
{
  gtk_stack_set_visible_child (fixture->stack, page);
  ui_test_settle ();
}

void
open_queued (Fixture    *fixture,
             const char *id)
{
  GtkListBox *queue = template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "queue_list");
  GtkWidget *row = find_named (GTK_WIDGET (queue), id);

  g_assert_nonnull (row);
  gtk_widget_activate (row);
  ui_test_settle ();
  g_assert_cmpstr (porting_review_page_get_state (fixture->review_page), ==, "review");
  g_assert_cmpstr (porting_request_get_id (porting_review_page_get_request (fixture->review_page)), ==, id);
}

static gboolean
action_enabled (gpointer    widget,
                const char *name)
{
  /* gtk_widget_activate_action() returns FALSE for a disabled action too. */
  GtkWidget *button = template_child (widget, PORTING_TYPE_REVIEW_PAGE, name);

  return gtk_widget_get_sensitive (button);
}

static GtkWidget *
requests_row (Fixture    *fixture,
              const char *id)
{
  GtkListBox *list = template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "list_box");

  return find_named (GTK_WIDGET (list), id);
}

gboolean
decision_sent (gpointer data)
{
  return !porting_review_page_get_decision_pending (data);
}

/* The message dialog staff confirm an approval in. */
AdwMessageDialog *
expect_message_dialog (void)
{
  AdwMessageDialog *dialog;

  ui_test_settle ();
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

/* Approve: the confirmation says what the customer will be told; the
 * review goes once its undo window closed. */
static void
approve (Fixture *fixture)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->review_page), "review.approve", NULL));
  dialog = expect_message_dialog ();
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "The customer will be told: "));
  adw_message_dialog_response (dialog, "approve");
  ui_test_settle ();
  g_assert_true (ui_test_wait_for (decision_sent, fixture->review_page));
}

static void
refresh_requests (Fixture *fixture)
{
  porting_requests_page_refresh (fixture->requests_page);
  g_assert_true (ui_test_wait_for (requests_page_idle, fixture->requests_page));
}

static void
on_correct_request (PortingRequestsPage *page,
                    PortingRequest      *request,
                    gpointer             user_data)
{
  g_set_object ((PortingRequest **) user_data, request);
}

/* The test */

static void
test_submit_track_review (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PortingRequest) port_in = new_port_in ();
  g_autoptr(PortingRequest) transfer = porting_request_new (PORTING_REQUEST_KIND_TWILIO_TRANSFER);
  g_autoptr(PortingRequest) port_out = porting_request_new (PORTING_REQUEST_KIND_PORT_OUT);
  g_autoptr(PortingRequest) stored_in = NULL;
  g_autoptr(PortingRequest) stored_transfer = NULL;
  g_autoptr(PortingRequest) stored_out = NULL;
  g_autoptr(PortingRequest) correction = NULL;
  g_autoptr(GFile) loa = ui_test_fixture_file ("acme-exact-loa.pdf");
  g_autoptr(GFile) proof = ui_test_fixture_file ("acme-exact-invoice.pdf");
  const char *transfer_numbers[] = { "+15105550160", NULL };
  const char *out_numbers[] = { "+15105550170", NULL };
  PortingCheckView *check_view;
  GtkWidget *row;
  AdwActionRow *details_row;
  GtkLabel *sid_error;
  GtkWidget *page;
  PortingOutbox *outbox = porting_intake_session_get_outbox (porting_application_get_intake_session (app));
  g_autofree char *data_dir = NULL;
  g_autoptr(GFile) downloaded = NULL;

  /* A request the service would refuse: its sentence, nothing stored. */
  {
    g_autoptr(PortingRequest) unconfirmed = porting_request_copy (port_in);
    PortingSubmitDialog *dialog;

    porting_request_set_boolean (unconfirmed, "contract_acknowledged", FALSE);
    dialog = porting_submit_dialog_present (fixture->window, unconfirmed, loa, proof, NULL);
    g_assert_true (ui_test_wait_for (dialog_done, dialog));
    g_assert_cmpstr (porting_submit_dialog_get_state (dialog), ==, "failed");
    g_assert_true (g_str_has_prefix (porting_submit_dialog_get_message (dialog), "Confirm that no contract"));
    g_assert_null (porting_submit_dialog_get_stored (dialog));
    /* Sending it again would fail again: the form needs a change. */
    g_assert_false (gtk_widget_get_visible (template_child (dialog, PORTING_TYPE_SUBMIT_DIALOG, "retry_button")));
    gtk_window_close (GTK_WINDOW (dialog));
    ui_test_settle ();
  }

  /* Customer: three requests through the submit dialog. The first is
   * cancelled at once, then sent again: one request, whenever the cancel
   * came. */
  gtk_window_close (GTK_WINDOW (porting_submit_dialog_present (fixture->window, port_in, loa, proof, NULL)));
  ui_test_settle ();
  stored_in = submit (fixture, port_in, loa, proof, "receipt");
  porting_request_set_numbers (transfer, transfer_numbers);
  porting_request_set_string (transfer, "twilio_account_sid", "AC11111111111111111111111111111111");
  porting_request_set_string (transfer, "time_frame", "this week");
  stored_transfer = submit (fixture, transfer, NULL, NULL, "receipt");
  porting_request_set_numbers (port_out, out_numbers);
  porting_request_set_boolean (port_out, "contract_acknowledged", TRUE);
  porting_request_set_string (port_out, "gaining_provider", "Bluewave Voice");
  porting_request_set_boolean (port_out, "gaining_is_twilio", FALSE);
  stored_out = submit (fixture, port_out, NULL, NULL, "receipt");

  /* The Requests page lists them, "Submitted" in words. */
  show_page (fixture, GTK_WIDGET (fixture->requests_page));
  g_assert_true (ui_test_wait_for (requests_page_idle, fixture->requests_page));
  g_assert_cmpstr (porting_requests_page_get_state (fixture->requests_page), ==, "list");
  row = requests_row (fixture, porting_request_get_id (stored_in));
  g_assert_nonnull (row);
  g_assert_nonnull (ui_test_find_label (row, "Submitted", UI_TEST_LABEL_VISIBLE));
  g_assert_nonnull (requests_row (fixture, porting_request_get_id (stored_transfer)));
  g_assert_cmpuint (count_children (template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "list_box")), ==, 3);
  gtk_widget_activate (row);
  ui_test_settle ();
  g_assert_cmpstr (porting_requests_page_get_state (fixture->requests_page), ==, "details");
  details_row = template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "status_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (details_row)), ==, "Submitted");
  g_assert_cmpstr (adw_action_row_get_subtitle (details_row), ==,
                   porting_request_status_get_explanation (PORTING_REQUEST_STATUS_SUBMITTED));
  g_assert_false (gtk_widget_get_visible (template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE,
                                                          "answer_group")));
  /* Back (Alt+Left) returns to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->requests_page), "requests.back", NULL));
  g_assert_cmpstr (porting_requests_page_get_state (fixture->requests_page), ==, "list");

  /* Staff: the review page's queue holds the requests. */
  use_token (fixture, fixture->staff_token);
  show_page (fixture, GTK_WIDGET (fixture->review_page));
  g_assert_true (ui_test_wait_for (review_page_idle, fixture->review_page));
  g_assert_cmpstr (porting_review_page_get_state (fixture->review_page), ==, "queue");

  /* The port-in: documents downloaded and checked, approved with a note. */
  open_queued (fixture, porting_request_get_id (stored_in));
  g_assert_true (ui_test_wait_for (check_done, fixture->review_page));
  check_view = porting_review_page_get_check_view (fixture->review_page);
  g_assert_cmpint (porting_check_result_get_verdict (porting_check_view_get_result (check_view)), ==,
                   PORTING_CHECK_VERDICT_MATCH);
  g_assert_true (g_file_query_exists (porting_review_page_get_document (fixture->review_page, "loa"), NULL));
  g_assert_true (g_file_query_exists (porting_review_page_get_document (fixture->review_page, "proof"), NULL));
  g_assert_true (gtk_switch_get_active (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "name_switch")));
  g_assert_true (gtk_switch_get_active (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "address_switch")));
  g_assert_true (action_enabled (fixture->review_page, "approve_button"));
  /* Staff disagree with the check: no approval. */
  gtk_switch_set_active (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "address_switch"), FALSE);
  g_assert_false (action_enabled (fixture->review_page, "approve_button"));
  gtk_switch_set_active (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "address_switch"), TRUE);
  gtk_editable_set_text (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "note_row"),
                         "Documents in order");
  downloaded = g_object_ref (porting_review_page_get_document (fixture->review_page, "loa"));
  approve (fixture);
  g_assert_true (ui_test_wait_for (review_closed, fixture->review_page));
  /* The customer's documents do not stay behind. */
  g_assert_true (ui_test_wait_for (file_gone, downloaded));
  g_assert_null (find_named (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "queue_list"),
                             porting_request_get_id (stored_in)));

  /* The Twilio transfer: the answer SID is checked as it is typed. */
  open_queued (fixture, porting_request_get_id (stored_transfer));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE,
                                                                     "documents_stack")), ==, "no-documents");
  g_assert_false (action_enabled (fixture->review_page, "approve_button"));
  sid_error = template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "sid_error_label");
  gtk_editable_set_text (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "provider_sid_row"),
                         "SK0123456789abcdef0123456789abcdef");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sid_error)));
  g_assert_false (action_enabled (fixture->review_page, "approve_button"));
  gtk_editable_set_text (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "provider_sid_row"),
                         "ac11111111111111111111111111111111");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sid_error)));
  g_assert_false (action_enabled (fixture->review_page, "approve_button"));
  gtk_editable_set_text (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "provider_sid_row"),
                         " " PROVIDER_SID " ");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sid_error)));
  g_assert_true (action_enabled (fixture->review_page, "approve_button"));
  approve (fixture);
  g_assert_true (ui_test_wait_for (review_closed, fixture->review_page));

  /* The port-out: rejected with a reason. */
  open_queued (fixture, porting_request_get_id (stored_out));
  g_assert_false (action_enabled (fixture->review_page, "reject_button"));
  gtk_editable_set_text (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "reason_row"),
                         "The account number is missing.");
  g_assert_true (action_enabled (fixture->review_page, "reject_button"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->review_page), "review.reject", NULL));
  g_assert_true (ui_test_wait_for (review_closed, fixture->review_page));
  /* Nothing waits for a review; the approved ones are being ported. */
  g_assert_cmpstr (porting_review_page_get_state (fixture->review_page), ==, "queue");
  g_assert_null (gtk_widget_get_first_child (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "queue_list")));
  g_assert_nonnull (find_named (template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "progress_list"),
                                porting_request_get_id (stored_in)));

  /* Customer again: the answers are there. */
  use_token (fixture, fixture->customer_token);
  show_page (fixture, GTK_WIDGET (fixture->requests_page));
  g_assert_true (ui_test_wait_for (requests_page_idle, fixture->requests_page));
  row = requests_row (fixture, porting_request_get_id (stored_in));
  g_assert_nonnull (row);
  g_assert_nonnull (ui_test_find_label (row, "Approved", UI_TEST_LABEL_VISIBLE));

  g_assert_true (porting_requests_page_show_request (fixture->requests_page, porting_request_get_id (stored_in)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (details_row)), ==, "Approved");
  /* The reviewer's note, first and in full, not only in the history. */
  g_assert_true (gtk_widget_get_visible (template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "answer_group")));
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE,
                                                                "note_row")), ==, "Documents in order");
  ui_test_save_screenshot (GTK_WIDGET (fixture->window), "customer-request-answered");
  {
    /* Newest first: the approval, with the reviewer's note. */
    GtkWidget *history = template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "history_list");
    GtkWidget *latest = gtk_widget_get_first_child (history);

    g_assert_true (ADW_IS_ACTION_ROW (latest));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (latest)), ==, "Approved");
    g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (latest)), "Documents in order"));
    g_assert_nonnull (gtk_widget_get_next_sibling (latest));
  }

  g_assert_true (porting_requests_page_show_request (fixture->requests_page, porting_request_get_id (stored_transfer)));
  g_assert_true (gtk_widget_get_visible (template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "answer_group")));
  /* A Twilio approval: step 3 next, with our SID; no documents spoken of. */
  {
    const char *status = adw_action_row_get_subtitle (template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE,
                                                                      "status_row"));

    g_assert_nonnull (strstr (status, "step 3"));
    g_assert_nonnull (strstr (status, PROVIDER_SID));
    g_assert_null (strstr (status, "documents"));
  }
  ui_test_save_screenshot (GTK_WIDGET (fixture->window), "customer-transfer-approved");
  details_row = template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "provider_sid_row");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (details_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (details_row), ==, PROVIDER_SID);
  g_signal_emit_by_name (template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "copy_provider_sid_button"), "clicked");
  ui_test_settle ();

  g_assert_true (porting_requests_page_show_request (fixture->requests_page, porting_request_get_id (stored_out)));
  details_row = template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "reason_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (details_row), ==, "The account number is missing.");
  g_signal_connect (fixture->requests_page, "correct-request", G_CALLBACK (on_correct_request), &correction);
  g_signal_emit_by_name (template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "correct_button"), "clicked");
  g_assert_nonnull (correction);
  g_assert_cmpstr (porting_request_get_string (correction, "previous_request_id"), ==,
                   porting_request_get_id (stored_out));
  g_assert_null (porting_request_get_id (correction));
  g_assert_cmpstr (porting_request_get_string (correction, "gaining_provider"), ==, "Bluewave Voice");
  g_assert_true (porting_request_validate (correction, NULL, NULL));

  /* The service goes away: the shown list stays with a warning, a fresh
   * look shows the error state, and a submission waits in the outbox. */
  test_service_stop (fixture->service, FALSE);
  refresh_requests (fixture);
  g_assert_true (gtk_widget_get_visible (template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE,
                                                         "refresh_error_label")));
  page = porting_requests_page_new ();
  gtk_stack_add_named (fixture->stack, page, "fresh");
  show_page (fixture, page);
  g_assert_true (ui_test_wait_for (requests_page_idle, page));
  g_assert_cmpstr (porting_requests_page_get_state (PORTING_REQUESTS_PAGE (page)), ==, "error");

  g_clear_object (&stored_in);
  stored_in = submit (fixture, port_in, loa, proof, "saved");
  g_assert_null (stored_in);
  g_assert_cmpuint (porting_outbox_get_n_items (outbox), ==, 1);
  /* The Requests page shows it as waiting, beside the list it knew. */
  show_page (fixture, GTK_WIDGET (fixture->requests_page));
  refresh_requests (fixture);
  g_assert_cmpstr (porting_requests_page_get_state (fixture->requests_page), ==, "list");
  g_assert_nonnull (ui_test_find_label (template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "list_box"),
                                        "Waiting to send", UI_TEST_LABEL_VISIBLE));

  /* The service is back (at another address): the outbox is sent as the
   * session is pointed at it, and the Requests page shows the request. */
  data_dir = g_strdup (fixture->service->data_dir);
  test_service_free (fixture->service);
  fixture->service = test_service_start (data_dir);
  g_setenv ("PORTING_INTAKE_URL", fixture->service->url, TRUE);
  porting_application_set_intake_token (app, NULL);
  show_page (fixture, GTK_WIDGET (fixture->requests_page));
  g_assert_true (ui_test_wait_for (outbox_empty, outbox));
  /* The list is refreshed once the outbox sent its request. */
  g_assert_true (ui_test_wait_for (requests_page_lists_sent, fixture->requests_page));
  g_assert_cmpstr (porting_requests_page_get_state (fixture->requests_page), ==, "list");
  g_assert_cmpuint (count_children (template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "list_box")), ==, 4);
}

/* A wireless request kept by an earlier run comes back without its PIN
 * (never on disk): the Requests page asks for it, and then it is sent. */
static void
test_outbox_pin (Fixture       *fixture,
                 gconstpointer  data)
{
  PortingIntakeSession *session = porting_application_get_intake_session (app);
  PortingOutbox *outbox = porting_intake_session_get_outbox (session);
  g_autoptr(PortingOutbox) earlier_run = porting_outbox_new (porting_outbox_get_directory (outbox));
  g_autoptr(PortingRequest) request = new_port_in ();
  g_autoptr(GFile) loa = ui_test_fixture_file ("acme-exact-loa.pdf");
  g_autoptr(GFile) proof = ui_test_fixture_file ("acme-exact-invoice.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *on_disk = NULL;
  const char *key = "33333333-3333-4333-8333-333333333333";
  g_autofree char *row_name = g_strconcat ("outbox:", key, NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *list = template_child (fixture->requests_page, PORTING_TYPE_REQUESTS_PAGE, "list_box");
  JsonObject *stored;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  GtkWidget *row;
  GtkWidget *button;

  porting_request_set_wireless (request, "ACCT-77102", "4321");
  g_assert_true (porting_outbox_add (earlier_run, request, loa, proof, NULL, key, &error));
  g_assert_no_error (error);

  /* The PIN is not on disk, and sending skips the request. */
  on_disk = test_read_dir_contents (porting_outbox_get_directory (outbox));
  g_assert_cmpstr (on_disk, !=, "");
  g_assert_null (strstr (on_disk, "4321"));
  items = porting_outbox_list (outbox);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_true (porting_request_needs_pin (((PortingOutboxItem *) g_ptr_array_index (items, 0))->request));
  porting_intake_session_flush_outbox (session);
  show_page (fixture, GTK_WIDGET (fixture->requests_page));
  refresh_requests (fixture);
  g_assert_cmpuint (porting_outbox_get_n_items (outbox), ==, 1);

  row = find_named (list, row_name);
  g_assert_nonnull (row);
  g_assert_null (ui_test_find_label (row, "Waiting to send", UI_TEST_LABEL_VISIBLE));
  button = ui_test_find_descendant (row, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Enter _PIN…");

  /* Cancelled: nothing changes. */
  g_signal_emit_by_name (button, "clicked");
  ui_test_settle ();
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "send"));
  adw_message_dialog_response (dialog, "cancel");
  ui_test_settle ();
  g_assert_true (porting_request_needs_pin (request) == FALSE);
  g_assert_cmpuint (porting_outbox_get_n_items (outbox), ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = porting_outbox_list (outbox);
  g_assert_true (porting_request_needs_pin (((PortingOutboxItem *) g_ptr_array_index (items, 0))->request));

  /* Entered: the request goes, and the service accepts it (it refuses a
   * wireless port-in without a PIN). */
  button = ui_test_find_descendant (find_named (list, row_name), GTK_TYPE_BUTTON, NULL);
  g_signal_emit_by_name (button, "clicked");
  ui_test_settle ();
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (ui_test_find_descendant (adw_message_dialog_get_extra_child (dialog),
                                                 ADW_TYPE_PASSWORD_ENTRY_ROW, NULL));
  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "send"));
  gtk_editable_set_text (entry, "4321");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "send"));
  adw_message_dialog_response (dialog, "send");
  g_assert_true (ui_test_wait_for (outbox_empty, outbox));

  stored = ui_test_find_stored (fixture->service->url, fixture->customer_token, "port-in");
  g_assert_nonnull (stored);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored, "wireless"),
                                                  "account_number"), ==, "ACCT-77102");
  g_assert_false (json_object_has_member (json_object_get_object_member (stored, "wireless"), "pin"));
  g_assert_true (ui_test_wait_for (requests_page_idle, fixture->requests_page));
  g_assert_null (find_named (list, row_name));
}

static void
test_no_token (Fixture       *fixture,
               gconstpointer  data)
{
  g_unsetenv ("PORTING_INTAKE_TOKEN");
  porting_application_set_intake_token (app, NULL);
  show_page (fixture, GTK_WIDGET (fixture->requests_page));
  g_assert_true (ui_test_wait_for (requests_page_idle, fixture->requests_page));
  g_assert_cmpstr (porting_requests_page_get_state (fixture->requests_page), ==, "no-token");
}

/* The real window: the Requests page, and the review queue for staff only. */
static void
test_window_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  PortingWindow *window = porting_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  ui_test_settle ();
  g_assert_true (PORTING_IS_REQUESTS_PAGE (porting_window_get_page (window, "requests")));
  g_assert_null (porting_window_get_page (window, "review"));

  use_token (fixture, fixture->staff_token);
  g_assert_true (PORTING_IS_REVIEW_PAGE (porting_window_get_page (window, "review")));
  /* Nothing chosen since the window opened: staff land on the queue. */
  ui_test_settle ();
  g_assert_cmpstr (porting_window_get_visible_page_name (window), ==, "review");
  /* Each page of the sidebar has an icon of its own, found in the theme. */
  {
    GtkStack *stack = GTK_STACK (template_child (window, PORTING_TYPE_WINDOW, "stack"));
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
    g_autoptr(GHashTable) icons = g_hash_table_new (g_str_hash, g_str_equal);

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        const char *icon = gtk_stack_page_get_icon_name (gtk_stack_get_page (stack, child));

        g_assert_nonnull (icon);
        g_assert_true (gtk_icon_theme_has_icon (theme, icon));
        g_assert_true (g_hash_table_add (icons, (gpointer) icon));
      }
    g_assert_cmpuint (g_hash_table_size (icons), >=, 7);
    ui_test_save_screenshot (GTK_WIDGET (window), "sidebar-staff");
  }

  use_token (fixture, fixture->customer_token);
  g_assert_null (porting_window_get_page (window, "review"));
  g_assert_cmpstr (porting_window_get_visible_page_name (window), !=, "review");

  /* A page chosen stays, staff or not. */
  {
    PortingWindow *chosen = porting_window_new (app);

    gtk_window_present (GTK_WINDOW (chosen));
    ui_test_settle ();
    porting_window_show_page (chosen, "requests");
    use_token (fixture, fixture->staff_token);
    ui_test_settle ();
    g_assert_cmpstr (porting_window_get_visible_page_name (chosen), ==, "requests");
    gtk_window_destroy (GTK_WINDOW (chosen));
    use_token (fixture, fixture->customer_token);
  }

  /* Narrow: one back arrow. The header's leads to the sidebar; on a
   * request's details the page's own leads to the list, and the header's goes. */
  {
    g_autoptr(PortingIntakeClient) customer = test_client_new (fixture->service->url, fixture->customer_token);
    g_autoptr(PortingRequest) request = test_port_in_request (NULL);
    g_autoptr(PortingRequest) stored = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *key = g_uuid_string_random ();
    GtkWidget *header_back = template_child (window, PORTING_TYPE_WINDOW, "back_button");
    PortingRequestsPage *requests = PORTING_REQUESTS_PAGE (porting_window_get_page (window, "requests"));
    GtkWidget *page_back = template_child (requests, PORTING_TYPE_REQUESTS_PAGE, "back_button");

    stored = test_submit (customer, request, NULL, NULL, key, NULL, &error);
    g_assert_no_error (error);
    gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
    porting_window_show_page (window, "requests");
    g_assert_true (ui_test_wait_for ((UiTestCondition) porting_window_get_folded, window));
    g_assert_true (ui_test_wait_for (requests_page_idle, requests));
    ui_test_settle ();
    g_assert_true (gtk_widget_get_visible (header_back));
    g_assert_true (porting_requests_page_show_request (requests, porting_request_get_id (stored)));
    ui_test_settle ();
    g_assert_false (gtk_widget_get_visible (header_back));
    g_assert_true (gtk_widget_get_mapped (page_back));
    ui_test_save_screenshot (GTK_WIDGET (window), "narrow-request-one-back-arrow");
    g_signal_emit_by_name (page_back, "clicked");
    ui_test_settle ();
    g_assert_true (gtk_widget_get_visible (header_back));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_settle ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint n_services;
  g_autofree char *name = g_strdup_printf ("intake-%u", n_services++);
  g_autofree char *data_dir = g_build_filename (ui_test_get_home (), name, NULL);
  GtkWidget *overlay;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  fixture->service = test_service_start (data_dir);
  fixture->customer_token = test_intake_token (fixture->service->data_dir, "customer", "Acme Widgets LLC");
  fixture->staff_token = test_intake_token (fixture->service->data_dir, "staff", "Sam Support");

  ui_test_use_intake (fixture->service->url, fixture->customer_token);
  porting_application_set_intake_token (app, NULL);
  g_assert_true (ui_test_wait_for (session_is_customer, porting_application_get_intake_session (app)));

  fixture->window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (fixture->window, 1200, 800);
  overlay = adw_toast_overlay_new ();
  fixture->stack = GTK_STACK (gtk_stack_new ());
  fixture->requests_page = PORTING_REQUESTS_PAGE (porting_requests_page_new ());
  fixture->review_page = PORTING_REVIEW_PAGE (porting_review_page_new ());
  /* A second to undo a decision, not eight. */
  porting_review_page_set_undo_timeout (fixture->review_page, 1);
  gtk_stack_add_named (fixture->stack, gtk_label_new ("start"), "start");
  gtk_stack_add_named (fixture->stack, GTK_WIDGET (fixture->requests_page), "requests");
  gtk_stack_add_named (fixture->stack, GTK_WIDGET (fixture->review_page), "review");
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->stack));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (fixture->window), overlay);
  gtk_window_present (fixture->window);
  ui_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_destroy_window (fixture->window);
  test_service_free (fixture->service);
  g_free (fixture->customer_token);
  g_free (fixture->staff_token);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv);
  /* A stopped service is found out fast. */
  g_setenv ("PORTING_INTAKE_RETRY_DELAY_MS", "10", TRUE);
  app = ui_test_application_new ();

  g_test_add ("/requests/submit-track-review", Fixture, NULL, fixture_set_up, test_submit_track_review, fixture_tear_down);
  g_test_add ("/requests/window", Fixture, NULL, fixture_set_up, test_window_pages, fixture_tear_down);
  g_test_add ("/requests/wireless-review", Fixture, NULL, fixture_set_up, test_wireless_review, fixture_tear_down);
  g_test_add ("/requests/review-verdict", Fixture, NULL, fixture_set_up, test_review_verdict, fixture_tear_down);
  g_test_add ("/requests/outbox-pin", Fixture, NULL, fixture_set_up, test_outbox_pin, fixture_tear_down);
  g_test_add ("/requests/no-token", Fixture, NULL, fixture_set_up, test_no_token, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  ui_test_finish ();

  return status;
}
