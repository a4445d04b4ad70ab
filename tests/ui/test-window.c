/* test-window.c — the application window, driven for real under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>

#include "porting-application.h"
#include "porting-preferences-window.h"
#include "porting-window.h"
#include "ui-test-util.h"

static PortingApplication *app;

static const char * const page_names[] = {
  "port-in", "twilio-transfer", "port-out", "international", "byoc",
  "requests", "document-check",
};

static gboolean
window_is_folded (gpointer data)
{
  return porting_window_get_folded (PORTING_WINDOW (data));
}

static gboolean
window_is_unfolded (gpointer data)
{
  return !porting_window_get_folded (PORTING_WINDOW (data));
}

static gboolean
style_is_dark (gpointer data)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static gboolean
style_is_light (gpointer data)
{
  return !adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static gboolean
toplevel_is_shown (gpointer data)
{
  GtkWindow *toplevel = ui_test_find_toplevel (GPOINTER_TO_SIZE (data));

  return toplevel != NULL && gtk_widget_get_mapped (GTK_WIDGET (toplevel));
}

static void
close_window (PortingWindow *window)
{
  g_autoptr(GtkWindow) ref = g_object_ref (GTK_WINDOW (window));

  gtk_window_close (ref);
  ui_test_settle ();
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
test_window_opens (void)
{
  PortingWindow *window = ui_test_open_window (app);

  g_assert_true (ADW_IS_APPLICATION_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Porting");
  /* The default last page is the first job. */
  g_assert_cmpstr (porting_window_get_visible_page_name (window), ==, "port-in");
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    g_assert_true (GTK_IS_WIDGET (porting_window_get_page (window, page_names[i])));
  g_assert_null (porting_window_get_page (window, "no-such-page"));

  /* Toasts go over the content. */
  porting_window_add_toast (window, adw_toast_new ("Saved"));
  ui_test_settle ();

  close_window (window);
}

static void
test_window_sidebar (void)
{
  PortingWindow *window = ui_test_open_window (app);
  GSettings *settings = porting_application_get_settings (app);
  GtkListBox *sidebar;
  guint n_rows = 0;

  sidebar = GTK_LIST_BOX (ui_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "navigation-sidebar"));
  g_assert_nonnull (sidebar);

  /* Each row, activated like a click, shows its page and remembers it. */
  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (sidebar, n_rows)) != NULL; n_rows++)
    {
      g_autofree char *last_page = NULL;

      g_assert_cmpuint (n_rows, <, G_N_ELEMENTS (page_names));
      g_signal_emit_by_name (row, "activate");
      ui_test_settle ();

      g_assert_cmpstr (porting_window_get_visible_page_name (window), ==, page_names[n_rows]);
      g_assert_true (gtk_list_box_get_selected_row (sidebar) == row);
      last_page = g_settings_get_string (settings, "last-page");
      g_assert_cmpstr (last_page, ==, page_names[n_rows]);
    }
  g_assert_cmpuint (n_rows, ==, G_N_ELEMENTS (page_names));

  /* The public way in selects the matching row too. */
  porting_window_show_page (window, "port-out");
  ui_test_settle ();
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == gtk_list_box_get_row_at_index (sidebar, 2));

  close_window (window);

  /* The last page comes back with the next window. */
  window = ui_test_open_window (app);
  g_assert_cmpstr (porting_window_get_visible_page_name (window), ==, "port-out");
  close_window (window);
  g_settings_reset (settings, "last-page");
}

