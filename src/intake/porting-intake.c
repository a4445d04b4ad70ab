/* porting-intake.c — the reference intake service: command line (DESIGN.md §3.7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-intake"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "porting-intake-server.h"
#include "porting-intake-store.h"

enum {
  EXIT_OK = 0,
  EXIT_USAGE = 1,
  EXIT_FAILED = 2,
};

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
check_store_options (const char *command,
                     const char *data_dir,
                     const char *database_url)
{
  if ((data_dir == NULL) == (database_url == NULL))
    {
      g_printerr ("porting-intake %s: give --data DIR (SQLite) or --database postgresql://… (PostgreSQL)\n", command);
      return FALSE;
    }
  return TRUE;
}

static int
run_serve (int    argc,
           char **argv)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *database_url = NULL;
  g_autofree char *documents_dir = NULL;
  g_autofree char *secret_key = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *tls_certificate = NULL;
  g_autofree char *tls_key = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PortingIntakeStore) store = NULL;
  g_autoptr(PortingIntakeServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  PortingIntakeServerSettings settings;
  PortingIntakeStoreOptions options = { 0 };
  int connections = 4;
  int rate = -1, header_timeout = -1, idle_timeout = -1, linger = -1;
  int clean_interval = -1, clean_age = -1, backlog = -1;
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "SQLite: directory of the database, documents and key", "DIR" },
    { "database", 0, 0, G_OPTION_ARG_STRING, &database_url, "PostgreSQL: connection URI", "postgresql://…" },
    { "documents", 0, 0, G_OPTION_ARG_FILENAME, &documents_dir, "PostgreSQL: documents folder every instance shares", "DIR" },
    { "secret-key", 0, 0, G_OPTION_ARG_FILENAME, &secret_key, "Key file sealing wireless PINs (created 0600 if missing; the same on every instance)", "FILE" },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, "Address and port (default 127.0.0.1:8080; port 0 picks one)", "HOST:PORT" },
    { "tls-certificate", 0, 0, G_OPTION_ARG_FILENAME, &tls_certificate, "Serve HTTPS with this PEM certificate (chain)", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, "The certificate's PEM private key", "FILE" },
    { "connections", 0, 0, G_OPTION_ARG_INT, &connections, "Database connections for the worker threads (default 4)", "N" },
    { "rate-limit", 0, 0, G_OPTION_ARG_INT, &rate, "Requests per minute per token before 429 (default 600; 0: none)", "N" },
    /* For tests and benchmarks: the defaults are what §3.5 promises. */
    { "header-timeout", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &header_timeout, NULL, "S" },
    { "idle-timeout", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &idle_timeout, NULL, "S" },
    { "linger", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &linger, NULL, "S" },
    { "clean-interval", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &clean_interval, NULL, "S" },
    { "clean-age", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &clean_age, NULL, "S" },
    { "backlog", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &backlog, NULL, "N" },
    { NULL }
  };

  context = g_option_context_new ("— serve the intake API");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("porting-intake serve: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (!check_store_options ("serve", data_dir, database_url))
    return EXIT_USAGE;
  if ((tls_certificate == NULL) != (tls_key == NULL))
    {
      g_printerr ("porting-intake serve: --tls-certificate and --tls-key go together\n");
      return EXIT_USAGE;
    }

  porting_intake_server_settings_init (&settings);
  if (rate >= 0)
    settings.rate_per_minute = rate;
  if (header_timeout > 0)
    settings.header_timeout_s = header_timeout;
  if (idle_timeout > 0)
    settings.idle_timeout_s = idle_timeout;
  if (linger > 0)
    settings.linger_s = linger;
  if (clean_interval >= 0)
    settings.clean_interval_s = clean_interval;
  if (clean_age >= 0)
    settings.clean_age_s = clean_age;
  if (backlog > 0)
    settings.backlog = backlog;

  options.data_dir = data_dir;
  options.database_url = database_url;
  options.documents_dir = documents_dir;
  options.secret_key_path = secret_key;
  options.n_connections = (guint) CLAMP (connections, 1, 64);
  store = porting_intake_store_open (&options, &error);
  if (store == NULL)
    {
      g_printerr ("porting-intake: %s\n", error->message);
      return EXIT_FAILED;
    }

  server = porting_intake_server_new (store, &settings);
  if (tls_certificate != NULL)
    {
      g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_files (tls_certificate, tls_key, &error);

      if (certificate == NULL)
        {
          g_printerr ("porting-intake: %s\n", error->message);
          return EXIT_FAILED;
        }
      porting_intake_server_set_tls (server, certificate);
    }
  if (!porting_intake_server_listen (server, listen ? listen : "127.0.0.1:8080", &error))
    {
      g_printerr ("porting-intake: %s\n", error->message);
      return EXIT_FAILED;
    }

  url = porting_intake_server_get_url (server);
  printf ("porting-intake listening on %s\n", url);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  return EXIT_OK;
}

