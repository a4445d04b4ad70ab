/* test-port-in.c — the port-in flow, driven for real under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-port-in"

#include "config.h"

#include <adwaita.h>

#include "intake-test-util.h"
#include "porting-document.h"
#include "porting-port-in-page-private.h"
#include "ui-test-util.h"

typedef UiTestPortIn Fixture;

static void
type_numbers (Fixture    *f,
              const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (f->page->numbers_view), text, -1);
  ui_test_settle ();
}

static gboolean
next_is_sensitive (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_sensitive (GTK_WIDGET (f->page->next_button)) &&
         gtk_widget_get_visible (GTK_WIDGET (f->page->next_button));
}

static void
click_and_wait_for_step (Fixture   *f,
                         GtkButton *button,
                         guint      expected_step)
{
  /* What a pointer click ends with (keyboard activation waits 250 ms). */
  g_signal_emit_by_name (button, "clicked");
  ui_test_port_in_wait_for_step (f, expected_step);
  ui_test_settle ();
  g_assert_cmpuint (porting_port_in_page_get_step (f->page), ==, expected_step);
}

/* A switch turns on at the end of its animation. */
static void
turn_on (GtkSwitch *widget)
{
  gtk_widget_activate (GTK_WIDGET (widget));
  g_assert_true (ui_test_wait_for (ui_test_switch_is_on, widget));
  ui_test_settle ();
}

static void
click_next (Fixture *f,
            guint    expected_step)
{
  g_assert_true (ui_test_wait_for (next_is_sensitive, f));
  click_and_wait_for_step (f, f->page->next_button, expected_step);
}

/* A row of the numbers list whose title is @title, or NULL. */
static AdwActionRow *
find_number_row (Fixture    *f,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->page->numbers_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return ADW_ACTION_ROW (child);
    }

  return NULL;
}

static void
test_numbers (Fixture       *f,
              gconstpointer  data)
{
  AdwActionRow *row;
  const char *subtitle;

  type_numbers (f, "(510) 555-0142, (510) 555-0143, (510) 555-0157\n"
                   "510.555.0142\n"
                   "555-01\n"
                   "+44 20 7946 0958\n");

  g_assert_nonnull (find_number_row (f, "(510) 555-0142"));
  g_assert_nonnull (find_number_row (f, "(510) 555-0143"));
  g_assert_nonnull (find_number_row (f, "(510) 555-0157"));

  /* The duplicate is merged, and said so. */
  g_assert_nonnull (strstr (porting_numbers_editor_get_summary (f->page->numbers_editor),
                            "1 duplicate merged"));

  /* The garbage number shows its reason. */
  row = find_number_row (f, "555-01");
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (row);
  g_assert_nonnull (subtitle);
  g_assert_cmpuint (strlen (subtitle), >, 10);

  /* The UK number: outside US/Canada, with a way to ask about it. */
  row = find_number_row (f, "+44 20 7946 0958");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Outside the United States and Canada"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page->international_group)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (f->page->international_row), "+44 20 7946 0958"));

  g_assert_false (next_is_sensitive (f));
  g_assert_cmpstr (gtk_label_get_text (f->page->missing_label), !=, "");

  /* Only the US numbers: Next. */
  type_numbers (f, "(510) 555-0142, (510) 555-0143, (510) 555-0157");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->page->international_group)));
  g_assert_true (next_is_sensitive (f));
}

static void
fill_numbers_and_before (Fixture *f)
{
  type_numbers (f, "(510) 555-0142, (510) 555-0143, (510) 555-0157");
  click_next (f, PORTING_PORT_IN_STEP_BEFORE);
  gtk_widget_activate (GTK_WIDGET (f->page->all_numbers_yes_check));
  gtk_widget_activate (GTK_WIDGET (f->page->contract_check));
  ui_test_settle ();
  click_next (f, PORTING_PORT_IN_STEP_LOA);
}

