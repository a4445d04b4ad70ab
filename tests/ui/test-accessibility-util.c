/* test-accessibility-util.c — what GTK 4.8 tells a screen reader, and the checks on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no getter for an accessible's name. The functions here
 * compute it the way GTK 4.8 does for AT-SPI (gtkatcontext.c,
 * gtk_at_context_get_name): the "label" property, then the "label" of each
 * "labelled-by" target, and, when both are empty, the class name
 * ("GtkButton") — which is what Orca then says. The values come from
 * gtk_test_accessible_check_property() and _check_relation(), which print
 * the value they find when it differs from the one asked about.
 */
#define G_LOG_DOMAIN "test-accessibility"

#include "config.h"

#include <string.h>

#include "porting-document-view.h"
#include "porting-page-strip.h"
#include "porting-page-widget.h"
#include "test-accessibility-util.h"
#include "ui-test-util.h"

/* A value no property holds: the check prints the one it finds. */
#define UNLIKELY_VALUE "\x01"

/* ---- Problems ------------------------------------------------------------ */

void
a11y_report_init (A11yReport *report)
{
  report->lines = g_ptr_array_new_with_free_func (g_free);
  report->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  report->where = g_strdup ("");
}

void
a11y_report_set_where (A11yReport *report,
                       const char *format,
                       ...)
{
  va_list args;

  g_free (report->where);
  va_start (args, format);
  report->where = g_strdup_vprintf (format, args);
  va_end (args);
}

void
a11y_report_add (A11yReport *report,
                 const char *format,
                 ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* The same problem on every page is told once. */
  if (g_hash_table_contains (report->seen, problem))
    return;

  g_ptr_array_add (report->lines, g_strdup_printf ("%s: %s", report->where, problem));
  g_hash_table_add (report->seen, g_steal_pointer (&problem));
}

void
a11y_report_finish (A11yReport *report)
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

GHashTable *
a11y_dup_all_widgets (void)
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

gboolean
a11y_has_true_state (GtkAccessible      *accessible,
                     GtkAccessibleState  state,
                     int                 true_value)
{
  g_autofree char *differs = NULL;

  if (!gtk_test_accessible_has_state (accessible, state))
    return FALSE;

  differs = gtk_test_accessible_check_state (accessible, state, true_value);
  return differs == NULL;
}

/* GTK prints a list of references as "GtkLabel<0x55d0c3a1b2c0>GtkLabel<0x…>". */
GPtrArray *
a11y_dup_relation_targets (GtkAccessible         *accessible,
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
      g_autoptr(GPtrArray) targets = a11y_dup_relation_targets (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY, widgets);

      for (guint i = 0; i < targets->len; i++)
        accumulate_name (g_ptr_array_index (targets, i), names, FALSE, widgets);
    }

  if (role == GTK_ACCESSIBLE_ROLE_RANGE)
    {
      char *value_text = dup_string_property (accessible, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT);

      if (value_text != NULL)
        g_ptr_array_add (names, value_text);
    }

  if (a11y_has_true_state (accessible, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE))
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

char *
a11y_dup_name (GtkAccessible *accessible,
               GHashTable    *widgets)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  accumulate_name (accessible, names, TRUE, widgets);
  return join_texts (names);
}

char *
a11y_dup_description (GtkAccessible *accessible,
                      GHashTable    *widgets)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) targets = a11y_dup_relation_targets (accessible, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, widgets);
  char *own = dup_string_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  /* Orca 43 reads the described-by targets only for want of a description
   * (generator.py, _generateDescription): one hides the others. */
  if (own != NULL && own[0] != '\0')
    {
      g_ptr_array_add (texts, own);
      return join_texts (texts);
    }
  g_free (own);

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

gboolean
a11y_name_is_class_like (const char *name)
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

gboolean
a11y_name_has_mnemonic (const char *name)
{
  for (const char *p = strchr (name, '_'); p != NULL; p = strchr (p + 1, '_'))
    if (g_ascii_isalnum (p[1]))
      return TRUE;

  return FALSE;
}

/* A widget without a role (the GtkText of an entry) hands its focus
 * changes to its parent; the parent reports the focus only when it is one
 * of GTK's own entries, which ask their text for it. Any other parent —
 * AdwEntryRow's inner box in libadwaita 1.2 — says it is not focused, and
 * the screen reader hears nothing. */
GtkWidget *
a11y_focus_event_target (GtkWidget *focus)
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

