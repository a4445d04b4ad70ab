/* test-requests-review.c — the staff's review of requests against a real porting-intake
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A wireless port carried out from the review, and the verdict on the
 * documents. Part of the test-requests program: its fixture, its shared
 * helpers and main() are in test-requests.c.
 */
#define G_LOG_DOMAIN "test-requests"

#include "config.h"

#include "porting-window.h"
#include "test-requests.h"
#include "ui-test-util.h"

/* ---- Staff carry out a wireless port from the review --------------------- */

#define WIRELESS_PIN "739164"

static gboolean
pin_shown (gpointer data)
{
  PortingReviewPage *page = data;
  AdwActionRow *row = template_child (page, PORTING_TYPE_REVIEW_PAGE, "pin_row");

  return g_strcmp0 (adw_action_row_get_subtitle (row), WIRELESS_PIN) == 0;
}

static gboolean
pin_masked (gpointer data)
{
  PortingReviewPage *page = data;
  AdwActionRow *row = template_child (page, PORTING_TYPE_REVIEW_PAGE, "pin_row");

  return g_strcmp0 (adw_action_row_get_subtitle (row), "••••••") == 0;
}

static gboolean
history_has_pin_reading (gpointer data)
{
  GtkWidget *history = template_child (data, PORTING_TYPE_REVIEW_PAGE, "history_list");

  for (GtkWidget *row = gtk_widget_get_first_child (history); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "The wireless PIN was shown to staff.") == 0 &&
        g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Sam Support"))
      return TRUE;
  return FALSE;
}

