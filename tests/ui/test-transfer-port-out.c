/* test-transfer-port-out.c — the Twilio transfer and port-out pages against a real intake service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-transfer-port-out"

#include "config.h"

#include <adwaita.h>
#include <poppler.h>

#include "intake-test-util.h"
#include "porting-application.h"
#include "porting-port-out-page-private.h"
#include "porting-row-message.h"
#include "porting-submit-dialog.h"
#include "porting-transfer-page-private.h"
#include "porting-twilio-sid.h"
#include "porting-window.h"
#include "ui-test-util.h"

#define PROVIDER_SID    "AC9f8e7d6c5b4a39281706f5e4d3c2b1a0"
#define SUBACCOUNT_SID  "AC00112233445566778899aabbccddeeff"
#define CUSTOMER_SID    "AC0123456789abcdef0123456789abcdef"

typedef PopplerDocument TestPdf;
typedef PopplerPage TestPdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdfPage, g_object_unref)

static TestService        *service;
static char               *staff_token;
static PortingApplication *app;
static PortingWindow      *window;
static char               *transfer_id;   /* the request /transfer/submit sent */

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @condition holds; fails after a timeout. */
#define WAIT_UNTIL(condition)                                                   \
  G_STMT_START {                                                                \
    gboolean timed_out_ = FALSE;                                                \
    guint id_ = g_timeout_add (UI_TEST_WAIT_TIMEOUT_MS, timeout_cb, &timed_out_);    \
    while (!(condition) && !timed_out_)                                         \
      g_main_context_iteration (NULL, TRUE);                                    \
    if (!timed_out_)                                                            \
      g_source_remove (id_);                                                    \
    g_assert_true (condition);                                                  \
  } G_STMT_END

/* "clicked" at once: activating a button waits for its press animation. */
static void
click (GtkButton *button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

static const char *
row_subtitle (gpointer row)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  return subtitle != NULL ? subtitle : "";
}

/* One receipt: the submit dialog closed itself once the service had the
 * request, and the page that follows it names it by its reference. */
static void
expect_receipt_for (PortingRequest *request,
                    gpointer        request_row)
{
  ui_test_expect_dialog_closed ();
  g_assert_nonnull (request);
  g_assert_true (g_str_has_prefix (porting_request_get_reference (request), "PRT-"));
  g_assert_cmpstr (row_subtitle (request_row), ==, porting_request_get_reference (request));
}

/* Answers @id as support staff would, through the service's own API. */
static void
review (const char *id,
        const char *decision,
        const char *answer_member,
        const char *answer_value)
{
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, staff_token);
  g_autoptr(JsonObject) review = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PortingRequest) reviewed = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (review, "decision", decision);
  if (answer_member != NULL)
    {
      JsonObject *answer = json_object_new ();

      json_object_set_string_member (answer, answer_member, answer_value);
      json_object_set_object_member (review, "answer", answer);
    }

  porting_intake_client_review_async (client, id, review, NULL, test_store_result, &result);
  test_wait_result (&result);
  reviewed = porting_intake_client_review_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reviewed);
}

static PortingRequest *
staff_get (const char *id)
{
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, staff_token);
  g_autoptr(GError) error = NULL;
  PortingRequest *request = test_get (client, id, &error);

  g_assert_no_error (error);
  return request;
}

static JsonObject *
load_draft (PortingDraftStore *store,
            const char        *flow)
{
  g_autoptr(GError) error = NULL;

  porting_draft_store_flush_sync (store, &error);
  g_assert_no_error (error);
  return porting_draft_store_load (store, flow);
}

/* ---- Twilio transfer ---------------------------------------------------- */

static PortingTransferPage *
transfer_page (void)
{
  porting_window_show_page (window, "twilio-transfer");
  ui_test_settle ();
  return PORTING_TRANSFER_PAGE (porting_window_get_page (window, "twilio-transfer"));
}

