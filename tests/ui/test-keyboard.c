/* test-keyboard.c — the port-in flow and the shortcuts, with the keyboard alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4 has no public way to put key events into a window, so the test does
 * what each key is bound to, on the widget that has the focus:
 *   Tab, Shift+Tab  the window's "move-focus" keybinding signal, which is
 *                   what GtkWindow binds them to;
 *   Enter, Space    gtk_widget_activate () on the focused widget (the
 *                   "activate" keybinding of buttons, rows, check buttons
 *                   and switches);
 *   typing          gtk_editable_set_text () on the focused editable,
 *                   gtk_text_buffer_insert_at_cursor () in a focused text view;
 *   other keys      the key controllers and shortcuts (keybindings, managed
 *                   shortcuts, application accelerators) on the way from the
 *                   focused widget up to the window, as GTK delivers a key
 *                   press: arrows and Space in the calendar and the lists,
 *                   Ctrl+O, F9, Alt+Left, Ctrl+comma.
 * The page's insides are only used to assert where the focus is and what a
 * step holds; only the file chooser (a native dialog, outside the
 * application) is bypassed, through the page's private API.
 */
#define G_LOG_DOMAIN "test-keyboard"

#include "config.h"

#include <adwaita.h>

#include "porting-application.h"
#include "porting-port-in-page-private.h"
#include "porting-preferences-window.h"
#include "porting-window.h"
#include "ui-test-util.h"

#define MAX_TABS 80

typedef UiTestPortIn Fixture;

/* ---- Keys -------------------------------------------------------------- */

static GtkWidget *
focus_widget (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
focus_is_in (Fixture   *f,
             gpointer   target)
{
  GtkWidget *focus = focus_widget (f);

  return focus != NULL &&
         (focus == target || gtk_widget_is_ancestor (focus, GTK_WIDGET (target)));
}

static void
press_tab (Fixture          *f,
           GtkDirectionType  direction)
{
  /* What GtkWindow binds Tab and Shift+Tab to. */
  g_signal_emit_by_name (f->window, "move-focus", direction);
  ui_test_settle ();
}

/* Every widget the focus must be able to land on is on screen: in the step
 * shown, in the action bar or in the page header. */
static void
assert_focus_on_screen (Fixture *f)
{
  GtkWidget *focus = focus_widget (f);

  if (focus == NULL)
    return;

  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (f->page)));
  g_assert_true (gtk_widget_is_drawable (focus));
  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (f->page->stack)))
    g_assert_true (gtk_widget_is_ancestor (focus, gtk_stack_get_visible_child (f->page->stack)));
}

/* Presses Tab until the focus is on or in @target; returns the presses, and
 * adds every widget passed to @passed when given. */
static guint
tab_to_full (Fixture          *f,
             gpointer          target,
             GtkDirectionType  direction,
             GPtrArray        *passed)
{
  for (guint presses = 1; presses <= MAX_TABS; presses++)
    {
      press_tab (f, direction);
      assert_focus_on_screen (f);
      if (passed != NULL && focus_widget (f) != NULL)
        g_ptr_array_add (passed, focus_widget (f));
      if (focus_is_in (f, target))
        return presses;
    }

  g_test_message ("Tab never reached a %s", G_OBJECT_TYPE_NAME (target));
  g_assert_not_reached ();
}

static guint
tab_to (Fixture  *f,
        gpointer  target)
{
  return tab_to_full (f, target, GTK_DIR_TAB_FORWARD, NULL);
}

static void
on_clicked (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Enter or Space on the focused widget. A button shows itself pressed for
 * a moment before it is clicked, as it does for the keys. */
static void
press_activate (Fixture *f)
{
  GtkWidget *focus = focus_widget (f);
  gboolean clicked = FALSE;
  gulong handler = 0;

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_sensitive (focus));
  if (GTK_IS_BUTTON (focus))
    handler = g_signal_connect (focus, "clicked", G_CALLBACK (on_clicked), &clicked);
  g_assert_true (gtk_widget_activate (focus));
  if (handler != 0)
    {
      g_object_ref (focus);
      g_assert_true (ui_test_wait_for (flag_is_set, &clicked));
      g_signal_handler_disconnect (focus, handler);
      g_object_unref (focus);
    }
  ui_test_settle ();
  ui_test_wait_for_frames (GTK_WIDGET (f->window));
}

