/* test-review-documents.c — the documents of a request as staff see them in the review
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real porting-intake and the real window at the size it opens: the
 * customer's file names readable over both documents, and the regulatory
 * documents listed under their own names and opened from the review.
 */
#define G_LOG_DOMAIN "test-review-documents"

#include "config.h"

#include <adwaita.h>

#include "intake-test-util.h"
#include "porting-application.h"
#include "porting-document-view.h"
#include "porting-page-widget.h"
#include "porting-review-page.h"
#include "porting-window.h"
#include "ui-test-util.h"

/* As customers name their files (the fixtures' own names are short). */
#define LOA_NAME          "Acme Widgets LOA signed.pdf"
#define PROOF_NAME        "NorthStar bill October 2026.pdf"
#define REGISTRATION_NAME "Acme Widgets business registration.pdf"
#define SCREENSHOT_NAME   "Proof of address (screenshot).png"

static PortingApplication *app;

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
session_is_staff (gpointer data)
{
  return porting_intake_session_get_staff (data);
}

static gboolean
review_page_idle (gpointer data)
{
  return !porting_review_page_get_loading (data) &&
         g_strcmp0 (porting_review_page_get_state (data), "loading") != 0;
}

static gboolean
check_done (gpointer data)
{
  return porting_check_view_get_result (porting_review_page_get_check_view (data)) != NULL;
}

static gboolean
file_gone (gpointer data)
{
  return !g_file_query_exists (data, NULL);
}

/* A fixture copied under the name a customer gave it. */
static GFile *
customer_file (const char *directory,
               const char *fixture,
               const char *name)
{
  g_autoptr(GFile) source = ui_test_fixture_file (fixture);
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&copy);
}

static char *
dup_accessible_description (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION))
    return NULL;
  /* NULL when it is the value given, else the value it has. */
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                             "\x01 never this");
}

/* The file name over @view: the whole name on screen, or cut in its middle
 * with the whole name in its tooltip and for a screen reader. */
static void
assert_file_name_readable (PortingDocumentView *view,
                           const char          *name)
{
  GtkLabel *label = template_child (view, PORTING_TYPE_DOCUMENT_VIEW, "file_label");
  PangoLayout *layout = gtk_label_get_layout (label);
  g_autofree char *description = dup_accessible_description (GTK_WIDGET (label));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_label (label), ==, name);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), ==, name);
  g_assert_cmpstr (description, ==, name);
  g_test_message ("“%s”: %d px wide, %s", name, gtk_widget_get_width (GTK_WIDGET (label)),
                  pango_layout_is_ellipsized (layout) ? "cut" : "whole");
  /* Names as long as these fit at 1100 px. */
  g_assert_false (pango_layout_is_ellipsized (layout));
}

static void
collect_rows_titled (GtkWidget  *root,
                     const char *title,
                     GPtrArray  *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child) && gtk_widget_get_visible (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        g_ptr_array_add (rows, child);
      collect_rows_titled (child, title, rows);
    }
}

static AdwActionRow *
find_row_with_subtitle (GPtrArray  *rows,
                        const char *subtitle)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_action_row_get_subtitle (g_ptr_array_index (rows, i)), subtitle) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* A window showing a regulatory document (@name: the one showing that
 * file, NULL: any). */
static PortingDocumentView *
find_document_window_view_of (const char *name,
                              GtkWindow **window_out)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *view;

      if (!ADW_IS_WINDOW (window) || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      view = ui_test_find_descendant (GTK_WIDGET (window), PORTING_TYPE_DOCUMENT_VIEW, NULL);
      if (view != NULL && name != NULL)
        {
          GFile *file = porting_document_view_get_file (PORTING_DOCUMENT_VIEW (view));
          g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;

          if (g_strcmp0 (basename, name) != 0)
            continue;
        }
      if (view != NULL)
        {
          if (window_out != NULL)
            *window_out = window;
          return PORTING_DOCUMENT_VIEW (view);
        }
    }
  return NULL;
}

