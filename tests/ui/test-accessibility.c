/* test-accessibility.c — what a screen reader is told, page by page, and the keyboard alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a real window, every page of the sidebar, every step of port-in, and
 * the staff's Review Queue against a real porting-intake are walked as a
 * keyboard user walks them: Tab round the window, each key delivered as
 * GTK delivers it (test-accessibility-keys.c), and at each stop the test
 * reads what GTK hands to the accessibility bus through GTK's test
 * accessibility API (test-accessibility-util.c): a real name, a focus event
 * someone hears, one stop per row and per list, radios as radios, combo
 * values told, errors tied to their field, the documents' text and what
 * the check found, the verdict a status. And the keys: the sidebar one
 * stop with arrows inside, Tab from it into the page, arrows for radios,
 * typing into the state list, Ctrl+Enter, Alt+→ and Alt+← for the steps,
 * the focus in a new step however it was reached and back after a file
 * chooser, the Tab count to the signature.
 *
 * A11Y_TEST_STOPS=1 lists every Tab stop of every walk.
 *
 * The program needs GTK's test accessibility backend (GTK_A11Y=test: with
 * "none", the default of the test environment, widgets have no accessible
 * state at all); it sets it itself.
 *
 * Every problem of a walk is listed (g_test_message) before the walk fails,
 * so one run shows them all.
 */
#define G_LOG_DOMAIN "test-accessibility"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "intake-test-util.h"
#include "porting-check-page.h"
#include "porting-check-view.h"
#include "porting-page-strip.h"
#include "porting-row-message.h"
#include "porting-window.h"
#include "test-accessibility-util.h"
#include "ui-test-util.h"

#define MAX_TABS 150

/* From the sidebar row of port-in to the typed-signature switch of the LOA
 * step: 23 presses before issue 16 (six more sidebar rows, an option row
 * and its check box, the other option, the switch's row). Now 13: the
 * page's menu, the LOA choice made, the nine fields and the state, the
 * switch (Clear is greyed out with nothing to clear). */
#define MAX_TABS_TO_SIGNATURE 13

/* ---- The window -------------------------------------------------------------- */

typedef struct
{
  PortingApplication *app;
  PortingWindow      *window;
  GtkListBox         *sidebar;
} Fixture;

/* One window for the whole program: a registered application cannot be
 * made twice in one process. */
static Fixture the_window;

/* The real service, with a customer and a staff token. */
static TestService *service;
static char *customer_token;
static char *staff_token;

static Fixture *
fixture_get (void)
{
  Fixture *f = &the_window;

  if (f->window != NULL)
    return f;

  f->app = ui_test_application_new ();
  f->window = ui_test_open_window (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  ui_test_wait_for_frames (GTK_WIDGET (f->window));
  f->sidebar = GTK_LIST_BOX (ui_test_find_descendant (GTK_WIDGET (f->window), GTK_TYPE_LIST_BOX, "navigation-sidebar"));
  g_assert_nonnull (f->sidebar);

  return f;
}

static void
fixture_close (void)
{
  Fixture *f = &the_window;

  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  ui_test_settle ();
  g_clear_object (&f->app);
}

static GtkWidget *
sidebar_row (Fixture    *f,
             const char *page_name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (f->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), page_name) == 0)
      return row;

  g_error ("No sidebar row for “%s”", page_name);
}

/* Enter on the sidebar row of @page_name. */
static GtkWidget *
choose_page (Fixture    *f,
             const char *page_name)
{
  GtkWidget *row = sidebar_row (f, page_name);

  gtk_widget_grab_focus (row);
  g_signal_emit_by_name (row, "activate");
  ui_test_settle ();
  ui_test_wait_for_frames (GTK_WIDGET (f->window));
  g_assert_cmpstr (porting_window_get_visible_page_name (f->window), ==, page_name);

  return porting_window_get_page (f->window, page_name);
}

/* Tab round the window from the sidebar row of @page_name, and check every
 * stop of the page; the sidebar is one stop, Tab leaves it for the page's
 * content and does not move its selection. */