static void
test_contract_required (Fixture       *f,
                        gconstpointer  data)
{
  type_numbers (f, "(510) 555-0142, (510) 555-0143, (510) 555-0157");
  click_next (f, PORTING_PORT_IN_STEP_BEFORE);

  g_assert_false (next_is_sensitive (f));
  gtk_widget_activate (GTK_WIDGET (f->page->all_numbers_yes_check));
  ui_test_settle ();
  g_assert_false (next_is_sensitive (f));
  g_assert_nonnull (strstr (gtk_label_get_text (f->page->missing_label), "contract"));

  gtk_widget_activate (GTK_WIDGET (f->page->contract_check));
  ui_test_settle ();
  g_assert_true (gtk_check_button_get_active (f->page->contract_check));
  g_assert_true (next_is_sensitive (f));

  /* A partial port whose BTN leaves asks for a new one. */
  gtk_widget_activate (GTK_WIDGET (f->page->all_numbers_no_check));
  ui_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page->partial_group)));
  gtk_editable_set_text (GTK_EDITABLE (f->page->current_btn_row), "510-555-0142");
  ui_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page->new_btn_row)));
  g_assert_false (next_is_sensitive (f));
  gtk_editable_set_text (GTK_EDITABLE (f->page->new_btn_row), "510 555 0199");
  ui_test_settle ();
  g_assert_true (next_is_sensitive (f));
}

static void
reach_check (Fixture    *f,
             const char *proof)
{
  g_autoptr(GFile) loa = ui_test_fixture_file ("acme-equivalent-loa.pdf");
  g_autoptr(GFile) proof_file = ui_test_fixture_file (proof);

  gtk_widget_activate (GTK_WIDGET (f->page->loa_import_check));
  ui_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page->loa_import_group)));
  g_assert_false (next_is_sensitive (f));
  _porting_port_in_page_set_loa_file (f->page, loa);
  click_next (f, PORTING_PORT_IN_STEP_PROOF);

  g_assert_false (next_is_sensitive (f));
  _porting_port_in_page_set_proof_file (f->page, proof_file);
  click_next (f, PORTING_PORT_IN_STEP_CHECK);

  g_assert_true (ui_test_wait_for (ui_test_port_in_check_finished, f->page));
  g_assert_null (f->page->check_error);
}

/* Whether a label under @widget shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;

  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static GtkWidget *
field_row (Fixture      *f,
           PortingField  field)
{
  GtkWidget *row = porting_check_view_get_field_row (f->page->check_view, field);

  g_assert_nonnull (row);
  return row;
}

static void
test_check_statuses (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) mismatch = ui_test_fixture_file ("acme-mismatch-invoice.pdf");
  const char *title;

  fill_numbers_and_before (f);
  reach_check (f, "acme-equivalent-invoice.pdf");

  g_assert_true (shows_text (field_row (f, PORTING_FIELD_NAME), "Equivalent"));
  g_assert_true (shows_text (field_row (f, PORTING_FIELD_ADDRESS), "Equivalent"));
  g_assert_cmpstr (gtk_label_get_label (f->page->check_title_label),
                   ==, "The name and the address match");
  g_assert_true (next_is_sensitive (f));

  /* Back to the proof: a mismatching invoice. */
  click_and_wait_for_step (f, f->page->back_button, PORTING_PORT_IN_STEP_PROOF);
  _porting_port_in_page_set_proof_file (f->page, mismatch);
  click_next (f, PORTING_PORT_IN_STEP_CHECK);
  g_assert_true (ui_test_wait_for (ui_test_port_in_check_finished, f->page));

  g_assert_true (shows_text (field_row (f, PORTING_FIELD_NAME), "Mismatch") ||
                 shows_text (field_row (f, PORTING_FIELD_NAME), "Not found"));
  g_assert_true (shows_text (field_row (f, PORTING_FIELD_ADDRESS), "Mismatch") ||
                 shows_text (field_row (f, PORTING_FIELD_ADDRESS), "Not found"));
  title = gtk_label_get_label (f->page->check_title_label);
  g_assert_nonnull (strstr (title, "differ"));
  g_assert_nonnull (strstr (gtk_label_get_label (f->page->check_subtitle_label), "continue anyway"));

  /* A mismatch warns but does not block. */
  g_assert_true (next_is_sensitive (f));
  click_next (f, PORTING_PORT_IN_STEP_DETAILS);
}

static char *
read_draft (void)
{
  g_autofree char *path = ui_test_draft_path ("port-in");
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return contents;
}