static void
test_transfer_sid_checks (void)
{
  PortingTransferPage *page = transfer_page ();
  GtkWidget *sid_row = GTK_WIDGET (page->sid_row);
  g_autofree char *token_message = NULL;
  g_autofree char *key_message = NULL;
  g_autoptr(JsonObject) draft = NULL;
  const char *auth_token = "0123456789abcdef0123456789abcdef";
  const char *api_key = "SK0123456789abcdef0123456789abcdef";

  porting_numbers_editor_set_text (page->numbers_editor, "+1 510 555 0142");
  gtk_check_button_set_active (page->contract_check, TRUE);

  /* A pasted auth token: refused, with the words of the classifier, and never saved. */
  g_assert_cmpint (porting_twilio_sid_classify (auth_token, NULL, &token_message), ==, PORTING_SID_KIND_AUTH_TOKEN);
  gtk_editable_set_text (GTK_EDITABLE (sid_row), auth_token);
  ui_test_settle ();
  g_assert_cmpstr (porting_row_get_message (sid_row), ==, token_message);
  g_assert_nonnull (strstr (token_message, "auth token"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));
  draft = load_draft (porting_transfer_page_get_draft_store (page), "twilio-transfer");
  g_assert_nonnull (draft);
  g_assert_false (json_object_has_member (draft, "account-sid") &&
                  strstr (json_object_get_string_member (draft, "account-sid"), "0123456789abcdef") != NULL);
  {
    g_autoptr(GFile) file = porting_draft_store_get_file (porting_transfer_page_get_draft_store (page), "twilio-transfer");
    g_autofree char *contents = NULL;

    /* A write already under way finishes on its own. */
    WAIT_UNTIL (g_file_query_exists (file, NULL));
    g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
    g_assert_null (strstr (contents, auth_token));
  }

  /* An API key SID is named as such. */
  g_assert_cmpint (porting_twilio_sid_classify (api_key, NULL, &key_message), ==, PORTING_SID_KIND_API_KEY_SID);
  gtk_editable_set_text (GTK_EDITABLE (sid_row), api_key);
  ui_test_settle ();
  g_assert_cmpstr (porting_row_get_message (sid_row), ==, key_message);
  g_assert_nonnull (strstr (key_message, "API key"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));

  /* The account SID, pasted with spaces and quotes, is taken. */
  gtk_editable_set_text (GTK_EDITABLE (sid_row), " \"" CUSTOMER_SID "\" ");
  ui_test_settle ();
  g_assert_null (porting_row_get_message (sid_row));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));

  /* A date in the past is not a time frame. */
  adw_combo_row_set_selected (page->time_frame_row, PORTING_TRANSFER_TIME_FRAME_DATE);
  ui_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->date_row)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    /* GTK 4.8's calendar says day-selected only when the day of the month
     * changes: another day than today's. */
    g_autoptr(GDateTime) past = g_date_time_new_local (2020, 3, g_date_time_get_day_of_month (now) == 2 ? 3 : 2,
                                                       0, 0, 0);

    gtk_calendar_select_day (page->calendar, past);
    ui_test_settle ();
    g_assert_nonnull (porting_row_get_message (GTK_WIDGET (page->date_row)));
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));
  }
  adw_combo_row_set_selected (page->time_frame_row, PORTING_TRANSFER_TIME_FRAME_TWO_WEEKS);
  ui_test_settle ();
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));
}