char *
a11y_describe_widget (GtkWidget  *widget,
                      GHashTable *widgets)
{
  GtkWidget *control = control_of (widget);
  g_autofree char *name = a11y_dup_name (GTK_ACCESSIBLE (control), widgets);
  const char *title = NULL;
  g_autoptr(GString) where = g_string_new (NULL);

  if (ADW_IS_PREFERENCES_ROW (control))
    title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (control));
  else if (GTK_IS_BUTTON (control))
    title = gtk_button_get_label (GTK_BUTTON (control));
  if (title == NULL || title[0] == '\0')
    title = gtk_widget_get_tooltip_text (control);

  /* Unnamed, unlabelled: where it is. */
  if ((title == NULL || title[0] == '\0') && name[0] == '\0')
    for (GtkWidget *ancestor = gtk_widget_get_parent (control);
         ancestor != NULL && where->len < 80;
         ancestor = gtk_widget_get_parent (ancestor))
      g_string_append_printf (where, " in %s", G_OBJECT_TYPE_NAME (ancestor));

  return g_strdup_printf ("%s “%s”%s%s%s%s", G_OBJECT_TYPE_NAME (control), name,
                          title != NULL ? " (shown as “" : "",
                          title != NULL ? title : "",
                          title != NULL ? "”)" : "",
                          where->str);
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

const char *
a11y_combo_row_value (AdwComboRow *row)
{
  gpointer item = adw_combo_row_get_selected_item (row);

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;
}

char *
a11y_normalize_space (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

/* ---- The walk ---------------------------------------------------------------- */

/* What Orca says entering a group: the name of the nearest named one. */
static char *
dup_context (GtkWidget  *stop,
             GtkWidget  *root,
             GHashTable *widgets)
{
  for (GtkWidget *ancestor = gtk_widget_get_parent (stop);
       ancestor != NULL && ancestor != root;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      g_autofree char *name = NULL;

      if (!gtk_test_accessible_has_role (GTK_ACCESSIBLE (ancestor), GTK_ACCESSIBLE_ROLE_GROUP))
        continue;
      name = a11y_dup_name (GTK_ACCESSIBLE (ancestor), widgets);
      if (name[0] != '\0' && !a11y_name_is_class_like (name))
        return g_steal_pointer (&name);
    }

  return g_strdup ("");
}

/* The row of @list that @stop is, or NULL when it is a control in it. */
static GtkWidget *
list_of_row (GtkWidget *stop)
{
  GtkWidget *parent = gtk_widget_get_parent (stop);

  return GTK_IS_LIST_BOX_ROW (stop) && GTK_IS_LIST_BOX (parent) ? parent : NULL;
}

static void
check_labels_read_out (A11yReport *report,
                       GtkWidget  *target,
                       const char *what,
                       GHashTable *widgets)
{
  g_autoptr(GPtrArray) labels = a11y_dup_relation_targets (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_RELATION_LABELLED_BY, widgets);

  /* Orca reads what names the labels too: an unnamed image is "GtkImage". */
  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *label_name = a11y_dup_name (g_ptr_array_index (labels, i), widgets);

      if (a11y_name_is_class_like (label_name))
        a11y_report_add (report, "%s: labelled by a %s, read out as “%s”", what,
                         G_OBJECT_TYPE_NAME (g_ptr_array_index (labels, i)), label_name);
    }
}

void
a11y_check_stops (A11yReport *report,
                  GPtrArray  *stops,
                  GtkWidget  *root)
{
  g_autoptr(GHashTable) widgets = a11y_dup_all_widgets ();
  g_autoptr(GHashTable) lists_seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) row_stops = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);
      GtkWidget *target = a11y_focus_event_target (stop);
      g_autofree char *what = a11y_describe_widget (stop, widgets);
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;
      g_autofree char *context = NULL;
      g_autofree char *key = NULL;
      GtkWidget *list;
      guint count;

      if (!a11y_is_in (stop, root))
        continue;

      if (target == NULL)
        {
          a11y_report_add (report, "%s: Tab reaches its %s, but GTK sends the focus event to nobody: a screen reader says nothing",
                           what, G_OBJECT_TYPE_NAME (stop));
          continue;
        }

      name = a11y_dup_name (GTK_ACCESSIBLE (target), widgets);
      description = a11y_dup_description (GTK_ACCESSIBLE (target), widgets);

      if (name[0] == '\0')
        a11y_report_add (report, "%s: a Tab stop without an accessible name", what);
      else if (a11y_name_is_class_like (name))
        a11y_report_add (report, "%s: a Tab stop named after its class", what);
      else if (a11y_name_has_mnemonic (name))
        a11y_report_add (report, "%s: the mnemonic underscore is read out with the name", what);
      check_labels_read_out (report, target, what, widgets);