static AdwMessageDialog *find_message_dialog  (void);
static gboolean          message_dialog_shown (gpointer data);

static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *contents = NULL;

  fill_numbers_and_before (f);
  gtk_editable_set_text (GTK_EDITABLE (f->page->customer_name_row), "Acme Widgets LLC");
  gtk_editable_set_text (GTK_EDITABLE (f->page->street_row), "1200 Harbor Boulevard");
  adw_combo_row_set_selected (f->page->region_row, 5);  /* CA — California */
  porting_port_in_page_set_step (f->page, PORTING_PORT_IN_STEP_DETAILS);
  gtk_switch_set_active (f->page->sms_switch, TRUE);
  gtk_switch_set_active (f->page->wireless_switch, TRUE);
  ui_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page->wireless_group)));
  gtk_editable_set_text (GTK_EDITABLE (f->page->wireless_account_row), "99-1234-77");
  gtk_editable_set_text (GTK_EDITABLE (f->page->wireless_pin_row), "739164");
  ui_test_settle ();

  /* Closing the window writes what is pending. */
  ui_test_port_in_close (f);

  contents = read_draft ();
  g_assert_nonnull (contents);
  g_assert_nonnull (strstr (contents, "Acme Widgets LLC"));
  g_assert_nonnull (strstr (contents, "99-1234-77"));
  g_assert_null (strstr (contents, "739164"));

  ui_test_port_in_open (f);
  {
    g_autofree char *numbers = NULL;
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->page->numbers_view);
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    numbers = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (numbers, ==, "(510) 555-0142, (510) 555-0143, (510) 555-0157");
  }
  g_assert_true (gtk_check_button_get_active (f->page->contract_check));
  g_assert_true (gtk_check_button_get_active (f->page->all_numbers_yes_check));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->customer_name_row)), ==, "Acme Widgets LLC");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->street_row)), ==, "1200 Harbor Boulevard");
  g_assert_cmpuint (adw_combo_row_get_selected (f->page->region_row), ==, 5);
  g_assert_true (gtk_switch_get_active (f->page->sms_switch));
  g_assert_true (gtk_switch_get_active (f->page->wireless_switch));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->wireless_account_row)), ==, "99-1234-77");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->wireless_pin_row)), ==, "");
  /* The LOA step is not complete: the page comes back there, not further. */
  g_assert_cmpuint (porting_port_in_page_get_step (f->page), ==, PORTING_PORT_IN_STEP_LOA);

  /* Said so, with a way to start over from nothing (asked first). */
  {
    GtkLabel *label = ui_test_find_label (GTK_WIDGET (f->page), "Draft restored", UI_TEST_LABEL_VISIBLE);
    GtkLabel *discard = ui_test_find_label (GTK_WIDGET (f->page), "Discard", UI_TEST_LABEL_VISIBLE);
    AdwMessageDialog *dialog;

    g_assert_nonnull (label);
    g_assert_nonnull (discard);
    ui_test_save_screenshot (GTK_WIDGET (f->window), "draft-restored");
    g_signal_emit_by_name (gtk_widget_get_ancestor (GTK_WIDGET (discard), GTK_TYPE_BUTTON), "clicked");
    g_assert_true (ui_test_wait_for (message_dialog_shown, NULL));
    dialog = find_message_dialog ();
    adw_message_dialog_response (dialog, "discard");
    ui_test_settle ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->customer_name_row)), ==, "");
    g_assert_cmpuint (porting_port_in_page_get_step (f->page), ==, PORTING_PORT_IN_STEP_NUMBERS);
  }
}

