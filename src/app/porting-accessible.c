/* porting-accessible.c — what assistive technologies are told, and how the keyboard moves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 and libadwaita 1.2 tell a screen reader a few things wrong that
 * the application can put right from outside; porting_accessible_fix_tree()
 * does it for every widget of a page, once. What cannot be put right is
 * said in the comments, with the version that fixes it.
 */

#define G_LOG_DOMAIN "porting-accessible"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-accessible.h"

#define FIXED_KEY "porting-accessible-fixed"
#define NAMED_KEY "porting-accessible-named"
#define TYPE_AHEAD_KEY "porting-accessible-type-ahead"

/* Keys typed further apart start a new search. */
#define TYPE_AHEAD_TIMEOUT_US (G_USEC_PER_SEC * 3 / 2)

/* ---- Names -------------------------------------------------------------- */

void
porting_accessible_set_label (GtkWidget  *widget,
                              const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : "",
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* GTK 4.8 names a button both by its label as set ("_Next") and by the
 * mnemonic label inside it ("Next"): "_Next Next". The mnemonic label alone
 * names it right. (GTK 4.10 strips the underscore.) */
static void
fix_button_label (GtkButton *button)
{
  if (g_object_get_data (G_OBJECT (button), NAMED_KEY) != NULL)
    return;

  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* An icon button is labelled by its image in GTK 4.8, and screen readers
 * follow the relation: "GtkImage Zoom In". Its own label is enough. */
static void
fix_button_icon (GtkButton *button)
{
  if (gtk_button_get_icon_name (button) != NULL)
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
fix_button (GtkButton *button)
{
  fix_button_label (button);
  fix_button_icon (button);
  g_signal_connect (button, "notify::label", G_CALLBACK (fix_button_label), NULL);
  g_signal_connect (button, "notify::use-underline", G_CALLBACK (fix_button_label), NULL);
  g_signal_connect (button, "notify::icon-name", G_CALLBACK (fix_button_icon), NULL);
}

/* libadwaita 1.2 gives the arrow of a split button a tooltip only: a
 * screen reader calls it "GtkMenuButton". */
/* "_Open LOA…" as read: "Open LOA…". */
static char *
strip_mnemonic (const char *label)
{
  GString *stripped = g_string_new (NULL);

  for (const char *p = label != NULL ? label : ""; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (stripped, *p);
    }

  return g_string_free (stripped, FALSE);
}

/* libadwaita 1.2 gives the arrow of a split button a tooltip only: a
 * screen reader calls it "GtkMenuButton". Named by the tooltip, described
 * by the button it goes with (two of them are on one page). */
static void
fix_split_button (AdwSplitButton *button)
{
  const char *tooltip = adw_split_button_get_dropdown_tooltip (button);
  g_autofree char *label = strip_mnemonic (adw_split_button_get_label (button));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip != NULL ? tooltip : _("More Options"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                      -1);
}

static const char *
get_group_title (GtkWidget *group)
{
  const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));

  return title != NULL && title[0] != '\0' ? title : NULL;
}

/* A list put in a titled group by the application (not the group's own,
 * which its title names) would be called "GtkListBox": the title names it.
 * The own list of a group without a title goes on from the titled group
 * before it, and takes that title. */
static void
fix_list (GtkListBox *list)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (list));
  const char *title;

  if (group == NULL || g_object_get_data (G_OBJECT (list), NAMED_KEY) != NULL)
    return;

  title = get_group_title (group);

  /* libadwaita 1.2: group > box > listbox_box > its own listbox first. */
  if (gtk_widget_get_first_child (parent) == GTK_WIDGET (list) &&
      gtk_widget_get_parent (gtk_widget_get_parent (parent)) == group)
    {
      if (title != NULL)
        return;
      for (GtkWidget *before = gtk_widget_get_prev_sibling (group);
           before != NULL && title == NULL;
           before = gtk_widget_get_prev_sibling (before))
        if (ADW_IS_PREFERENCES_GROUP (before) && gtk_widget_get_visible (before))
          title = get_group_title (before);
    }

  if (title != NULL)
    porting_accessible_set_label (GTK_WIDGET (list), title);
}

static char *
dup_item_string (AdwComboRow *row,
                 gpointer     item)
{
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return NULL;
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);

  return NULL;
}

