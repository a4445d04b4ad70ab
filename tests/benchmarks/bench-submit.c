/* bench-submit.c — porting-cli submit of a 20 MiB proof beside curl -F
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both send the same file to the same local porting-intake in the same run.
 * Prints the median wall time of 3 runs each, and each one's peak memory
 * (wait4 rusage) above its own baseline: the same command with a 1 KiB proof.
 */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

#define BIG_SIZE   (20 * 1024 * 1024)
#define SMALL_SIZE 1024
#define RUNS       3

typedef struct
{
  double seconds;
  long   max_rss_kib;
  int    exit_status;
} Run;

static Run
run_once (char **argv)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  Run run = { 0 };
  GPid pid;
  gint64 start;
  int status;

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    g_error ("%s", error->message);
  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("wait4 failed");
  run.seconds = (g_get_monotonic_time () - start) / 1e6;
  run.max_rss_kib = usage.ru_maxrss;
  run.exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  g_spawn_close_pid (pid);
  return run;
}

static void
die_with_parent (gpointer user_data)
{
  /* A failed run aborts this program: the service must not outlive it. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
write_pdf (const char *path,
           gsize       size)
{
  g_autofree char *data = g_malloc (size);
  g_autoptr(GError) error = NULL;
  const char header[] = "%PDF-1.4\n%bench\n";

  for (gsize i = 0; i < size; i++)
    data[i] = (char) ('a' + i % 26);
  memcpy (data, header, sizeof header - 1);
  if (!g_file_set_contents (path, data, size, &error))
    g_error ("%s", error->message);
}

typedef enum { CLIENT_PORTING_CLI, CLIENT_CURL } Client;

static char **
command_for (Client      client,
             const char *url,
             const char *token,
             const char *request_path,
             const char *proof_path)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *key = g_uuid_string_random ();

  if (client == CLIENT_PORTING_CLI)
    {
      g_strv_builder_add_many (builder, g_getenv ("PORTING_CLI"), "submit", "--url", url, "--token", token,
                               request_path, "--proof", proof_path, "--idempotency-key", key, NULL);
    }
  else
    {
      g_autofree char *authorization = g_strconcat ("Authorization: Bearer ", token, NULL);
      g_autofree char *idempotency = g_strconcat ("Idempotency-Key: ", key, NULL);
      g_autofree char *request_part = g_strconcat ("request=@", request_path, ";type=application/json", NULL);
      g_autofree char *proof_part = g_strconcat ("proof=@", proof_path, ";type=application/pdf", NULL);
      g_autofree char *endpoint = g_strconcat (url, "/v1/requests", NULL);

      g_strv_builder_add_many (builder, "curl", "-sS", "--fail", "-o", "/dev/null", "-H", "Expect:",
                               "-H", authorization, "-H", idempotency,
                               "-F", request_part, "-F", proof_part, endpoint, NULL);
    }
  return g_strv_builder_end (builder);
}

static void
measure (Client      client,
         const char *url,
         const char *token,
         const char *request_path,
         const char *small_path,
         const char *big_path,
         double     *median_seconds,
         long       *baseline_kib,
         long       *peak_kib)
{
  double times[RUNS];

  *baseline_kib = 0;
  *peak_kib = 0;
  for (guint i = 0; i < RUNS; i++)
    {
      g_auto(GStrv) small = command_for (client, url, token, request_path, small_path);
      g_auto(GStrv) big = command_for (client, url, token, request_path, big_path);
      Run base = run_once (small);
      Run run = run_once (big);

      if (base.exit_status != 0 || run.exit_status != 0)
        g_error ("%s exited with %d / %d", big[0], base.exit_status, run.exit_status);
      times[i] = run.seconds;
      *baseline_kib = MAX (*baseline_kib, base.max_rss_kib);
      *peak_kib = MAX (*peak_kib, run.max_rss_kib);
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  *median_seconds = times[RUNS / 2];
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-submit-XXXXXX", &error);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *request_path = g_build_filename (dir, "request.json", NULL);
  g_autofree char *small_path = g_build_filename (dir, "small.pdf", NULL);
  g_autofree char *big_path = g_build_filename (dir, "proof-20MiB.pdf", NULL);
  g_autofree char *token = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GSubprocess) service = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  const char *url;
  double cli_seconds, curl_seconds;
  long cli_base, cli_peak, curl_base, curl_peak;
  const char request_json[] =
    "{\"kind\": \"port-in\", \"numbers\": [\"+15105550142\"], \"contract_acknowledged\": true,"
    " \"sms\": false, \"wireless\": null, \"preferred_date\": \"2026-12-14\","
    " \"loa\": {\"customer_name\": \"Acme Widgets LLC\", \"service_address\": {\"street\": \"1200 Harbor Boulevard\","
    "   \"city\": \"Oakland\", \"region\": \"CA\", \"postal_code\": \"94607\", \"country\": \"US\"}},"
    " \"proof_kind\": \"invoice\"}";

  g_assert_no_error (error);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_file_set_contents (request_path, request_json, -1, &error);
  g_assert_no_error (error);
  write_pdf (small_path, SMALL_SIZE);
  write_pdf (big_path, BIG_SIZE);

  {
    g_autoptr(GSubprocess) token_process = NULL;

    token_process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_getenv ("PORTING_INTAKE"),
                                      "token", "--data", data_dir, "--role", "customer", "--name", "bench", NULL);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (token_process, NULL, NULL, &token, NULL, &error);
    g_assert_no_error (error);
    g_strstrip (token);
  }

  {
    g_autoptr(GSubprocessLauncher) launcher = NULL;

    launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
    g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
    service = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PORTING_INTAKE"), "serve",
                                           "--data", data_dir, "--listen", "127.0.0.1:0", NULL);
  }
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (service));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  url = strstr (line, "http://");
  g_assert_nonnull (url);

  measure (CLIENT_CURL, url, token, request_path, small_path, big_path, &curl_seconds, &curl_base, &curl_peak);
  measure (CLIENT_PORTING_CLI, url, token, request_path, small_path, big_path, &cli_seconds, &cli_base, &cli_peak);

  printf ("submit of a %d MiB proof to a local porting-intake, median of %d runs\n", BIG_SIZE >> 20, RUNS);
  printf ("  curl -F             %7.3f s   peak RSS %6ld KiB (baseline %6ld KiB, +%ld KiB)\n",
          curl_seconds, curl_peak, curl_base, curl_peak - curl_base);
  printf ("  porting-cli submit  %7.3f s   peak RSS %6ld KiB (baseline %6ld KiB, +%ld KiB)\n",
          cli_seconds, cli_peak, cli_base, cli_peak - cli_base);
  printf ("  time ratio porting-cli / curl: %.2f (goal <= 1.5)\n", cli_seconds / curl_seconds);
  printf ("  porting-cli memory above baseline / file size: %.3f (goal <= 1.5)\n",
          (double) (cli_peak - cli_base) * 1024 / BIG_SIZE);

  g_subprocess_send_signal (service, SIGTERM);
  g_subprocess_wait (service, NULL, NULL);
  {
    g_autoptr(GFile) top = g_file_new_for_path (dir);
    g_autofree char *rm_dir = g_file_get_path (top);
    const char *rm_argv[] = { "rm", "-rf", rm_dir, NULL };

    g_spawn_sync (NULL, (char **) rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return 0;
}