static void
fill_loa_form (Fixture *f)
{
  gtk_editable_set_text (GTK_EDITABLE (f->page->customer_name_row), "Acme Widgets LLC");
  gtk_editable_set_text (GTK_EDITABLE (f->page->authorized_person_row), "Dana Whitfield");
  gtk_editable_set_text (GTK_EDITABLE (f->page->street_row), "1200 Harbor Boulevard");
  gtk_editable_set_text (GTK_EDITABLE (f->page->unit_row), "Suite 400");
  gtk_editable_set_text (GTK_EDITABLE (f->page->city_row), "Oakland");
  adw_combo_row_set_selected (f->page->region_row, 5);  /* CA — California */
  gtk_editable_set_text (GTK_EDITABLE (f->page->carrier_row), "NorthStar Telecom");
  gtk_editable_set_text (GTK_EDITABLE (f->page->account_number_row), "8841-22017-5");
  gtk_editable_set_text (GTK_EDITABLE (f->page->btn_row), "510-555-0142");

  /* A Canadian postal code for a US state is refused, under the field. */
  gtk_editable_set_text (GTK_EDITABLE (f->page->postal_code_row), "K1A 0B1");
  ui_test_settle ();
  g_assert_nonnull (_porting_port_in_page_get_message (f->page, GTK_WIDGET (f->page->postal_code_row)));
  gtk_editable_set_text (GTK_EDITABLE (f->page->postal_code_row), "94607");
  ui_test_settle ();
  g_assert_null (_porting_port_in_page_get_message (f->page, GTK_WIDGET (f->page->postal_code_row)));

  /* Not signed yet. */
  g_assert_false (next_is_sensitive (f));
  turn_on (f->page->typed_signature_switch);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page->typed_signature_row)));
  gtk_editable_set_text (GTK_EDITABLE (f->page->typed_signature_row), "Dana Whitfield");
  ui_test_settle ();
}

static void
test_loa_written (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PortingDocument) document = NULL;
  g_autoptr(PortingPageText) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fill_numbers_and_before (f);
  fill_loa_form (f);

  click_next (f, PORTING_PORT_IN_STEP_PROOF);
  g_assert_nonnull (porting_port_in_form_get_loa (f->page->form));

  path = g_file_get_path (porting_port_in_form_get_loa (f->page->form));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));

  document = porting_document_load (porting_port_in_form_get_loa (f->page->form), NULL, NULL, &error);
  g_assert_no_error (error);
  text = porting_document_get_page_text (document, 0, PORTING_PAGE_TEXT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text->text, "Customer Name: Acme Widgets LLC"));
  g_assert_nonnull (strstr (text->text, "City, State/Province, ZIP/Postal Code: Oakland, CA 94607"));
  g_assert_nonnull (strstr (text->text, "(510) 555-0157"));
}

/* The LOA filled in here, the bill written otherwise: "Use the bill's
 * spelling" puts the bill's text in the LOA, which is signed and written
 * again, and then matches. An imported LOA is never offered it. */
