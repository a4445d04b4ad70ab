/* bench-intake-load.c — porting-intake under load, SQLite and PostgreSQL, beside a file sink
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The load is curl itself (-Z, --parallel-max N), sending the same
 * multipart body (a port-in request and a 100 KiB LOA, 102.8 KB) to:
 *   - the baseline: a trivial libsoup server that writes each body to a file
 *     (no parsing, no fsync, no database) and answers 201;
 *   - porting-intake on SQLite (--data), and on PostgreSQL (fsync on).
 * Every server closes the connection after each answer, as porting-intake
 * does. For each: submissions per second and p50/p99 latency at 8 and at
 * 128 clients. Then 20,000 requests are put in the database and the submit
 * latency is measured alone and while staff page through all of them
 * (porting-cli requests, 200 a page) over and over.
 *
 *   bench-intake-load [--quick]     (--quick: fewer submissions)
 */
#include "config.h"

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "intake-test-postgres.h"

#define LOA_SIZE (100 * 1024)

static guint n_submissions = 2000;
static char *work_dir;
static char *body_path;

#define BOUNDARY "porting-bench-7f3a9c"

/* The baseline: a sink */

static void
sink_chunk_cb (SoupServerMessage *msg,
               GBytes            *chunk,
               gpointer           user_data)
{
  int fd = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (msg), "sink-fd"));
  gsize size;
  const char *data = g_bytes_get_data (chunk, &size);

  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n <= 0)
        break;
      data += n;
      size -= n;
    }
}

static void
sink_close (gpointer data)
{
  close (GPOINTER_TO_INT (data));
}

static void
sink_early (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  g_autofree char *file = g_build_filename (user_data, "body-XXXXXX", NULL);
  int fd = g_mkstemp (file);

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_object_set_data_full (G_OBJECT (msg), "sink-fd", GINT_TO_POINTER (fd), sink_close);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (sink_chunk_cb), NULL);
}

static void
sink_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  soup_server_message_set_status (msg, SOUP_STATUS_CREATED, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"stored\": true}", 16);
}

static int
run_sink (const char *dir)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  soup_server_add_early_handler (server, NULL, sink_early, (gpointer) dir, NULL);
  soup_server_add_handler (server, NULL, sink_handler, NULL, NULL);
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_socket_set_listen_backlog (socket, 1024);
  if (!g_socket_bind (socket, address, TRUE, &error) || !g_socket_listen (socket, &error) ||
      !soup_server_listen_socket (server, socket, 0, &error))
    g_error ("%s", error->message);
  bound = g_socket_get_local_address (socket, NULL);
  printf ("sink listening on http://127.0.0.1:%u\n", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  fflush (stdout);
  g_main_loop_run (g_main_loop_new (NULL, FALSE));
  return 0;
}

/* Processes */

