/* test-check-view.c — the document check view, driven for real under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-check-view"

#include "config.h"

#include <adwaita.h>

#include "porting-check-page.h"
#include "porting-check-view.h"
#include "porting-document-view.h"
#include "porting-page-widget.h"
#include "ui-test-util.h"

typedef struct
{
  GtkWindow        *window;
  PortingCheckView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->view = PORTING_CHECK_VIEW (porting_check_view_new ());
  f->window = ui_test_window_with (GTK_WIDGET (f->view), 1280, 800);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gpointer loa_view = porting_check_view_get_loa_view (f->view);

  /* Nothing keeps the views alive once the window is gone, even with work
   * in flight. */
  g_object_add_weak_pointer (G_OBJECT (loa_view), &loa_view);
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  gtk_window_destroy (f->window);
  g_assert_true (ui_test_wait_for (ui_test_is_null, &f->view));
  g_assert_true (ui_test_wait_for (ui_test_is_null, &loa_view));
}

static gboolean
has_result (gpointer data)
{
  return porting_check_view_get_result (PORTING_CHECK_VIEW (data)) != NULL;
}

static void
load_and_check (Fixture    *f,
                const char *loa_name,
                const char *proof_name)
{
  g_autoptr(GFile) loa = ui_test_fixture_file (loa_name);
  g_autoptr(GFile) proof = ui_test_fixture_file (proof_name);

  porting_check_view_load (f->view, loa, proof);
  g_assert_true (porting_check_view_get_busy (f->view));
  g_assert_true (ui_test_wait_for (has_result, f->view));
  g_assert_false (porting_check_view_get_busy (f->view));
}

/* A case of tests/documents (the born-digital corpus). */
static void
load_and_check_corpus (Fixture    *f,
                       const char *case_id,
                       const char *proof_kind)
{
  g_autofree char *loa_name = g_strdup_printf ("%s-loa.pdf", case_id);
  g_autofree char *proof_name = g_strdup_printf ("%s-%s.pdf", case_id, proof_kind);
  g_autofree char *loa_path = g_test_build_filename (G_TEST_DIST, "documents", loa_name, NULL);
  g_autofree char *proof_path = g_test_build_filename (G_TEST_DIST, "documents", proof_name, NULL);
  g_autoptr(GFile) loa = g_file_new_for_path (loa_path);
  g_autoptr(GFile) proof = g_file_new_for_path (proof_path);

  porting_check_view_load (f->view, loa, proof);
  g_assert_true (ui_test_wait_for (has_result, f->view));
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '|');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

/* What a user reads on a row: title, subtitle and status word, '|'-separated. */
static char *
row_text (Fixture      *f,
          PortingField  field)
{
  GtkWidget *row = porting_check_view_get_field_row (f->view, field);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  collect_labels (row, text);
  if (g_test_verbose ())
    g_test_message ("row: %s", text->str);

  return g_string_free (text, FALSE);
}

static const char *
row_status (Fixture      *f,
            PortingField  field)
{
  GtkWidget *label = ui_test_find_descendant (porting_check_view_get_field_row (f->view, field), GTK_TYPE_LABEL,
                                              "porting-field-status");

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
first_pages_rendered (gpointer data)
{
  PortingCheckView *view = data;
  PortingDocumentView *views[] = { porting_check_view_get_loa_view (view),
                                   porting_check_view_get_proof_view (view) };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *page = porting_document_view_get_page_widget (views[i], 0);

      if (page == NULL || porting_page_widget_get_texture (PORTING_PAGE_WIDGET (page)) == NULL)
        return FALSE;
    }

  return TRUE;
}

static guint
count_highlights (PortingDocumentView *view)
{
  guint n = 0;

  for (guint i = 0; i < porting_document_view_get_n_pages (view); i++)
    n += porting_page_widget_get_n_highlights (PORTING_PAGE_WIDGET (porting_document_view_get_page_widget (view, i)));

  return n;
}