static void
test_use_bill_spelling (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) proof = ui_test_fixture_file ("acme-equivalent-invoice.pdf");
  g_autoptr(GFile) first_loa = NULL;

  fill_numbers_and_before (f);
  fill_loa_form (f);
  click_next (f, PORTING_PORT_IN_STEP_PROOF);
  first_loa = g_object_ref (porting_port_in_form_get_loa (f->page->form));
  _porting_port_in_page_set_proof_file (f->page, proof);
  click_next (f, PORTING_PORT_IN_STEP_CHECK);
  g_assert_true (ui_test_wait_for (ui_test_port_in_check_finished, f->page));

  /* "1200 HARBOR BLVD STE 400" on the bill, "1200 Harbor Boulevard, Suite 400" on the LOA. */
  g_assert_true (gtk_widget_get_visible (f->page->spelling_button));
  ui_test_save_screenshot (GTK_WIDGET (f->window), "bill-spelling-offered");
  /* At 1000×760 the documents keep the most room: the summary and the
   * offer are one row, the fields compared scroll in under a third of the
   * check (the proof's view: 362 px here, 240 when they took three rows
   * and the check said its verdict again). */
  {
    GtkWidget *proof_view = GTK_WIDGET (porting_check_view_get_proof_view (f->page->check_view));

    graphene_rect_t bounds;

    ui_test_wait_for_frames (GTK_WIDGET (f->window));
    g_assert_true (gtk_widget_compute_bounds (proof_view, GTK_WIDGET (f->window), &bounds));
    g_test_message ("proof view %d px high in a %d px window, %g-%g", gtk_widget_get_height (proof_view),
                    gtk_widget_get_height (GTK_WIDGET (f->window)), bounds.origin.y, bounds.origin.y + bounds.size.height);
    g_assert_cmpint (gtk_widget_get_height (proof_view), >=, gtk_widget_get_height (GTK_WIDGET (f->window)) * 45 / 100);
  }
  g_signal_emit_by_name (f->page->spelling_button, "clicked");
  ui_test_settle ();

  /* Back on the LOA, with the bill's words, to sign again. */
  g_assert_true (ui_test_port_in_wait_for_step (f, PORTING_PORT_IN_STEP_LOA));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->street_row)), ==, "1200 HARBOR BLVD");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->unit_row)), ==, "STE 400");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->city_row)), ==, "OAKLAND");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->postal_code_row)), ==, "94607-3311");
  /* The same name in capitals is no other spelling. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->customer_name_row)), ==, "Acme Widgets LLC");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->typed_signature_row)), ==, "");
  g_assert_false (porting_port_in_form_is_signed (f->page->form));
  g_assert_null (porting_port_in_form_get_loa (f->page->form));
  g_assert_false (next_is_sensitive (f));
  ui_test_save_screenshot (GTK_WIDGET (f->window), "bill-spelling-sign-again");

  /* Signed again: a new LOA, checked again, the same as the bill. */
  gtk_editable_set_text (GTK_EDITABLE (f->page->typed_signature_row), "Dana Whitfield");
  ui_test_settle ();
  click_next (f, PORTING_PORT_IN_STEP_PROOF);
  g_assert_nonnull (porting_port_in_form_get_loa (f->page->form));
  g_assert_false (g_file_equal (porting_port_in_form_get_loa (f->page->form), first_loa));
  click_next (f, PORTING_PORT_IN_STEP_CHECK);
  g_assert_true (ui_test_wait_for (ui_test_port_in_check_finished, f->page));
  g_assert_cmpint (porting_check_result_get_verdict (porting_port_in_form_get_check_result (f->page->form)), ==,
                   PORTING_CHECK_VERDICT_MATCH);
  g_assert_false (gtk_widget_get_visible (f->page->spelling_button));
  ui_test_save_screenshot (GTK_WIDGET (f->window), "bill-spelling-matched");
}

/* An LOA the customer imported is their document: not written again. */
static void
test_imported_loa_keeps_spelling (Fixture       *f,
                                  gconstpointer  data)
{
  fill_numbers_and_before (f);
  reach_check (f, "acme-mismatch-invoice.pdf");
  g_assert_false (gtk_widget_get_visible (f->page->spelling_button));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
draft_file_gone (gpointer data)
{
  g_autofree char *path = ui_test_draft_path ("port-in");

  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_discard_draft (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;

  type_numbers (f, "(510) 555-0142");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "port-in.discard-draft", NULL);
  g_assert_true (ui_test_wait_for (message_dialog_shown, NULL));

  /* Cancel keeps everything. */
  adw_message_dialog_response (find_message_dialog (), "cancel");
  ui_test_settle ();
  g_assert_true (porting_form_get_numbers (PORTING_FORM (f->page->form))->len == 1);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "port-in.discard-draft", NULL);
  g_assert_true (ui_test_wait_for (message_dialog_shown, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_settle ();

  g_assert_cmpuint (porting_form_get_numbers (PORTING_FORM (f->page->form))->len, ==, 0);
  g_assert_cmpuint (porting_port_in_page_get_step (f->page), ==, PORTING_PORT_IN_STEP_NUMBERS);
  g_assert_true (ui_test_wait_for (draft_file_gone, NULL));

  /* A new page starts empty. */
  ui_test_port_in_close (f);
  ui_test_port_in_open (f);
  g_assert_cmpuint (porting_form_get_numbers (PORTING_FORM (f->page->form))->len, ==, 0);
}

/* Every step filled in with the fixtures, up to Review. */
static void
fill_to_review (Fixture *f)
{
  g_autoptr(GFile) proof = ui_test_fixture_file ("acme-exact-invoice.pdf");

  fill_numbers_and_before (f);
  fill_loa_form (f);
  click_next (f, PORTING_PORT_IN_STEP_PROOF);
  _porting_port_in_page_set_proof_file (f->page, proof);
  click_next (f, PORTING_PORT_IN_STEP_CHECK);
  g_assert_true (ui_test_wait_for (ui_test_port_in_check_finished, f->page));
  click_next (f, PORTING_PORT_IN_STEP_DETAILS);

  turn_on (f->page->wireless_switch);
  gtk_editable_set_text (GTK_EDITABLE (f->page->wireless_account_row), "99-1234-77");
  ui_test_settle ();
  g_assert_false (next_is_sensitive (f));
  gtk_editable_set_text (GTK_EDITABLE (f->page->wireless_pin_row), "739164");
  click_next (f, PORTING_PORT_IN_STEP_REVIEW);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page->submit_button)));
  g_assert_cmpuint (f->page->review_groups->len, ==, 6);
}