static void
test_transfer_submit (void)
{
  PortingTransferPage *page = transfer_page ();
  g_autofree char *text_path = g_build_filename (g_get_user_data_dir (), "notes.txt", NULL);
  g_autoptr(GFile) pdf = ui_test_fixture_file ("maple-csr-csr.pdf");
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(JsonObject) draft = NULL;
  GFile *files[2];
  const char *id;
  JsonArray *documents;

  g_assert_true (g_file_set_contents (text_path, "not a document", -1, NULL));

  porting_numbers_editor_set_text (page->numbers_editor, "(510) 555-0142\n510.555.0142, +1 415 555 0100");
  g_assert_cmpuint (porting_numbers_editor_get_n_valid (page->numbers_editor), ==, 2);
  g_assert_cmpuint (porting_numbers_editor_get_n_merged (page->numbers_editor), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (page->sid_row), CUSTOMER_SID);
  gtk_check_button_set_active (page->contract_check, TRUE);

  /* A PDF is taken, a text file is refused. */
  files[0] = pdf;
  files[1] = text;
  _porting_transfer_page_add_files (page, files, 2);
  WAIT_UNTIL (porting_transfer_form_get_documents (page->form)->len == 1);
  for (int i = 0; i < 20; i++)
    ui_test_settle ();
  g_assert_cmpuint (porting_transfer_form_get_documents (page->form)->len, ==, 1);
  g_assert_true (g_file_equal (g_ptr_array_index (porting_transfer_form_get_documents (page->form), 0), pdf));

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));
  click (page->submit_button);
  WAIT_UNTIL (porting_transfer_page_get_request (page) != NULL);
  expect_receipt_for (porting_transfer_page_get_request (page), page->request_row);

  /* Step 1: sent. */
  id = porting_request_get_id (porting_transfer_page_get_request (page));
  g_assert_nonnull (id);
  transfer_id = g_strdup (id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "tracker");
  g_assert_cmpstr (row_subtitle (page->request_row), ==,
                   porting_request_get_reference (porting_transfer_page_get_request (page)));
  g_assert_false (gtk_widget_get_visible (page->provider_sid_copy));

  stored = staff_get (id);
  g_assert_cmpint (porting_request_get_kind (stored), ==, PORTING_REQUEST_KIND_TWILIO_TRANSFER);
  g_assert_cmpstr (porting_request_get_string (stored, "twilio_account_sid"), ==, CUSTOMER_SID);
  g_assert_cmpstr (porting_request_get_string (stored, "time_frame"), ==, "within-2-weeks");
  g_assert_true (porting_request_get_boolean (stored, "contract_acknowledged"));
  documents = porting_request_get_documents (stored);
  g_assert_nonnull (documents);
  g_assert_cmpuint (json_array_get_length (documents), ==, 1);

  /* Only the request to follow stays in the draft. */
  draft = load_draft (porting_transfer_page_get_draft_store (page), "twilio-transfer");
  g_assert_cmpstr (json_object_get_string_member (draft, "request-id"), ==, id);
  g_assert_false (json_object_has_member (draft, "numbers"));

  /* Step 2: our SID arrives. */
  review (id, "in-review", "provider_account_sid", PROVIDER_SID);
  click (page->refresh_button);
  WAIT_UNTIL (g_strcmp0 (row_subtitle (page->provider_sid_row), PROVIDER_SID) == 0);
  g_assert_true (gtk_widget_get_visible (page->provider_sid_copy));

  /* Step 3: what to paste in the customer's own ticket. */
  g_assert_cmpstr (row_subtitle (page->steps_sid_row), ==, PROVIDER_SID);
  g_assert_cmpstr (row_subtitle (page->steps_numbers_row), ==, "+15105550142\n+14155550100");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->steps_group)));

  /* A new transfer empties the form. */
  click (page->new_transfer_button);
  ui_test_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "form");
  g_assert_cmpuint (porting_numbers_editor_get_n_valid (page->numbers_editor), ==, 0);
}

/* ---- Port-out ----------------------------------------------------------- */

static PortingPortOutPage *
port_out_page (void)
{
  porting_window_show_page (window, "port-out");
  ui_test_settle ();
  return PORTING_PORT_OUT_PAGE (porting_window_get_page (window, "port-out"));
}