static void
test_check_view_equivalent (Fixture       *f,
                            gconstpointer  data)
{
  PortingCheckResult *result;
  const PortingFieldResult *name;
  g_autofree char *name_text = NULL;
  GtkWidget *page;
  GdkTexture *texture;

  load_and_check (f, "acme-equivalent-loa.pdf", "acme-equivalent-invoice.pdf");

  result = porting_check_view_get_result (f->view);
  g_assert_cmpint (porting_check_result_get_verdict (result), ==, PORTING_CHECK_VERDICT_MATCH);
  g_assert_cmpstr (porting_check_view_get_verdict_text (f->view), ==, "Name and address match");
  g_assert_cmpstr (row_status (f, PORTING_FIELD_NAME), ==, "Equivalent");
  g_assert_cmpstr (row_status (f, PORTING_FIELD_ADDRESS), ==, "Equivalent");

  /* The row says what both documents wrote. */
  name_text = row_text (f, PORTING_FIELD_NAME);
  g_assert_nonnull (strstr (name_text, "Name|"));
  g_assert_nonnull (strstr (name_text, "LOA: Acme Widgets LLC"));
  g_assert_nonnull (strstr (name_text, "Invoice: "));

  /* Both documents are on screen, rendered at the width they are shown. */
  g_assert_true (ui_test_wait_for (first_pages_rendered, f->view));
  page = porting_document_view_get_page_widget (porting_check_view_get_proof_view (f->view), 0);
  texture = porting_page_widget_get_texture (PORTING_PAGE_WIDGET (page));
  g_assert_cmpint (gdk_texture_get_width (texture), >=, gtk_widget_get_width (page) - 1);
  g_assert_cmpint (gdk_texture_get_width (texture), <=, gtk_widget_get_width (page) * 2 + 1);

  /* The name found is highlighted where it sits in both. */
  name = porting_check_result_get_field (result, PORTING_FIELD_NAME);
  g_assert_cmpint (name->proof_page, >=, 0);
  page = porting_document_view_get_page_widget (porting_check_view_get_proof_view (f->view), name->proof_page);
  g_assert_cmpuint (porting_page_widget_get_n_highlights (PORTING_PAGE_WIDGET (page)), >, 0);
  g_assert_cmpuint (count_highlights (porting_check_view_get_loa_view (f->view)), >, 0);

  /* Activating a row shows the hit; it must not disturb anything. */
  g_signal_emit_by_name (porting_check_view_get_field_row (f->view, PORTING_FIELD_ADDRESS), "activated");
  g_assert_nonnull (porting_check_view_get_result (f->view));
}

static gboolean
says_reading_the_photo (gpointer data)
{
  const char *text = porting_check_view_get_verdict_text (PORTING_CHECK_VIEW (data));

  return (text != NULL && g_str_has_prefix (text, "Reading the photo")) ||
         porting_check_view_get_result (PORTING_CHECK_VIEW (data)) != NULL;
}

static void
load_ocr_case (Fixture    *f,
               const char *loa_name,
               const char *proof_name)
{
  g_autofree char *loa_path = g_test_build_filename (G_TEST_DIST, "documents", "ocr", loa_name, NULL);
  g_autofree char *proof_path = g_test_build_filename (G_TEST_DIST, "documents", "ocr", proof_name, NULL);
  g_autoptr(GFile) loa = g_file_new_for_path (loa_path);
  g_autoptr(GFile) proof = g_file_new_for_path (proof_path);

  porting_check_view_load (f->view, loa, proof);
}

/* A phone photo of the bill: read by OCR off the main loop, the progress
 * said, each row saying it was read from the image, the name highlighted
 * on the photo. */
static void
test_check_view_photo (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *name_text = NULL;
  const PortingFieldResult *name;
  const char *verdict;
  GtkWidget *page;

  load_ocr_case (f, "cobblestone-loa.pdf", "photo.webp");
  g_assert_true (porting_check_view_get_busy (f->view));

  /* Seconds of OCR: the window says what it is doing, and keeps drawing. */
  g_assert_true (ui_test_wait_for (says_reading_the_photo, f->view));
  verdict = porting_check_view_get_verdict_text (f->view);
  g_test_message ("while reading: %s", verdict != NULL ? verdict : "(result already)");
  g_assert_true (ui_test_wait_for (has_result, f->view));

  g_assert_cmpint (porting_check_result_get_verdict (porting_check_view_get_result (f->view)), ==,
                   PORTING_CHECK_VERDICT_MATCH);
  name_text = row_text (f, PORTING_FIELD_NAME);
  g_assert_nonnull (strstr (name_text, "Read from the image, "));
  g_assert_nonnull (strstr (name_text, "% sure"));

  name = porting_check_result_get_field (porting_check_view_get_result (f->view), PORTING_FIELD_NAME);
  g_assert_cmpint (name->source, ==, PORTING_TEXT_SOURCE_OCR);
  g_assert_true (ui_test_wait_for (first_pages_rendered, f->view));
  page = porting_document_view_get_page_widget (porting_check_view_get_proof_view (f->view), name->proof_page);
  g_assert_cmpuint (porting_page_widget_get_n_highlights (PORTING_PAGE_WIDGET (page)), >, 0);
}