/* libadwaita 1.2 tells the row's title, never the value chosen. */
static void
describe_combo_value (AdwComboRow *row)
{
  g_autofree char *value = dup_item_string (row, adw_combo_row_get_selected_item (row));

  if (value != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

#if !GTK_CHECK_VERSION (4, 10, 0)
/* GTK 4.8 reports the focus of a GtkText to its parent, which for an
 * AdwEntryRow of libadwaita 1.2 is an inner box that says it is not
 * focused: Tab into the row, and a screen reader says nothing. (libadwaita
 * with GTK 4.10 asks the text, through
 * gtk_editable_delegate_get_accessible_platform_state(); the interface
 * that would let the row do it here is private in GTK 4.8.) Given a role,
 * the text reports its own focus, under the row's title; the row keeps
 * the text itself for reading. */
static void
name_entry_text (AdwEntryRow *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  if (GTK_IS_TEXT (text))
    gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                    -1);
}

static void
fix_entry_row (AdwEntryRow *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  if (!GTK_IS_TEXT (text))
    return;

  g_object_set (text, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
  name_entry_text (row);
  g_signal_connect (row, "notify::title", G_CALLBACK (name_entry_text), NULL);
}
#endif

/* A row with a check box or a switch as its control is one Tab stop, the
 * control; a row that does nothing is none (it stays in the tree, to be
 * read). Clicking a row still toggles its control. */
static void
update_row_focusable (GtkListBoxRow *row)
{
  gboolean focusable = gtk_list_box_row_get_activatable (row);

  if (ADW_IS_ACTION_ROW (row) && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) != NULL)
    focusable = FALSE;

  gtk_widget_set_focusable (GTK_WIDGET (row), focusable);
}

static void
fix_row (GtkListBoxRow *row)
{
  /* Entry and expander rows give the focus to what is in them. */
  if (ADW_IS_ENTRY_ROW (row) || ADW_IS_EXPANDER_ROW (row) || ADW_IS_COMBO_ROW (row))
    return;

  update_row_focusable (row);
  g_signal_connect (row, "notify::activatable", G_CALLBACK (update_row_focusable), NULL);
  if (ADW_IS_ACTION_ROW (row))
    g_signal_connect (row, "notify::activatable-widget", G_CALLBACK (update_row_focusable), NULL);
}

/* The radios of @radio's list, in order. */
static GPtrArray *
dup_list_radios (GtkWidget *radio)
{
  GtkWidget *list = gtk_widget_get_ancestor (radio, GTK_TYPE_LIST_BOX);
  GPtrArray *radios = g_ptr_array_new ();

  for (GtkWidget *row = list != NULL ? gtk_widget_get_first_child (list) : NULL;
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *control = ADW_IS_ACTION_ROW (row) ? adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) : NULL;

      if (control != NULL && GTK_IS_CHECK_BUTTON (control) &&
          gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (control)) == GTK_ACCESSIBLE_ROLE_RADIO &&
          gtk_widget_is_visible (control) && gtk_widget_is_sensitive (control))
        g_ptr_array_add (radios, control);
    }

  return radios;
}

/* Arrows move among the radios of a group and choose, as GTK does outside a
 * list: in one, the list's own keys would move to whatever row is next. */
static gboolean
on_radio_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      gpointer               user_data)
{
  GtkWidget *radio = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  g_autoptr(GPtrArray) radios = NULL;
  int step;
  guint index;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: case GDK_KEY_Left: case GDK_KEY_KP_Left:
      step = -1;
      break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: case GDK_KEY_Right: case GDK_KEY_KP_Right:
      step = 1;
      break;
    default:
      return FALSE;
    }

  radios = dup_list_radios (radio);
  if (radios->len < 2 || !g_ptr_array_find (radios, radio, &index))
    return FALSE;

  radio = g_ptr_array_index (radios, (index + radios->len + step) % radios->len);
  gtk_widget_grab_focus (radio);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (radio), TRUE);
  return TRUE;
}

static void
fix_radio (GtkCheckButton *check)
{
  GtkEventController *controller;

  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (check)) != GTK_ACCESSIBLE_ROLE_RADIO)
    return;

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_radio_key_pressed), NULL);
  gtk_widget_add_controller (GTK_WIDGET (check), controller);
}

/* GTK 4.8 keeps the pages of a stack that are not shown in the tree a
 * screen reader walks ("No Document" beside the document), and names a
 * page without a title after its class. */
static void
update_stack_pages (GtkStack *stack)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (stack);
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      GtkWidget *child = gtk_stack_page_get_child (page);

      if (gtk_stack_page_get_title (page) == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (page),
                                   GTK_ACCESSIBLE_STATE_HIDDEN,
                                   child != visible || !gtk_stack_page_get_visible (page),
                                   -1);
    }
}

static void
fix_stack (GtkStack *stack)
{
  update_stack_pages (stack);
  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (update_stack_pages), NULL);
}