static const char *
submit_port_out (PortingPortOutPage *page,
                 const char         *provider,
                 gboolean            twilio)
{
  PortingRequest *request;

  /* Start over from the tracker of a previous request. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (page->stack), "tracker") == 0)
    {
      click (page->new_request_button);
      ui_test_settle ();
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "form");

  porting_numbers_editor_set_text (page->numbers_editor, "+1 510 555 0142\n+1 510 555 0143");
  gtk_editable_set_text (GTK_EDITABLE (page->provider_row), provider);
  gtk_switch_set_active (page->twilio_switch, twilio);
  ui_test_settle ();

  /* The confirmation is required. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));
  g_assert_nonnull (strstr (gtk_label_get_text (page->missing_label), "contract"));
  gtk_check_button_set_active (page->contract_check, TRUE);
  ui_test_settle ();
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));

  click (page->submit_button);
  WAIT_UNTIL (porting_port_out_page_get_request (page) != NULL);
  expect_receipt_for (porting_port_out_page_get_request (page), page->request_row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "tracker");

  request = porting_port_out_page_get_request (page);
  g_assert_cmpint (porting_request_get_kind (request), ==, PORTING_REQUEST_KIND_PORT_OUT);
  g_assert_cmpstr (porting_request_get_string (request, "gaining_provider"), ==, provider);
  g_assert_true (porting_request_get_boolean (request, "gaining_is_twilio") == twilio);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->waiting_row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (page->approval_row)), ==, "Waiting for approval");

  return porting_request_get_id (request);
}

static void
approve (PortingPortOutPage *page,
         const char         *id)
{
  review (id, "approve", NULL, NULL);
  click (page->refresh_button);
  WAIT_UNTIL (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (page->approval_row)), "Approved") == 0);
  g_assert_cmpint (porting_request_get_status (porting_port_out_page_get_request (page)), ==,
                   PORTING_REQUEST_STATUS_APPROVED);
}

static void
test_port_out_twilio (void)
{
  PortingPortOutPage *page = port_out_page ();
  g_autofree char *id = g_strdup (submit_port_out (page, "Acme on Twilio", TRUE));

  review (id, "in-review", "subaccount_sid", SUBACCOUNT_SID);
  click (page->refresh_button);
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (page->subaccount_row)));
  g_assert_cmpstr (row_subtitle (page->subaccount_row), ==, SUBACCOUNT_SID);
  g_assert_true (gtk_widget_get_visible (page->subaccount_copy));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->waiting_row)));
  g_assert_false (gtk_widget_get_visible (page->csr_box));

  approve (page, id);
}

static void
test_port_out_csr (void)
{
  PortingPortOutPage *page = port_out_page ();
  const char *csr = "Account name: Acme Widgets LLC\n"
                    "Account number: 8841-22017-5\n"
                    "Service address: 1200 Harbor Boulevard, Suite 400, Oakland, CA 94607\n"
                    "Transfer PIN: 4417";
  g_autofree char *id = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "csr.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TestPdf) document = NULL;
  g_autoptr(TestPdfPage) pdf_page = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *pdf_text = NULL;

  id = g_strdup (submit_port_out (page, "Maple Mobile", FALSE));
  review (id, "in-review", "csr", csr);
  click (page->refresh_button);
  WAIT_UNTIL (gtk_widget_get_visible (page->csr_box));
  g_assert_cmpstr (gtk_label_get_text (page->csr_label), ==, csr);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->subaccount_row)));

  porting_port_out_page_save_csr_async (page, file, test_store_result, &result);
  test_wait_result (&result);
  g_assert_true (porting_port_out_page_save_csr_finish (page, result, &error));
  g_assert_no_error (error);

  uri = g_file_get_uri (file);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  pdf_page = poppler_document_get_page (document, 0);
  pdf_text = poppler_page_get_text (pdf_page);
  g_assert_nonnull (strstr (pdf_text, "Account number: 8841-22017-5"));
  g_assert_nonnull (strstr (pdf_text, "Maple Mobile"));
  g_assert_nonnull (strstr (pdf_text, id));

  approve (page, id);
}

/* ---- Drafts ------------------------------------------------------------- */

/* A page of its own in a window of its own, reading the drafts from disk. */
static GtkWidget *
draft_page_window (GType type)
{
  g_autoptr(PortingDraftStore) store = porting_draft_store_new ();
  GtkWidget *page;
  GtkWidget *win;

  /* The window's own pages write the same files: let them finish first. */
  WAIT_UNTIL (!porting_draft_store_is_dirty (porting_transfer_page_get_draft_store (
                PORTING_TRANSFER_PAGE (porting_window_get_page (window, "twilio-transfer")))) &&
              !porting_draft_store_is_dirty (porting_port_out_page_get_draft_store (
                PORTING_PORT_OUT_PAGE (porting_window_get_page (window, "port-out")))));

  win = gtk_window_new ();

  porting_draft_store_set_save_delay (store, 0);
  page = g_object_new (type, "draft-store", store, NULL);
  gtk_window_set_child (GTK_WINDOW (win), page);
  gtk_window_present (GTK_WINDOW (win));
  ui_test_settle ();
  return page;
}

static void
close_page (GtkWidget *page)
{
  PortingDraftStore *store = NULL;
  g_autoptr(GError) error = NULL;

  g_object_get (page, "draft-store", &store, NULL);
  porting_draft_store_flush_sync (store, &error);
  g_assert_no_error (error);
  /* A write started before the flush lands first. */
  WAIT_UNTIL (!porting_draft_store_is_dirty (store));
  g_object_unref (store);
  ui_test_destroy_window (GTK_WINDOW (gtk_widget_get_root (page)));
}

static void
test_transfer_drafts (void)
{
  g_autoptr(GFile) pdf = ui_test_fixture_file ("maple-csr-csr.pdf");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 40);
  PortingTransferPage *page;
  g_autofree char *numbers = NULL;
  GDate date;

  page = PORTING_TRANSFER_PAGE (draft_page_window (PORTING_TYPE_TRANSFER_PAGE));
  porting_numbers_editor_set_text (page->numbers_editor, "+44 20 7946 0958\n(510) 555-0142");
  gtk_editable_set_text (GTK_EDITABLE (page->sid_row), CUSTOMER_SID);
  adw_combo_row_set_selected (page->time_frame_row, PORTING_TRANSFER_TIME_FRAME_DATE);
  gtk_calendar_select_day (page->calendar, later);
  gtk_check_button_set_active (page->contract_check, TRUE);
  _porting_transfer_page_add_files (page, &pdf, 1);
  WAIT_UNTIL (porting_transfer_form_get_documents (page->form)->len == 1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));
  close_page (GTK_WIDGET (page));

  /* As after a restart: everything comes back. */
  page = PORTING_TRANSFER_PAGE (draft_page_window (PORTING_TYPE_TRANSFER_PAGE));
  numbers = porting_numbers_editor_dup_text (page->numbers_editor);
  g_assert_cmpstr (numbers, ==, "+44 20 7946 0958\n(510) 555-0142");
  g_assert_cmpuint (porting_numbers_editor_get_n_valid (page->numbers_editor), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page->sid_row)), ==, CUSTOMER_SID);
  g_assert_cmpuint (adw_combo_row_get_selected (page->time_frame_row), ==, PORTING_TRANSFER_TIME_FRAME_DATE);
  g_assert_true (porting_transfer_form_get_date (page->form, &date));
  g_assert_cmpint (g_date_get_day (&date), ==, g_date_time_get_day_of_month (later));
  g_assert_true (gtk_check_button_get_active (page->contract_check));
  WAIT_UNTIL (porting_transfer_form_get_documents (page->form)->len == 1);
  g_assert_true (g_file_equal (g_ptr_array_index (porting_transfer_form_get_documents (page->form), 0), pdf));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));
  porting_draft_store_discard (porting_transfer_page_get_draft_store (page), "twilio-transfer");
  close_page (GTK_WIDGET (page));
}