static void
walk_page (A11yReport *report,
           Fixture    *f,
           const char *page_name,
           GtkWidget  *root)
{
  GtkWidget *row = sidebar_row (f, page_name);
  g_autoptr(GPtrArray) stops = a11y_dup_tab_stops (GTK_WINDOW (f->window), row);
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (f->sidebar);

  g_assert_cmpuint (stops->len, >, 1);
  if (a11y_is_in (g_ptr_array_index (stops, 1), GTK_WIDGET (f->sidebar)))
    {
      guint rows = 1;

      while (rows < stops->len && a11y_is_in (g_ptr_array_index (stops, rows), GTK_WIDGET (f->sidebar)))
        rows++;
      a11y_report_add (report, "the sidebar is %u Tab stops from this row on, not one with arrows inside", rows);
    }
  else if (!a11y_is_in (g_ptr_array_index (stops, 1), root))
    a11y_report_add (report, "Tab from the sidebar goes to a %s, not into the page",
                     G_OBJECT_TYPE_NAME (g_ptr_array_index (stops, 1)));

  if (selected != GTK_LIST_BOX_ROW (row))
    a11y_report_add (report, "Tab moved the sidebar's selection off the page shown");

  a11y_check_stops (report, stops, root);
  a11y_check_stops (report, stops, GTK_WIDGET (f->sidebar));
  a11y_check_stacks (report, root);
}

/* ---- Pages ---------------------------------------------------------------------- */

static gboolean
check_view_done (gpointer data)
{
  PortingCheckView *view = data;

  return !porting_check_view_get_busy (view) && porting_check_view_get_result (view) != NULL;
}

/* Arrows move in the sidebar without choosing; Enter chooses. */
static void
check_sidebar_arrows (A11yReport *report,
                      Fixture    *f)
{
  GtkWidget *first = sidebar_row (f, "port-in");
  GtkWidget *second = sidebar_row (f, "twilio-transfer");

  a11y_report_set_where (report, "the sidebar");
  choose_page (f, "port-in");
  gtk_widget_grab_focus (first);
  ui_test_send_key (GTK_WINDOW (f->window), GDK_KEY_Down, 0);
  if (a11y_focus_widget (GTK_WINDOW (f->window)) != second)
    a11y_report_add (report, "Down does not move to the next row");
  if (gtk_list_box_get_selected_row (f->sidebar) != GTK_LIST_BOX_ROW (first))
    a11y_report_add (report, "Down moves the selection off the page shown");
  ui_test_send_key (GTK_WINDOW (f->window), GDK_KEY_Return, 0);
  if (g_strcmp0 (porting_window_get_visible_page_name (f->window), "twilio-transfer") != 0)
    a11y_report_add (report, "Enter on a row does not show its page");

  /* Shift+Tab leaves the list backwards, for the sidebar's header. */
  gtk_widget_grab_focus (second);
  a11y_press_tab (GTK_WINDOW (f->window), TRUE);
  if (a11y_is_in (a11y_focus_widget (GTK_WINDOW (f->window)), GTK_WIDGET (f->sidebar)))
    a11y_report_add (report, "Shift+Tab stays in the sidebar");
}

/* What a pointer click does to a button: it takes the focus (focus-on-click),
 * then it is clicked. */
static void
click (GtkWidget *button)
{
  if (gtk_widget_get_focus_on_click (button))
    gtk_widget_grab_focus (button);
  g_signal_emit_by_name (button, "clicked");
  ui_test_settle ();
}

static gboolean
focus_is_in (Fixture   *f,
             GtkWidget *widget)
{
  GtkWidget *focus = a11y_focus_widget (GTK_WINDOW (f->window));

  return focus != NULL && a11y_is_in (focus, widget);
}

static gboolean
focus_in (gpointer data)
{
  return focus_is_in (((gpointer *) data)[0], ((gpointer *) data)[1]);
}

static gboolean
focus_on_status (gpointer data)
{
  Fixture *f = ((gpointer *) data)[0];
  GtkWidget *focus = a11y_focus_widget (GTK_WINDOW (f->window));

  return focus != NULL && a11y_is_in (focus, ((gpointer *) data)[1]) &&
         gtk_test_accessible_has_role (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_ROLE_STATUS);
}