static void
fix_widget (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), FIXED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), FIXED_KEY, GINT_TO_POINTER (TRUE));

  if (GTK_IS_BUTTON (widget))
    fix_button (GTK_BUTTON (widget));
  else if (ADW_IS_SPLIT_BUTTON (widget))
    fix_split_button (ADW_SPLIT_BUTTON (widget));
  else if (GTK_IS_STACK (widget))
    fix_stack (GTK_STACK (widget));
  else if (GTK_IS_LIST_BOX (widget))
    fix_list (GTK_LIST_BOX (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    fix_radio (GTK_CHECK_BUTTON (widget));
  else if (GTK_IS_FLOW_BOX_CHILD (widget))
    /* A flow box of cards: what is on the cards takes the focus. */
    gtk_widget_set_focusable (widget, FALSE);

  if (ADW_IS_COMBO_ROW (widget))
    {
      describe_combo_value (ADW_COMBO_ROW (widget));
      g_signal_connect (widget, "notify::selected-item", G_CALLBACK (describe_combo_value), NULL);
    }
#if !GTK_CHECK_VERSION (4, 10, 0)
  if (ADW_IS_ENTRY_ROW (widget))
    fix_entry_row (ADW_ENTRY_ROW (widget));
#endif
  if (GTK_IS_LIST_BOX_ROW (widget))
    fix_row (GTK_LIST_BOX_ROW (widget));
}

void
porting_accessible_fix_tree (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  fix_widget (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    porting_accessible_fix_tree (child);
}

/* ---- Focus --------------------------------------------------------------- */

GtkWidget *
porting_accessible_get_focus_target (GtkWidget *field)
{
  g_return_val_if_fail (GTK_IS_WIDGET (field), NULL);

#if !GTK_CHECK_VERSION (4, 10, 0)
  if (ADW_IS_ENTRY_ROW (field))
    {
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (field));

      if (GTK_IS_TEXT (text))
        return GTK_WIDGET (text);
    }
#endif

  if (ADW_IS_ACTION_ROW (field) && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (field)) != NULL)
    return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (field));

  return field;
}

/* A screen reader drops a focus change it cannot look at in time: right
 * after a dialog, while a page fills in (Orca 43: "source of
 * object:state-changed:focused is dead"). The focus goes a moment later. */
#define FOCUS_LATER_MS 400

static gboolean
focus_later_cb (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (ref);

  if (widget != NULL && gtk_widget_get_mapped (widget) && !porting_accessible_has_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);

  return G_SOURCE_REMOVE;
}

static void
focus_later_free (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

void
porting_accessible_focus_first (GtkWidget *widget)
{
  GtkRoot *root;
  GWeakRef *ref;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root)))
    {
      gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
      return;
    }

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, widget);
  g_timeout_add_full (G_PRIORITY_LOW, FOCUS_LATER_MS, focus_later_cb, ref, focus_later_free);
}

gboolean
porting_accessible_has_focus (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

void
porting_accessible_set_row_read_only (GtkWidget *row)
{
  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
}

/* ---- Telling ------------------------------------------------------------- */

void
porting_accessible_announce (GtkWidget  *widget,
                             const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (message == NULL || *message == '\0' || !gtk_widget_get_mapped (widget))
    return;

#if GTK_CHECK_VERSION (4, 14, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_accessible_announce (GTK_ACCESSIBLE (widget), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}

void
porting_accessible_set_status (GtkWidget  *widget,
                               const char *text,
                               gboolean    announce)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* Screen readers speak a new name of what has the focus (GTK 4.8 has no
   * other way to say something). */
  porting_accessible_set_label (widget, text);
  if (announce && !porting_accessible_has_focus (widget))
    porting_accessible_announce (widget, text);
}

/* ---- One Tab stop for a list --------------------------------------------- */

typedef struct
{
  GtkWidget *(*next_stop) (gpointer user_data);
  gpointer    user_data;
} SingleTabStop;

/* The list takes no part in the focus chain for a moment: the focus goes
 * to what is before or after it. */
static void
leave_list (GtkWidget        *list,
            GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (list);

  if (root == NULL)
    return;

  gtk_widget_set_can_focus (list, FALSE);
  g_signal_emit_by_name (root, "move-focus", direction);
  gtk_widget_set_can_focus (list, TRUE);
}

static gboolean
on_single_stop_key_pressed (GtkEventControllerKey *controller,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            SingleTabStop         *stop)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();
  GtkMovementStep step = GTK_MOVEMENT_DISPLAY_LINES;
  int count;

  /* A control inside a row keeps its keys. */
  if (focus == NULL || !GTK_IS_LIST_BOX_ROW (focus) || gtk_widget_get_parent (focus) != list)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if ((modifiers & ~GDK_SHIFT_MASK) != 0)
        return FALSE;
      if (keyval != GDK_KEY_ISO_Left_Tab && (modifiers & GDK_SHIFT_MASK) == 0)
        {
          GtkWidget *next = stop->next_stop != NULL ? stop->next_stop (stop->user_data) : NULL;

          if (next == NULL || !gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD))
            leave_list (list, GTK_DIR_TAB_FORWARD);
        }
      else
        leave_list (list, GTK_DIR_TAB_BACKWARD);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      count = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      count = 1;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      step = GTK_MOVEMENT_BUFFER_ENDS;
      count = -1;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      step = GTK_MOVEMENT_BUFFER_ENDS;
      count = 1;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      step = GTK_MOVEMENT_PAGES;
      count = -1;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      step = GTK_MOVEMENT_PAGES;
      count = 1;
      break;
    default:
      return FALSE;
    }

  if (modifiers != 0)
    return FALSE;

  /* The arrows move the focus; Enter or Space chooses (a selection that
   * followed the focus would mark a page that is not shown). */
  g_signal_emit_by_name (list, "move-cursor", step, count, FALSE, TRUE);
  return TRUE;
}