static PortingDocumentView *
find_document_window_view (GtkWindow **window_out)
{
  return find_document_window_view_of (NULL, window_out);
}

static gboolean
document_window_shows (gpointer data)
{
  const char *name = data;
  PortingDocumentView *view = find_document_window_view_of (name, NULL);
  GFile *file = view != NULL ? porting_document_view_get_file (view) : NULL;
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;

  return view != NULL && porting_document_view_get_state (view) == PORTING_DOCUMENT_VIEW_STATE_LOADED &&
         g_strcmp0 (basename, name) == 0;
}

/* An image is read by OCR as it loads: on a busy machine, longer than
 * one wait. */
static gboolean
wait_for_document_window (const char *name)
{
  PortingDocumentView *view;

  for (guint i = 0; i < 3; i++)
    if (ui_test_wait_for (document_window_shows, (gpointer) name))
      return TRUE;
  view = find_document_window_view (NULL);
  g_test_message ("No window shows %s: %s, state %d, file %s", name, view != NULL ? "a view" : "no view",
                  view != NULL ? (int) porting_document_view_get_state (view) : -1,
                  view != NULL && porting_document_view_get_file (view) != NULL
                  ? g_file_peek_path (porting_document_view_get_file (view)) : "none");
  if (view != NULL && porting_document_view_get_error (view) != NULL)
    g_test_message ("%s", porting_document_view_get_error (view)->message);
  return FALSE;
}

static gboolean
first_page_drawn (gpointer data)
{
  GtkWidget *page = porting_document_view_get_page_widget (data, 0);

  return page != NULL && porting_page_widget_is_fully_drawn (PORTING_PAGE_WIDGET (page));
}

static gboolean
no_document_window (gpointer data)
{
  return find_document_window_view (NULL) == NULL;
}

static void
assert_same_bytes (GFile *a,
                   GFile *b)
{
  g_autoptr(GBytes) bytes_a = g_file_load_bytes (a, NULL, NULL, NULL);
  g_autoptr(GBytes) bytes_b = g_file_load_bytes (b, NULL, NULL, NULL);

  g_assert_nonnull (bytes_a);
  g_assert_nonnull (bytes_b);
  g_assert_true (g_bytes_equal (bytes_a, bytes_b));
}

