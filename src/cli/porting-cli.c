/* porting-cli.c — the core's jobs for scripts and support automation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "porting-cli-private.h"
#include "porting-ocr.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} PortingCliCommand;

static const PortingCliCommand commands[] = {
  { "check-documents", porting_cli_check_documents, N_("Compare the name and address on an LOA with an invoice or CSR") },
  { "numbers",         porting_cli_numbers,         N_("Read telephone numbers: E.164, region, type, validity") },
  { "port-date",       porting_cli_port_date,       N_("Earliest port date and the usual 5–10 business-day window") },
  { "submit",          porting_cli_submit,          N_("Send a request to the intake service") },
  { "requests",        porting_cli_requests,        N_("List requests on the intake service, or show one") },
};

GFile *
porting_cli_file_for_arg (const char *arg)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);
  const char *logical_cwd = g_getenv ("PWD");

  if (g_path_is_absolute (arg) || g_file_query_exists (file, NULL))
    return g_steal_pointer (&file);

  if (logical_cwd != NULL && g_path_is_absolute (logical_cwd))
    {
      g_autoptr(GFile) from_caller = g_file_new_for_commandline_arg_and_cwd (arg, logical_cwd);

      if (g_file_query_exists (from_caller, NULL))
        return g_steal_pointer (&from_caller);
    }

  return g_steal_pointer (&file);
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage: porting-cli COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “porting-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return PORTING_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return PORTING_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("porting-cli %s\n", PACKAGE_VERSION);
      return PORTING_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          int status = commands[i].run (argc - 1, argv + 1);

          porting_ocr_wait_for_loading ();
          return status;
        }
    }

  fprintf (stderr, _("porting-cli: unknown command “%s”"), argv[1]);
  fputc ('\n', stderr);
  print_usage (stderr);
  return PORTING_CLI_EXIT_USAGE;
}