/* Another pair opened while OCR reads: the reading stops, the new check runs. */
static void
test_check_view_photo_cancelled (Fixture       *f,
                                 gconstpointer  data)
{
  load_ocr_case (f, "cobblestone-loa.pdf", "photo-12mp.jpg");
  g_assert_true (porting_check_view_get_busy (f->view));
  ui_test_settle ();

  load_and_check (f, "acme-exact-loa.pdf", "acme-exact-invoice.pdf");
  g_assert_cmpint (porting_check_result_get_verdict (porting_check_view_get_result (f->view)), ==,
                   PORTING_CHECK_VERDICT_MATCH);
  g_assert_nonnull (strstr (porting_check_view_get_verdict_text (f->view), "match"));
}

static void
test_check_view_mismatch (Fixture       *f,
                          gconstpointer  data)
{
  const char *name_status;
  const char *address_status;
  const PortingFieldResult *name;

  load_and_check (f, "acme-mismatch-loa.pdf", "acme-mismatch-invoice.pdf");

  g_assert_cmpint (porting_check_result_get_verdict (porting_check_view_get_result (f->view)), ==,
                   PORTING_CHECK_VERDICT_MISMATCH);
  /* The window says what does not match, in words. */
  g_assert_cmpstr (porting_check_view_get_verdict_text (f->view), ==,
                   "The name and the address do not match. Carriers reject such ports.");
  ui_test_save_screenshot (GTK_WIDGET (f->window), "check-view-mismatch");

  name_status = row_status (f, PORTING_FIELD_NAME);
  address_status = row_status (f, PORTING_FIELD_ADDRESS);
  g_assert_true (g_str_equal (name_status, "Mismatch") || g_str_equal (name_status, "Not found"));
  g_assert_true (g_str_equal (address_status, "Mismatch") || g_str_equal (address_status, "Not found"));

  /* A mismatch names the words that differ. */
  name = porting_check_result_get_field (porting_check_view_get_result (f->view), PORTING_FIELD_NAME);
  if (name->status == PORTING_FIELD_STATUS_MISMATCH)
    {
      g_autofree char *text = row_text (f, PORTING_FIELD_NAME);

      g_assert_cmpuint (name->differences->len, >, 0);
      g_assert_nonnull (strstr (text, "Differs: "));
      g_assert_nonnull (strstr (text, g_ptr_array_index (name->differences, 0)));
    }
}

/* Name and address right, the account number wrong: the window says so,
 * with a row for the account number, the BTN and the carrier. */
static void
test_check_view_account_mismatch (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *text = NULL;

  load_and_check_corpus (f, "mismatch-account-number", "invoice");

  g_assert_cmpint (porting_check_result_get_verdict (porting_check_view_get_result (f->view)), ==,
                   PORTING_CHECK_VERDICT_MISMATCH);
  g_assert_cmpstr (porting_check_view_get_verdict_text (f->view), ==,
                   "The account number does not match. Carriers reject such ports.");
  g_assert_cmpstr (row_status (f, PORTING_FIELD_NAME), ==, "Exact match");
  g_assert_cmpstr (row_status (f, PORTING_FIELD_ACCOUNT_NUMBER), ==, "Mismatch");
  g_assert_cmpstr (row_status (f, PORTING_FIELD_BTN), ==, "Exact match");
  g_assert_cmpstr (row_status (f, PORTING_FIELD_CARRIER), ==, "Exact match");
  text = row_text (f, PORTING_FIELD_ACCOUNT_NUMBER);
  g_assert_nonnull (strstr (text, "Account number|"));
  g_assert_nonnull (strstr (text, "Differs: "));
}