/* New Check, then both documents through the file chooser: the focus stays
 * where it was, or goes to what took its place (the verdict). */
static void
check_focus_after_choosers (A11yReport       *report,
                            Fixture          *f,
                            PortingCheckPage *page)
{
  PortingCheckView *view = porting_check_page_get_check_view (page);
  g_autoptr(GFile) loa = ui_test_fixture_file ("acme-exact-loa.pdf");
  g_autoptr(GFile) proof = ui_test_fixture_file ("acme-exact-invoice.pdf");
  GtkWidget *open_loa;

  a11y_report_set_where (report, "page document-check, file choosers");
  click (a11y_find_button (GTK_WIDGET (page), "_New Check"));
  open_loa = a11y_find_button (GTK_WIDGET (page), "_Open LOA…");
  if (!focus_is_in (f, gtk_widget_get_parent (gtk_widget_get_parent (open_loa))))
    a11y_report_add (report, "after New Check, the focus is not on the first document to open");

  click (open_loa);
  a11y_choose_file (loa);
  if (a11y_focus_widget (GTK_WINDOW (f->window)) != open_loa)
    a11y_report_add (report, "after choosing the LOA, the focus is not back on “Open LOA…”");

  click (a11y_find_button (GTK_WIDGET (page), "Open _Invoice or CSR…"));
  a11y_choose_file (proof);
  g_assert_true (ui_test_wait_for (check_view_done, view));
  /* A moment after the dialog: a screen reader must be able to hear it. */
  {
    gpointer args[] = { f, view };

    if (!ui_test_wait_for (focus_on_status, args))
      a11y_report_add (report, "after choosing the invoice, the focus is not on the verdict");
  }
}

/* The page buttons under a document: Right goes to the next page, and the
 * focus with it. */
static void
check_page_strip_arrows (A11yReport          *report,
                         Fixture             *f,
                         PortingDocumentView *view)
{
  GtkWidget *strip = ui_test_find_descendant (gtk_widget_get_parent (GTK_WIDGET (view)), PORTING_TYPE_PAGE_STRIP, NULL);
  GtkWidget *focus;

  a11y_report_set_where (report, "page document-check, the proof's page buttons");
  g_assert_nonnull (strip);
  g_assert_cmpuint (porting_document_view_get_n_pages (view), >, 1);
  g_assert_true (gtk_widget_child_focus (strip, GTK_DIR_TAB_FORWARD));
  g_assert_cmpuint (porting_document_view_get_current_page (view), ==, 0);
  ui_test_send_key (GTK_WINDOW (f->window), GDK_KEY_Right, 0);
  ui_test_settle ();
  focus = a11y_focus_widget (GTK_WINDOW (f->window));
  if (porting_document_view_get_current_page (view) != 1)
    a11y_report_add (report, "Right on the first page's button does not show the second page");
  if (focus == NULL || !a11y_is_in (focus, strip) ||
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), "2") != 0)
    a11y_report_add (report, "Right on the first page's button does not move to the second's");
}