void
porting_list_box_set_single_tab_stop (GtkListBox  *list,
                                      GtkWidget  *(*next_stop) (gpointer user_data),
                                      gpointer     user_data)
{
  GtkEventController *controller;
  SingleTabStop *stop;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  stop = g_new0 (SingleTabStop, 1);
  stop->next_stop = next_stop;
  stop->user_data = user_data;

  /* Before the list's own keybindings, which move and select. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_data (controller, "key-pressed", G_CALLBACK (on_single_stop_key_pressed),
                         stop, (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_add_controller (GTK_WIDGET (list), controller);
}

/* ---- Type-ahead in a combo row ------------------------------------------- */

typedef struct
{
  GString *typed;
  gint64   last_key_time;
} TypeAhead;

static void
type_ahead_free (gpointer data)
{
  TypeAhead *type_ahead = data;

  g_string_free (type_ahead->typed, TRUE);
  g_free (type_ahead);
}

static gboolean
starts_with_folded (const char *text,
                    const char *folded_prefix)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT);
  g_autofree char *folded = g_utf8_casefold (normalized != NULL ? normalized : text, -1);

  return g_str_has_prefix (folded, folded_prefix);
}

/* The first item whose text starts with @prefix, else whose part after
 * " — " does ("CA — California"). */
static guint
find_typed_item (AdwComboRow *row,
                 const char  *prefix)
{
  GListModel *model = adw_combo_row_get_model (row);
  g_autofree char *normalized = g_utf8_normalize (prefix, -1, G_NORMALIZE_DEFAULT);
  g_autofree char *folded = g_utf8_casefold (normalized != NULL ? normalized : prefix, -1);
  guint n_items = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_items; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (model, i);
        g_autofree char *text = dup_item_string (row, item);
        const char *part = text;

        if (text == NULL)
          continue;
        if (pass == 1 && (part = strstr (text, " — ")) == NULL)
          continue;
        if (pass == 1)
          part += strlen (" — ");
        if (starts_with_folded (part, folded))
          return i;
      }

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
on_type_ahead_key_pressed (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           AdwComboRow           *row)
{
  TypeAhead *type_ahead = g_object_get_data (G_OBJECT (row), TYPE_AHEAD_KEY);
  gunichar character = gdk_keyval_to_unicode (keyval);
  gint64 now = g_get_monotonic_time ();
  guint position;

  /* Space opens the list; shortcuts are not typing. */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      character == 0 || g_unichar_isspace (character) || !g_unichar_isprint (character))
    return FALSE;

  if (now - type_ahead->last_key_time > TYPE_AHEAD_TIMEOUT_US)
    g_string_truncate (type_ahead->typed, 0);
  type_ahead->last_key_time = now;
  g_string_append_unichar (type_ahead->typed, character);

  position = find_typed_item (row, type_ahead->typed->str);
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (row, position);
  else
    gtk_widget_error_bell (GTK_WIDGET (row));

  return TRUE;
}

void
porting_combo_row_add_type_ahead (AdwComboRow *row)
{
  GtkEventController *controller;
  TypeAhead *type_ahead;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  /* libadwaita 1.2 has no search in a combo row (enable-search is 1.4). */
  type_ahead = g_new0 (TypeAhead, 1);
  type_ahead->typed = g_string_new (NULL);
  g_object_set_data_full (G_OBJECT (row), TYPE_AHEAD_KEY, type_ahead, type_ahead_free);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_type_ahead_key_pressed), row);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
}