/* Typing into the focused entry, or at the cursor of the focused text view. */
static void
type_text (Fixture    *f,
           const char *text)
{
  GtkWidget *focus = focus_widget (f);

  g_assert_nonnull (focus);
  if (GTK_IS_TEXT_VIEW (focus))
    gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), text, -1);
  else
    {
      g_assert_true (GTK_IS_EDITABLE (focus));
      gtk_editable_set_text (GTK_EDITABLE (focus), text);
    }
  ui_test_settle ();
  ui_test_wait_for_frames (GTK_WIDGET (f->window));
}

static void
press_key (Fixture *f,
           guint    keyval)
{
  g_assert_true (ui_test_send_key (f->window, keyval, 0));
}

/* ---- The page ---------------------------------------------------------- */

static gboolean
has_port_date (Fixture *f)
{
  GDate date;

  return porting_port_in_form_get_preferred_date (f->page->form, &date);
}

static gboolean
popover_is_closed (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* Tab from where the focus is to Next, and Enter on it. Next comes after
 * the fields of the step, in few presses. */
static void
tab_to_next_and_press (Fixture *f,
                       guint    expected_step)
{
  guint presses;

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (f->page->next_button)));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->page->next_button)));
  presses = tab_to (f, f->page->next_button);
  g_assert_cmpuint (presses, <=, 12);
  press_activate (f);
  g_assert_true (ui_test_port_in_wait_for_step (f, expected_step));
  ui_test_settle ();
  ui_test_wait_for_frames (GTK_WIDGET (f->window));
}

/* After Next, the focus is at the start of the new step: not lost with a
 * Next button that turned insensitive, nor left in a step that was left. */
static void
assert_focus_after_step_change (Fixture *f)
{
  GtkWidget *focus = focus_widget (f);

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, gtk_stack_get_visible_child (f->page->stack)));
}

/* The order of @widgets in @passed, first landing each. */
static void
assert_order (GPtrArray  *passed,
              GtkWidget **widgets,
              guint       n_widgets)
{
  int last = -1;

  for (guint i = 0; i < n_widgets; i++)
    {
      int index = -1;

      for (guint j = 0; j < passed->len && index < 0; j++)
        {
          GtkWidget *focus = g_ptr_array_index (passed, j);

          if (focus == widgets[i] || gtk_widget_is_ancestor (focus, widgets[i]))
            index = j;
        }

      if (index < 0)
        g_error ("Tab never landed on a %s (#%u)", G_OBJECT_TYPE_NAME (widgets[i]), i);
      g_assert_cmpint (index, >, last);
      last = index;
    }
}