static int
run_token (int    argc,
           char **argv)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *database_url = NULL;
  g_autofree char *role = NULL;
  g_autofree char *name = NULL;
  g_autofree char *revoke = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PortingIntakeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PortingIntakeStoreOptions options = { 0 };
  int expires_in = 0;
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "SQLite: directory of the database", "DIR" },
    { "database", 0, 0, G_OPTION_ARG_STRING, &database_url, "PostgreSQL: connection URI", "postgresql://…" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, "customer or staff", "ROLE" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "Who the token is for", "NAME" },
    { "expires-in", 0, 0, G_OPTION_ARG_INT, &expires_in, "Days until the token stops working (default: never)", "DAYS" },
    { "revoke", 0, 0, G_OPTION_ARG_STRING, &revoke, "Revoke every token of NAME instead", "NAME" },
    { NULL }
  };

  context = g_option_context_new ("— print a new access token, or revoke tokens");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("porting-intake token: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (!check_store_options ("token", data_dir, database_url))
    return EXIT_USAGE;
  if (revoke == NULL &&
      (name == NULL || (g_strcmp0 (role, "customer") != 0 && g_strcmp0 (role, "staff") != 0) || expires_in < 0))
    {
      g_printerr ("porting-intake token: --role customer|staff --name NAME [--expires-in DAYS], or --revoke NAME\n");
      return EXIT_USAGE;
    }

  options.data_dir = data_dir;
  options.database_url = database_url;
  options.accounts_only = TRUE;
  store = porting_intake_store_open (&options, &error);
  if (store == NULL)
    {
      g_printerr ("porting-intake: %s\n", error->message);
      return EXIT_FAILED;
    }

  if (revoke != NULL)
    {
      guint n = 0;

      if (!porting_intake_store_revoke_tokens (store, revoke, &n, &error))
        {
          g_printerr ("porting-intake: %s\n", error->message);
          return EXIT_FAILED;
        }
      printf ("%u token%s of “%s” revoked\n", n, n == 1 ? "" : "s", revoke);
      return EXIT_OK;
    }

  token = porting_intake_store_create_token (store, g_str_equal (role, "staff"), name, (guint) expires_in, &error);
  if (token == NULL)
    {
      g_printerr ("porting-intake: %s\n", error->message);
      return EXIT_FAILED;
    }

  printf ("%s\n", token);
  return EXIT_OK;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream,
           "Usage:\n"
           "  porting-intake serve --data DIR [--listen 127.0.0.1:PORT]\n"
           "  porting-intake serve --database postgresql://… --documents DIR --secret-key FILE\n"
           "                       [--listen ADDR:PORT] [--tls-certificate FILE --tls-key FILE]\n"
           "  porting-intake token (--data DIR | --database URL) --role customer|staff --name NAME [--expires-in DAYS]\n"
           "  porting-intake token (--data DIR | --database URL) --revoke NAME\n");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "serve"))
    return run_serve (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "token"))
    return run_token (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (stdout);
      return EXIT_OK;
    }
  g_printerr ("porting-intake: unknown command “%s”\n", argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
