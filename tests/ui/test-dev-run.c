/* test-dev-run.c — `build-aux/dev run` in French: the build tree's catalogue through meson devenv
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application started as `build-aux/dev run` starts it, `meson devenv
 * -C BUILD porting`, with LANGUAGE=fr: its --help (the options are the
 * application's own strings) must be French, from the catalogue built in
 * BUILD/po, which the devenv names in PORTING_LOCALEDIR. The catalogue of
 * the install prefix (LOCALEDIR) does not exist before `meson install`.
 */
#define G_LOG_DOMAIN "test-dev-run"

#include "config.h"

#include <string.h>

#include <glib.h>

#define FRENCH  "Afficher la version et quitter"
#define ENGLISH "Show the version and quit"

static char *
run_help (gboolean through_devenv)
{
  const char *meson = g_getenv ("PORTING_MESON");
  const char *build_root = g_getenv ("PORTING_BUILD_ROOT");
  const char *app = g_getenv ("PORTING_APP");
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (meson);
  g_assert_nonnull (build_root);
  g_assert_nonnull (app);

  /* Only the devenv may say where the catalogue is. */
  env = g_environ_unsetenv (env, "PORTING_LOCALEDIR");
  env = g_environ_setenv (env, "LANGUAGE", "fr", TRUE);
  /* gettext follows LANGUAGE in C.UTF-8 (not in "C"), and C.UTF-8 always exists. */
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);

  if (through_devenv)
    {
      const char *argv[] = { meson, "devenv", "-C", build_root, "porting", "--help", NULL };

      g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    }
  else
    {
      const char *argv[] = { app, "--help", NULL };

      env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", g_getenv ("PORTING_SCHEMA_DIR"), TRUE);
      g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    }
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", out, err);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&out);
}

static void
test_devenv_french (void)
{
  g_autofree char *help = run_help (TRUE);

  g_assert_nonnull (strstr (help, FRENCH));
  g_assert_null (strstr (help, ENGLISH));
}

/* Without the devenv the catalogue is looked for under the prefix only:
 * English there, so the French above came from the build tree. */
static void
test_install_prefix (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *help = NULL;

  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Porting is installed under the prefix, French included");
      return;
    }

  help = run_help (FALSE);
  g_assert_nonnull (strstr (help, ENGLISH));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dev-run/devenv-french", test_devenv_french);
  g_test_add_func ("/dev-run/install-prefix", test_install_prefix);

  return g_test_run ();
}