static void
test_pages (void)
{
  static const char * const pages[] = {
    "twilio-transfer", "port-out", "international", "byoc", "requests", "document-check",
  };
  Fixture *f;
  A11yReport report;

  a11y_report_init (&report);
  f = fixture_get ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = choose_page (f, pages[i]);

      a11y_report_set_where (&report, "page %s", pages[i]);
      walk_page (&report, f, pages[i], page);
    }

  check_sidebar_arrows (&report, f);

  /* Invalid input where the other pages check it. */
  {
    GtkWidget *page = choose_page (f, "twilio-transfer");
    GtkWidget *sid_row = a11y_find_row (page, "Account SID");

    a11y_report_set_where (&report, "page twilio-transfer, an invalid account SID");
    gtk_editable_set_text (GTK_EDITABLE (sid_row), "XX");
    gtk_widget_grab_focus (GTK_WIDGET (f->sidebar));
    ui_test_settle ();
    if (porting_row_get_message (sid_row) != NULL)
      a11y_check_invalid (&report, sid_row, porting_row_get_message (sid_row));
    else
      a11y_report_add (&report, "no message under the SID row");
    walk_page (&report, f, "twilio-transfer", page);
    gtk_editable_set_text (GTK_EDITABLE (sid_row), "");
  }

  /* The document check, with an LOA and an invoice. */
  {
    PortingCheckPage *page = PORTING_CHECK_PAGE (choose_page (f, "document-check"));
    PortingCheckView *view = porting_check_page_get_check_view (page);
    g_autoptr(GFile) loa = ui_test_fixture_file ("acme-exact-loa.pdf");
    g_autoptr(GFile) proof = ui_test_fixture_file ("acme-exact-invoice.pdf");

    a11y_report_set_where (&report, "page document-check, documents open");
    porting_check_page_open (page, loa, proof);
    g_assert_true (ui_test_wait_for (check_view_done, view));
    ui_test_wait_for_frames (GTK_WIDGET (f->window));
    walk_page (&report, f, "document-check", GTK_WIDGET (page));
    a11y_check_check_view (&report, view);
    check_page_strip_arrows (&report, f, porting_check_view_get_proof_view (view));
    check_focus_after_choosers (&report, f, page);
  }

  a11y_report_finish (&report);
}

/* ---- Port-in, step by step --------------------------------------------------- */

typedef struct
{
  Fixture    *f;
  A11yReport  report;
  GtkWidget  *page;
  GtkStack   *steps;
} PortIn;

static gboolean
step_is (gpointer data)
{
  const char * const *args = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK ((gpointer) args[0])), args[1]) == 0;
}

static GtkWidget *
wait_for_step (PortIn     *p,
               const char *step)
{
  const char *args[] = { (const char *) p->steps, step };

  if (!ui_test_wait_for (step_is, args))
    g_error ("Port-in stayed on “%s”, not “%s”", gtk_stack_get_visible_child_name (p->steps), step);
  ui_test_settle ();
  ui_test_wait_for_frames (GTK_WIDGET (p->f->window));

  return gtk_stack_get_visible_child (p->steps);
}

/* The new step has the focus, on its first control. */
static void
check_focus_in_step (PortIn     *p,
                     GtkWidget  *step,
                     const char *after)
{
  GtkWidget *focus = a11y_focus_widget (GTK_WINDOW (p->f->window));
  g_autoptr(GHashTable) widgets = NULL;
  g_autofree char *name = NULL;
  GtkWidget *target;

  if (focus == NULL || !a11y_is_in (focus, step))
    {
      a11y_report_add (&p->report, "after %s, the focus is on %s, not in the new step",
                       after, focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
      return;
    }

  /* Not on what GTK falls back to when the step had nothing to focus yet
   * (a GtkPaned, which a screen reader calls "GtkPaned"). */
  widgets = a11y_dup_all_widgets ();
  target = a11y_focus_event_target (focus);
  name = target != NULL ? a11y_dup_name (GTK_ACCESSIBLE (target), widgets) : g_strdup ("");
  if (name[0] == '\0' || a11y_name_is_class_like (name))
    a11y_report_add (&p->report, "after %s, the focus is on a %s that a screen reader calls “%s”",
                     after, G_OBJECT_TYPE_NAME (focus), name);
}

/* Next clicked with the pointer: the step it leaves, and maybe the button
 * itself, go away, and the new step must take the focus. */
static GtkWidget *
click_next (PortIn     *p,
            const char *next_step)
{
  GtkWidget *next = a11y_find_button (p->page, "_Next");
  GtkWidget *step;

  g_assert_true (gtk_widget_is_sensitive (next));
  click (next);
  step = wait_for_step (p, next_step);
  check_focus_in_step (p, step, "Next");

  return step;
}

/* A keyboard shortcut for Next (or Back) from where the focus is; the
 * button @fallback when it does nothing. */
static GtkWidget *
press_step_key (PortIn          *p,
                guint            keyval,
                GdkModifierType  modifiers,
                const char      *key_name,
                const char      *fallback,
                const char      *next_step)
{
  if (!ui_test_send_key (GTK_WINDOW (p->f->window), keyval, modifiers) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (p->steps), next_step) != 0)
    {
      a11y_report_add (&p->report, "%s does not go to the step “%s”", key_name, next_step);
      click (a11y_find_button (p->page, fallback));
    }

  return wait_for_step (p, next_step);
}

