/* test-accessibility.c — what a screen reader is told, page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a real window, every page of the sidebar and every step of port-in is
 * walked as a keyboard user walks it: Tab round the window (the window's
 * "move-focus" keybinding signal, as in test-keyboard), and at each stop the
 * test reads what GTK hands to the accessibility bus through GTK's test
 * accessibility API.
 *
 * GTK 4.8 has no getter for an accessible's name. The test computes it the
 * way GTK 4.8 does for AT-SPI (gtkatcontext.c, gtk_at_context_get_name):
 * the "label" property, then the "label" of each "labelled-by" target, and,
 * when both are empty, the class name ("GtkButton") — which is what Orca
 * then says. The values come from gtk_test_accessible_check_property() and
 * _check_relation(), which print the value they find when it differs from
 * the one asked about.
 *
 * The program needs GTK's test accessibility backend (GTK_A11Y=test: with
 * "none", the default of the test environment, widgets have no accessible
 * state at all); it sets it itself.
 *
 * Every problem of a walk is listed (g_test_message) before the walk fails,
 * so one run shows them all. Issue 16 is not fixed yet: the walks fail, and
 * the program only runs them when PORTING_TEST_ACCESSIBILITY=1; otherwise it
 * skips, so that CI stays green until the fixes land.
 */
#define G_LOG_DOMAIN "test-accessibility"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "porting-check-page.h"
#include "porting-check-view.h"
#include "porting-document-check.h"
#include "porting-document-view.h"
#include "porting-row-message.h"
#include "porting-window.h"
#include "ui-test-util.h"

#define MAX_TABS 150

/* From the sidebar row of port-in to the typed-signature choice of the LOA
 * step: the page header, the LOA choice, the nine fields of the form, the
 * state, the pad's Clear button, the choice itself. 22 today. */
#define MAX_TABS_TO_SIGNATURE 14

/* A value no property holds: the check prints the one it finds. */
#define UNLIKELY_VALUE "\x01"

/* ---- Problems ------------------------------------------------------------ */

typedef struct
{
  GPtrArray  *lines;   /* in the order found */
  GHashTable *seen;    /* the same problem on every page is told once */
  char       *where;
} Report;

static void
report_init (Report *report)
{
  report->lines = g_ptr_array_new_with_free_func (g_free);
  report->seen = g_hash_table_new (g_str_hash, g_str_equal);
  report->where = g_strdup ("");
}

static void
report_set_where (Report     *report,
                  const char *format,
                  ...) G_GNUC_PRINTF (2, 3);

static void
report_set_where (Report     *report,
                  const char *format,
                  ...)
{
  va_list args;

  g_free (report->where);
  va_start (args, format);
  report->where = g_strdup_vprintf (format, args);
  va_end (args);
}

