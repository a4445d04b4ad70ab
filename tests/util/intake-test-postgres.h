/* intake-test-postgres.h — a real PostgreSQL server for the intake tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One server per test program, in a folder under /tmp, reached on a Unix
 * socket there: initdb, then postgres, from Debian's postgresql package
 * (/usr/lib/postgresql/N/bin, or $PORTING_PG_BINDIR). PostgreSQL refuses to
 * run as root, and CI runs as root: then initdb and postgres run as an
 * ordinary user — $PORTING_PG_USER, else "porting-test" (made by
 * build-aux/dev deps), else "nobody" — who owns that folder. Every service a
 * test starts gets its own database in it.
 */
#pragma once

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

typedef struct
{
  char        *bindir;
  char        *dir;
  char        *socket_dir;
  char        *data_dir;
  GSubprocess *server;
  uid_t        uid;
  gid_t        gid;
  gboolean     other_user;
  guint        n_databases;
} TestPostgres;

static TestPostgres *test_postgres_instance;

static inline char *
test_postgres_find_bindir (void)
{
  const char *env = g_getenv ("PORTING_PG_BINDIR");
  const char *versions[] = { "17", "16", "15", "14", "13" };

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *bindir = g_build_filename ("/usr/lib/postgresql", versions[i], "bin", NULL);
      g_autofree char *initdb = g_build_filename (bindir, "initdb", NULL);

      if (g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&bindir);
    }
  return NULL;
}

static inline void
test_postgres_child_setup (gpointer user_data)
{
  TestPostgres *pg = user_data;

  /* Credentials first: changing them clears the parent-death signal. */
  if (pg->other_user &&
      (setgroups (0, NULL) != 0 || setgid (pg->gid) != 0 || setuid (pg->uid) != 0))
    _exit (126);
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static inline GSubprocess *
test_postgres_spawn (TestPostgres        *pg,
                     GSubprocessFlags     flags,
                     const char * const  *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_child_setup (launcher, test_postgres_child_setup, pg, NULL);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_set_cwd (launcher, pg->dir);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  return process;
}

/* Runs a PostgreSQL program (initdb, psql…) to the end; it must succeed. */
static inline void
test_postgres_run (TestPostgres        *pg,
                   gboolean             as_owner,
                   const char * const  *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  gboolean other_user = pg->other_user;

  /* Clients connect over the socket as themselves. */
  pg->other_user = as_owner && other_user;
  process = test_postgres_spawn (pg, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, argv);
  pg->other_user = other_user;
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %s", argv[0], err);
}

static inline gboolean
test_postgres_choose_user (TestPostgres *pg)
{
  const char *names[] = { g_getenv ("PORTING_PG_USER"), "porting-test", "nobody" };

  if (geteuid () != 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      struct passwd *entry = names[i] ? getpwnam (names[i]) : NULL;

      if (entry != NULL && entry->pw_uid != 0)
        {
          pg->uid = entry->pw_uid;
          pg->gid = entry->pw_gid;
          pg->other_user = TRUE;
          return TRUE;
        }
    }
  return FALSE;
}

/* NULL (the test should skip) when PostgreSQL is not installed. @durable:
 * fsync on, as a provider runs it (for benchmarks); tests do without. */
static inline TestPostgres *
test_postgres_get_full (gboolean durable)
{
  TestPostgres *pg;
  g_autofree char *initdb = NULL;
  g_autofree char *postgres = NULL;
  g_autofree char *isready = NULL;
  gint64 give_up;

  if (test_postgres_instance != NULL)
    return test_postgres_instance;

  pg = g_new0 (TestPostgres, 1);
  pg->bindir = test_postgres_find_bindir ();
  if (pg->bindir == NULL || !test_postgres_choose_user (pg))
    {
      g_free (pg->bindir);
      g_free (pg);
      return NULL;
    }

  /* Under /tmp, where the other user can reach it whatever $TMPDIR is. */
  pg->dir = g_strdup ("/tmp/porting-pg-XXXXXX");
  g_assert_nonnull (g_mkdtemp (pg->dir));
  pg->socket_dir = g_strdup (pg->dir);
  pg->data_dir = g_build_filename (pg->dir, "data", NULL);
  if (pg->other_user)
    g_assert_cmpint (chown (pg->dir, pg->uid, pg->gid), ==, 0);

  initdb = g_build_filename (pg->bindir, "initdb", NULL);
  test_postgres_run (pg, TRUE, (const char * const[]) {
                       initdb, "-D", pg->data_dir, "-U", "porting", "-A", "trust", "-E", "UTF8",
                       "--locale=C", "--no-sync", NULL });

  /* No TCP: the socket in our folder is all the tests need. fsync off: the
   * tests kill porting-intake, never PostgreSQL. */
  postgres = g_build_filename (pg->bindir, "postgres", NULL);
  pg->server = test_postgres_spawn (pg, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                    (const char * const[]) {
                                      postgres, "-D", pg->data_dir, "-k", pg->socket_dir, "-p", "5432",
                                      "-c", "listen_addresses=", "-c", durable ? "fsync=on" : "fsync=off",
                                      "-c", "max_connections=200", NULL });

  isready = g_build_filename (pg->bindir, "pg_isready", NULL);
  give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autoptr(GSubprocess) probe = NULL;
      g_autoptr(GError) error = NULL;

      probe = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                isready, "-q", "-h", pg->socket_dir, "-p", "5432", "-U", "porting", NULL);
      g_assert_no_error (error);
      g_subprocess_wait (probe, NULL, &error);
      if (g_subprocess_get_successful (probe))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      g_usleep (50 * 1000);
    }

  test_postgres_instance = pg;
  return pg;
}