/* Another carrier than the bill's: said, though it rejects nothing. */
static void
test_check_view_carrier_mismatch (Fixture       *f,
                                  gconstpointer  data)
{
  load_and_check_corpus (f, "mismatch-carrier", "invoice");

  g_assert_cmpint (porting_check_result_get_verdict (porting_check_view_get_result (f->view)), ==,
                   PORTING_CHECK_VERDICT_MATCH);
  g_assert_cmpstr (porting_check_view_get_verdict_text (f->view), ==,
                   "Name and address match. The LOA names another carrier than the one the bill is from.");
  g_assert_cmpstr (row_status (f, PORTING_FIELD_CARRIER), ==, "Mismatch");
}

static void
test_check_view_unit_mismatch (Fixture       *f,
                               gconstpointer  data)
{
  const char *address_status;
  g_autofree char *text = NULL;

  load_and_check (f, "acme-unit-mismatch-loa.pdf", "acme-unit-mismatch-invoice.pdf");

  g_assert_cmpint (porting_check_result_get_verdict (porting_check_view_get_result (f->view)), ==,
                   PORTING_CHECK_VERDICT_MISMATCH);
  g_assert_cmpstr (porting_check_view_get_verdict_text (f->view), ==,
                   "The address does not match. Carriers reject such ports.");
  g_assert_cmpstr (row_status (f, PORTING_FIELD_NAME), ==, "Equivalent");
  address_status = row_status (f, PORTING_FIELD_ADDRESS);
  g_assert_true (g_str_equal (address_status, "Mismatch") || g_str_equal (address_status, "Not found"));

  text = row_text (f, PORTING_FIELD_ADDRESS);
  if (g_str_equal (address_status, "Mismatch"))
    g_assert_nonnull (strstr (text, "Differs: "));
}

static gboolean
proof_failed (gpointer data)
{
  return porting_document_view_get_state (porting_check_view_get_proof_view (data)) ==
         PORTING_DOCUMENT_VIEW_STATE_FAILED;
}

static GtkWidget *
find_visible_descendant (GtkWidget *widget,
                         GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_child_visible (child) || !gtk_widget_get_visible (child))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_visible_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static void
test_check_view_broken (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) loa = ui_test_fixture_file ("acme-equivalent-loa.pdf");
  g_autoptr(GFile) proof = ui_test_fixture_file ("bad/truncated.pdf");
  PortingDocumentView *proof_view = porting_check_view_get_proof_view (f->view);
  GtkWidget *status_page;
  const char *description;

  porting_check_view_load (f->view, loa, proof);
  g_assert_true (ui_test_wait_for (proof_failed, f->view));

  /* The pane says why, in words. */
  status_page = find_visible_descendant (GTK_WIDGET (proof_view), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status_page);
  description = adw_status_page_get_description (ADW_STATUS_PAGE (status_page));
  g_assert_nonnull (description);
  g_assert_cmpuint (strlen (description), >, 10);
  g_assert_cmpstr (description, ==, porting_document_view_get_error (proof_view)->message);
  g_assert_true (g_error_matches (porting_document_view_get_error (proof_view),
                                  PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_DAMAGED));

  g_assert_null (porting_check_view_get_result (f->view));
  g_assert_nonnull (strstr (porting_check_view_get_verdict_text (f->view), "cannot be opened"));
}

static gboolean
proof_needs_password (gpointer data)
{
  return porting_document_view_get_state (porting_check_view_get_proof_view (data)) ==
         PORTING_DOCUMENT_VIEW_STATE_NEEDS_PASSWORD;
}

static gboolean
proof_refused_password (gpointer data)
{
  const GError *error = porting_document_view_get_error (porting_check_view_get_proof_view (data));

  return error != NULL &&
         g_error_matches (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_WRONG_PASSWORD) &&
         proof_needs_password (data);
}