static void
report_add (Report     *report,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static void
report_add (Report     *report,
            const char *format,
            ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (g_hash_table_contains (report->seen, problem))
    return;

  g_ptr_array_add (report->lines, g_strdup_printf ("%s: %s", report->where, problem));
  g_hash_table_add (report->seen, g_steal_pointer (&problem));
}

/* Lists every problem, then fails the test when there was one. */
static void
report_finish (Report *report)
{
  for (guint i = 0; i < report->lines->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (report->lines, i));

  if (report->lines->len > 0)
    g_test_fail_printf ("%u accessibility problems (listed above)", report->lines->len);

  g_ptr_array_unref (report->lines);
  g_hash_table_destroy (report->seen);
  g_free (report->where);
}

/* ---- What GTK 4.8 tells the bus ------------------------------------------ */

static void
add_widget_tree (GHashTable *widgets,
                 GtkWidget  *widget)
{
  g_hash_table_add (widgets, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_widget_tree (widgets, child);
}

/* Every widget of every window: the targets of relations are looked up
 * here before they are used. */
static GHashTable *
dup_all_widgets (void)
{
  GHashTable *widgets = g_hash_table_new (NULL, NULL);
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    add_widget_tree (widgets, l->data);

  return widgets;
}

static char *
dup_string_property (GtkAccessible         *accessible,
                     GtkAccessibleProperty  property)
{
  char *value;

  if (!gtk_test_accessible_has_property (accessible, property))
    return NULL;

  value = gtk_test_accessible_check_property (accessible, property, UNLIKELY_VALUE);
  return value != NULL ? value : g_strdup (UNLIKELY_VALUE);
}

static gboolean
has_true_state (GtkAccessible      *accessible,
                GtkAccessibleState  state,
                int                 true_value)
{
  g_autofree char *differs = NULL;

  if (!gtk_test_accessible_has_state (accessible, state))
    return FALSE;

  differs = gtk_test_accessible_check_state (accessible, state, true_value);
  return differs == NULL;
}

/* The targets of @relation, widgets of @widgets only. GTK prints a list of
 * references as "GtkLabel<0x55d0c3a1b2c0>GtkLabel<0x…>". */
static GPtrArray *
dup_relation_targets (GtkAccessible         *accessible,
                      GtkAccessibleRelation  relation,
                      GHashTable            *widgets)
{
  GPtrArray *targets = g_ptr_array_new ();
  g_autofree char *printed = NULL;

  if (!gtk_test_accessible_has_relation (accessible, relation))
    return targets;

  printed = gtk_test_accessible_check_relation (accessible, relation, NULL);
  for (const char *p = printed != NULL ? strchr (printed, '<') : NULL;
       p != NULL;
       p = strchr (p + 1, '<'))
    {
      gpointer target = GSIZE_TO_POINTER (g_ascii_strtoull (p + 1, NULL, 16));

      if (g_hash_table_contains (widgets, target))
        g_ptr_array_add (targets, target);
    }

  return targets;
}

static gboolean
is_structural_role (GtkAccessibleRole role)
{
  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_FORM:
    case GTK_ACCESSIBLE_ROLE_GROUP:
    case GTK_ACCESSIBLE_ROLE_GENERIC:
    case GTK_ACCESSIBLE_ROLE_LANDMARK:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_REGION:
    case GTK_ACCESSIBLE_ROLE_SEARCH:
    case GTK_ACCESSIBLE_ROLE_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* gtk_at_context_get_name_accumulate() of GTK 4.8, on the test API. */
static void
accumulate_name (GtkAccessible *accessible,
                 GPtrArray     *names,
                 gboolean       recurse,
                 GHashTable    *widgets)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (accessible);
  char *label = dup_string_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL);

  if (label != NULL)
    g_ptr_array_add (names, label);

  if (recurse)
    {
      g_autoptr(GPtrArray) targets = dup_relation_targets (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY, widgets);

      for (guint i = 0; i < targets->len; i++)
        accumulate_name (g_ptr_array_index (targets, i), names, FALSE, widgets);
    }

  if (role == GTK_ACCESSIBLE_ROLE_RANGE)
    {
      char *value_text = dup_string_property (accessible, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT);

      if (value_text != NULL)
        g_ptr_array_add (names, value_text);
    }

  if (has_true_state (accessible, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE))
    return;

  if (names->len == 0 && !is_structural_role (role))
    g_ptr_array_add (names, g_strdup (G_OBJECT_TYPE_NAME (accessible)));
}

static char *
join_texts (GPtrArray *texts)
{
  g_ptr_array_add (texts, NULL);
  return g_strjoinv (" ", (char **) texts->pdata);
}

/* The name AT-SPI gives @accessible. */
static char *
dup_accessible_name (GtkAccessible *accessible,
                     GHashTable    *widgets)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  accumulate_name (accessible, names, TRUE, widgets);
  return join_texts (names);
}

/* What a screen reader reads as @accessible's description: its own
 * "description", and what its "described-by" targets say. GTK 4.8 gives
 * AT-SPI only the targets' "description", but Orca follows the relation
 * and reads their text: both count. */
static char *
dup_accessible_description (GtkAccessible *accessible,
                            GHashTable    *widgets)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) targets = dup_relation_targets (accessible, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, widgets);
  char *own = dup_string_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  if (own != NULL)
    g_ptr_array_add (texts, own);

  for (guint i = 0; i < targets->len; i++)
    {
      GtkAccessible *target = g_ptr_array_index (targets, i);
      char *text = dup_string_property (target, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

      if (text == NULL)
        text = dup_string_property (target, GTK_ACCESSIBLE_PROPERTY_LABEL);
      if (text != NULL)
        g_ptr_array_add (texts, text);
    }

  return join_texts (texts);
}

/* A name that is only class names ("GtkButton", "GtkImage GtkLabel"). */
static gboolean
name_is_class_like (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  gboolean any = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (g_type_from_name (words[i]) == 0)
        return FALSE;
      any = TRUE;
    }

  return any;
}

/* "_Next Next": the mnemonic label, then the label it names. */
static gboolean
name_has_mnemonic (const char *name)
{
  for (const char *p = strchr (name, '_'); p != NULL; p = strchr (p + 1, '_'))
    if (g_ascii_isalnum (p[1]))
      return TRUE;

  return FALSE;
}