static inline TestPostgres *
test_postgres_get (void)
{
  return test_postgres_get_full (FALSE);
}

/* A new, empty database; its libpq URI. */
static inline char *
test_postgres_create_database (TestPostgres *pg)
{
  g_autofree char *createdb = g_build_filename (pg->bindir, "createdb", NULL);
  g_autofree char *name = g_strdup_printf ("intake_%u", ++pg->n_databases);

  test_postgres_run (pg, FALSE, (const char * const[]) {
                       createdb, "-h", pg->socket_dir, "-p", "5432", "-U", "porting", name, NULL });
  return g_strdup_printf ("postgresql:///%s?host=%s&port=5432&user=porting", name, pg->socket_dir);
}

/* psql on the database of @url, started and left running: for SQL that must
 * hold a lock while the test goes on. */
static inline GSubprocess *
test_postgres_sql_start (TestPostgres *pg,
                         const char   *url,
                         const char   *sql)
{
  g_autofree char *psql = g_build_filename (pg->bindir, "psql", NULL);
  gboolean other_user = pg->other_user;
  GSubprocess *process;

  pg->other_user = FALSE;
  process = test_postgres_spawn (pg, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                 (const char * const[]) {
                                   psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql, NULL });
  pg->other_user = other_user;
  return process;
}

/* The first value of the first row @sql returns (free it). */
static inline char *
test_postgres_value (TestPostgres *pg,
                     const char   *url,
                     const char   *sql)
{
  g_autofree char *psql = g_build_filename (pg->bindir, "psql", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              psql, "-X", "-q", "-t", "-A", "-d", url, "-c", sql, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return g_strstrip (out);
}

/* Runs SQL on the database of @url (psql, stopping at the first error). */
static inline void
test_postgres_sql (TestPostgres *pg,
                   const char   *url,
                   const char   *sql)
{
  g_autofree char *psql = g_build_filename (pg->bindir, "psql", NULL);

  test_postgres_run (pg, FALSE, (const char * const[]) {
                       psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql, NULL });
}

static inline void
test_postgres_stop (void)
{
  TestPostgres *pg = test_postgres_instance;
  g_autoptr(GError) error = NULL;
  const char *rm_argv[] = { "rm", "-rf", NULL, NULL };

  if (pg == NULL)
    return;
  test_postgres_instance = NULL;

  /* SIGINT: fast shutdown, every connection ended. */
  g_subprocess_send_signal (pg->server, SIGINT);
  g_subprocess_wait (pg->server, NULL, &error);
  g_clear_object (&pg->server);

  rm_argv[2] = pg->dir;
  g_spawn_sync (NULL, (char **) rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (pg->bindir);
  g_free (pg->dir);
  g_free (pg->socket_dir);
  g_free (pg->data_dir);
  g_free (pg);
}