static void
type_password (PortingDocumentView *view,
               const char          *password)
{
  GtkWidget *entry = find_visible_descendant (GTK_WIDGET (view), GTK_TYPE_PASSWORD_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  g_signal_emit_by_name (entry, "activate");
}

static void
test_check_view_encrypted (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) loa = ui_test_fixture_file ("acme-encrypted-loa.pdf");
  g_autoptr(GFile) proof = ui_test_fixture_file ("acme-encrypted-invoice.pdf");
  PortingDocumentView *proof_view = porting_check_view_get_proof_view (f->view);

  porting_check_view_load (f->view, loa, proof);
  g_assert_true (ui_test_wait_for (proof_needs_password, f->view));
  g_assert_true (g_error_matches (porting_document_view_get_error (proof_view),
                                  PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NEEDS_PASSWORD));
  g_assert_nonnull (strstr (porting_check_view_get_verdict_text (f->view), "password"));
  g_assert_null (porting_check_view_get_result (f->view));

  /* A wrong password is refused, and the entry asks again. */
  type_password (proof_view, "not-the-password");
  g_assert_true (ui_test_wait_for (proof_refused_password, f->view));
  g_assert_nonnull (find_visible_descendant (GTK_WIDGET (proof_view), GTK_TYPE_PASSWORD_ENTRY));

  type_password (proof_view, "porting");
  g_assert_true (ui_test_wait_for (has_result, f->view));
  g_assert_cmpint (porting_document_view_get_state (proof_view), ==, PORTING_DOCUMENT_VIEW_STATE_LOADED);
  g_assert_cmpstr (row_status (f, PORTING_FIELD_NAME), !=, "Not found");
  g_assert_true (ui_test_wait_for (first_pages_rendered, f->view));
}

static gboolean
proof_texture_rescaled (gpointer data)
{
  PortingDocumentView *view = porting_check_view_get_proof_view (data);
  GtkWidget *page = porting_document_view_get_page_widget (view, porting_document_view_get_current_page (view));
  GdkTexture *texture = porting_page_widget_get_texture (PORTING_PAGE_WIDGET (page));

  return texture != NULL && gtk_widget_get_width (page) > 0 &&
         ABS (gdk_texture_get_width (texture) -
              gtk_widget_get_width (page) * gtk_widget_get_scale_factor (page)) <= 2;
}

static void
test_check_view_zoom (Fixture       *f,
                      gconstpointer  data)
{
  PortingDocumentView *view = porting_check_view_get_proof_view (f->view);
  double fit_zoom;

  load_and_check (f, "acme-exact-loa.pdf", "acme-exact-invoice.pdf");
  g_assert_true (ui_test_wait_for (first_pages_rendered, f->view));
  g_assert_true (porting_document_view_get_fit_width (view));
  fit_zoom = porting_document_view_get_zoom (view);

  /* Zooming in leaves the fit, and renders the page again at its new size. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-in", NULL));
  g_assert_false (porting_document_view_get_fit_width (view));
  g_assert_cmpfloat (porting_document_view_get_zoom (view), >, fit_zoom);
  g_assert_true (ui_test_wait_for (proof_texture_rescaled, f->view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-fit", NULL));
  g_assert_true (porting_document_view_get_fit_width (view));
  g_assert_true (ui_test_wait_for (proof_texture_rescaled, f->view));

  /* A new pair replaces the old check. */
  porting_check_view_clear (f->view);
  g_assert_null (porting_check_view_get_result (f->view));
  g_assert_cmpint (porting_document_view_get_state (view), ==, PORTING_DOCUMENT_VIEW_STATE_EMPTY);
}

static gboolean
page_has_result (gpointer data)
{
  return porting_check_view_get_result (porting_check_page_get_check_view (data)) != NULL;
}