/* Where GTK 4.8 sends the focus event of @focus. A widget without a role
 * (the GtkText of an entry) hands its focus changes to its parent; the
 * parent reports the focus only when it is one of GTK's own entries, which
 * ask their text for it. Any other parent — AdwEntryRow's inner box in
 * libadwaita 1.2 — says it is not focused, and the screen reader hears
 * nothing. Returns NULL then. */
static GtkWidget *
focus_event_target (GtkWidget *focus)
{
  GtkWidget *parent;

  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)) != GTK_ACCESSIBLE_ROLE_NONE)
    return focus;

  parent = gtk_widget_get_parent (focus);
  if (GTK_IS_ENTRY (parent) || GTK_IS_SPIN_BUTTON (parent) ||
      GTK_IS_PASSWORD_ENTRY (parent) || GTK_IS_SEARCH_ENTRY (parent))
    return parent;

#if GTK_CHECK_VERSION (4, 10, 0)
  /* Later libadwaita asks the text for the focus of the whole row. */
  if (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) != NULL)
    return gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);
#endif

  return NULL;
}

/* The widget a person would call the control: the entry row of a GtkText,
 * or the widget itself. */
static GtkWidget *
control_of (GtkWidget *focus)
{
  GtkWidget *editable = focus;

  while (editable != NULL && !(GTK_IS_EDITABLE (editable) && editable != focus &&
                               gtk_editable_get_delegate (GTK_EDITABLE (editable)) != NULL))
    editable = gtk_widget_get_parent (editable);

  return editable != NULL ? editable : focus;
}

/* A row's title, or a button's label, to name a stop in a message. */
static char *
describe_widget (GtkWidget  *widget,
                 GHashTable *widgets)
{
  GtkWidget *control = control_of (widget);
  g_autofree char *name = dup_accessible_name (GTK_ACCESSIBLE (control), widgets);
  const char *title = NULL;

  if (ADW_IS_PREFERENCES_ROW (control))
    title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (control));
  else if (GTK_IS_BUTTON (control))
    title = gtk_button_get_label (GTK_BUTTON (control));
  if (title == NULL || title[0] == '\0')
    title = gtk_widget_get_tooltip_text (control);

  return g_strdup_printf ("%s “%s”%s%s%s", G_OBJECT_TYPE_NAME (control), name,
                          title != NULL ? " (shown as “" : "",
                          title != NULL ? title : "",
                          title != NULL ? "”)" : "");
}

/* GTK 4.8 draws a grouped check button as a radio, but keeps the check box
 * role. The indicator's CSS node says which it is. */
static gboolean
check_button_is_radio (GtkCheckButton *check)
{
  GtkWidget *indicator = gtk_widget_get_first_child (GTK_WIDGET (check));
  g_autofree char *nodes = NULL;

  if (indicator == NULL)
    return FALSE;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  nodes = gtk_style_context_to_string (gtk_widget_get_style_context (indicator),
                                       GTK_STYLE_CONTEXT_PRINT_NONE);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return g_str_has_prefix (nodes, "radio");
}

static const char *
combo_row_value (AdwComboRow *row)
{
  gpointer item = adw_combo_row_get_selected_item (row);

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;
}