static void
die_with_parent (gpointer user_data)
{
  /* A failed run aborts this program: its servers must not outlive it. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GSubprocess *
spawn_server (char       **url,
              const char  *prefix,
              const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));
  *url = g_strdup (strstr (line, "http://"));
  return process;
}

static void
stop (GSubprocess *process)
{
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
}

static char *
run_out (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed", argv[0]);
  return g_strstrip (out);
}

/* The load */

typedef struct
{
  double   per_second;
  double   p50_ms;
  double   p99_ms;
  guint    n_failed;
  guint    n;
} Load;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* curl -Z: @n submissions, @parallel at a time, each one's time and status. */
static Load
run_load (const char *url,
          const char *token,
          guint       n,
          guint       parallel)
{
  g_autofree char *endpoint = g_strdup_printf ("%s/v1/requests?n=[1-%u]", url, n);
  g_autofree char *authorization = g_strconcat ("Authorization: Bearer ", token, NULL);
  g_autofree char *data = g_strconcat ("@", body_path, NULL);
  g_autofree char *max = g_strdup_printf ("%u", parallel);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start = g_get_monotonic_time ();
  Load load = { 0 };
  double wall;

  out = run_out ((const char *[]) {
                   "curl", "-s", "-Z", "--parallel-immediate", "--parallel-max", max, "-H", "Expect:",
                   "-H", authorization, "-H", "Content-Type: multipart/form-data; boundary=" BOUNDARY,
                   "--data-binary", data, "-o", "/dev/null",
                   "-w", "%{time_total} %{http_code}\\n", endpoint, NULL });
  wall = (g_get_monotonic_time () - start) / 1e6;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double seconds;
      guint status = 0;

      if (sscanf (lines[i], "%lf %u", &seconds, &status) != 2)
        continue;
      if (status != 201)
        load.n_failed++;
      seconds *= 1000;
      g_array_append_val (times, seconds);
    }
  g_array_sort (times, compare_doubles);
  load.n = times->len;
  if (times->len > 0)
    {
      load.p50_ms = g_array_index (times, double, times->len / 2);
      load.p99_ms = g_array_index (times, double, MIN (times->len - 1, (times->len * 99) / 100));
    }
  load.per_second = load.n / wall;
  return load;
}

static void
print_load (const char *what,
            guint       parallel,
            Load        load)
{
  printf ("  %-34s %4u clients  %7.1f /s   p50 %7.1f ms   p99 %7.1f ms%s\n",
          what, parallel, load.per_second, load.p50_ms, load.p99_ms,
          load.n_failed > 0 ? "   FAILURES" : "");
  if (load.n_failed > 0)
    printf ("    %u of %u not 201\n", load.n_failed, load.n);
}

/* Staff paging through every request, again and again, until told to stop. */
typedef struct
{
  const char *url;
  const char *token;
  gboolean    stop;
  guint       n_listings;
  double      total_seconds;
} Lister;

static gpointer
lister_thread (gpointer data)
{
  Lister *lister = data;

  while (!lister->stop)
    {
      g_autoptr(GSubprocess) process = NULL;
      gint64 start = g_get_monotonic_time ();

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, NULL,
                                  g_getenv ("PORTING_CLI"), "requests", "--url", lister->url,
                                  "--token", lister->token, NULL);
      if (process == NULL || !g_subprocess_wait_check (process, NULL, NULL))
        g_error ("porting-cli requests failed");
      lister->total_seconds += (g_get_monotonic_time () - start) / 1e6;
      lister->n_listings++;
    }
  return NULL;
}

/* 20,000 more requests, straight into the database: copies of one stored
 * through the API, each with its own id, reference and history. */
