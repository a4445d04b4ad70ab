/* main.c — entry point of the Porting application
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-application.h"
#include "porting-ocr.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PortingApplication) app = NULL;
  /* Set by meson devenv: the catalogues of the build tree. */
  const char *locale_dir = g_getenv ("PORTING_LOCALEDIR");
  int status;

  bindtextdomain (GETTEXT_PACKAGE, locale_dir != NULL && *locale_dir != '\0' ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = porting_application_new ();

  status = g_application_run (G_APPLICATION (app), argc, argv);
  porting_ocr_wait_for_loading ();

  return status;
}
