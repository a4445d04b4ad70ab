/* test-french.c — the application window in French, from the build tree's catalogue
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-french"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "porting-application.h"
#include "porting-window.h"

#define WAIT_TIMEOUT_MS 5000

static PortingApplication *app;

/* The sidebar, in order, as po/fr.po translates it. */
static const struct {
  const char *name;
  const char *english;
  const char *french;
} pages[] = {
  { "port-in", "Port In", "Transfert entrant" },
  { "twilio-transfer", "Twilio Transfer", "Transfert Twilio" },
  { "port-out", "Port Out", "Transfert sortant" },
  { "international", "Other Countries", "Autres pays" },
  { "byoc", "Bring Your Own Carrier", "Votre opérateur (BYOC)" },
  { "requests", "Requests", "Demandes" },
  { "document-check", "Document Check", "Vérification des documents" },
};

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_until_mapped (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (WAIT_TIMEOUT_MS, timeout_cb, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  return gtk_widget_get_mapped (widget);
}

/* Lets pending layout and frame work run. */
static void
settle (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_descendant_with_class (GtkWidget  *widget,
                            GType       type,
                            const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_descendant_with_class (child, type, css_class)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* A mapped label under @widget whose text starts with @prefix. */
static GtkLabel *
find_label_with_prefix (GtkWidget  *widget,
                        const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix))
        return GTK_LABEL (child);
      if ((found = find_label_with_prefix (child, prefix)) != NULL)
        return found;
    }

  return NULL;
}

static PortingWindow *
open_window (void)
{
  PortingWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = PORTING_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_true (wait_until_mapped (GTK_WIDGET (window)));
  settle ();

  return window;
}

static void
close_window (PortingWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  settle ();
}

static void
test_french_catalogue (void)
{
  /* Without the catalogue every other check here would fail for the wrong reason. */
  g_assert_cmpstr (_("Port In"), ==, "Transfert entrant");
  g_assert_cmpstr (g_dpgettext2 (NULL, "port date", "%A, %B %-d, %Y"), ==, "%A %-d %B %Y");
  g_assert_cmpstr (ngettext ("%u number", "%u numbers", 1), ==, "%u numéro");
  g_assert_cmpstr (ngettext ("%u number", "%u numbers", 2), ==, "%u numéros");
  /* French puts 0 with the singular. */
  g_assert_cmpstr (ngettext ("%u number", "%u numbers", 0), ==, "%u numéro");

  /* Day and month names come from the locale, not from the catalogue. */
  if (g_str_has_prefix (setlocale (LC_TIME, NULL), "fr_CA"))
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (2026, 12, 4, 12, 0, 0);
      g_autofree char *text = g_date_time_format (date, g_dpgettext2 (NULL, "port date", "%A, %B %-d, %Y"));

      g_assert_cmpstr (text, ==, "vendredi 4 décembre 2026");
    }
}

static void
test_french_sidebar (void)
{
  PortingWindow *window;
  GtkWidget *sidebar;
  guint n_rows = 0;

  window = open_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  settle ();
  g_assert_false (porting_window_get_folded (window));

  /* The brand stays as it is. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Porting");

  sidebar = find_descendant_with_class (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "navigation-sidebar");
  g_assert_nonnull (sidebar);

  for (GtkListBoxRow *row;
       (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), n_rows)) != NULL;
       n_rows++)
    {
      GtkLabel *label = GTK_LABEL (find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL));

      g_assert_cmpuint (n_rows, <, G_N_ELEMENTS (pages));
      g_assert_nonnull (label);
      g_test_message ("%s: %s", pages[n_rows].name, gtk_label_get_text (label));
      g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, pages[n_rows].name);
      g_assert_cmpstr (gtk_label_get_text (label), ==, pages[n_rows].french);
      g_assert_cmpstr (gtk_label_get_text (label), !=, pages[n_rows].english);
      /* A French label is longer: it must still fit the sidebar whole. */
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
    }
  g_assert_cmpuint (n_rows, ==, G_N_ELEMENTS (pages));

  close_window (window);
  g_settings_reset (porting_application_get_settings (app), "last-page");
}

static void
test_french_pages (void)
{
  PortingWindow *window = open_window ();
  GtkWidget *port_in;
  GtkLabel *step;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = porting_window_get_page (window, pages[i].name);
      GtkStack *stack;

      g_assert_nonnull (page);
      porting_window_show_page (window, pages[i].name);
      settle ();
      g_assert_cmpstr (porting_window_get_visible_page_name (window), ==, pages[i].name);

      stack = GTK_STACK (gtk_widget_get_parent (page));
      g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (stack, page)), ==, pages[i].french);
    }

  /* A string from C code, formatted at run time: the first step of a port-in. */
  porting_window_show_page (window, "port-in");
  port_in = porting_window_get_page (window, "port-in");
  g_assert_true (wait_until_mapped (port_in));
  settle ();
  step = find_label_with_prefix (port_in, "Étape 1 sur ");
  g_assert_nonnull (step);
  g_assert_null (find_label_with_prefix (port_in, "Step "));

  close_window (window);
  g_settings_reset (porting_application_get_settings (app), "last-page");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *locale_dir = NULL;
  int status;

  /* Keep the keyring out of the tests: the token comes from the environment. */
  g_setenv ("PORTING_INTAKE_TOKEN", "test-token", TRUE);
  g_unsetenv ("PORTING_INTAKE_URL");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* gtk_test_init() asks for en_US.UTF-8, which may not exist. Canadian
   * French when the locale is there (build-aux/dev deps generates it), dates
   * included; otherwise C.UTF-8, where gettext still follows LANGUAGE
   * (unlike in "C"). The catalogue is the one built in this tree. */
  g_setenv ("LANGUAGE", "fr_CA:fr", TRUE);
  if (setlocale (LC_ALL, "fr_CA.UTF-8") == NULL && setlocale (LC_ALL, "C.UTF-8") == NULL)
    g_error ("Neither the fr_CA.UTF-8 nor the C.UTF-8 locale exists");
  g_test_message ("locale: %s", setlocale (LC_ALL, NULL));
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = porting_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/french/catalogue", test_french_catalogue);
  g_test_add_func ("/french/sidebar", test_french_sidebar);
  g_test_add_func ("/french/pages", test_french_pages);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