static void
test_window_folds (void)
{
  PortingWindow *window = ui_test_open_window (app);
  GtkWidget *page;

  g_assert_false (porting_window_get_folded (window));

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  g_assert_true (ui_test_wait_for (window_is_folded, window));

  /* Folded: one side at a time, starting on the page itself. */
  page = porting_window_get_page (window, "port-in");
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_parent (page)) || gtk_widget_get_mapped (page));

  /* F9 / the back button bring the sidebar; picking a page brings it forward. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  ui_test_settle ();
  porting_window_show_page (window, "byoc");
  g_assert_true (ui_test_wait_for (ui_test_widget_is_mapped, porting_window_get_page (window, "byoc")));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  g_assert_true (ui_test_wait_for (window_is_unfolded, window));

  close_window (window);
  g_settings_reset (porting_application_get_settings (app), "last-page");
}

static void
test_window_size_restored (void)
{
  GSettings *settings = porting_application_get_settings (app);
  PortingWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  window = ui_test_open_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  ui_test_settle ();
  /* The toplevel's size includes the client-side decoration's edges. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 900);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 860);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 640);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), >=, 600);

  /* A new size is saved when the window closes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  ui_test_settle ();
  close_window (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_window_about (void)
{
  PortingWindow *window = ui_test_open_window (app);
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (ui_test_wait_for (toplevel_is_shown, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW)));

  about = ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Porting");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_true (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)) == GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  gtk_window_destroy (about);

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  g_assert_true (ui_test_wait_for (toplevel_is_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW)));
  gtk_window_destroy (ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  close_window (window);
}

static void
test_window_preferences (void)
{
  PortingWindow *window = ui_test_open_window (app);
  GSettings *settings = porting_application_get_settings (app);
  GtkWindow *preferences;
  GtkWidget *url_row;
  GtkWidget *style_row;
  g_autofree char *url = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (ui_test_wait_for (toplevel_is_shown, GSIZE_TO_POINTER (PORTING_TYPE_PREFERENCES_WINDOW)));
  preferences = ui_test_find_toplevel (PORTING_TYPE_PREFERENCES_WINDOW);

  /* The address row comes first; a plain-http remote address stays out
   * of the settings and is flagged on the row. */
  url_row = ui_test_find_descendant (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (url_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==, "http://127.0.0.1:8765");

  gtk_editable_set_text (GTK_EDITABLE (url_row), "http://intake.example.com");
  g_assert_true (gtk_widget_has_css_class (url_row, "error"));
  url = g_settings_get_string (settings, "intake-url");
  g_assert_cmpstr (url, ==, "http://127.0.0.1:8765");

  gtk_editable_set_text (GTK_EDITABLE (url_row), "https://intake.example.com");
  g_assert_false (gtk_widget_has_css_class (url_row, "error"));
  g_clear_pointer (&url, g_free);
  url = g_settings_get_string (settings, "intake-url");
  g_assert_cmpstr (url, ==, "https://intake.example.com");
  g_settings_reset (settings, "intake-url");

  /* The style row writes the setting. */
  style_row = ui_test_find_descendant (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, NULL);
  g_assert_nonnull (style_row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 2);
  g_clear_pointer (&url, g_free);
  url = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (url, ==, "dark");
  g_settings_reset (settings, "color-scheme");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (style_row)), ==, 0);

  gtk_window_destroy (preferences);
  close_window (window);
}

static void
test_intake_url_check (void)
{
  const struct {
    const char *url;
    gboolean    valid;
  } cases[] = {
    { "https://intake.example.com", TRUE },
    { "https://intake.example.com:8443/base", TRUE },
    { "http://127.0.0.1:8765", TRUE },
    { "http://localhost:8765", TRUE },
    { "http://[::1]:8765", TRUE },
    { "http://intake.example.com", FALSE },
    { "ftp://intake.example.com", FALSE },
    { "intake.example.com", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = porting_preferences_check_intake_url (cases[i].url, &error);

      g_test_message ("%s", cases[i].url);
      g_assert_cmpint (valid, ==, cases[i].valid);
      if (valid)
        g_assert_no_error (error);
      else
        g_assert_nonnull (error);
    }
}

static void
test_window_dark_style (void)
{
  GSettings *settings = porting_application_get_settings (app);
  PortingWindow *window = ui_test_open_window (app);

  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_true (ui_test_wait_for (style_is_dark, NULL));
  g_assert_true (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()) == ADW_COLOR_SCHEME_FORCE_DARK);

  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_true (ui_test_wait_for (style_is_light, NULL));

  g_settings_reset (settings, "color-scheme");
  g_assert_true (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()) == ADW_COLOR_SCHEME_DEFAULT);

  close_window (window);
}

static void
test_intake_environment (void)
{
  g_autofree char *url = NULL;

  g_setenv ("PORTING_INTAKE_URL", "http://127.0.0.1:9999/", TRUE);
  url = porting_application_get_intake_url (app);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:9999");
  g_assert_cmpstr (porting_application_get_intake_token (app), ==, UI_TEST_TOKEN);

  g_unsetenv ("PORTING_INTAKE_URL");
  g_clear_pointer (&url, g_free);
  url = porting_application_get_intake_url (app);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:8765");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv);
  app = ui_test_application_new ();

  g_test_add_func ("/window/opens", test_window_opens);
  g_test_add_func ("/window/sidebar", test_window_sidebar);
  g_test_add_func ("/window/folds", test_window_folds);
  g_test_add_func ("/window/size-restored", test_window_size_restored);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/dark-style", test_window_dark_style);
  g_test_add_func ("/preferences/intake-url", test_intake_url_check);
  g_test_add_func ("/application/intake-environment", test_intake_environment);

  status = g_test_run ();

  g_clear_object (&app);
  ui_test_finish ();

  return status;
}