static void
test_review_documents (void)
{
  g_autofree char *data_dir = g_build_filename (ui_test_get_home (), "intake", NULL);
  g_autofree char *upload_dir = g_build_filename (ui_test_get_home (), "customer-files", NULL);
  g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), NULL);
  g_autoptr(PortingIntakeClient) customer = NULL;
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) regulatory = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GFile) loa = NULL;
  g_autoptr(GFile) proof = NULL;
  g_autoptr(GFile) registration = NULL;
  g_autoptr(GFile) screenshot = NULL;
  g_autoptr(GFile) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customer_token = NULL;
  g_autofree char *staff_token = NULL;
  g_autofree char *key = g_uuid_string_random ();
  PortingDocumentView *document_view;
  PortingCheckView *check_view;
  PortingReviewPage *page;
  PortingWindow *window;
  GtkWindow *document_window = NULL;
  AdwActionRow *row;
  TestService *service;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (upload_dir, 0700), ==, 0);
  service = test_service_start (data_dir);
  customer_token = test_intake_token (data_dir, "customer", "Acme Widgets LLC");
  staff_token = test_intake_token (data_dir, "staff", "Sam Support");
  customer = test_client_new (service->url, customer_token);

  /* A port-in with its LOA, its bill and two regulatory documents. */
  loa = customer_file (upload_dir, "acme-exact-loa.pdf", LOA_NAME);
  proof = customer_file (upload_dir, "acme-exact-invoice.pdf", PROOF_NAME);
  registration = customer_file (upload_dir, "acme-screenshot-loa.pdf", REGISTRATION_NAME);
  screenshot = customer_file (upload_dir, "acme-screenshot-invoice.png", SCREENSHOT_NAME);
  g_ptr_array_add (regulatory, g_object_ref (registration));
  g_ptr_array_add (regulatory, g_object_ref (screenshot));
  porting_intake_client_submit_async (customer, request, loa, proof, regulatory, key, NULL, NULL, NULL,
                                      test_store_result, &result);
  test_wait_result (&result);
  stored = porting_intake_client_submit_finish (customer, result, NULL, &error);
  g_assert_no_error (error);

  /* Staff, in the real window at the size it opens. */
  ui_test_use_intake (service->url, staff_token);
  app = ui_test_application_new ();
  g_assert_true (ui_test_wait_for (session_is_staff, porting_application_get_intake_session (app)));
  window = porting_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ui_test_wait_for (ui_test_widget_is_mapped, window));
  porting_window_show_page (window, "review");
  page = PORTING_REVIEW_PAGE (porting_window_get_page (window, "review"));
  porting_review_page_refresh (page);
  g_assert_true (ui_test_wait_for (review_page_idle, page));
  g_assert_true (porting_review_page_open_request (page, porting_request_get_id (stored)));
  g_assert_true (ui_test_wait_for (check_done, page));
  ui_test_wait_for_frames (GTK_WIDGET (window));

  /* The customer's file names over the documents, whole. */
  check_view = porting_review_page_get_check_view (page);
  assert_file_name_readable (porting_check_view_get_loa_view (check_view), LOA_NAME);
  assert_file_name_readable (porting_check_view_get_proof_view (check_view), PROOF_NAME);

  /* The regulatory documents, under their own names. */
  collect_rows_titled (GTK_WIDGET (page), "Regulatory document", rows);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_nonnull (find_row_with_subtitle (rows, SCREENSHOT_NAME));
  row = find_row_with_subtitle (rows, REGISTRATION_NAME);
  g_assert_nonnull (row);

  /* Opened from its row: downloaded into the private cache, shown. */
  g_assert_null (find_document_window_view (NULL));
  adw_action_row_activate (row);
  g_assert_true (wait_for_document_window (REGISTRATION_NAME));
  document_view = find_document_window_view_of (REGISTRATION_NAME, &document_window);
  opened = g_object_ref (porting_document_view_get_file (document_view));
  {
    g_autofree char *path = g_file_get_path (opened);

    g_assert_true (g_str_has_prefix (path, cache_dir));
  }
  assert_same_bytes (opened, registration);
  g_assert_cmpuint (porting_document_view_get_n_pages (document_view), ==, 1);
  /* Readable: the page drawn, not a blank sheet. */
  g_assert_true (ui_test_wait_for (first_page_drawn, document_view));
  ui_test_save_screenshot (GTK_WIDGET (document_window), "review-regulatory-document");

  /* Asked again: the same window, not a second one. */
  adw_action_row_activate (row);
  ui_test_settle ();
  g_assert_true (find_document_window_view (NULL) == document_view);

  /* The image, in a window of its own. */
  gtk_window_destroy (document_window);
  g_assert_true (ui_test_wait_for (no_document_window, NULL));
  adw_action_row_activate (find_row_with_subtitle (rows, SCREENSHOT_NAME));
  g_assert_true (wait_for_document_window (SCREENSHOT_NAME));

  /* Back to the queue: the window closes, the files go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.back", NULL));
  g_assert_true (ui_test_wait_for (no_document_window, NULL));
  g_assert_true (ui_test_wait_for (file_gone, opened));

  ui_test_destroy_window (GTK_WINDOW (window));
  g_clear_object (&app);
  test_service_free (service);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The file names' accessible description is kept only with an
   * accessibility backend: GTK's test one. Before GTK starts. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);
  test_intake_init ();

  g_test_add_func ("/review-documents/names-and-regulatory", test_review_documents);

  status = g_test_run ();
  ui_test_finish ();
  return status;
}