static char *
normalize_space (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

/* ---- Keys ------------------------------------------------------------------ */

static GtkWidget *
focus_widget (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static void
press_tab (GtkWindow *window)
{
  /* What GtkWindow binds Tab to. */
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
  ui_test_settle ();
}

static gboolean
shortcut_trigger_matches (GtkShortcutTrigger *trigger,
                          guint               keyval,
                          GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return shortcut_trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers) ||
           shortcut_trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/* A key press as GTK delivers it to the focus and its ancestors: their key
 * controllers and shortcuts (keybindings, local shortcuts), then the
 * application's accelerators. */
static gboolean
send_key (GtkWindow       *window,
          guint            keyval,
          GdkModifierType  modifiers)
{
  GtkApplication *app = gtk_window_get_application (window);
  GtkWidget *focus = focus_widget (window);
  gboolean handled = FALSE;

  for (GtkWidget *widget = focus != NULL ? focus : GTK_WIDGET (window);
       widget != NULL && !handled;
       widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
            g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
          else if (GTK_IS_SHORTCUT_CONTROLLER (controller))
            for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
              {
                g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

                if (shortcut_trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
                  handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                          GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                          gtk_shortcut_get_arguments (shortcut));
              }
        }
    }

  if (!handled && app != NULL)
    {
      g_autofree char *accel = gtk_accelerator_name (keyval, modifiers);
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (app, accel);

      for (guint i = 0; actions[i] != NULL && !handled; i++)
        handled = gtk_widget_activate_action_variant (focus != NULL ? focus : GTK_WIDGET (window), actions[i], NULL);
    }

  ui_test_settle ();
  return handled;
}

/* ---- The walk ---------------------------------------------------------------- */

/* The Tab stops of @window from @start, once round. */
static GPtrArray *
dup_tab_stops (GtkWindow *window,
               GtkWidget *start)
{
  GPtrArray *stops = g_ptr_array_new ();

  gtk_widget_grab_focus (start);
  ui_test_settle ();
  if (focus_widget (window) == NULL)
    return stops;

  g_ptr_array_add (stops, focus_widget (window));
  for (guint presses = 0; presses < MAX_TABS; presses++)
    {
      GtkWidget *focus;

      press_tab (window);
      focus = focus_widget (window);
      if (focus == NULL || g_ptr_array_find (stops, focus, NULL))
        break;
      g_ptr_array_add (stops, focus);
    }

  return stops;
}

static gboolean
is_in (GtkWidget *widget,
       GtkWidget *ancestor)
{
  return widget == ancestor || gtk_widget_is_ancestor (widget, ancestor);
}

/* What each Tab stop under @root tells, and how the stops are laid out. */
static void
check_stops (Report     *report,
             GPtrArray  *stops,
             GtkWidget  *root)
{
  g_autoptr(GHashTable) widgets = dup_all_widgets ();
  g_autoptr(GHashTable) lists_seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);
      GtkWidget *target = focus_event_target (stop);
      g_autofree char *what = describe_widget (stop, widgets);
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;
      g_autofree char *key = NULL;
      guint count;

      if (!is_in (stop, root))
        continue;

      if (target == NULL)
        {
          report_add (report, "%s: Tab reaches its %s, but GTK sends the focus event to nobody: a screen reader says nothing",
                      what, G_OBJECT_TYPE_NAME (stop));
          continue;
        }

      name = dup_accessible_name (GTK_ACCESSIBLE (target), widgets);
      description = dup_accessible_description (GTK_ACCESSIBLE (target), widgets);

      if (name[0] == '\0')
        report_add (report, "%s: a Tab stop without an accessible name", what);
      else if (name_is_class_like (name))
        report_add (report, "%s: a Tab stop named after its class", what);
      else if (name_has_mnemonic (name))
        report_add (report, "%s: the mnemonic underscore is read out with the name", what);

      if (GTK_IS_LIST_BOX_ROW (stop) && !gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (stop)) &&
          !(ADW_IS_ACTION_ROW (stop) && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (stop)) != NULL))
        report_add (report, "%s: a row that does nothing is a Tab stop", what);

      if (GTK_IS_FLOW_BOX_CHILD (stop))
        report_add (report, "%s: the flow box wrapper is a Tab stop of its own", what);

      if (ADW_IS_ACTION_ROW (stop))
        {
          GtkWidget *control = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (stop));

          if (control != NULL && g_ptr_array_find (stops, control, NULL))
            report_add (report, "%s: the row and its %s are two Tab stops", what, G_OBJECT_TYPE_NAME (control));
        }

      if (GTK_IS_CHECK_BUTTON (stop) && check_button_is_radio (GTK_CHECK_BUTTON (stop)) &&
          !gtk_test_accessible_has_role (GTK_ACCESSIBLE (stop), GTK_ACCESSIBLE_ROLE_RADIO))
        report_add (report, "%s: a radio choice told as a check box", what);

      if (ADW_IS_COMBO_ROW (stop))
        {
          const char *value = combo_row_value (ADW_COMBO_ROW (stop));

          if (value != NULL && strstr (name, value) == NULL && strstr (description, value) == NULL)
            report_add (report, "%s: its value “%s” is in neither its name nor its description", what, value);
        }

      /* Entering a list, Orca says the list's name first. */
      for (GtkWidget *ancestor = gtk_widget_get_parent (stop);
           ancestor != NULL && ancestor != root;
           ancestor = gtk_widget_get_parent (ancestor))
        {
          g_autofree char *list_name = NULL;

          if (!(gtk_test_accessible_has_role (GTK_ACCESSIBLE (ancestor), GTK_ACCESSIBLE_ROLE_LIST) ||
                gtk_test_accessible_has_role (GTK_ACCESSIBLE (ancestor), GTK_ACCESSIBLE_ROLE_GRID)) ||
              !g_hash_table_add (lists_seen, ancestor))
            continue;

          list_name = dup_accessible_name (GTK_ACCESSIBLE (ancestor), widgets);
          if (list_name[0] == '\0' || name_is_class_like (list_name))
            report_add (report, "the list around %s is called “%s”", what, list_name);
        }

      /* A row and its own check box are one problem, told above. */
      if (name[0] == '\0' || name_is_class_like (name) ||
          (gtk_widget_get_parent (stop) != NULL &&
           ADW_IS_ACTION_ROW (gtk_widget_get_ancestor (stop, ADW_TYPE_ACTION_ROW)) &&
           adw_action_row_get_activatable_widget (ADW_ACTION_ROW (gtk_widget_get_ancestor (stop, ADW_TYPE_ACTION_ROW))) == stop))
        continue;

      key = g_strdup_printf ("%s\n%s", name, description);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (by_name, key)) + 1;
      g_hash_table_insert (by_name, g_steal_pointer (&key), GUINT_TO_POINTER (count));
    }

  {
    GHashTableIter iter;
    gpointer key, count;

    g_hash_table_iter_init (&iter, by_name);
    while (g_hash_table_iter_next (&iter, &key, &count))
      if (GPOINTER_TO_UINT (count) > 1)
        {
          g_auto(GStrv) parts = g_strsplit (key, "\n", 2);

          report_add (report, "%u Tab stops are told the same way, “%s” (description “%s”): which one is which?",
                      GPOINTER_TO_UINT (count), parts[0], parts[1]);
        }
  }
}