static void
walk_step (PortIn     *p,
           const char *step_name)
{
  a11y_report_set_where (&p->report, "port-in step %s", step_name);
  walk_page (&p->report, p->f, "port-in", p->page);
}

/* Space on a check-box row's one stop (its check box) toggles it once. */
static void
toggle_row (PortIn     *p,
            GtkWidget  *step,
            const char *title)
{
  GtkWidget *row = a11y_find_row (step, title);
  GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_widget_grab_focus (gtk_widget_get_focusable (row) ? row : check);
  ui_test_send_key (GTK_WINDOW (p->f->window), GDK_KEY_space, 0);
  if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
    {
      a11y_report_add (&p->report, "Space on the row “%s” did not check it once", title);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    }
}

/* The LOA's two choices are one Tab stop, the one chosen: arrows move and
 * choose. */
static void
check_radio_arrows (PortIn    *p,
                    GtkWidget *step)
{
  GtkWidget *fill = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (a11y_find_row (step, "Fill In")));
  GtkWidget *import = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (a11y_find_row (step, "Use a Signed LOA")));

  a11y_report_set_where (&p->report, "port-in step loa, the LOA choice");
  gtk_widget_grab_focus (fill);
  ui_test_send_key (GTK_WINDOW (p->f->window), GDK_KEY_Down, 0);
  if (a11y_focus_widget (GTK_WINDOW (p->f->window)) != import || !gtk_check_button_get_active (GTK_CHECK_BUTTON (import)))
    a11y_report_add (&p->report, "Down on “Fill In and Sign It Here” does not choose the other one");
  ui_test_send_key (GTK_WINDOW (p->f->window), GDK_KEY_Up, 0);
  if (a11y_focus_widget (GTK_WINDOW (p->f->window)) != fill || !gtk_check_button_get_active (GTK_CHECK_BUTTON (fill)))
    {
      a11y_report_add (&p->report, "Up does not come back to “Fill In and Sign It Here”");
      gtk_check_button_set_active (GTK_CHECK_BUTTON (fill), TRUE);
    }
  /* The form's groups came back: laid out, they have their place in the
   * Tab order again. */
  ui_test_wait_for_frames (GTK_WIDGET (p->f->window));
}

/* Tab presses from the sidebar row of port-in to @target. */
static guint
count_tabs_from_sidebar (PortIn    *p,
                         GtkWidget *target)
{
  gtk_widget_grab_focus (sidebar_row (p->f, "port-in"));
  ui_test_settle ();

  for (guint presses = 1; presses <= MAX_TABS; presses++)
    {
      GtkWidget *focus;

      a11y_press_tab (GTK_WINDOW (p->f->window), FALSE);
      focus = a11y_focus_widget (GTK_WINDOW (p->f->window));
      if (g_getenv ("A11Y_TEST_STOPS") != NULL)
        g_test_message ("press %u: %s", presses, focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
      if (focus != NULL && a11y_is_in (focus, target))
        return presses;
    }

  g_error ("Tab never reached the %s", G_OBJECT_TYPE_NAME (target));
}

/* The state list can be typed into: "c", "a" picks California. */
static void
type_region (PortIn    *p,
             GtkWidget *step)
{
  AdwComboRow *region = ADW_COMBO_ROW (a11y_find_row (step, "State or Province"));
  const char *value;

  a11y_report_set_where (&p->report, "port-in step loa, the state list");
  gtk_widget_grab_focus (GTK_WIDGET (region));
  ui_test_send_key (GTK_WINDOW (p->f->window), GDK_KEY_c, 0);
  ui_test_send_key (GTK_WINDOW (p->f->window), GDK_KEY_a, 0);
  value = a11y_combo_row_value (region);
  if (value == NULL || !g_str_has_prefix (value, "CA"))
    {
      a11y_report_add (&p->report, "typing “ca” on the state row leaves it at “%s”", value != NULL ? value : "");
      for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (region)); i++)
        {
          g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (region), i);

          if (g_str_has_prefix (gtk_string_object_get_string (item), "CA"))
            adw_combo_row_set_selected (region, i);
        }
    }
}