/* After a restart, a sent request is followed again from its id alone. */
static void
test_transfer_tracker_restored (void)
{
  g_autoptr(PortingDraftStore) store = porting_draft_store_new ();
  g_autoptr(GError) error = NULL;
  PortingTransferPage *page;

  g_assert_nonnull (transfer_id);
  porting_draft_store_set_string (store, "twilio-transfer", "request-id", transfer_id);
  porting_draft_store_flush_sync (store, &error);
  g_assert_no_error (error);

  page = PORTING_TRANSFER_PAGE (draft_page_window (PORTING_TYPE_TRANSFER_PAGE));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "tracker");
  /* The draft keeps the id; shown, the page asks the service for the rest,
   * its reference too. */
  WAIT_UNTIL (g_strcmp0 (row_subtitle (page->provider_sid_row), PROVIDER_SID) == 0);
  g_assert_true (g_str_has_prefix (row_subtitle (page->request_row), "PRT-"));
  g_assert_cmpstr (row_subtitle (page->steps_numbers_row), ==, "+15105550142\n+14155550100");
  porting_draft_store_discard (porting_transfer_page_get_draft_store (page), "twilio-transfer");
  close_page (GTK_WIDGET (page));
}

static void
test_port_out_drafts (void)
{
  PortingPortOutPage *page;

  page = PORTING_PORT_OUT_PAGE (draft_page_window (PORTING_TYPE_PORT_OUT_PAGE));
  porting_numbers_editor_set_text (page->numbers_editor, "510-555-0142");
  gtk_editable_set_text (GTK_EDITABLE (page->provider_row), "Maple Mobile");
  gtk_switch_set_active (page->twilio_switch, TRUE);
  gtk_check_button_set_active (page->contract_check, TRUE);
  close_page (GTK_WIDGET (page));

  page = PORTING_PORT_OUT_PAGE (draft_page_window (PORTING_TYPE_PORT_OUT_PAGE));
  g_assert_cmpuint (porting_numbers_editor_get_n_valid (page->numbers_editor), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page->provider_row)), ==, "Maple Mobile");
  g_assert_true (gtk_switch_get_active (page->twilio_switch));
  g_assert_true (gtk_check_button_get_active (page->contract_check));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));

  /* A blank name is not a provider. */
  gtk_editable_set_text (GTK_EDITABLE (page->provider_row), "   ");
  ui_test_settle ();
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page->submit_button)));
  g_assert_nonnull (porting_row_get_message (GTK_WIDGET (page->provider_row)));
  porting_draft_store_discard (porting_port_out_page_get_draft_store (page), "port-out");
  close_page (GTK_WIDGET (page));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *customer_token = NULL;
  int status;

  test_intake_init ();
  ui_test_init (&argc, &argv);

  service = test_service_start (NULL);
  customer_token = test_intake_token (service->data_dir, "customer", "Acme Widgets");
  staff_token = test_intake_token (service->data_dir, "staff", "Support");
  /* The application reads its intake address and token from here. */
  ui_test_use_intake (service->url, customer_token);

  app = ui_test_application_new ();
  /* Drafts are written at once: the tests read them back. */
  g_settings_set_uint (porting_application_get_settings (app), "draft-save-delay", 0);
  window = ui_test_open_window (app);

  g_test_add_func ("/transfer/sid-checks", test_transfer_sid_checks);
  g_test_add_func ("/transfer/submit", test_transfer_submit);
  g_test_add_func ("/port-out/twilio", test_port_out_twilio);
  g_test_add_func ("/port-out/csr", test_port_out_csr);
  g_test_add_func ("/transfer/drafts", test_transfer_drafts);
  g_test_add_func ("/transfer/tracker-restored", test_transfer_tracker_restored);
  g_test_add_func ("/port-out/drafts", test_port_out_drafts);

  status = g_test_run ();

  ui_test_destroy_window (GTK_WINDOW (window));
  g_clear_object (&app);
  test_service_free (service);
  g_free (staff_token);
  g_free (transfer_id);
  ui_test_finish ();

  return status;
}