/* ---- Finding things by what the page shows ---------------------------------- */

typedef gboolean (*WidgetPredicate) (GtkWidget  *widget,
                                     const char *text);

static GtkWidget *
find_widget (GtkWidget       *root,
             WidgetPredicate  predicate,
             const char      *text)
{
  if (gtk_widget_get_visible (root) && predicate (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if ((found = find_widget (child, predicate, text)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_row_titled (GtkWidget  *widget,
               const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title);
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_stack_with_step (GtkWidget  *widget,
                    const char *step)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), step) != NULL;
}

static gboolean
has_drop_target (GtkWidget  *widget,
                 const char *unused)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = find_widget (root, is_row_titled, title);

  if (row == NULL)
    g_error ("No row “%s” on the page", title);
  return row;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = find_widget (root, is_button_labelled, label);

  if (button == NULL)
    g_error ("No button “%s” on the page", label);
  return button;
}

/* A file dropped on the first drop zone under @root, as GTK hands it over. */
static void
drop_file (GtkWidget *root,
           GFile     *file)
{
  GtkWidget *zone = find_widget (root, has_drop_target, NULL);
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean taken = FALSE;

  g_assert_nonnull (zone);
  controllers = gtk_widget_observe_controllers (zone);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !taken; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 1.0, 1.0, &taken);
    }

  g_assert_true (taken);
  ui_test_settle ();
}

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
 * stop of the page; the sidebar is one stop. */
static void
walk_page (Report     *report,
           Fixture    *f,
           const char *page_name,
           GtkWidget  *root)
{
  GtkWidget *row = sidebar_row (f, page_name);
  g_autoptr(GPtrArray) stops = dup_tab_stops (GTK_WINDOW (f->window), row);

  g_assert_cmpuint (stops->len, >, 1);
  if (is_in (g_ptr_array_index (stops, 1), GTK_WIDGET (f->sidebar)))
    {
      guint rows = 1;

      while (rows < stops->len && is_in (g_ptr_array_index (stops, rows), GTK_WIDGET (f->sidebar)))
        rows++;
      if (g_hash_table_add (report->seen, g_strdup ("the sidebar is several Tab stops")))
        report_add (report, "the sidebar is %u Tab stops from this row on, not one with arrows inside", rows);
    }

  check_stops (report, stops, root);
  check_stops (report, stops, GTK_WIDGET (f->sidebar));
}

/* ---- Invalid fields ------------------------------------------------------------ */

/* @field carries the invalid state, and a screen reader reads @message with it. */
static void
check_invalid (Report     *report,
               GtkWidget  *field,
               const char *message)
{
  g_autoptr(GHashTable) widgets = dup_all_widgets ();
  g_autofree char *what = describe_widget (field, widgets);
  g_autofree char *description = dup_accessible_description (GTK_ACCESSIBLE (field), widgets);

  if (!has_true_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE))
    report_add (report, "%s: shows “%s” but has no invalid state", what, message);
  if (strstr (description, message) == NULL)
    report_add (report, "%s: shows “%s” but its description is “%s”", what, message, description);
}

