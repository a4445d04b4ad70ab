/* test-accessibility-keys.c — keys as GTK delivers them, Tab round a window, finding what a page shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4 has no public way to put key events into a window: a key press is
 * delivered here the way GTK delivers one, to the controllers, shortcuts
 * and keybindings of the focus and its ancestors, in their phases.
 */
#define G_LOG_DOMAIN "test-accessibility"

#include "config.h"

#include "test-accessibility-util.h"
#include "ui-test-util.h"

#define MAX_TABS 150

/* ---- Keys ------------------------------------------------------------------ */

GtkWidget *
a11y_focus_widget (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == gdk_keyval_to_lower (keyval) &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

static gboolean
run_shortcuts (GtkShortcutController *controller,
               guint                  keyval,
               GdkModifierType        modifiers)
{
  GListModel *shortcuts = G_LIST_MODEL (controller);
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gboolean handled = FALSE;

  if (widget == NULL || !gtk_widget_is_sensitive (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts) && !handled; i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);

      if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
        handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                gtk_shortcut_get_arguments (shortcut));
    }

  return handled;
}

static gboolean
is_managed (GtkEventController *controller)
{
  return GTK_IS_SHORTCUT_CONTROLLER (controller) &&
         gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_LOCAL;
}

/* The controllers of @widget in @phase take the key, until one does. */
static gboolean
deliver (GtkWidget       *widget,
         GtkPropagationPhase phase,
         gboolean         is_target,
         guint            keyval,
         GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GtkPropagationPhase controller_phase = gtk_event_controller_get_propagation_phase (controller);
      const char *name = gtk_event_controller_get_name (controller);

      if (!(controller_phase == phase || (is_target && phase == GTK_PHASE_BUBBLE && controller_phase == GTK_PHASE_TARGET)))
        continue;
      if (is_managed (controller) || (name != NULL && g_str_has_prefix (name, "gtk-shortcut-manager")))
        continue;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
      else if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        handled = run_shortcuts (GTK_SHORTCUT_CONTROLLER (controller), keyval, modifiers);
    }

  return handled;
}

/* What the window's shortcut manager does: the managed shortcuts of every
 * widget in it, whichever has the focus. */
static gboolean
run_managed_shortcuts (GtkWidget       *widget,
                       guint            keyval,
                       GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (is_managed (controller))
        handled = run_shortcuts (GTK_SHORTCUT_CONTROLLER (controller), keyval, modifiers);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && !handled;
       child = gtk_widget_get_next_sibling (child))
    handled = run_managed_shortcuts (child, keyval, modifiers);

  return handled;
}

gboolean
a11y_send_key (GtkWindow       *window,
               guint            keyval,
               GdkModifierType  modifiers)
{
  GtkApplication *app = gtk_window_get_application (window);
  GtkWidget *focus = a11y_focus_widget (window);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  gboolean handled = FALSE;

  for (GtkWidget *widget = focus != NULL ? focus : GTK_WIDGET (window);
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (path, 0, widget);

  for (guint i = 0; i < path->len && !handled; i++)
    handled = deliver (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, FALSE, keyval, modifiers);

  for (guint i = path->len; i > 0 && !handled; i--)
    handled = deliver (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, i == path->len, keyval, modifiers);

  if (!handled)
    handled = run_managed_shortcuts (GTK_WIDGET (window), keyval, modifiers);

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

void
a11y_press_tab (GtkWindow *window,
                gboolean   backward)
{
  g_assert_true (a11y_send_key (window, GDK_KEY_Tab, backward ? GDK_SHIFT_MASK : 0));
}

/* ---- The walk ---------------------------------------------------------------- */

gboolean
a11y_is_in (GtkWidget *widget,
            GtkWidget *ancestor)
{
  return widget == ancestor || gtk_widget_is_ancestor (widget, ancestor);
}

GPtrArray *
a11y_dup_tab_stops (GtkWindow *window,
                    GtkWidget *start)
{
  GPtrArray *stops = g_ptr_array_new ();

  gtk_widget_grab_focus (start);
  ui_test_settle ();
  if (a11y_focus_widget (window) == NULL)
    return stops;

  g_ptr_array_add (stops, a11y_focus_widget (window));
  for (guint presses = 0; presses < MAX_TABS; presses++)
    {
      GtkWidget *focus;

      a11y_press_tab (window, FALSE);
      focus = a11y_focus_widget (window);
      if (focus == NULL || g_ptr_array_find (stops, focus, NULL))
        break;
      g_ptr_array_add (stops, focus);
    }

  /* A11Y_TEST_STOPS=1 lists them, to see where a problem is. */
  if (g_getenv ("A11Y_TEST_STOPS") != NULL)
    {
      g_autoptr(GHashTable) widgets = a11y_dup_all_widgets ();

      for (guint i = 0; i < stops->len; i++)
        {
          g_autofree char *what = a11y_describe_widget (g_ptr_array_index (stops, i), widgets);

          g_test_message ("stop %u: %s", i, what);
        }
    }

  return stops;
}

/* ---- Finding things by what the page shows ---------------------------------- */

GtkWidget *
a11y_find_widget (GtkWidget           *root,
                  A11yWidgetPredicate  predicate,
                  const char          *text)
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
      if ((found = a11y_find_widget (child, predicate, text)) != NULL)
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

gboolean
a11y_is_stack_with_child (GtkWidget  *widget,
                          const char *name)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), name) != NULL;
}

GtkWidget *
a11y_find_row (GtkWidget  *root,
               const char *title)
{
  GtkWidget *row = a11y_find_widget (root, is_row_titled, title);

  if (row == NULL)
    g_error ("No row “%s” on the page", title);
  return row;
}

GtkWidget *
a11y_find_button (GtkWidget  *root,
                  const char *label)
{
  GtkWidget *button = a11y_find_widget (root, is_button_labelled, label);

  if (button == NULL)
    g_error ("No button “%s” on the page", label);
  return button;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
file_selected (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autoptr(GFile) selected = dialog != NULL ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;

  return selected != NULL && g_file_equal (selected, data);
}

/* Without a portal, GtkFileChooserNative shows GTK's own dialog. */
void
a11y_choose_file (GFile *file)
{
  GtkWindow *dialog;

  g_assert_true (ui_test_wait_for (file_chooser_shown, NULL));
  dialog = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, NULL));
  g_assert_true (ui_test_wait_for (file_selected, file));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  ui_test_settle ();
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

static gboolean
label_shown (gpointer data)
{
  const char * const *args = data;

  return ui_test_find_label (GTK_WIDGET ((gpointer) args[0]), args[1], UI_TEST_LABEL_MAPPED | UI_TEST_LABEL_PREFIX) != NULL;
}

void
a11y_wait_for_label (GtkWidget  *root,
                     const char *text)
{
  const char *args[] = { (const char *) root, text };

  g_assert_true (ui_test_wait_for (label_shown, args));
}
