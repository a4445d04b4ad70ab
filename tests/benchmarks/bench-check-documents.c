/* bench-check-documents.c — a 300-page invoice: pdftotext against our text scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-check-documents MAKE-LONG-INVOICE BENCH-SCAN-TEXT LOA.pdf OUTPUT.pdf
 *
 * Writes the invoice, then runs each command a few times and prints the
 * median wall time and peak RSS of each, beside `pdftotext FILE /dev/null`
 * measured in the same run. Targets (issue 11): check-documents <= 0.2 x
 * pdftotext's time, a full scan laid out in blocks <= 1.0 x; the memory the
 * documents add over each program's floor within 1.2 x of pdftotext's.
 * Prints figures; never fails on them.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define N_RUNS 5

typedef struct
{
  double seconds;
  long   max_rss_kib;
  int    exit_status;
} Run;

typedef struct
{
  const char *label;
  char      **argv;
  gboolean    available;
  const char *why_not;
  double      median_seconds;
  long        median_rss_kib;
} Command;

/* One child, its output thrown away; its own peak RSS through wait4(). */
static gboolean
run_once (char **argv,
          Run   *run)
{
  struct rusage usage;
  gint64 start;
  pid_t pid;
  int status = 0;

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    return FALSE;

  if (pid == 0)
    {
      int null_fd = open ("/dev/null", O_WRONLY);

      if (null_fd >= 0)
        {
          dup2 (null_fd, STDOUT_FILENO);
          dup2 (null_fd, STDERR_FILENO);
        }
      execv (argv[0], argv);
      _exit (127);
    }

  while (wait4 (pid, &status, 0, &usage) < 0)
    {
      if (errno != EINTR)
        return FALSE;
    }

  run->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  run->max_rss_kib = usage.ru_maxrss;
  run->exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);

  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_longs (gconstpointer a,
               gconstpointer b)
{
  long x = *(const long *) a;
  long y = *(const long *) b;

  return (x > y) - (x < y);
}

/* A first run warms the page cache and tells whether it works at all. */
static void
try_command (Command *command)
{
  Run run = { 0 };

  command->available = command->argv[0] != NULL &&
                       run_once (command->argv, &run) && run.exit_status == 0;
  if (!command->available && command->why_not == NULL)
    command->why_not = "does not run (exit status != 0)";
}

/* Round-robin, so that load from elsewhere on the machine falls on every
 * command alike. */
