/* test-accessibility-keys.c — keys as GTK delivers them, Tab round a window, finding what a page shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys go in through ui_test_send_key() (ui-test-util.c).
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

void
a11y_press_tab (GtkWindow *window,
                gboolean   backward)
{
  g_assert_true (ui_test_send_key (window, GDK_KEY_Tab, backward ? GDK_SHIFT_MASK : 0));
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