static void
test_port_in (void)
{
  g_autoptr(GFile) proof = ui_test_fixture_file ("acme-exact-invoice.pdf");
  static const struct { const char *title; const char *text; } loa_fields[] = {
    { "Customer or Business Name", "Acme Widgets LLC" },
    { "Authorized Person", "Dana Whitfield" },
    { "Street", "1200 Harbor Boulevard" },
    { "City", "Oakland" },
    { "ZIP or Postal Code", "94607" },
    { "Current Carrier", "NorthStar Telecom" },
    { "Account Number", "8841-22017-5" },
  };
  PortIn p = { 0 };
  GtkWidget *step;
  GtkWidget *field;
  guint tabs;

  a11y_report_init (&p.report);
  p.f = fixture_get ();
  p.page = choose_page (p.f, "port-in");
  p.steps = GTK_STACK (a11y_find_widget (p.page, a11y_is_stack_with_child, "numbers"));
  g_assert_nonnull (p.steps);

  /* 1. Numbers: "555" is told as an error of the field. */
  step = wait_for_step (&p, "numbers");
  walk_step (&p, "numbers, empty");
  field = ui_test_find_descendant (step, GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (field);
  gtk_widget_grab_focus (field);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), "555", -1);
  a11y_wait_for_label (step, "This number has too few digits");
  a11y_report_set_where (&p.report, "port-in step numbers, “555” typed");
  a11y_check_invalid (&p.report, field, "This number has too few digits");
  walk_step (&p, "numbers, “555” typed");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), "(510) 555-0142\n(510) 555-0143", -1);
  ui_test_settle ();
  gtk_widget_grab_focus (field);
  step = click_next (&p, "before");

  /* 2. Before you port: Alt+← goes back, Alt+→ on again. */
  walk_step (&p, "before");
  toggle_row (&p, step, "No contract is tied");
  toggle_row (&p, step, "Yes, all of them");
  a11y_report_set_where (&p.report, "port-in step before, keys");
  step = press_step_key (&p, GDK_KEY_Left, GDK_ALT_MASK, "Alt+Left", "_Back", "numbers");
  check_focus_in_step (&p, step, "Alt+Left");
  step = press_step_key (&p, GDK_KEY_Right, GDK_ALT_MASK, "Alt+Right", "_Next", "before");
  check_focus_in_step (&p, step, "Alt+Right");
  step = click_next (&p, "loa");

  /* 3. The LOA form. The Tab count first, on the form as it opens. */
  walk_step (&p, "loa");
  check_radio_arrows (&p, step);
  tabs = count_tabs_from_sidebar (&p, a11y_find_row (step, "Type Your Name Instead"));
  g_test_message ("Tab presses from the sidebar to “Type Your Name Instead”: %u (23 before issue 16)", tabs);
  if (tabs > MAX_TABS_TO_SIGNATURE)
    a11y_report_add (&p.report, "%u Tab presses from the sidebar to “Type Your Name Instead” (at most %u wanted)",
                     tabs, MAX_TABS_TO_SIGNATURE);

  for (guint i = 0; i < G_N_ELEMENTS (loa_fields); i++)
    gtk_editable_set_text (GTK_EDITABLE (a11y_find_row (step, loa_fields[i].title)), loa_fields[i].text);
  field = a11y_find_row (step, "Billing Telephone Number (BTN)");
  gtk_widget_grab_focus (field);
  gtk_editable_set_text (GTK_EDITABLE (field), "555");
  a11y_wait_for_label (step, "Enter a telephone number from the United States or Canada.");
  a11y_report_set_where (&p.report, "port-in step loa, BTN “555”");
  a11y_check_invalid (&p.report, field, "Enter a telephone number from the United States or Canada.");
  gtk_editable_set_text (GTK_EDITABLE (field), "510-555-0142");

  type_region (&p, step);

  {
    GtkWidget *typed_row = a11y_find_row (step, "Type Your Name Instead");
    GtkWidget *typed_switch = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (typed_row));

    gtk_switch_set_active (GTK_SWITCH (typed_switch), TRUE);
    ui_test_settle ();
    gtk_editable_set_text (GTK_EDITABLE (a11y_find_row (step, "Your Name, as Signature")), "Dana Whitfield");
    ui_test_settle ();
  }
  walk_step (&p, "loa, filled in");
  gtk_widget_grab_focus (a11y_find_row (step, "Account Number"));
  step = click_next (&p, "proof");

  /* 4. Proof: chosen with the file chooser; the focus comes back to what
   * took the drop zone's place. */
  walk_step (&p, "proof");
  a11y_report_set_where (&p.report, "port-in step proof, the file chooser");
  click (a11y_find_button (step, "_Open…"));
  a11y_choose_file (proof);
  {
    gpointer args[] = { p.f, a11y_find_row (step, "acme-exact-invoice.pdf") };

    /* On the Remove button of the file that took the zone's place (a
     * moment after the dialog, for a screen reader to hear it). */
    if (!ui_test_wait_for (focus_in, args))
      a11y_report_add (&p.report, "after the file chooser, the focus is not on the file chosen");
  }
  walk_step (&p, "proof, invoice chosen");
  /* Ctrl+Enter from the file's Remove button, where the chooser left the
   * focus: the step it is on goes away. */
  g_assert_true (gtk_widget_child_focus (a11y_find_row (step, "acme-exact-invoice.pdf"), GTK_DIR_TAB_FORWARD));
  a11y_report_set_where (&p.report, "port-in step proof, Ctrl+Enter");
  step = press_step_key (&p, GDK_KEY_Return, GDK_CONTROL_MASK, "Ctrl+Enter", "_Next", "check");
  check_focus_in_step (&p, step, "Ctrl+Enter on the proof");

  /* 5. The check: the verdict is where the focus lands (the page's own,
   * above the check view, in the customer's words). */
  {
    PortingCheckView *view = PORTING_CHECK_VIEW (ui_test_find_descendant (step, PORTING_TYPE_CHECK_VIEW, NULL));
    gpointer args[] = { p.f, step };

    g_assert_nonnull (view);
    g_assert_true (ui_test_wait_for (check_view_done, view));
    ui_test_wait_for_frames (GTK_WIDGET (p.f->window));
    a11y_report_set_where (&p.report, "port-in step check, done");
    if (!ui_test_wait_for (focus_on_status, args))
      a11y_report_add (&p.report, "when the check is done, the focus is not on its verdict");
    walk_step (&p, "check");
    a11y_report_set_where (&p.report, "port-in step check");
    a11y_check_check_view (&p.report, view);
  }
  step = click_next (&p, "details");

  /* 6. Details; Ctrl+Enter goes on, from a switch. */
  walk_step (&p, "details");
  gtk_widget_grab_focus (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (a11y_find_row (step, "Text Messages (SMS)"))));
  ui_test_settle ();
  a11y_report_set_where (&p.report, "port-in step details");
  step = press_step_key (&p, GDK_KEY_Return, GDK_CONTROL_MASK, "Ctrl+Enter", "_Next", "review");
  check_focus_in_step (&p, step, "Ctrl+Enter");

  /* 7. Review: each Edit button says what it edits, and takes the focus
   * to the step it opens. */
  walk_step (&p, "review");
  {
    GtkWidget *edit = a11y_find_button (step, "_Edit");

    click (edit);
    step = wait_for_step (&p, "numbers");
    check_focus_in_step (&p, step, "Edit");
  }

  a11y_report_finish (&p.report);
}