static void
test_port_in_with_keyboard (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) loa = ui_test_fixture_file ("acme-equivalent-loa.pdf");
  g_autoptr(GFile) proof = ui_test_fixture_file ("acme-exact-invoice.pdf");
  g_autoptr(GPtrArray) passed = g_ptr_array_new ();
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;

  /* 1. Numbers: the box is reached by Tab, then typed into. */
  g_assert_cmpuint (porting_port_in_page_get_step (f->page), ==, PORTING_PORT_IN_STEP_NUMBERS);
  g_assert_cmpuint (tab_to (f, f->page->numbers_view), <=, 3);
  type_text (f, "(510) 555-0142\n(510) 555-0143\n(510) 555-0157");
  g_assert_cmpuint (porting_form_get_numbers (PORTING_FORM (f->page->form))->len, ==, 3);
  /* Tab leaves the box (it does not type a tab) and goes on to Next; the
   * numbers found under it are read with the box, not Tab stops. */
  tab_to_full (f, f->page->next_button, GTK_DIR_TAB_FORWARD, passed);
  g_assert_false (focus_is_in (f, f->page->numbers_view));
  for (guint i = 0; i < passed->len; i++)
    g_assert_false (gtk_widget_is_ancestor (g_ptr_array_index (passed, i), GTK_WIDGET (f->page->numbers_list)));
  /* Shift+Tab comes back the same way. */
  tab_to_full (f, f->page->numbers_view, GTK_DIR_TAB_BACKWARD, NULL);
  tab_to_next_and_press (f, PORTING_PORT_IN_STEP_BEFORE);
  assert_focus_after_step_change (f);

  /* 2. Before you port: the contract check box, then "all of them". */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (f->page->next_button)));
  tab_to (f, f->page->contract_check);
  g_assert_false (gtk_check_button_get_active (f->page->contract_check));
  press_activate (f);
  g_assert_true (gtk_check_button_get_active (f->page->contract_check));
  tab_to (f, gtk_widget_get_ancestor (GTK_WIDGET (f->page->all_numbers_yes_check), ADW_TYPE_ACTION_ROW));
  press_activate (f);
  g_assert_true (gtk_check_button_get_active (f->page->all_numbers_yes_check));
  tab_to_next_and_press (f, PORTING_PORT_IN_STEP_LOA);
  assert_focus_after_step_change (f);

  /* 3. The LOA: the "import" option, then its Open button. The options are
   * radio buttons, one Tab stop: Tab goes to the chosen one only, arrows
   * move and choose. */
  tab_to (f, f->page->loa_fill_check);
  press_key (f, GDK_KEY_Down);
  g_assert_true (focus_is_in (f, f->page->loa_import_check));
  g_assert_true (gtk_check_button_get_active (f->page->loa_import_check));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page->loa_import_group)));
  tab_to (f, f->page->loa_drop_zone);
  g_assert_true (GTK_IS_BUTTON (focus_widget (f)));
  /* Enter here opens the native file chooser, outside the application:
   * the file it would return is given through the page's private API. */
  _porting_port_in_page_set_loa_file (f->page, loa);
  ui_test_settle ();
  /* The chosen file can be removed with the keyboard too. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page->loa_file_row)));
  tab_to_next_and_press (f, PORTING_PORT_IN_STEP_PROOF);
  assert_focus_after_step_change (f);

  /* 4. Proof: the kind of document, a focusable row, comes first, then Open. */
  g_assert_true (focus_is_in (f, f->page->proof_kind_row));
  g_assert_cmpuint (tab_to (f, f->page->proof_drop_zone), ==, 1);
  g_assert_true (GTK_IS_BUTTON (focus_widget (f)));
  /* The native file chooser again. */
  _porting_port_in_page_set_proof_file (f->page, proof);
  ui_test_settle ();
  tab_to_next_and_press (f, PORTING_PORT_IN_STEP_CHECK);

  /* 5. The check: its results are reached by Tab before Next. */
  g_assert_true (ui_test_wait_for (ui_test_port_in_check_finished, f->page));
  g_assert_null (f->page->check_error);
  ui_test_settle ();
  g_ptr_array_set_size (passed, 0);
  tab_to_full (f, f->page->next_button, GTK_DIR_TAB_FORWARD, passed);
  {
    GtkWidget *order[] = { GTK_WIDGET (f->page->check_view), GTK_WIDGET (f->page->next_button) };
    assert_order (passed, order, G_N_ELEMENTS (order));
  }
  press_activate (f);
  g_assert_true (ui_test_port_in_wait_for_step (f, PORTING_PORT_IN_STEP_DETAILS));
  ui_test_settle ();
  assert_focus_after_step_change (f);

  /* 6. Details: SMS on with its switch (its row's one stop, and the
   * step's first control, where Next left the focus), a date from the
   * calendar by keys. */
  g_ptr_array_set_size (passed, 0);
  g_assert_true (focus_is_in (f, f->page->sms_switch));
  g_assert_false (gtk_switch_get_active (f->page->sms_switch));
  press_activate (f);
  g_assert_true (ui_test_wait_for (ui_test_switch_is_on, f->page->sms_switch));
  ui_test_settle ();

  tab_to_full (f, f->page->date_button, GTK_DIR_TAB_FORWARD, passed);
  {
    GtkWidget *order[] = { GTK_WIDGET (f->page->wireless_switch), GTK_WIDGET (f->page->date_button) };
    assert_order (passed, order, G_N_ELEMENTS (order));
  }
  press_activate (f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page->date_popover)));
  /* The popover takes the focus to the calendar, which reads the keys. */
  for (guint i = 0; i < 8 && focus_widget (f) != GTK_WIDGET (f->page->calendar); i++)
    press_tab (f, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_widget (f) == GTK_WIDGET (f->page->calendar));
  g_assert_false (has_port_date (f));
  /* GTK 4.8's calendar starts the keyboard focus at its first cell: arrows
   * move it, Space chooses. Days too soon, weekends and holidays are
   * refused under the row, and the popover stays up: go on to the right. */
  for (guint i = 0; i < 70 && gtk_widget_get_visible (GTK_WIDGET (f->page->date_popover)); i++)
    {
      press_key (f, GDK_KEY_Right);
      press_key (f, GDK_KEY_space);
    }
  g_assert_true (has_port_date (f));
  g_assert_true (ui_test_wait_for (popover_is_closed, f->page->date_popover));
  g_assert_null (_porting_port_in_page_get_message (f->page, GTK_WIDGET (f->page->date_row)));
  /* The focus comes back to the date button, not to nowhere. */
  g_assert_true (focus_is_in (f, f->page->date_button));
  tab_to_next_and_press (f, PORTING_PORT_IN_STEP_REVIEW);

  /* 7. Review, and Submit. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page->submit_button)));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->page->submit_button)));
  g_ptr_array_set_size (passed, 0);
  tab_to_full (f, f->page->submit_button, GTK_DIR_TAB_FORWARD, passed);
  {
    GtkWidget *order[] = { GTK_WIDGET (f->page->back_button), GTK_WIDGET (f->page->submit_button) };
    assert_order (passed, order, G_N_ELEMENTS (order));
  }
  press_activate (f);
  g_assert_true (ui_test_wait_for (ui_test_port_in_request_saved, f->page));
  ui_test_settle ();

  path = g_file_get_path (f->page->last_request);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "+15105550157"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->page->stack), ==, "done");
  /* The focus goes on to "Port Other Numbers", not nowhere. */
  g_assert_true (GTK_IS_BUTTON (focus_widget (f)));
  g_assert_true (focus_is_in (f, f->page->done_status));
}

