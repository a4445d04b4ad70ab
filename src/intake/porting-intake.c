/* porting-intake.c — the reference intake service: command line
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

static int
run_serve (int    argc,
           char **argv)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *listen = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PortingIntakeStore) store = NULL;
  g_autoptr(PortingIntakeServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Directory of the database and documents", "DIR" },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, "Address and port (default 127.0.0.1:8080; port 0 picks one)", "HOST:PORT" },
    { NULL }
  };

  context = g_option_context_new ("— serve the intake API");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || data_dir == NULL)
    {
      g_printerr ("porting-intake serve: %s\n", error ? error->message : "--data DIR is needed");
      return EXIT_USAGE;
    }

  store = porting_intake_store_open (data_dir, &error);
  if (store == NULL)
    {
      g_printerr ("porting-intake: %s\n", error->message);
      return EXIT_FAILED;
    }

  server = porting_intake_server_new (store);
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
  g_autofree char *role = NULL;
  g_autofree char *name = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PortingIntakeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Directory of the database and documents", "DIR" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, "customer or staff", "ROLE" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "Who the token is for", "NAME" },
    { NULL }
  };

  context = g_option_context_new ("— print a new access token");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || data_dir == NULL || name == NULL ||
      (g_strcmp0 (role, "customer") != 0 && g_strcmp0 (role, "staff") != 0))
    {
      g_printerr ("porting-intake token: %s\n",
                  error ? error->message : "--data DIR --role customer|staff --name NAME are needed");
      return EXIT_USAGE;
    }

  store = porting_intake_store_open (data_dir, &error);
  if (store == NULL)
    {
      g_printerr ("porting-intake: %s\n", error->message);
      return EXIT_FAILED;
    }

  token = porting_intake_store_create_token (store, g_str_equal (role, "staff"), name, &error);
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
           "  porting-intake token --data DIR --role customer|staff --name NAME\n");
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