static void
test_check_page (void)
{
  PortingCheckPage *page = PORTING_CHECK_PAGE (porting_check_page_new ());
  GtkWindow *window;
  g_autoptr(GSettings) settings = g_settings_new ("org.example.Porting");
  g_autoptr(GFile) loa = ui_test_fixture_file ("acme-exact-loa.pdf");
  g_autoptr(GFile) proof = ui_test_fixture_file ("acme-exact-invoice.pdf");
  g_autofree char *loa_uri = g_file_get_uri (loa);
  g_autofree char *proof_uri = g_file_get_uri (proof);
  g_auto(GStrv) recent = NULL;
  gpointer weak_page = page;

  g_settings_set_strv (settings, "recent-loas", NULL);
  g_settings_set_strv (settings, "recent-proofs", NULL);
  window = ui_test_window_with (GTK_WIDGET (page), 1280, 800);

  /* The empty state asks for both documents. */
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (page), "Check an LOA against an invoice", UI_TEST_LABEL_MAPPED));

  /* One document waits for the other in its slot. */
  porting_check_page_open (page, loa, NULL);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (page), "acme-exact-loa.pdf", UI_TEST_LABEL_MAPPED));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (porting_check_page_get_check_view (page))));

  /* The other one, picked from the recent documents, starts the check. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "check-page.open-recent-proof", "s", proof_uri));
  g_assert_true (ui_test_wait_for (page_has_result, page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (porting_check_page_get_check_view (page))));
  g_assert_cmpstr (porting_check_view_get_verdict_text (porting_check_page_get_check_view (page)), ==,
                   "Name and address match");

  /* Both are remembered, each with its kind: the LOA menu offers LOAs. */
  recent = g_settings_get_strv (settings, "recent-loas");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, loa_uri);
  g_clear_pointer (&recent, g_strfreev);
  recent = g_settings_get_strv (settings, "recent-proofs");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, proof_uri);

  /* Not a PDF: said so, no page count or zoom, and another file offered. */
  {
    g_autofree char *path = g_build_filename (ui_test_get_home (), "notes.pdf", NULL);
    g_autoptr(GFile) text = g_file_new_for_path (path);
    PortingCheckView *view = porting_check_page_get_check_view (page);
    PortingDocumentView *proof_view = porting_check_view_get_proof_view (view);
    GtkWidget *open_another = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), PORTING_TYPE_CHECK_VIEW,
                                                                         "open_another_button"));
    GtkWidget *status_page;
    GtkWindow *chooser;

    g_assert_true (g_file_set_contents (path, "Account holder: Acme Widgets LLC\n", -1, NULL));
    g_autofree char *text_uri = g_file_get_uri (text);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "check-page.open-recent-proof", "s", text_uri));
    g_assert_true (ui_test_wait_for (proof_failed, view));
    status_page = find_visible_descendant (GTK_WIDGET (proof_view), ADW_TYPE_STATUS_PAGE);
    g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status_page)), "is not a PDF or an image"));
    g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (proof_view),
                                                                                                          PORTING_TYPE_DOCUMENT_VIEW,
                                                                                                          "zoom_button")))));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (proof_view),
                                                                                    PORTING_TYPE_DOCUMENT_VIEW,
                                                                                    "page_label"))));
    g_assert_true (gtk_widget_get_visible (open_another));
    g_signal_emit_by_name (open_another, "clicked");
    ui_test_settle ();
    chooser = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
    g_assert_nonnull (chooser);
    g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Open Invoice or CSR");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    ui_test_settle ();
  }

  /* A new check starts from the empty page again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "check-page.new-check", NULL));
  g_assert_null (porting_check_view_get_result (porting_check_page_get_check_view (page)));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (page), "Check an LOA against an invoice", UI_TEST_LABEL_MAPPED));

  g_object_add_weak_pointer (G_OBJECT (page), &weak_page);
  gtk_window_destroy (window);
  g_assert_true (ui_test_wait_for (ui_test_is_null, &weak_page));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv);

  g_test_add ("/check-view/equivalent", Fixture, NULL, fixture_set_up, test_check_view_equivalent, fixture_tear_down);
  g_test_add ("/check-view/mismatch", Fixture, NULL, fixture_set_up, test_check_view_mismatch, fixture_tear_down);
  g_test_add ("/check-view/unit-mismatch", Fixture, NULL, fixture_set_up, test_check_view_unit_mismatch, fixture_tear_down);
  g_test_add ("/check-view/account-mismatch", Fixture, NULL, fixture_set_up, test_check_view_account_mismatch, fixture_tear_down);
  g_test_add ("/check-view/carrier-mismatch", Fixture, NULL, fixture_set_up, test_check_view_carrier_mismatch, fixture_tear_down);
  g_test_add ("/check-view/broken", Fixture, NULL, fixture_set_up, test_check_view_broken, fixture_tear_down);
  g_test_add ("/check-view/encrypted", Fixture, NULL, fixture_set_up, test_check_view_encrypted, fixture_tear_down);
  g_test_add_func ("/check-page/open", test_check_page);
  g_test_add ("/check-view/zoom", Fixture, NULL, fixture_set_up, test_check_view_zoom, fixture_tear_down);
  g_test_add ("/check-view/photo", Fixture, NULL, fixture_set_up, test_check_view_photo, fixture_tear_down);
  g_test_add ("/check-view/photo-cancelled", Fixture, NULL, fixture_set_up, test_check_view_photo_cancelled, fixture_tear_down);

  status = g_test_run ();
  ui_test_finish ();

  return status;
}