/* Filling the LOA in, and signing it, with the keyboard alone. */
static void
test_loa_form_with_keyboard (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) passed = g_ptr_array_new ();
  struct { AdwEntryRow *row; const char *text; } fields[] = {
    { f->page->customer_name_row, "Acme Widgets LLC" },
    { f->page->authorized_person_row, "Dana Whitfield" },
    { f->page->street_row, "1200 Harbor Boulevard" },
    { f->page->unit_row, "Suite 400" },
    { f->page->city_row, "Oakland" },
    { f->page->postal_code_row, "94607" },
    { f->page->carrier_row, "NorthStar Telecom" },
    { f->page->account_number_row, "8841-22017-5" },
    { f->page->btn_row, "510-555-0142" },
  };

  tab_to (f, f->page->numbers_view);
  type_text (f, "(510) 555-0142, (510) 555-0143");
  tab_to_next_and_press (f, PORTING_PORT_IN_STEP_BEFORE);
  tab_to (f, f->page->contract_check);
  press_activate (f);
  tab_to (f, gtk_widget_get_ancestor (GTK_WIDGET (f->page->all_numbers_yes_check), ADW_TYPE_ACTION_ROW));
  press_activate (f);
  tab_to_next_and_press (f, PORTING_PORT_IN_STEP_LOA);

  /* The fields, in the order of the form. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      tab_to_full (f, fields[i].row, GTK_DIR_TAB_FORWARD, passed);
      type_text (f, fields[i].text);
    }
  {
    GtkWidget *order[G_N_ELEMENTS (fields) + 1];

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      order[i] = GTK_WIDGET (fields[i].row);
    order[G_N_ELEMENTS (fields)] = GTK_WIDGET (f->page->typed_signature_switch);
    tab_to_full (f, f->page->typed_signature_switch, GTK_DIR_TAB_FORWARD, passed);
    assert_order (passed, order, G_N_ELEMENTS (order));
  }

  /* The state, between the city and the ZIP code: Shift+Tab back to it.
   * Enter on its row opens the list, arrows move, Enter picks. */
  tab_to_full (f, f->page->region_row, GTK_DIR_TAB_BACKWARD, NULL);
  g_assert_true (gtk_widget_get_focusable (focus_widget (f)));
  g_assert_cmpuint (adw_combo_row_get_selected (f->page->region_row), ==, 0);
  press_activate (f);
  for (guint i = 0; i < 5; i++)
    press_key (f, GDK_KEY_Down);
  press_activate (f);
  g_assert_cmpuint (adw_combo_row_get_selected (f->page->region_row), ==, 5);  /* CA — California */
  g_assert_true (focus_is_in (f, f->page->region_row));

  /* Not signed: the pad needs a pointer, typing the name does not. */
  tab_to (f, f->page->typed_signature_switch);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (f->page->next_button)));
  press_activate (f);
  g_assert_true (ui_test_wait_for (ui_test_switch_is_on, f->page->typed_signature_switch));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page->typed_signature_row)));
  tab_to (f, f->page->typed_signature_row);
  type_text (f, "Dana Whitfield");

  /* Signed: Next writes the LOA and goes on. */
  tab_to_next_and_press (f, PORTING_PORT_IN_STEP_PROOF);
  g_assert_nonnull (porting_port_in_form_get_loa (f->page->form));
  assert_focus_after_step_change (f);
}