static void
measure (Command *commands,
         guint    n_commands)
{
  g_autofree double *seconds = g_new0 (double, n_commands * N_RUNS);
  g_autofree long *rss = g_new0 (long, n_commands * N_RUNS);

  for (guint round = 0; round < N_RUNS; round++)
    {
      for (guint i = 0; i < n_commands; i++)
        {
          Run run = { 0 };

          if (!commands[i].available)
            continue;

          if (!run_once (commands[i].argv, &run) || run.exit_status != 0)
            {
              commands[i].available = FALSE;
              commands[i].why_not = "failed during the runs";
              continue;
            }

          seconds[i * N_RUNS + round] = run.seconds;
          rss[i * N_RUNS + round] = run.max_rss_kib;
        }
    }

  for (guint i = 0; i < n_commands; i++)
    {
      if (!commands[i].available)
        continue;

      qsort (seconds + i * N_RUNS, N_RUNS, sizeof (double), compare_doubles);
      qsort (rss + i * N_RUNS, N_RUNS, sizeof (long), compare_longs);
      commands[i].median_seconds = seconds[i * N_RUNS + N_RUNS / 2];
      commands[i].median_rss_kib = rss[i * N_RUNS + N_RUNS / 2];
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *make_long_invoice;
  const char *bench_scan_text;
  const char *loa;
  const char *invoice;
  const char *porting_cli = g_getenv ("PORTING_CLI");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  Command *baseline;
  char *make_argv[3];

  if (argc != 5)
    {
      g_printerr ("Usage: %s MAKE-LONG-INVOICE BENCH-SCAN-TEXT LOA.pdf OUTPUT.pdf\n", argv[0]);
      return 1;
    }

  make_long_invoice = argv[1];
  bench_scan_text = argv[2];
  loa = argv[3];
  invoice = argv[4];

  make_argv[0] = (char *) make_long_invoice;
  make_argv[1] = (char *) invoice;
  make_argv[2] = NULL;
  if (!g_spawn_sync (NULL, make_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &wait_status, &error) ||
      !g_spawn_check_wait_status (wait_status, &error))
    {
      g_printerr ("Cannot write the invoice: %s\n", error->message);
      return 1;
    }

  if (pdftotext == NULL)
    {
      g_print ("pdftotext is not installed: no baseline, nothing to compare\n");
      return 0;
    }

  {
    char *pdftotext_argv[] = { pdftotext, (char *) invoice, (char *) "/dev/null", NULL };
    char *cli_argv[] = { (char *) porting_cli, (char *) "check-documents",
                         (char *) "--loa", (char *) loa, (char *) "--proof", (char *) invoice,
                         (char *) "--json", NULL };
    char *settled_argv[] = { (char *) bench_scan_text, (char *) "--until-settled", (char *) invoice, NULL };
    char *full_argv[] = { (char *) bench_scan_text, (char *) invoice, NULL };
    char *words_argv[] = { (char *) bench_scan_text, (char *) "--words", (char *) invoice, NULL };
    /* Where the memory goes: each program's own floor, before reading a page. */
    char *pdftotext_version_argv[] = { pdftotext, (char *) "-v", NULL };
    char *cli_help_argv[] = { (char *) porting_cli, (char *) "--help", NULL };
    char *cli_number_argv[] = { (char *) porting_cli, (char *) "numbers", (char *) "+15105550142", NULL };
    Command commands[] = {
      { "pdftotext FILE /dev/null (baseline)", pdftotext_argv },
      { "porting-cli check-documents --json", cli_argv },
      { "scan until settled (bench-scan-text)", settled_argv },
      { "full scan in blocks, every page", full_argv },
      { "full scan in blocks, words kept", words_argv },
      { "pdftotext -v (poppler loaded only)", pdftotext_version_argv },
      { "porting-cli --help (libraries only)", cli_help_argv },
      { "porting-cli numbers (+ libphonenumber)", cli_number_argv },
    };

    g_print ("\nInvoice: %s (300 pages), %d runs each, median; %u CPUs\n\n",
             invoice, N_RUNS, g_get_num_processors ());

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        if (commands[i].argv[0] == NULL)
          commands[i].why_not = "PORTING_CLI is not set";
        try_command (&commands[i]);
      }
    measure (commands, G_N_ELEMENTS (commands));

    baseline = &commands[0];
    if (!baseline->available)
      {
        g_print ("pdftotext %s: no baseline\n", baseline->why_not);
        return 0;
      }

    g_print ("%-40s %10s %8s %12s %8s\n", "command", "time (s)", "x base", "peak RSS MiB", "x base");
    g_print ("%-40s %10s %8s %12s %8s\n", "-------", "--------", "------", "------------", "------");

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        Command *command = &commands[i];

        if (!command->available)
          {
            g_print ("%-40s %s\n", command->label, command->why_not);
            continue;
          }

        g_print ("%-40s %10.3f %8.2f %12.1f %8.2f\n",
                 command->label,
                 command->median_seconds,
                 command->median_seconds / baseline->median_seconds,
                 command->median_rss_kib / 1024.0,
                 (double) command->median_rss_kib / baseline->median_rss_kib);
      }

    /* commands[]: 0 pdftotext, 1 check-documents, 5 pdftotext -v, 7 porting-cli numbers */
    if (commands[1].available && commands[5].available && commands[7].available)
      {
        double ours = (commands[1].median_rss_kib - commands[7].median_rss_kib) / 1024.0;
        double theirs = (baseline->median_rss_kib - commands[5].median_rss_kib) / 1024.0;

        g_print ("\nMemory the documents add over each program's floor: check-documents %.1f MiB "
                 "(over porting-cli numbers), pdftotext %.1f MiB (over pdftotext -v): %.2f x\n",
                 ours, theirs, theirs > 0 ? ours / theirs : 0.0);
      }

    g_print ("\nTargets: check-documents time x base <= 0.2, the full scan in blocks <= 1.0; "
             "the memory documents add <= 1.2 x pdftotext's.\n"
             "The last three rows read no document: the libraries each program maps, and\n"
             "libphonenumber's metadata, which check-documents needs for the LOA's numbers.\n");
  }

  return 0;
}