/* ---- Staff: the Review Queue --------------------------------------------------- */

static gboolean
session_is_staff (gpointer data)
{
  return porting_intake_session_get_staff (data);
}

static gboolean
review_page_exists (gpointer data)
{
  return porting_window_get_page (data, "review") != NULL;
}

static gboolean
row_shown (gpointer data)
{
  const char * const *args = data;
  GtkWidget *root = (gpointer) args[0];

  return ui_test_find_label (root, args[1], UI_TEST_LABEL_MAPPED) != NULL;
}

static PortingCheckView *
find_mapped_check_view (GtkWidget *root)
{
  GtkWidget *view = ui_test_find_descendant (root, PORTING_TYPE_CHECK_VIEW, NULL);

  return view != NULL && gtk_widget_get_mapped (view) ? PORTING_CHECK_VIEW (view) : NULL;
}

static gboolean
review_checked (gpointer data)
{
  PortingCheckView *view = find_mapped_check_view (data);

  return view != NULL && check_view_done (view);
}

static void
test_review_queue (void)
{
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GFile) loa = ui_test_fixture_file ("acme-exact-loa.pdf");
  g_autoptr(GFile) proof = ui_test_fixture_file ("acme-exact-invoice.pdf");
  g_autoptr(GError) error = NULL;
  PortingIntakeSession *session;
  A11yReport report;
  Fixture *f;
  GtkWidget *page;
  const char *queue_args[2];

  a11y_report_init (&report);
  f = fixture_get ();
  session = porting_application_get_intake_session (f->app);

  /* A customer's port-in, with its LOA and invoice. */
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
  porting_submit_dialog_present (GTK_WINDOW (f->window), request, loa, proof, NULL);
  stored = ui_test_expect_receipt ();

  /* Staff take over: the Review Queue appears in the sidebar. */
  g_setenv ("PORTING_INTAKE_TOKEN", staff_token, TRUE);
  porting_application_set_intake_token (f->app, NULL);
  g_assert_true (ui_test_wait_for (session_is_staff, session));
  g_assert_true (ui_test_wait_for (review_page_exists, f->window));

  page = choose_page (f, "review");
  queue_args[0] = (const char *) page;
  queue_args[1] = porting_request_kind_get_title (PORTING_REQUEST_KIND_PORT_IN);
  g_assert_true (ui_test_wait_for (row_shown, queue_args));
  ui_test_wait_for_frames (GTK_WIDGET (f->window));
  a11y_report_set_where (&report, "page review, the queue");
  walk_page (&report, f, "review", page);

  /* The request opens with Enter on its row; the documents are checked. */
  gtk_widget_grab_focus (a11y_find_row (page, queue_args[1]));
  ui_test_send_key (GTK_WINDOW (f->window), GDK_KEY_Return, 0);
  g_assert_true (ui_test_wait_for (review_checked, page));
  ui_test_wait_for_frames (GTK_WIDGET (f->window));
  a11y_report_set_where (&report, "page review, a port-in open");
  walk_page (&report, f, "review", page);
  a11y_check_check_view (&report, find_mapped_check_view (page));

  /* The decision controls, by what they show. */
  a11y_find_button (page, "_Approve…");
  a11y_find_button (page, "_Reject");
  a11y_find_row (page, "The name matches");
  a11y_find_row (page, "Reason for the customer");

  a11y_report_finish (&report);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char **args = g_new0 (char *, argc + 2);
  g_autofree char *data_dir = NULL;
  int n_args = argc + 1;
  int status;

  /* A failing walk must not stop the others from listing their problems. */
  memcpy (args, argv, argc * sizeof (char *));
  args[argc] = (char *) "--keep-going";
  argv = args;
  argc = n_args;

  /* Widgets keep their accessible state only with an accessibility
   * backend: the test one, not the bus. Before GTK starts. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  data_dir = g_build_filename (ui_test_get_home (), "intake", NULL);
  service = test_service_start (data_dir);
  customer_token = test_intake_token (data_dir, "customer", "Test customer");
  staff_token = test_intake_token (data_dir, "staff", "Test staff");
  ui_test_use_intake (service->url, customer_token);

  g_test_add_func ("/accessibility/pages", test_pages);
  g_test_add_func ("/accessibility/port-in", test_port_in);
  g_test_add_func ("/accessibility/review", test_review_queue);

  status = g_test_run ();
  fixture_close ();
  test_service_free (service);
  g_free (customer_token);
  g_free (staff_token);
  ui_test_finish ();

  return status;
}