static gboolean
label_shown (gpointer data)
{
  const char * const *args = data;

  return ui_test_find_label (GTK_WIDGET ((gpointer) args[0]), args[1], UI_TEST_LABEL_MAPPED | UI_TEST_LABEL_PREFIX) != NULL;
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  const char *args[] = { (const char *) root, text };

  g_assert_true (ui_test_wait_for (label_shown, args));
}

/* ---- Pages ---------------------------------------------------------------------- */

static gboolean
check_view_done (gpointer data)
{
  PortingCheckView *view = data;

  return !porting_check_view_get_busy (view) && porting_check_view_get_result (view) != NULL;
}

static void
collect_texts (GtkWidget  *widget,
               GHashTable *widgets,
               GString    *texts)
{
  g_autofree char *name = dup_accessible_name (GTK_ACCESSIBLE (widget), widgets);
  g_autofree char *description = dup_accessible_description (GTK_ACCESSIBLE (widget), widgets);

  if (!name_is_class_like (name))
    g_string_append_printf (texts, "%s\n", name);
  g_string_append_printf (texts, "%s\n", description);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, widgets, texts);
}

/* The check as a screen-reader user meets it: each document tells the
 * name and address found on it, each result row says its status in words. */
static void
check_check_view (Report           *report,
                  PortingCheckView *view)
{
  static const struct { PortingField field; const char *label; } fields[] = {
    { PORTING_FIELD_NAME, "name" },
    { PORTING_FIELD_ADDRESS, "address" },
  };
  static const char * const status_words[] = { "Exact match", "Equivalent", "Mismatch", "Not found", "Unreadable" };
  PortingCheckResult *result = porting_check_view_get_result (view);
  g_autoptr(GHashTable) widgets = dup_all_widgets ();
  struct { PortingDocumentView *view; const char *title; gboolean proof; } documents[] = {
    { porting_check_view_get_loa_view (view), "LOA", FALSE },
    { porting_check_view_get_proof_view (view), "proof", TRUE },
  };

  g_assert_nonnull (result);

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(GString) texts = g_string_new (NULL);
      g_autofree char *told = NULL;

      collect_texts (GTK_WIDGET (documents[d].view), widgets, texts);
      told = normalize_space (texts->str);

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          const PortingFieldResult *field = porting_check_result_get_field (result, fields[i].field);
          const char *found = documents[d].proof ? field->proof_text : field->loa_text;
          g_autofree char *wanted = NULL;

          if (found == NULL)
            continue;
          wanted = normalize_space (found);
          if (strstr (told, wanted) == NULL)
            report_add (report, "the %s view does not tell the %s found on it, “%s”",
                        documents[d].title, fields[i].label, wanted);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = porting_check_view_get_field_row (view, fields[i].field);
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;
      gboolean told = FALSE;

      if (row == NULL)
        continue;
      name = dup_accessible_name (GTK_ACCESSIBLE (row), widgets);
      description = dup_accessible_description (GTK_ACCESSIBLE (row), widgets);
      for (guint w = 0; w < G_N_ELEMENTS (status_words); w++)
        told |= strstr (name, status_words[w]) != NULL || strstr (description, status_words[w]) != NULL;
      if (!told)
        report_add (report, "the %s result row “%s” does not say its status in words", fields[i].label, name);
    }
}

static void
test_pages (void)
{
  static const char * const pages[] = {
    "twilio-transfer", "port-out", "international", "byoc", "requests", "document-check",
  };
  Fixture *f;
  Report report;

  if (g_getenv ("PORTING_TEST_ACCESSIBILITY") == NULL)
    {
      g_test_skip ("issue 16 is not fixed yet: set PORTING_TEST_ACCESSIBILITY=1 to run");
      return;
    }

  report_init (&report);
  f = fixture_get ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = choose_page (f, pages[i]);

      report_set_where (&report, "page %s", pages[i]);
      walk_page (&report, f, pages[i], page);
    }

  /* Invalid input where the other pages check it. */
  {
    GtkWidget *page = choose_page (f, "twilio-transfer");
    GtkWidget *sid_row = find_row (page, "Account SID");

    report_set_where (&report, "page twilio-transfer, an invalid account SID");
    gtk_editable_set_text (GTK_EDITABLE (sid_row), "XX");
    gtk_widget_grab_focus (GTK_WIDGET (f->sidebar));
    ui_test_settle ();
    if (porting_row_get_message (sid_row) != NULL)
      check_invalid (&report, sid_row, porting_row_get_message (sid_row));
    else
      report_add (&report, "no message under the SID row");
    walk_page (&report, f, "twilio-transfer", page);
  }

  /* The document check, with an LOA and an invoice. */
  {
    PortingCheckPage *page = PORTING_CHECK_PAGE (choose_page (f, "document-check"));
    PortingCheckView *view = porting_check_page_get_check_view (page);
    g_autoptr(GFile) loa = ui_test_fixture_file ("acme-exact-loa.pdf");
    g_autoptr(GFile) proof = ui_test_fixture_file ("acme-exact-invoice.pdf");

    report_set_where (&report, "page document-check, documents open");
    porting_check_page_open (page, loa, proof);
    g_assert_true (ui_test_wait_for (check_view_done, view));
    ui_test_wait_for_frames (GTK_WIDGET (f->window));
    walk_page (&report, f, "document-check", GTK_WIDGET (page));
    check_check_view (&report, view);
  }

  report_finish (&report);
}