static void
wait_for_draft_written (Fixture *f)
{
  while (porting_draft_store_is_dirty (porting_port_in_page_get_draft_store (f->page)))
    g_main_context_iteration (NULL, TRUE);
}

/* Without an intake service, the request is kept on disk. */
static void
test_submit_saved (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *draft = ui_test_draft_path ("port-in");

  fill_to_review (f);
  g_signal_emit_by_name (f->page->submit_button, "clicked");
  g_assert_true (ui_test_wait_for (ui_test_port_in_request_saved, f->page));
  ui_test_settle ();

  path = g_file_get_path (f->page->last_request);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"kind\" : \"port-in\""));
  g_assert_nonnull (strstr (contents, "+15105550157"));
  g_assert_nonnull (strstr (contents, "\"customer_name\" : \"Acme Widgets LLC\""));
  g_assert_nonnull (strstr (contents, "99-1234-77"));
  g_assert_null (strstr (contents, "739164"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "done");

  /* The draft went with the submission. */
  wait_for_draft_written (f);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
}

static gboolean
session_has_token (gpointer data)
{
  return porting_intake_session_get_has_token (data);
}

/* With an intake service set up, Submit on the Review step sends the
 * request through the submit dialog: its receipt names what the service
 * stored, and the page says it was sent. */
static void
test_submit_to_intake (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *intake_dir = g_build_filename (ui_test_get_home (), "intake", NULL);
  g_autofree char *draft = ui_test_draft_path ("port-in");
  g_autofree char *token = NULL;
  g_autoptr(PortingApplication) app = NULL;
  g_autoptr(JsonArray) requests = NULL;
  g_autoptr(JsonObject) stored = NULL;
  const char * const numbers[] = { "+15105550142", "+15105550143", "+15105550157" };
  TestService *service;
  JsonArray *stored_numbers;
  JsonArray *documents;
  JsonObject *loa;

  g_assert_cmpint (g_mkdir_with_parents (intake_dir, 0700), ==, 0);
  service = test_service_start (intake_dir);
  token = test_intake_token (intake_dir, "customer", "Acme Widgets LLC");
  ui_test_use_intake (service->url, token);

  /* The page sends through the application's session, the dialog opens
   * over the page's window: both need the application. */
  app = ui_test_application_new ();
  g_assert_true (g_application_get_default () == G_APPLICATION (app));
  g_assert_true (ui_test_wait_for (session_has_token, porting_application_get_intake_session (app)));
  gtk_window_set_application (f->window, GTK_APPLICATION (app));

  fill_to_review (f);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->page->submit_button)));
  g_signal_emit_by_name (f->page->submit_button, "clicked");
  ui_test_expect_dialog_closed ();
  stored = ui_test_find_stored (service->url, token, "port-in");
  g_assert_nonnull (stored);

  /* Sent, not kept on disk; one receipt, the page's, with the reference
   * (not the UUID), the draft is gone. */
  g_assert_null (f->page->last_request);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "done");
  g_assert_cmpstr (gtk_label_get_text (f->page->step_title_label), ==, "Request Sent");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (stored, "reference"), "PRT-"));
  g_assert_nonnull (strstr (adw_status_page_get_description (f->page->done_status),
                            json_object_get_string_member (stored, "reference")));
  g_assert_null (strstr (adw_status_page_get_description (f->page->done_status),
                         json_object_get_string_member (stored, "id")));
  g_assert_true (gtk_widget_get_visible (f->page->show_request_button));
  ui_test_save_screenshot (GTK_WIDGET (f->window), "receipt-port-in");
  wait_for_draft_written (f);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));

  /* The service holds that one request, with the numbers entered. */
  requests = ui_test_stored_requests (service->url, token);
  g_assert_cmpuint (json_array_get_length (requests), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (stored, "status"), ==, "submitted");
  stored_numbers = json_object_get_array_member (stored, "numbers");
  g_assert_cmpuint (json_array_get_length (stored_numbers), ==, G_N_ELEMENTS (numbers));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_assert_cmpstr (json_array_get_string_element (stored_numbers, i), ==, numbers[i]);
  /* With both documents: the LOA written at the LOA step, the invoice. */
  documents = json_object_get_array_member (stored, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 0), "name"), ==, "loa");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 1), "name"), ==, "proof");
  loa = json_object_get_object_member (stored, "loa");
  g_assert_cmpstr (json_object_get_string_member (loa, "customer_name"), ==, "Acme Widgets LLC");
  g_assert_cmpstr (json_object_get_string_member (loa, "account_number"), ==, "8841-22017-5");

  /* A registered application outlives our reference (GTK keeps one): the
   * other tests run without an application, their requests kept on disk. */
  ui_test_port_in_close (f);
  g_application_set_default (NULL);
  test_service_free (service);
  ui_test_use_intake (NULL, UI_TEST_TOKEN);
}