/* The subtitle of the details row titled @title. */
static const char *
detail (PortingReviewPage *page,
        const char        *title)
{
  GtkWidget *group = template_child (page, PORTING_TYPE_REVIEW_PAGE, "request_group");
  GtkWidget *row = NULL;

  for (GtkWidget *child = ui_test_find_descendant (group, ADW_TYPE_ACTION_ROW, NULL);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
      row = child;
  if (row == NULL)
    g_error ("No detail “%s” in the review", title);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static PortingRequestStatus
stored_status (Fixture    *fixture,
               const char *id)
{
  g_autoptr(PortingIntakeClient) client = test_client_new (fixture->service->url, fixture->staff_token);
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  request = test_get (client, id, &error);
  g_assert_no_error (error);
  return porting_request_get_status (request);
}

static char *
read_pin (Fixture    *fixture,
          const char *token,
          const char *id,
          GError    **error)
{
  g_autoptr(PortingIntakeClient) client = test_client_new (fixture->service->url, token);
  g_autoptr(GAsyncResult) result = NULL;

  porting_intake_client_get_wireless_pin_async (client, id, NULL, test_store_result, &result);
  test_wait_result (&result);
  return porting_intake_client_get_wireless_pin_finish (client, result, error);
}

/* The Undo button of the toast over @window. */
static GtkWidget *
find_undo_button (GtkWidget *window)
{
  GtkWidget *overlay = ui_test_find_descendant (window, ADW_TYPE_TOAST_OVERLAY, NULL);
  GtkLabel *label;

  g_assert_nonnull (overlay);
  label = ui_test_find_label (overlay, "Undo", UI_TEST_LABEL_VISIBLE);
  return label != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_BUTTON) : NULL;
}

static void
open_in_review (PortingReviewPage *page,
                const char        *id)
{
  porting_review_page_refresh (page);
  g_assert_true (ui_test_wait_for (review_page_idle, page));
  g_assert_true (porting_review_page_open_request (page, id));
  ui_test_settle ();
}

/* @a is left of @b, beside it, both on screen and each a fair share of @window. */
static void
assert_side_by_side (GtkWidget *a,
                     GtkWidget *b,
                     GtkWidget *window)
{
  graphene_rect_t left, right;
  double window_width = gtk_widget_get_width (window);

  g_assert_true (gtk_widget_get_mapped (a));
  g_assert_true (gtk_widget_get_mapped (b));
  g_assert_true (gtk_widget_compute_bounds (a, window, &left));
  g_assert_true (gtk_widget_compute_bounds (b, window, &right));
  g_test_message ("LOA %.0f+%.0f, proof %.0f+%.0f, window %.0f wide",
                  left.origin.x, left.size.width, right.origin.x, right.size.width, window_width);
  g_assert_cmpfloat (left.origin.x + left.size.width, <=, right.origin.x + 1);
  g_assert_cmpfloat (ABS (left.origin.y - right.origin.y), <, 1);
  g_assert_cmpfloat (left.size.width, >=, 0.3 * window_width);
  g_assert_cmpfloat (right.size.width, >=, 0.3 * window_width);
  g_assert_cmpfloat (right.origin.x + right.size.width, <=, window_width);
  /* Tall enough to read a page, not a strip. */
  g_assert_cmpfloat (left.size.height, >=, 0.6 * gtk_widget_get_height (window));
}

static void
screenshots (PortingWindow *window,
             const char    *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strconcat (name, "-light", NULL);
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  if (g_getenv ("PORTING_SCREENSHOT_DIR") == NULL)
    return;
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  ui_test_save_screenshot (GTK_WIDGET (window), light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_save_screenshot (GTK_WIDGET (window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

void
test_wireless_review (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PortingIntakeClient) customer = test_client_new (fixture->service->url, fixture->customer_token);
  g_autoptr(PortingRequest) request = test_port_in_request (WIRELESS_PIN);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GFile) loa = ui_test_fixture_file ("acme-exact-loa.pdf");
  g_autoptr(GFile) proof = ui_test_fixture_file ("acme-exact-invoice.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *pin = NULL;
  g_autofree char *foc = NULL;
  g_autoptr(GDateTime) in_a_week = NULL;
  PortingWindow *window;
  PortingReviewPage *page;
  PortingCheckView *check_view;
  AdwMessageDialog *dialog;
  GtkWidget *undo;
  const char *id;

  /* The customer sends a wireless port-in, with its documents. */
  stored = test_submit (customer, request, loa, proof, key, NULL, &error);
  g_assert_no_error (error);
  id = porting_request_get_id (stored);
  g_assert_true (porting_request_has_pin_on_file (stored));

  /* A customer cannot get the PIN, not even their own. */
  pin = read_pin (fixture, fixture->customer_token, id, &error);
  g_assert_null (pin);
  g_assert_true (g_error_matches (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_FORBIDDEN) ||
                 g_error_matches (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_NOT_FOUND));
  g_clear_error (&error);

  /* Staff, in the real window at the size it opens. */
  use_token (fixture, fixture->staff_token);
  window = porting_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ui_test_wait_for (ui_test_widget_is_mapped, window));
  porting_window_show_page (window, "review");
  page = PORTING_REVIEW_PAGE (porting_window_get_page (window, "review"));
  porting_review_page_set_undo_timeout (page, 1);
  porting_review_page_set_pin_timeout (page, 2);
  open_in_review (page, id);
  g_assert_true (ui_test_wait_for (check_done, page));
  check_view = porting_review_page_get_check_view (page);
  ui_test_wait_for_frames (GTK_WIDGET (window));
  /* The workspace: the sidebar folded away, both documents side by side. */
  g_assert_true (porting_review_page_get_workspace (page));
  g_assert_false (gtk_widget_get_visible (template_child (window, PORTING_TYPE_WINDOW, "sidebar_box")));
  assert_side_by_side (GTK_WIDGET (porting_check_view_get_loa_view (check_view)),
                       GTK_WIDGET (porting_check_view_get_proof_view (check_view)), GTK_WIDGET (window));
  /* The customer's file names, not "loa.pdf". */
  {
    g_autofree char *loa_name = g_file_get_basename (porting_review_page_get_document (page, "loa"));
    g_autofree char *proof_name = g_file_get_basename (porting_review_page_get_document (page, "proof"));

    g_assert_cmpstr (loa_name, ==, "acme-exact-loa.pdf");
    g_assert_cmpstr (proof_name, ==, "acme-exact-invoice.pdf");
  }

  /* Everything needed to carry out the port, under the right labels. */
  g_assert_cmpstr (detail (page, "Request number"), ==, porting_request_get_reference (stored));
  g_assert_cmpstr (detail (page, "Numbers to port"), ==, "(510) 555-0142, (510) 555-0143");
  g_assert_cmpstr (detail (page, "Billing telephone number (BTN)"), ==, "(510) 555-0142");
  g_assert_cmpstr (detail (page, "All the numbers of the account"), ==, "Yes");
  g_assert_cmpstr (detail (page, "Current carrier"), ==, "NorthStar Telecom");
  g_assert_cmpstr (detail (page, "Account number with the carrier"), ==, "8841-22017-5");
  g_assert_cmpstr (detail (page, "Text messages (SMS)"), ==, "Move them too");
  g_assert_nonnull (strstr (detail (page, "Preferred port date"), "2026"));
  g_assert_cmpstr (detail (page, "Letter of Authorization"), ==, "acme-exact-loa.pdf");
  g_assert_cmpstr (detail (page, "Invoice"), ==, "acme-exact-invoice.pdf");
  g_assert_true (gtk_widget_get_visible (template_child (page, PORTING_TYPE_REVIEW_PAGE, "wireless_group")));
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (page, PORTING_TYPE_REVIEW_PAGE, "wireless_account_row")),
                   ==, "WL-778812");
  g_assert_true (pin_masked (page));
  g_assert_false (history_has_pin_reading (page));
  screenshots (window, "review-1100x760");

  /* Show PIN: read from the service, written in the history, masked again. */
  g_signal_emit_by_name (template_child (page, PORTING_TYPE_REVIEW_PAGE, "pin_button"), "clicked");
  g_assert_true (ui_test_wait_for (pin_shown, page));
  g_assert_true (ui_test_wait_for (history_has_pin_reading, page));
  gtk_widget_grab_focus (template_child (page, PORTING_TYPE_REVIEW_PAGE, "pin_button"));
  ui_test_save_screenshot (GTK_WIDGET (window), "review-pin-shown");
  /* Shown, never written: not in clear anywhere under the test's home (the
   * application's data, cache and settings, and the service's folder). */
  g_assert_false (test_tree_contains (ui_test_get_home (), WIRELESS_PIN, NULL));
  {
    g_autoptr(PortingIntakeClient) staff = test_client_new (fixture->service->url, fixture->staff_token);
    g_autoptr(PortingRequest) now = test_get (staff, id, &error);
    JsonArray *history;
    gboolean recorded = FALSE;

    g_assert_no_error (error);
    history = porting_request_get_history (now);
    for (guint i = 0; i < json_array_get_length (history); i++)
      recorded |= g_strcmp0 (json_object_get_string_member_with_default (json_array_get_object_element (history, i),
                                                                         "event", NULL), "wireless-pin-read") == 0;
    g_assert_true (recorded);
  }
  g_assert_true (ui_test_wait_for (pin_masked, page));

  /* 1280×800: still side by side. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ui_test_wait_for_frames (GTK_WIDGET (window));
  ui_test_wait_for_frames (GTK_WIDGET (window));
  assert_side_by_side (GTK_WIDGET (porting_check_view_get_loa_view (check_view)),
                       GTK_WIDGET (porting_check_view_get_proof_view (check_view)), GTK_WIDGET (window));
  screenshots (window, "review-1280x800");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  ui_test_wait_for_frames (GTK_WIDGET (window));

  /* Approve: asked first, then undone within its window: nothing sent. */
  g_assert_true (gtk_switch_get_active (template_child (page, PORTING_TYPE_REVIEW_PAGE, "name_switch")));
  g_assert_true (gtk_switch_get_active (template_child (page, PORTING_TYPE_REVIEW_PAGE, "address_switch")));
  porting_review_page_set_undo_timeout (page, 30);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.approve", NULL));
  dialog = expect_message_dialog ();
  {
    g_autofree char *heading = g_strdup_printf ("Approve %s?", porting_request_get_reference (stored));

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  }
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            porting_request_status_get_explanation (PORTING_REQUEST_STATUS_APPROVED)));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "review-approve-confirmation");
  adw_message_dialog_response (dialog, "approve");
  ui_test_settle ();
  g_assert_true (porting_review_page_get_decision_pending (page));
  g_assert_false (gtk_widget_is_sensitive (template_child (page, PORTING_TYPE_REVIEW_PAGE, "approve_button")));
  ui_test_save_screenshot (GTK_WIDGET (window), "review-undo-toast");
  g_assert_cmpint (stored_status (fixture, id), ==, PORTING_REQUEST_STATUS_SUBMITTED);
  undo = find_undo_button (GTK_WIDGET (window));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ui_test_settle ();
  g_assert_false (porting_review_page_get_decision_pending (page));
  g_assert_true (gtk_widget_is_sensitive (template_child (page, PORTING_TYPE_REVIEW_PAGE, "approve_button")));
  g_assert_cmpstr (porting_review_page_get_state (page), ==, "review");
  g_assert_cmpint (stored_status (fixture, id), ==, PORTING_REQUEST_STATUS_SUBMITTED);

  /* Approved for good once the toast went. */
  porting_review_page_set_undo_timeout (page, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.approve", NULL));
  adw_message_dialog_response (expect_message_dialog (), "approve");
  g_assert_true (ui_test_wait_for (decision_sent, page));
  g_assert_true (ui_test_wait_for (review_closed, page));
  g_assert_cmpint (stored_status (fixture, id), ==, PORTING_REQUEST_STATUS_APPROVED);
  g_assert_false (porting_review_page_get_workspace (page));
  g_assert_true (gtk_widget_get_visible (template_child (window, PORTING_TYPE_WINDOW, "sidebar_box")));

  /* Approved: only the moves that follow are offered. */
  open_in_review (page, id);
  g_assert_false (gtk_widget_get_visible (template_child (page, PORTING_TYPE_REVIEW_PAGE, "approve_button")));
  g_assert_false (gtk_widget_get_visible (template_child (page, PORTING_TYPE_REVIEW_PAGE, "schedule_button")));
  g_assert_false (gtk_widget_get_visible (template_child (page, PORTING_TYPE_REVIEW_PAGE, "complete_button")));
  g_assert_true (gtk_widget_get_visible (template_child (page, PORTING_TYPE_REVIEW_PAGE, "carrier_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.to-carrier", NULL));
  g_assert_true (ui_test_wait_for (review_closed, page));
  g_assert_cmpint (stored_status (fixture, id), ==, PORTING_REQUEST_STATUS_SUBMITTED_TO_CARRIER);

  /* With the carrier: its FOC date from the calendar. */
  open_in_review (page, id);
  g_assert_false (gtk_widget_get_visible (template_child (page, PORTING_TYPE_REVIEW_PAGE, "carrier_button")));
  g_assert_true (gtk_widget_get_visible (template_child (page, PORTING_TYPE_REVIEW_PAGE, "schedule_button")));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) a_week_ago = g_date_time_add_days (now, -7);

    /* Not in the past. */
    gtk_calendar_select_day (template_child (page, PORTING_TYPE_REVIEW_PAGE, "foc_calendar"), a_week_ago);
    g_assert_false (gtk_widget_is_sensitive (template_child (page, PORTING_TYPE_REVIEW_PAGE, "schedule_confirm_button")));
    in_a_week = g_date_time_add_days (now, 7);
    gtk_calendar_select_day (template_child (page, PORTING_TYPE_REVIEW_PAGE, "foc_calendar"), in_a_week);
    foc = g_date_time_format (in_a_week, "%Y-%m-%d");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.schedule", NULL));
  g_assert_true (ui_test_wait_for (review_closed, page));
  g_assert_cmpint (stored_status (fixture, id), ==, PORTING_REQUEST_STATUS_SCHEDULED);
  {
    g_autoptr(PortingIntakeClient) staff = test_client_new (fixture->service->url, fixture->staff_token);
    g_autoptr(PortingRequest) now = test_get (staff, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (porting_request_get_foc_date (now), ==, foc);
  }

  /* Completed: the PIN is gone for good. */
  open_in_review (page, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.complete", NULL));
  g_assert_true (ui_test_wait_for (review_closed, page));
  g_assert_cmpint (stored_status (fixture, id), ==, PORTING_REQUEST_STATUS_COMPLETED);
  pin = read_pin (fixture, fixture->staff_token, id, &error);
  g_assert_null (pin);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_GONE);

  ui_test_destroy_window (GTK_WINDOW (window));
}

/* The name and the address match but the account number does not: no
 * green "match", the panel says what differs, and so does the approval. */
void
test_review_verdict (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PortingIntakeClient) customer = test_client_new (fixture->service->url, fixture->customer_token);
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) stored = NULL;
  g_autofree char *loa_path = g_test_build_filename (G_TEST_DIST, "documents", "mismatch-account-number-loa.pdf", NULL);
  g_autofree char *proof_path = g_test_build_filename (G_TEST_DIST, "documents", "mismatch-account-number-invoice.pdf", NULL);
  g_autoptr(GFile) loa = g_file_new_for_path (loa_path);
  g_autoptr(GFile) proof = g_file_new_for_path (proof_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();
  PortingCheckView *check_view;
  PortingCheckResult *result;
  AdwMessageDialog *dialog;
  GtkWidget *group;
  gboolean differs_shown = FALSE;

  stored = test_submit (customer, request, loa, proof, key, NULL, &error);
  g_assert_no_error (error);

  use_token (fixture, fixture->staff_token);
  show_page (fixture, GTK_WIDGET (fixture->review_page));
  g_assert_true (ui_test_wait_for (review_page_idle, fixture->review_page));
  open_queued (fixture, porting_request_get_id (stored));
  g_assert_true (ui_test_wait_for (check_done, fixture->review_page));
  check_view = porting_review_page_get_check_view (fixture->review_page);
  result = porting_check_view_get_result (check_view);

  g_assert_cmpint (porting_check_result_get_verdict (result), ==, PORTING_CHECK_VERDICT_MISMATCH);
  g_assert_cmpint (porting_check_result_get_field (result, PORTING_FIELD_NAME)->status, ==, PORTING_FIELD_STATUS_EXACT);
  g_assert_cmpstr (porting_check_view_get_verdict_text (check_view), !=, "Name and address match");
  g_assert_nonnull (strstr (porting_check_view_get_verdict_text (check_view), "account number"));

  /* The panel lists the account number as differing, in words. */
  group = template_child (fixture->review_page, PORTING_TYPE_REVIEW_PAGE, "documents_group");
  for (GtkWidget *row = ui_test_find_descendant (group, ADW_TYPE_ACTION_ROW, NULL); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Account number") == 0)
      differs_shown = g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Differs");
  g_assert_true (differs_shown);

  /* Staff may still approve (they have the last word), told what differs. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->review_page), "review.approve", NULL));
  dialog = expect_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "account number"));
  adw_message_dialog_response (dialog, "cancel");
  ui_test_settle ();
  g_assert_false (porting_review_page_get_decision_pending (fixture->review_page));
  ui_test_save_screenshot (GTK_WIDGET (fixture->window), "review-account-number-mismatch");
}