/* ---- Port-in, step by step --------------------------------------------------- */

typedef struct
{
  Fixture   *f;
  Report     report;
  GtkWidget *page;
  GtkStack  *steps;
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

/* Next clicked with the pointer: the step it leaves, and maybe the button
 * itself, go away, and the new step must take the focus. */
static GtkWidget *
click_next (PortIn     *p,
            const char *next_step)
{
  GtkWidget *next = find_button (p->page, "_Next");
  GtkWidget *step;
  GtkWidget *focus;

  g_assert_true (gtk_widget_is_sensitive (next));
  click (next);
  step = wait_for_step (p, next_step);

  focus = focus_widget (GTK_WINDOW (p->f->window));
  if (focus == NULL || !is_in (focus, step))
    report_add (&p->report, "after Next, the focus is on %s, not in the new step",
                focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");

  return step;
}

static void
walk_step (PortIn     *p,
           const char *step_name)
{
  report_set_where (&p->report, "port-in step %s", step_name);
  walk_page (&p->report, p->f, "port-in", p->page);
}

/* Space on a check-box row toggles its check box once. */
static void
toggle_row (PortIn     *p,
            GtkWidget  *step,
            const char *title)
{
  GtkWidget *row = find_row (step, title);
  GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_widget_grab_focus (row);
  g_signal_emit_by_name (row, "activate");
  ui_test_settle ();
  if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
    {
      report_add (&p->report, "activating the row “%s” did not check it once", title);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    }
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

      press_tab (GTK_WINDOW (p->f->window));
      focus = focus_widget (GTK_WINDOW (p->f->window));
      if (focus != NULL && is_in (focus, target))
        return presses;
    }

  g_error ("Tab never reached the %s", G_OBJECT_TYPE_NAME (target));
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

  if (g_getenv ("PORTING_TEST_ACCESSIBILITY") == NULL)
    {
      g_test_skip ("issue 16 is not fixed yet: set PORTING_TEST_ACCESSIBILITY=1 to run");
      return;
    }

  report_init (&p.report);
  p.f = fixture_get ();
  p.page = choose_page (p.f, "port-in");
  p.steps = GTK_STACK (find_widget (p.page, is_stack_with_step, "numbers"));
  g_assert_nonnull (p.steps);

  /* 1. Numbers: "555" is told as an error of the field. */
  step = wait_for_step (&p, "numbers");
  walk_step (&p, "numbers, empty");
  field = ui_test_find_descendant (step, GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (field);
  gtk_widget_grab_focus (field);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), "555", -1);
  wait_for_label (step, "This number has too few digits");
  report_set_where (&p.report, "port-in step numbers, “555” typed");
  check_invalid (&p.report, field, "This number has too few digits");
  walk_step (&p, "numbers, “555” typed");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), "(510) 555-0142\n(510) 555-0143", -1);
  ui_test_settle ();
  gtk_widget_grab_focus (field);
  step = click_next (&p, "before");

  /* 2. Before you port. */
  walk_step (&p, "before");
  toggle_row (&p, step, "No contract is tied");
  toggle_row (&p, step, "Yes, all of them");
  step = click_next (&p, "loa");

  /* 3. The LOA form. The Tab count first, on the form as it opens. */
  walk_step (&p, "loa");
  tabs = count_tabs_from_sidebar (&p, find_row (step, "Type Your Name Instead"));
  g_test_message ("Tab presses from the sidebar to “Type Your Name Instead”: %u", tabs);
  if (tabs > MAX_TABS_TO_SIGNATURE)
    report_add (&p.report, "%u Tab presses from the sidebar to “Type Your Name Instead” (at most %u wanted)",
                tabs, MAX_TABS_TO_SIGNATURE);

  for (guint i = 0; i < G_N_ELEMENTS (loa_fields); i++)
    gtk_editable_set_text (GTK_EDITABLE (find_row (step, loa_fields[i].title)), loa_fields[i].text);
  field = find_row (step, "Billing Telephone Number (BTN)");
  gtk_editable_set_text (GTK_EDITABLE (field), "555");
  wait_for_label (step, "Enter a telephone number from the United States or Canada.");
  report_set_where (&p.report, "port-in step loa, BTN “555”");
  check_invalid (&p.report, field, "Enter a telephone number from the United States or Canada.");
  gtk_editable_set_text (GTK_EDITABLE (field), "510-555-0142");

  /* The state list can be typed into: "C", "A" picks California. */
  {
    AdwComboRow *region = ADW_COMBO_ROW (find_row (step, "State or Province"));
    const char *value;

    report_set_where (&p.report, "port-in step loa, the state list");
    gtk_widget_grab_focus (GTK_WIDGET (region));
    send_key (GTK_WINDOW (p.f->window), GDK_KEY_c, 0);
    send_key (GTK_WINDOW (p.f->window), GDK_KEY_a, 0);
    value = combo_row_value (region);
    if (value == NULL || !g_str_has_prefix (value, "CA"))
      report_add (&p.report, "typing “ca” on the state row leaves it at “%s”", value != NULL ? value : "");
    if (value == NULL || !g_str_has_prefix (value, "CA"))
      for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (region)); i++)
        {
          g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (region), i);

          if (g_str_has_prefix (gtk_string_object_get_string (item), "CA"))
            adw_combo_row_set_selected (region, i);
        }
  }

  {
    GtkWidget *typed_row = find_row (step, "Type Your Name Instead");
    GtkWidget *typed_switch = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (typed_row));

    gtk_switch_set_active (GTK_SWITCH (typed_switch), TRUE);
    ui_test_settle ();
    gtk_editable_set_text (GTK_EDITABLE (find_row (step, "Your Name, as Signature")), "Dana Whitfield");
    ui_test_settle ();
  }
  walk_step (&p, "loa, filled in");
  gtk_widget_grab_focus (find_row (step, "Account Number"));
  step = click_next (&p, "proof");

  /* 4. Proof: dropped on the drop zone. */
  walk_step (&p, "proof");
  drop_file (step, proof);
  walk_step (&p, "proof, invoice chosen");
  step = click_next (&p, "check");

  /* 5. The check. */
  {
    PortingCheckView *view = PORTING_CHECK_VIEW (ui_test_find_descendant (step, PORTING_TYPE_CHECK_VIEW, NULL));

    g_assert_nonnull (view);
    g_assert_true (ui_test_wait_for (check_view_done, view));
    ui_test_wait_for_frames (GTK_WIDGET (p.f->window));
    walk_step (&p, "check");
    report_set_where (&p.report, "port-in step check");
    check_check_view (&p.report, view);
  }
  step = click_next (&p, "details");

  /* 6. Details; Ctrl+Enter goes on. */
  walk_step (&p, "details");
  gtk_widget_grab_focus (find_row (step, "Text Messages (SMS)"));
  ui_test_settle ();
  report_set_where (&p.report, "port-in step details");
  if (!send_key (GTK_WINDOW (p.f->window), GDK_KEY_Return, GDK_CONTROL_MASK) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (p.steps), "review") != 0)
    {
      report_add (&p.report, "Ctrl+Enter does not go on to the next step");
      step = click_next (&p, "review");
    }
  else
    step = wait_for_step (&p, "review");

  /* 7. Review: each Edit button says what it edits, and takes the focus
   * to the step it opens. */
  walk_step (&p, "review");
  {
    GtkWidget *edit = find_button (step, "_Edit");

    click (edit);
    step = wait_for_step (&p, "numbers");
    if (!is_in (focus_widget (GTK_WINDOW (p.f->window)), step))
      report_add (&p.report, "after Edit, the focus is not in the step it opened");
  }

  report_finish (&p.report);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char **args = g_new0 (char *, argc + 2);
  int n_args = argc + 1;
  int status;

  /* A failing walk must not stop the other one from listing its problems. */
  memcpy (args, argv, argc * sizeof (char *));
  args[argc] = (char *) "--keep-going";
  argv = args;
  argc = n_args;

  /* Widgets keep their accessible state only with an accessibility
   * backend: the test one, not the bus. Before GTK starts. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/accessibility/pages", test_pages);
  g_test_add_func ("/accessibility/port-in", test_port_in);

  status = g_test_run ();
  fixture_close ();
  ui_test_finish ();

  return status;
}