#if !GTK_CHECK_VERSION (4, 16, 0)
      if (a11y_has_true_state (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE))
        a11y_report_add (report, "%s: has the invalid state, which GTK 4.8 exports as a dead object: Orca goes silent on it", what);
#endif

      if (GTK_IS_LIST_BOX_ROW (stop) && !gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (stop)) &&
          !(ADW_IS_ACTION_ROW (stop) && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (stop)) != NULL))
        a11y_report_add (report, "%s: a row that does nothing is a Tab stop", what);

      if (GTK_IS_FLOW_BOX_CHILD (stop))
        a11y_report_add (report, "%s: the flow box wrapper is a Tab stop of its own", what);

      if (ADW_IS_ACTION_ROW (stop))
        {
          GtkWidget *control = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (stop));

          if (control != NULL && g_ptr_array_find (stops, control, NULL))
            a11y_report_add (report, "%s: the row and its %s are two Tab stops", what, G_OBJECT_TYPE_NAME (control));
        }

      /* Rows of one list are one stop, with arrows inside. */
      if ((list = list_of_row (stop)) != NULL)
        {
          guint rows = GPOINTER_TO_UINT (g_hash_table_lookup (row_stops, list)) + 1;

          g_hash_table_insert (row_stops, list, GUINT_TO_POINTER (rows));
          if (rows == 2)
            {
              g_autofree char *list_name = a11y_dup_name (GTK_ACCESSIBLE (list), widgets);

              a11y_report_add (report, "the rows of the list “%s” are Tab stops each, not one with arrows inside", list_name);
            }
        }

      /* A document's page buttons too: a long CSR would be a stop a page. */
      if ((list = gtk_widget_get_ancestor (stop, PORTING_TYPE_PAGE_STRIP)) != NULL)
        {
          guint pages = GPOINTER_TO_UINT (g_hash_table_lookup (row_stops, list)) + 1;

          g_hash_table_insert (row_stops, list, GUINT_TO_POINTER (pages));
          if (pages == 2)
            a11y_report_add (report, "the page buttons under a document are Tab stops each, not one with arrows inside");
        }

      if (GTK_IS_CHECK_BUTTON (stop) && check_button_is_radio (GTK_CHECK_BUTTON (stop)) &&
          !gtk_test_accessible_has_role (GTK_ACCESSIBLE (stop), GTK_ACCESSIBLE_ROLE_RADIO))
        a11y_report_add (report, "%s: a radio choice told as a check box", what);

      if (ADW_IS_COMBO_ROW (stop))
        {
          const char *value = a11y_combo_row_value (ADW_COMBO_ROW (stop));

          if (value != NULL && strstr (name, value) == NULL && strstr (description, value) == NULL)
            a11y_report_add (report, "%s: its value “%s” is in neither its name nor its description", what, value);
        }

      /* Entering a list or a panel, Orca says its name first. */
      for (GtkWidget *ancestor = gtk_widget_get_parent (stop);
           ancestor != NULL && ancestor != root;
           ancestor = gtk_widget_get_parent (ancestor))
        {
          g_autofree char *list_name = NULL;

          if (!(gtk_test_accessible_has_role (GTK_ACCESSIBLE (ancestor), GTK_ACCESSIBLE_ROLE_LIST) ||
                gtk_test_accessible_has_role (GTK_ACCESSIBLE (ancestor), GTK_ACCESSIBLE_ROLE_GRID)) ||
              !g_hash_table_add (lists_seen, ancestor))
            continue;

          list_name = a11y_dup_name (GTK_ACCESSIBLE (ancestor), widgets);
          if (list_name[0] == '\0' || a11y_name_is_class_like (list_name))
            a11y_report_add (report, "the list around %s is called “%s”", what, list_name);
        }

      /* A row and its own check box are one problem, told above. */
      if (name[0] == '\0' || a11y_name_is_class_like (name) ||
          (gtk_widget_get_parent (stop) != NULL &&
           ADW_IS_ACTION_ROW (gtk_widget_get_ancestor (stop, ADW_TYPE_ACTION_ROW)) &&
           adw_action_row_get_activatable_widget (ADW_ACTION_ROW (gtk_widget_get_ancestor (stop, ADW_TYPE_ACTION_ROW))) == stop))
        continue;

      context = dup_context (stop, root, widgets);
      key = g_strdup_printf ("%s\n%s\n%s", name, description, context);
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
          g_auto(GStrv) parts = g_strsplit (key, "\n", 3);

          a11y_report_add (report, "%u Tab stops are told the same way, “%s” (description “%s”, in “%s”): which one is which?",
                           GPOINTER_TO_UINT (count), parts[0], parts[1], parts[2]);
        }
  }
}