/* "Correct and send again" on a rejected request reopens the flow with its
 * answers, and the new request names the old one. */
static void
test_correct_request (Fixture       *f,
                      gconstpointer  data)
{
  static const char rejected[] =
    "{\"kind\": \"port-in\", \"numbers\": [\"+15105550142\", \"+15105550143\"],"
    " \"contract_acknowledged\": true, \"sms\": true, \"previous_request_id\": \"req-41\","
    " \"loa\": {\"customer_name\": \"Acme Widget Co\", \"authorized_person\": \"Dana Whitfield\","
    "  \"service_address\": {\"street\": \"1220 Harbor Boulevard\", \"unit\": \"Suite 400\","
    "   \"city\": \"Oakland\", \"region\": \"CA\", \"postal_code\": \"94607\", \"country\": \"US\"},"
    "  \"carrier\": \"NorthStar Telecom\", \"account_number\": \"8841-22017-5\", \"btn\": \"+15105550142\"}}";
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  request = porting_request_new_from_json (rejected, -1, NULL, &error);
  g_assert_no_error (error);

  porting_port_in_page_correct_request (f->page, request);
  ui_test_settle ();

  g_assert_cmpuint (porting_form_get_numbers (PORTING_FORM (f->page->form))->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->customer_name_row)), ==, "Acme Widget Co");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->street_row)), ==, "1220 Harbor Boulevard");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->postal_code_row)), ==, "94607");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page->account_number_row)), ==, "8841-22017-5");
  g_assert_true (gtk_switch_get_active (f->page->sms_switch));
  g_assert_false (gtk_check_button_get_active (f->page->loa_import_check));
  g_assert_cmpstr (porting_port_in_form_get_previous_request_id (f->page->form), ==, "req-41");
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char       *path;
    UiTestPortInFunc  test;
  } tests[] = {
    { "/port-in/numbers", test_numbers },
    { "/port-in/contract-required", test_contract_required },
    { "/port-in/check-statuses", test_check_statuses },
    { "/port-in/drafts", test_drafts },
    { "/port-in/loa-written", test_loa_written },
    { "/port-in/use-bill-spelling", test_use_bill_spelling },
    { "/port-in/imported-loa-keeps-spelling", test_imported_loa_keeps_spelling },
    { "/port-in/discard-draft", test_discard_draft },
    { "/port-in/submit", test_submit_saved },
    { "/port-in/correct-request", test_correct_request },
    /* Last: the application it makes stays registered. */
    { "/port-in/submit-to-intake", test_submit_to_intake },
  };
  int status;

  test_intake_init ();
  ui_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    ui_test_add_port_in (tests[i].path, tests[i].test);

  status = g_test_run ();
  ui_test_finish ();

  return status;
}