static void
seed_sqlite (const char *data_dir,
             guint       n)
{
  g_autofree char *path = g_build_filename (data_dir, "intake.sqlite3", NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 max_seq;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT MAX (seq) FROM requests", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  max_seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  sql = g_strdup_printf ("BEGIN;"
                         "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
                         "INSERT INTO requests (id, account_id, kind, status, body, created_at, updated_at, reference, seq) "
                         "SELECT lower (hex (randomblob (16))), r.account_id, r.kind, r.status, r.body, r.created_at, "
                         "r.updated_at, 'SEED-' || n.i, %" G_GINT64_FORMAT " + n.i "
                         "FROM n, (SELECT * FROM requests LIMIT 1) r;"
                         "INSERT INTO history (request_id, status, at, by) "
                         "SELECT id, 'submitted', created_at, 'seed' FROM requests WHERE reference LIKE 'SEED-%%';"
                         "COMMIT;", n, max_seq);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
seed_postgres (TestPostgres *pg,
               const char   *database_url,
               guint         n)
{
  g_autofree char *sql = g_strdup_printf (
    "BEGIN;"
    "INSERT INTO requests (id, reference, account_id, kind, status, body, created_at, updated_at) "
    "SELECT md5 (random ()::text || g), 'SEED-' || g, r.account_id, r.kind, r.status, r.body, r.created_at, r.updated_at "
    "FROM generate_series (1, %u) g, (SELECT * FROM requests LIMIT 1) r;"
    "INSERT INTO history (request_id, status, at, \"by\") "
    "SELECT id, 'submitted', created_at, 'seed' FROM requests WHERE reference LIKE 'SEED-%%';"
    "COMMIT; ANALYZE;", n);

  test_postgres_sql (pg, database_url, sql);
}

static void
measure_intake (const char  *backend,
                const char  *url,
                const char  *token,
                const char  *staff_token,
                void       (*seed) (gpointer),
                gpointer     seed_data)
{
  g_autofree char *label = g_strdup_printf ("porting-intake, %s", backend);
  guint n_during = MAX (n_submissions / 5, 100);
  Lister lister = { url, staff_token, FALSE, 0, 0 };
  GThread *thread;
  Load alone, during;

  print_load (label, 8, run_load (url, token, n_submissions, 8));
  print_load (label, 128, run_load (url, token, n_submissions, 128));

  seed (seed_data);
  alone = run_load (url, token, n_during, 8);
  thread = g_thread_new ("lister", lister_thread, &lister);
  during = run_load (url, token, n_during, 8);
  lister.stop = TRUE;
  g_thread_join (thread);

  printf ("  with 20,000 requests stored, %s:\n", backend);
  print_load ("    submit alone", 8, alone);
  print_load ("    submit while staff list them all", 8, during);
  printf ("    (%u listings of every request meanwhile, %.2f s each; p99 added %.1f ms)\n",
          lister.n_listings, lister.n_listings ? lister.total_seconds / lister.n_listings : 0,
          during.p99_ms - alone.p99_ms);
}

typedef struct
{
  const char   *data_dir;
  TestPostgres *pg;
  const char   *database_url;
} Seed;

static void
seed_sqlite_cb (gpointer data)
{
  Seed *seed = data;
  seed_sqlite (seed->data_dir, 20000);
}

static void
seed_postgres_cb (gpointer data)
{
  Seed *seed = data;
  seed_postgres (seed->pg, seed->database_url, 20000);
}

static char *
token_for (const char * const *store_args,
           const char         *role)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("PORTING_INTAKE"));
  g_ptr_array_add (argv, "token");
  for (guint i = 0; store_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) store_args[i]);
  g_ptr_array_add (argv, "--role");
  g_ptr_array_add (argv, (gpointer) role);
  g_ptr_array_add (argv, "--name");
  g_ptr_array_add (argv, (gpointer) role);
  g_ptr_array_add (argv, NULL);
  return run_out ((const char * const *) argv->pdata);
}