static void
check_stacks_under (A11yReport *report,
                    GtkWidget  *widget,
                    GHashTable *widgets)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (widget));
      GtkWidget *visible = gtk_stack_get_visible_child (GTK_STACK (widget));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (pages), i);
          GtkStackPage *page = GTK_STACK_PAGE (item);
          GtkWidget *child = gtk_stack_page_get_child (page);
          gboolean hidden = a11y_has_true_state (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
          g_autofree char *name = a11y_dup_name (GTK_ACCESSIBLE (page), widgets);

          if (child != visible && gtk_widget_get_visible (child) && !hidden)
            a11y_report_add (report, "the %s page “%s” of a %s is not shown, but a screen reader finds it",
                             G_OBJECT_TYPE_NAME (child), gtk_stack_page_get_name (page) ? gtk_stack_page_get_name (page) : "",
                             G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
          else if (child == visible && a11y_name_is_class_like (name))
            a11y_report_add (report, "the %s page shown in a %s is called “%s”",
                             G_OBJECT_TYPE_NAME (child), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), name);
        }

      if (visible != NULL)
        check_stacks_under (report, visible, widgets);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_stacks_under (report, child, widgets);
}

void
a11y_check_stacks (A11yReport *report,
                   GtkWidget  *root)
{
  g_autoptr(GHashTable) widgets = a11y_dup_all_widgets ();

  check_stacks_under (report, root, widgets);
}

/* What a screen reader is told about when @field takes the focus: the
 * text of an entry row when it reports its focus, the control of a row. */
static GtkWidget *
focus_target_of (GtkWidget *field)
{
  if (GTK_IS_EDITABLE (field) && gtk_editable_get_delegate (GTK_EDITABLE (field)) != NULL)
    {
      GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (field)));

      if (a11y_focus_event_target (text) == text)
        return text;
    }
  if (ADW_IS_ACTION_ROW (field) && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (field)) != NULL)
    return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (field));

  return field;
}

static gboolean
described_by (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GHashTable) widgets = a11y_dup_all_widgets ();
  g_autofree char *description = a11y_dup_description (GTK_ACCESSIBLE (args[0]), widgets);

  return strstr (description, args[1]) != NULL;
}

void
a11y_check_invalid (A11yReport *report,
                    GtkWidget  *field,
                    const char *message)
{
  g_autoptr(GHashTable) widgets = a11y_dup_all_widgets ();
  g_autofree char *what = a11y_describe_widget (field, widgets);
  GtkWidget *target = focus_target_of (field);
  gpointer args[] = { target, (gpointer) message };
  g_autofree char *description = NULL;
  gboolean invalid;

  /* Typed in, the error is told once the typing pauses. */
  ui_test_wait_for (described_by, args);
  description = a11y_dup_description (GTK_ACCESSIBLE (target), widgets);
  invalid = a11y_has_true_state (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_STATE_INVALID,
                                          GTK_ACCESSIBLE_INVALID_TRUE);

  if (strstr (description, message) == NULL)
    a11y_report_add (report, "%s: shows “%s” but what takes its focus (a %s) is described “%s”",
                     what, message, G_OBJECT_TYPE_NAME (target), description);

#if GTK_CHECK_VERSION (4, 16, 0)
  if (!invalid)
    a11y_report_add (report, "%s: shows “%s” but has no invalid state", what, message);
#else
  /* GTK 4.8 exports it as AT-SPI's STATE_INVALID, a dead object to Orca. */
  if (invalid || a11y_has_true_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE))
    a11y_report_add (report, "%s: has the invalid state, which GTK 4.8 exports as a dead object: Orca goes silent on it", what);
#endif
}

/* ---- The check view ------------------------------------------------------ */

static void
collect_texts (GtkWidget  *widget,
               GHashTable *widgets,
               GString    *texts)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  /* What is hidden from a screen reader tells nothing. */
  if (!gtk_widget_get_visible (widget) ||
      a11y_has_true_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE))
    return;

  name = a11y_dup_name (GTK_ACCESSIBLE (widget), widgets);
  description = a11y_dup_description (GTK_ACCESSIBLE (widget), widgets);
  if (!a11y_name_is_class_like (name))
    g_string_append_printf (texts, "%s\n", name);
  g_string_append_printf (texts, "%s\n", description);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, widgets, texts);
}

/* A status (role "status") named @text; with NULL, named at all (not
 * empty, not a class name). */
