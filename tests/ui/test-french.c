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
#include "ui-test-util.h"

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

static void
close_window (PortingWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  ui_test_settle ();
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

  window = ui_test_open_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  ui_test_settle ();
  g_assert_false (porting_window_get_folded (window));

  /* The brand stays as it is. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Porting");

  sidebar = ui_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "navigation-sidebar");
  g_assert_nonnull (sidebar);

  for (GtkListBoxRow *row;
       (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), n_rows)) != NULL;
       n_rows++)
    {
      GtkLabel *label = GTK_LABEL (ui_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL, NULL));

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
  PortingWindow *window = ui_test_open_window (app);
  GtkWidget *port_in;
  GtkLabel *step;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = porting_window_get_page (window, pages[i].name);
      GtkStack *stack;

      g_assert_nonnull (page);
      porting_window_show_page (window, pages[i].name);
      ui_test_settle ();
      g_assert_cmpstr (porting_window_get_visible_page_name (window), ==, pages[i].name);

      stack = GTK_STACK (gtk_widget_get_parent (page));
      g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (stack, page)), ==, pages[i].french);
    }

  /* A string from C code, formatted at run time: the first step of a port-in. */
  porting_window_show_page (window, "port-in");
  port_in = porting_window_get_page (window, "port-in");
  g_assert_true (ui_test_wait_for (ui_test_widget_is_mapped, port_in));
  ui_test_settle ();
  step = ui_test_find_label (port_in, "Étape 1 sur ", UI_TEST_LABEL_MAPPED | UI_TEST_LABEL_PREFIX);
  g_assert_nonnull (step);
  g_assert_null (ui_test_find_label (port_in, "Step ", UI_TEST_LABEL_MAPPED | UI_TEST_LABEL_PREFIX));

  close_window (window);
  g_settings_reset (porting_application_get_settings (app), "last-page");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;
  int status;

  ui_test_init (&argc, &argv);

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

  app = ui_test_application_new ();

  g_test_add_func ("/french/catalogue", test_french_catalogue);
  g_test_add_func ("/french/sidebar", test_french_sidebar);
  g_test_add_func ("/french/pages", test_french_pages);

  status = g_test_run ();

  g_clear_object (&app);
  ui_test_finish ();

  return status;
}