static GSubprocess *
start_intake (const char * const *store_args,
              char              **url)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("PORTING_INTAKE"));
  g_ptr_array_add (argv, "serve");
  for (guint i = 0; store_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) store_args[i]);
  g_ptr_array_add (argv, "--listen");
  g_ptr_array_add (argv, "127.0.0.1:0");
  g_ptr_array_add (argv, "--rate-limit");
  g_ptr_array_add (argv, "0");
  g_ptr_array_add (argv, NULL);
  return spawn_server (url, "porting-intake listening on ", (const char * const *) argv->pdata);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sink_url = NULL;
  g_autofree char *sink_dir = NULL;
  g_autoptr(GSubprocess) sink = NULL;
  g_autofree char *loa = NULL;
  const char request_json[] =
    "{\"kind\": \"port-in\", \"numbers\": [\"+15105550142\"], \"contract_acknowledged\": true,"
    " \"sms\": false, \"wireless\": null, \"preferred_date\": \"2026-12-14\","
    " \"loa\": {\"customer_name\": \"Acme Widgets LLC\", \"service_address\": {\"street\": \"1200 Harbor Boulevard\","
    "   \"city\": \"Oakland\", \"region\": \"CA\", \"postal_code\": \"94607\", \"country\": \"US\"}},"
    " \"proof_kind\": \"invoice\"}";

  if (argc == 3 && g_str_equal (argv[1], "--sink"))
    return run_sink (argv[2]);
  if (argc == 2 && g_str_equal (argv[1], "--quick"))
    n_submissions = 300;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  work_dir = g_dir_make_tmp ("bench-intake-load-XXXXXX", &error);
  g_assert_no_error (error);
  /* One multipart body, built once: curl -Z sends -F forms with the last
   * transfer only (7.88), --data-binary with all of them. */
  body_path = g_build_filename (work_dir, "body.multipart", NULL);
  loa = g_malloc (LOA_SIZE);
  memset (loa, 'a', LOA_SIZE);
  memcpy (loa, "%PDF-1.4\n", 9);
  {
    GString *body = g_string_new (NULL);

    g_string_append_printf (body, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"request\"\r\n"
                                  "Content-Type: application/json\r\n\r\n%s\r\n", request_json);
    g_string_append (body, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"loa\"; filename=\"loa.pdf\"\r\n"
                           "Content-Type: application/pdf\r\n\r\n");
    g_string_append_len (body, loa, LOA_SIZE);
    g_string_append (body, "\r\n--" BOUNDARY "--\r\n");
    g_file_set_contents (body_path, body->str, body->len, &error);
    g_assert_no_error (error);
    g_string_free (body, TRUE);
  }

  printf ("submissions of a port-in with a 100 KiB LOA (multipart), %u per run, by curl -Z\n", n_submissions);

  /* Baseline */
  sink_dir = g_build_filename (work_dir, "sink", NULL);
  g_mkdir (sink_dir, 0700);
  sink = spawn_server (&sink_url, "sink listening on ",
                       (const char *[]) { argv[0], "--sink", sink_dir, NULL });
  print_load ("file sink (libsoup, no fsync)", 8, run_load (sink_url, "none", n_submissions, 8));
  print_load ("file sink (libsoup, no fsync)", 128, run_load (sink_url, "none", n_submissions, 128));
  stop (sink);

  /* SQLite */
  {
    g_autofree char *data_dir = g_build_filename (work_dir, "sqlite", NULL);
    const char *store[] = { "--data", data_dir, NULL };
    g_autofree char *token = token_for (store, "customer");
    g_autofree char *staff = token_for (store, "staff");
    g_autofree char *url = NULL;
    g_autoptr(GSubprocess) intake = start_intake (store, &url);
    Seed seed = { data_dir, NULL, NULL };

    measure_intake ("SQLite", url, token, staff, seed_sqlite_cb, &seed);
    stop (intake);
  }

  /* PostgreSQL, fsync on, on this host's Unix socket */
  {
    TestPostgres *pg = test_postgres_get_full (TRUE);

    if (pg == NULL)
      printf ("  PostgreSQL: not installed, skipped\n");
    else
      {
        g_autofree char *database_url = test_postgres_create_database (pg);
        g_autofree char *documents = g_build_filename (work_dir, "pg-documents", NULL);
        g_autofree char *key = g_build_filename (work_dir, "pg-secret.key", NULL);
        const char *accounts[] = { "--database", database_url, NULL };
        const char *store[] = { "--database", database_url, "--documents", documents, "--secret-key", key, NULL };
        g_autofree char *url = NULL;
        g_autoptr(GSubprocess) intake = start_intake (store, &url);
        g_autofree char *token = token_for (accounts, "customer");
        g_autofree char *staff = token_for (accounts, "staff");
        Seed seed = { NULL, pg, database_url };

        measure_intake ("PostgreSQL", url, token, staff, seed_postgres_cb, &seed);
        stop (intake);
        test_postgres_stop ();
      }
  }

  {
    const char *rm_argv[] = { "rm", "-rf", work_dir, NULL };
    g_spawn_sync (NULL, (char **) rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return 0;
}