static gboolean
is_status_saying (GtkWidget  *widget,
                  const char *text)
{
  g_autoptr(GHashTable) widgets = NULL;
  g_autofree char *name = NULL;

  if (!gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_STATUS))
    return FALSE;

  widgets = a11y_dup_all_widgets ();
  name = a11y_dup_name (GTK_ACCESSIBLE (widget), widgets);
  if (text == NULL)
    return name != NULL && *name != '\0' && !a11y_name_is_class_like (name);
  return g_strcmp0 (name, text) == 0;
}

void
a11y_check_check_view (A11yReport       *report,
                       PortingCheckView *view)
{
  static const struct { PortingField field; const char *label; } fields[] = {
    { PORTING_FIELD_NAME, "name" },
    { PORTING_FIELD_ADDRESS, "address" },
  };
  static const char * const status_words[] = { "Exact match", "Equivalent", "Mismatch", "Not found", "Unreadable" };
  PortingCheckResult *result = porting_check_view_get_result (view);
  g_autoptr(GHashTable) widgets = a11y_dup_all_widgets ();
  struct { PortingDocumentView *view; const char *title; gboolean proof; } documents[] = {
    { porting_check_view_get_loa_view (view), "LOA", FALSE },
    { porting_check_view_get_proof_view (view), "proof", TRUE },
  };
  const char *verdict = porting_check_view_get_verdict_text (view);
  gboolean show_verdict;

  g_assert_nonnull (result);

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(GString) texts = g_string_new (NULL);
      g_autofree char *told = NULL;
      guint n_pages = porting_document_view_get_n_pages (documents[d].view);

      collect_texts (GTK_WIDGET (documents[d].view), widgets, texts);
      told = a11y_normalize_space (texts->str);

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          const PortingFieldResult *field = porting_check_result_get_field (result, fields[i].field);
          const char *found = documents[d].proof ? field->proof_text : field->loa_text;
          g_autofree char *wanted = NULL;

          if (found == NULL)
            continue;
          wanted = a11y_normalize_space (found);
          if (strstr (told, wanted) == NULL)
            a11y_report_add (report, "the %s view does not tell the %s found on it, “%s”",
                             documents[d].title, fields[i].label, wanted);
        }

      /* Each page tells its text, not only "Page 1". */
      for (guint page = 0; page < n_pages; page++)
        {
          GtkWidget *page_widget = porting_document_view_get_page_widget (documents[d].view, page);
          g_autofree char *description = a11y_dup_description (GTK_ACCESSIBLE (page_widget), widgets);

          if (description[0] == '\0')
            a11y_report_add (report, "page %u of the %s tells no text", page + 1, documents[d].title);
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
      name = a11y_dup_name (GTK_ACCESSIBLE (row), widgets);
      description = a11y_dup_description (GTK_ACCESSIBLE (row), widgets);
      for (guint w = 0; w < G_N_ELEMENTS (status_words); w++)
        told |= strstr (name, status_words[w]) != NULL || strstr (description, status_words[w]) != NULL;
      if (!told)
        a11y_report_add (report, "the %s result row “%s” does not say its status in words", fields[i].label, name);

      /* And what each document says, as the row shows it. */
      {
        const PortingFieldResult *field = porting_check_result_get_field (result, fields[i].field);
        const char *found[] = { field->loa_text, field->proof_text };
        g_autofree char *told_text = a11y_normalize_space (description);

        for (guint f = 0; f < G_N_ELEMENTS (found); f++)
          {
            g_autofree char *wanted = found[f] != NULL ? a11y_normalize_space (found[f]) : NULL;

            if (wanted != NULL && strstr (told_text, wanted) == NULL)
              a11y_report_add (report, "the %s result row is described “%s”, without the %s’s “%s”",
                               fields[i].label, description, f == 0 ? "LOA" : "proof", wanted);
          }
      }
    }

  /* The verdict is a status a screen reader is told of: the view's, or,
   * where the page around says it in its own words, one of the page's. */
  g_object_get (view, "show-verdict", &show_verdict, NULL);
  if (!show_verdict)
    {
      GtkWidget *page = gtk_widget_get_parent (GTK_WIDGET (view));
      GtkWidget *status = a11y_find_widget (page, is_status_saying, NULL);

      if (status == NULL || gtk_widget_is_ancestor (status, GTK_WIDGET (view)))
        a11y_report_add (report, "the check shows no verdict, and the page around it none in a status");
    }
  else if (verdict == NULL)
    a11y_report_add (report, "no verdict shown");
  else
    {
      GtkWidget *status = a11y_find_widget (GTK_WIDGET (view), is_status_saying, verdict);

      if (status == NULL)
        a11y_report_add (report, "the verdict “%s” is in no status a screen reader is told of", verdict);
    }
}