/* ---- Shortcuts of the shortcuts window ---------------------------------- */

static gboolean
file_chooser_shown (gpointer data)
{
  return ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
preferences_shown (gpointer data)
{
  return ui_test_find_toplevel (PORTING_TYPE_PREFERENCES_WINDOW) != NULL;
}

static gboolean
is_folded (gpointer data)
{
  return porting_window_get_folded (PORTING_WINDOW (data));
}

static void
test_shortcuts (void)
{
  /* The application only for this test: with it, the port-in page would
   * send its requests to an intake service. */
  g_autoptr(PortingApplication) app = ui_test_application_new ();
  PortingWindow *window;
  GtkWindow *dialog;
  GtkWidget *sidebar;

  window = ui_test_open_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  ui_test_wait_for_frames (GTK_WIDGET (window));
  sidebar = ui_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "navigation-sidebar");
  g_assert_nonnull (sidebar);

  /* Ctrl+O in the document check opens the LOA, wherever the focus is. */
  porting_window_show_page (window, "document-check");
  ui_test_wait_for_frames (GTK_WIDGET (window));
  gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD);
  g_assert_true (ui_test_send_key (GTK_WINDOW (window), GDK_KEY_o, GDK_CONTROL_MASK));
  g_assert_true (ui_test_wait_for (file_chooser_shown, NULL));
  dialog = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Open Letter of Authorization");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  ui_test_settle ();
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  /* Elsewhere, Ctrl+O is not the document check's. */
  porting_window_show_page (window, "port-in");
  ui_test_wait_for_frames (GTK_WIDGET (window));
  ui_test_send_key (GTK_WINDOW (window), GDK_KEY_o, GDK_CONTROL_MASK);
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  /* F9 hides the sidebar, and shows it again. */
  g_assert_true (gtk_widget_is_visible (sidebar));
  g_assert_true (ui_test_send_key (GTK_WINDOW (window), GDK_KEY_F9, 0));
  g_assert_false (gtk_widget_is_visible (sidebar));
  g_assert_true (ui_test_send_key (GTK_WINDOW (window), GDK_KEY_F9, 0));
  g_assert_true (gtk_widget_is_visible (sidebar));

  /* Folded, Alt+Left goes back from the page to the sidebar (from port-in's
   * first step: on a later one, it goes back a step first). */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  g_assert_true (ui_test_wait_for (is_folded, window));
  ui_test_wait_for_frames (GTK_WIDGET (window));
  porting_port_in_page_set_step (PORTING_PORT_IN_PAGE (porting_window_get_page (window, "port-in")),
                                 PORTING_PORT_IN_STEP_NUMBERS);
  gtk_widget_child_focus (porting_window_get_page (window, "port-in"), GTK_DIR_TAB_FORWARD);
  g_assert_false (gtk_widget_get_mapped (sidebar));
  g_assert_true (ui_test_send_key (GTK_WINDOW (window), GDK_KEY_Left, GDK_ALT_MASK));
  ui_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (sidebar));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  g_assert_true (ui_test_wait_for (ui_test_widget_is_mapped, porting_window_get_page (window, "port-in")));

  /* Ctrl+, opens the preferences. */
  g_assert_true (ui_test_send_key (GTK_WINDOW (window), GDK_KEY_comma, GDK_CONTROL_MASK));
  g_assert_true (ui_test_wait_for (preferences_shown, NULL));
  gtk_window_destroy (ui_test_find_toplevel (PORTING_TYPE_PREFERENCES_WINDOW));
  ui_test_settle ();

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv);

  ui_test_add_port_in ("/keyboard/port-in", test_port_in_with_keyboard);
  ui_test_add_port_in ("/keyboard/loa-form", test_loa_form_with_keyboard);
  g_test_add_func ("/keyboard/shortcuts", test_shortcuts);

  status = g_test_run ();
  ui_test_finish ();

  return status;
}
