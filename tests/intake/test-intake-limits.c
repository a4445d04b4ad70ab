/* test-intake-limits.c — porting-intake against hostile clients: sizes, time, rate, disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case is what an attacker tried from loopback (issue 14). Memory is
 * read from the service's own /proc/PID/status. The timeouts are made short
 * with the service's hidden options so that the cases take seconds.
 */
#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "intake-test-util.h"

#define MiB (1024 * 1024)

static char *work_dir;

/* Raw HTTP over a socket: what a client that does not play by the rules sends. */

static guint16
url_port (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  g_assert_nonnull (uri);
  return (guint16) g_uri_get_port (uri);
}

static GSocket *
raw_connect (TestService *service)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, url_port (service->url));
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  g_socket_connect (socket, address, NULL, &error);
  g_assert_no_error (error);
  g_socket_set_timeout (socket, 30);
  return socket;
}

static void
raw_send (GSocket    *socket,
          const char *text)
{
  g_assert_true (test_socket_send (socket, text, strlen (text)));
}

/* Whatever the service answers before it closes (or 30 s pass). */
static char *
raw_read_all (GSocket *socket)
{
  GString *answer = g_string_new (NULL);
  char buffer[4096];

  for (;;)
    {
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL);

      if (n <= 0)
        break;
      g_string_append_len (answer, buffer, n);
    }
  return g_string_free (answer, FALSE);
}

/* Sends up to @body_size bytes of body after @head, reading all the while;
 * stops when the service answered and closed. Returns the answer; *sent is
 * how much of the body went out. */
static char *
raw_send_body (GSocket    *socket,
               const char *head,
               goffset     body_size,
               gboolean    chunked,
               goffset    *sent)
{
  g_autofree char *block = g_malloc (256 * 1024);
  GString *answer = g_string_new (NULL);
  char buffer[4096];

  memset (block, 'x', 256 * 1024);
  raw_send (socket, head);
  *sent = 0;
  while (*sent < body_size)
    {
      GIOCondition ready = g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR);
      gsize size = MIN (256 * 1024, body_size - *sent);
      gboolean ok;

      if (ready != 0)
        break;
      if (chunked)
        {
          g_autofree char *size_line = g_strdup_printf ("%zx\r\n", size);

          ok = test_socket_send (socket, size_line, strlen (size_line)) &&
               test_socket_send (socket, block, size) &&
               test_socket_send (socket, "\r\n", 2);
        }
      else
        ok = test_socket_send (socket, block, size);
      if (!ok)
        break;
      *sent += size;
    }

  for (;;)
    {
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL);

      if (n <= 0)
        break;
      g_string_append_len (answer, buffer, n);
    }
  return g_string_free (answer, FALSE);
}

static void
assert_status_line (const char *answer,
                    guint       status)
{
  g_autofree char *prefix = g_strdup_printf ("HTTP/1.1 %u ", status);

  if (!g_str_has_prefix (answer, prefix))
    g_error ("Expected %s, got “%.80s”", prefix, answer);
}

/* raw_send_body(), and how much the service's peak memory (VmHWM) grew
 * meanwhile, in KiB, into *@growth_kib. */
static char *
send_body_watching_memory (TestService *service,
                           GSocket     *socket,
                           const char  *head,
                           goffset      body_size,
                           gboolean     chunked,
                           goffset     *sent,
                           guint64     *growth_kib)
{
  guint64 before = test_service_status_kib (service, "VmHWM");
  char *answer = raw_send_body (socket, head, body_size, chunked, sent);
  guint64 after = test_service_status_kib (service, "VmHWM");

  g_test_message ("“%.12s” after %" G_GOFFSET_FORMAT " KiB of a %s%" G_GOFFSET_FORMAT " MiB body; VmHWM %"
                  G_GUINT64_FORMAT " → %" G_GUINT64_FORMAT " KiB",
                  answer, *sent / 1024, chunked ? "chunked " : "", body_size / MiB, before, after);
  *growth_kib = after - before;
  return answer;
}

static TestService *
start (const char * const *args)
{
  TestService *service = test_service_new ();

  test_service_launch (service, args);
  return service;
}

/* Refused before the body */

/* An unauthenticated 2,000 MiB body took 4.0 GB of the service before the 401. */
static void
test_unauthenticated_body (void)
{
  TestService *service = start (NULL);
  g_autoptr(GSocket) socket = raw_connect (service);
  g_autofree char *answer = NULL;
  goffset sent = 0;
  guint64 growth;

  answer = send_body_watching_memory (service, socket,
                                      "POST /v1/requests HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                      "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 1048576000\r\n\r\n",
                                      (goffset) 1000 * MiB, FALSE, &sent, &growth);

  assert_status_line (answer, 401);
  g_assert_nonnull (strstr (answer, "WWW-Authenticate: Bearer"));
  g_assert_nonnull (strstr (answer, "\"unauthorized\""));
  g_assert_cmpint (sent, <, 64 * MiB);
  g_assert_cmpuint (growth, <, 32 * 1024);
  test_service_free (service);
}

/* An authenticated 1,000 MiB one took 2.0 GB before the 413. */
static void
test_declared_too_large (void)
{
  TestService *service = start (NULL);
  g_autofree char *token = test_service_token (service, "customer", "Acme");
  g_autoptr(GSocket) socket = raw_connect (service);
  g_autofree char *head = g_strdup_printf ("POST /v1/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                                           "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 1048576000\r\n\r\n",
                                           token);
  g_autofree char *answer = NULL;
  goffset sent = 0;
  guint64 growth;

  answer = send_body_watching_memory (service, socket, head, (goffset) 1000 * MiB, FALSE, &sent, &growth);

  assert_status_line (answer, 413);
  g_assert_nonnull (strstr (answer, "\"too-large\""));
  g_assert_cmpint (sent, <, 64 * MiB);
  g_assert_cmpuint (growth, <, 32 * 1024);
  test_service_free (service);
}

/* A chunked 240 MiB body was accepted. */
static void
test_chunked_too_large (void)
{
  TestService *service = start (NULL);
  g_autofree char *token = test_service_token (service, "customer", "Acme");
  g_autoptr(GSocket) socket = raw_connect (service);
  const char *part_head = "--b\r\nContent-Disposition: form-data; name=\"notes\"\r\n\r\n";
  g_autofree char *head = g_strdup_printf ("POST /v1/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                                           "Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "%zx\r\n%s\r\n", token, strlen (part_head), part_head);
  g_autofree char *answer = NULL;
  goffset sent = 0;
  guint64 growth;

  answer = send_body_watching_memory (service, socket, head, (goffset) 240 * MiB, TRUE, &sent, &growth);

  assert_status_line (answer, 413);
  g_assert_nonnull (strstr (answer, "64 MiB"));
  g_assert_cmpint (sent, >=, 64 * MiB);
  g_assert_cmpint (sent, <, 96 * MiB);
  g_assert_cmpuint (growth, <, 32 * 1024);
  test_service_free (service);
}

static char *
document_parts (const char *name,
                guint       n_parts,
                gsize       part_size)
{
  GString *body = g_string_new ("--b\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n"
                                "{\"kind\": \"byoc-inquiry\", \"numbers\": [\"+15105550142\"]}\r\n");
  g_autofree char *content = g_malloc (part_size + 1);

  memset (content, 'a', part_size);
  memcpy (content, "%PDF-1.4\n", MIN (part_size, 9));
  content[part_size] = '\0';
  for (guint i = 0; i < n_parts; i++)
    g_string_append_printf (body, "--b\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"r%u.pdf\"\r\n"
                                  "Content-Type: application/pdf\r\n\r\n%s\r\n", name, i, content);
  g_string_append (body, "--b--\r\n");
  return g_string_free (body, FALSE);
}

/* 30,000 "regulatory" parts were stored; the limit is 10 documents of 25 MiB. */
static void
test_documents_limits (void)
{
  TestService *service = start ((const char *[]) { "--rate-limit", "0", NULL });
  g_autofree char *token = test_service_token (service, "customer", "Acme");
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, token);
  g_autofree char *ten = document_parts ("regulatory", 10, 64);
  g_autofree char *eleven = document_parts ("regulatory", 11, 64);
  g_autofree char *thirty_thousand = document_parts ("regulatory", 30000, 16);
  g_autofree char *big = document_parts ("proof", 1, 26 * MiB);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *code = NULL;

  g_assert_cmpuint (test_http (service->url, "POST", "/v1/requests", token, "multipart/form-data; boundary=b",
                               ten, -1, &answer, NULL), ==, 201);
  g_clear_pointer (&answer, g_free);

  g_assert_cmpuint (test_http (service->url, "POST", "/v1/requests", token, "multipart/form-data; boundary=b",
                               eleven, -1, &answer, NULL), ==, 413);
  code = test_error_code (answer, "regulatory");
  g_assert_cmpstr (code, ==, "too-many-documents");
  g_clear_pointer (&answer, g_free);

  g_assert_cmpuint (test_http (service->url, "POST", "/v1/requests", token, "multipart/form-data; boundary=b",
                               thirty_thousand, -1, &answer, NULL), ==, 413);
  g_clear_pointer (&answer, g_free);

  /* A document over 25 MiB in a body under 64 MiB: refused while it comes,
   * yet the rest is read so that this client, still sending, gets the answer. */
  g_assert_cmpuint (test_http (service->url, "POST", "/v1/requests", token, "multipart/form-data; boundary=b",
                               big, -1, &answer, NULL), ==, 413);
  g_clear_pointer (&code, g_free);
  code = test_error_code (answer, "proof");
  g_assert_cmpstr (code, ==, "too-large");

  listed = test_list (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpuint (json_array_get_length (porting_request_get_documents (g_ptr_array_index (listed, 0))), ==, 10);
  test_service_free (service);
}

/* Time */

/* Waits for the service to close @socket; TRUE when it did within @seconds. */
static gboolean
closed_within (GSocket *socket,
               guint    seconds,
               char   **answer)
{
  g_socket_set_timeout (socket, seconds);
  *answer = raw_read_all (socket);
  return g_socket_condition_check (socket, G_IO_IN) != 0 || **answer != '\0' ||
         g_socket_receive (socket, (char[1]) { 0 }, 1, NULL, NULL) == 0;
}

/* A half-sent head stayed open for ever; slowloris connections were never closed. */
static void
test_header_timeout (void)
{
  TestService *service = start ((const char *[]) { "--header-timeout", "2", NULL });
  g_autoptr(GSocket) half = raw_connect (service);
  g_autoptr(GSocket) slow = raw_connect (service);
  g_autofree char *answer = NULL;
  g_autofree char *slow_answer = NULL;
  const char *head = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ";
  gint64 start_time = g_get_monotonic_time ();
  gboolean cut = FALSE;

  raw_send (half, "GET /v1/health HTTP/1.1\r\nHost: 12");
  /* A byte every 0.4 s: never idle, never done. */
  for (guint i = 0; !cut && i < 100; i++)
    {
      char byte[2] = { head[MIN (i, strlen (head) - 1)], 0 };

      if (g_socket_send (slow, byte, 1, NULL, NULL) <= 0)
        cut = TRUE;
      else
        g_usleep (400 * 1000);
    }
  g_test_message ("slowloris cut after %.1f s", (g_get_monotonic_time () - start_time) / 1e6);
  g_assert_true (cut);
  slow_answer = raw_read_all (slow);
  g_assert_true (closed_within (half, 20, &answer));
  assert_status_line (answer, 408);
  test_service_free (service);
}

/* A Content-Length longer than the body hung the connection. */
static void
test_idle_timeout (void)
{
  TestService *service = start ((const char *[]) { "--idle-timeout", "2", NULL });
  g_autofree char *token = test_service_token (service, "staff", "Support");
  g_autoptr(GSocket) socket = raw_connect (service);
  g_autofree char *head = g_strdup_printf ("POST /v1/requests/x/review HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                           "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                                           "Content-Length: 1000\r\n\r\n{\"decision\": ", token);
  g_autofree char *answer = NULL;
  gint64 start_time = g_get_monotonic_time ();

  raw_send (socket, head);
  g_assert_true (closed_within (socket, 20, &answer));
  g_test_message ("stalled body cut after %.1f s", (g_get_monotonic_time () - start_time) / 1e6);
  g_assert_cmpint (g_get_monotonic_time () - start_time, <, 20 * G_USEC_PER_SEC);
  test_service_free (service);
}

/* The listen backlog of 10 reset 3–4 % of connections at 128 clients. */
static void
test_backlog (void)
{
  TestService *service = start (NULL);
  g_autoptr(GPtrArray) sockets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, url_port (service->url));
  GPid pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (service->process), NULL, 10);
  guint connected = 0;

  /* Not accepting for a moment: every connection waits in the backlog. */
  kill (pid, SIGSTOP);
  for (guint i = 0; i < 200; i++)
    {
      GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);

      g_socket_set_blocking (socket, FALSE);
      g_socket_connect (socket, address, NULL, NULL);
      g_ptr_array_add (sockets, socket);
    }
  g_usleep (500 * 1000);
  for (guint i = 0; i < sockets->len; i++)
    {
      GSocket *socket = g_ptr_array_index (sockets, i);

      if (g_socket_condition_timed_wait (socket, G_IO_OUT, 100 * 1000, NULL, NULL) &&
          g_socket_check_connect_result (socket, NULL))
        connected++;
    }
  kill (pid, SIGCONT);
  g_test_message ("%u of 200 connections taken while the service was not accepting", connected);
  g_assert_cmpuint (connected, ==, 200);

  g_clear_pointer (&sockets, g_ptr_array_unref);
  test_service_free (service);
}

/* Rate */

static void
test_rate_limit (void)
{
  TestService *service = start ((const char *[]) { "--rate-limit", "5", NULL });
  g_autofree char *token = test_service_token (service, "customer", "Busy Ltd");
  g_autofree char *other = test_service_token (service, "customer", "Quiet Ltd");
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *code = NULL;
  guint64 retry_after;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *ok = NULL;

      g_assert_cmpuint (test_http (service->url, "GET", "/v1/requests?limit=1", token, NULL, NULL, 0, &ok, NULL), ==, 200);
    }
  g_assert_cmpuint (test_http (service->url, "GET", "/v1/requests?limit=1", token, NULL, NULL, 0, &answer, &headers), ==, 429);
  code = test_error_code (answer, NULL);
  g_assert_cmpstr (code, ==, "rate-limited");
  retry_after = g_ascii_strtoull (soup_message_headers_get_one (headers, "Retry-After"), NULL, 10);
  g_assert_cmpuint (retry_after, >=, 1);
  g_assert_cmpuint (retry_after, <=, 12);

  /* Per token. */
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (test_http (service->url, "GET", "/v1/requests?limit=1", other, NULL, NULL, 0, &answer, NULL), ==, 200);
  test_service_free (service);
}

/* Leftovers */

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

#define ORPHAN   "0000000000000000000000000000000000000000000000000000000000000000"
#define ORPHAN_2 "1111111111111111111111111111111111111111111111111111111111111111"

/* After crashes, .upload-* files and documents no request names stayed for ever. */
static void
test_leftovers (void)
{
  TestService *service = test_service_new ();
  g_autofree char *documents = g_build_filename (service->data_dir, "documents", NULL);
  g_autofree char *token = NULL;
  g_autoptr(PortingIntakeClient) client = NULL;
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa.pdf", 4096);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();
  const char *kept;
  gint64 give_up;

  /* Cleaned at start. */
  g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
  write_file (documents, ".upload-crashed", "%PDF-half");
  write_file (documents, ORPHAN, "%PDF-nobody");
  test_service_launch (service, (const char *[]) { "--clean-interval", "1", "--clean-age", "0", NULL });
  g_assert_false (exists (documents, ".upload-crashed"));
  g_assert_false (exists (documents, ORPHAN));

  token = test_service_token (service, "customer", "Acme");
  client = test_client_new (service->url, token);
  stored = test_submit (client, request, loa, NULL, key, NULL, &error);
  g_assert_no_error (error);
  kept = json_object_get_string_member (json_array_get_object_element (porting_request_get_documents (stored), 0), "sha256");

  /* And while it runs; what a request names stays. */
  write_file (documents, ".upload-later", "%PDF-half");
  write_file (documents, ORPHAN_2, "%PDF-nobody");
  give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((exists (documents, ".upload-later") || exists (documents, ORPHAN_2)) && g_get_monotonic_time () < give_up)
    g_usleep (100 * 1000);
  g_assert_false (exists (documents, ".upload-later"));
  g_assert_false (exists (documents, ORPHAN_2));
  g_assert_true (exists (documents, kept));
  test_service_free (service);
}

/* A full disk was answered 500, and its leftovers stayed. A tmpfs of 6 MiB,
 * mounted in a user and mount namespace of the service's own (as root or not). */
static void
test_disk_full (void)
{
  g_autofree char *data_dir = g_build_filename (work_dir, "full", NULL);
  g_autofree char *token_path = g_build_filename (work_dir, "full-token", NULL);
  g_autofree char *token = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) probe = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = document_parts ("proof", 1, 8 * MiB);
  g_autofree char *small = document_parts ("proof", 1, 1 * MiB);
  g_autofree char *answer = NULL;
  g_autofree char *code = NULL;
  TestService service = { 0 };
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  const char *script =
    "mount -t tmpfs -o size=6m tmpfs \"$1\" && "
    "\"$2\" token --data \"$1\" --role customer --name Full > \"$3\" && "
    "exec \"$2\" serve --data \"$1\" --listen 127.0.0.1:0 --rate-limit 0";

  probe = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, "unshare", "-Urm", "true", NULL);
  if (probe == NULL || !g_subprocess_wait_check (probe, NULL, NULL))
    {
      g_test_skip ("unshare -Urm is not allowed here: no tmpfs of our own to fill");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, test_die_with_parent, NULL, NULL);
  service.process = g_subprocess_launcher_spawn (launcher, &error, "unshare", "-Urm", "sh", "-c", script, "sh",
                                                 data_dir, test_intake_path (), token_path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (service.process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  service.url = g_strdup (strstr (line, "http://"));
  g_assert_true (g_file_get_contents (token_path, &token, NULL, NULL));
  g_strstrip (token);

  g_assert_cmpuint (test_http (service.url, "POST", "/v1/requests", token, "multipart/form-data; boundary=b",
                               big, -1, &answer, NULL), ==, 507);
  code = test_error_code (answer, NULL);
  g_assert_cmpstr (code, ==, "insufficient-storage");
  g_clear_pointer (&answer, g_free);

  /* What the refused upload wrote is gone: the next one fits. */
  g_assert_cmpuint (test_http (service.url, "POST", "/v1/requests", token, "multipart/form-data; boundary=b",
                               small, -1, &answer, NULL), ==, 201);

  test_service_stop (&service, FALSE);
  g_free (service.url);
}

/* Off the main loop */

static void
release_sqlite (gpointer data)
{
  sqlite3 *db = data;

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A long listing blocked every other client (a submit waited 12 s). Here the
 * database is held by another writer, the test. */
static void
test_database_off_main_loop (void)
{
  TestService *service = start ((const char *[]) { "--rate-limit", "0", NULL });
  g_autofree char *token = test_service_token (service, "customer", "Acme");
  g_autofree char *db_path = g_build_filename (service->data_dir, "intake.sqlite3", NULL);
  g_autoptr(PortingIntakeClient) client = test_client_new (service->url, token);
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_key = g_uuid_string_random ();
  sqlite3 *db = NULL;

  first = test_submit (client, request, NULL, NULL, first_key, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE;", NULL, NULL, NULL), ==, SQLITE_OK);
  test_listing_answered_while_submit_waits (service->url, token, release_sqlite, db);
  test_service_free (service);
}

/* Migrations */

/* A database of the first release (schema version 1), as it was left:
 * taken over at start, references given, keys lower-cased. */
static void
test_migrates_first_schema (void)
{
  TestService *service = test_service_new ();
  g_autofree char *db_path = g_build_filename (service->data_dir, "intake.sqlite3", NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "pt_old", -1);
  g_autofree char *sql = NULL;
  g_autoptr(PortingIntakeClient) client = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(PortingRequest) by_reference = NULL;
  g_autoptr(PortingRequest) again = NULL;
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = porting_request_to_json (request, PORTING_REQUEST_JSON_DEFAULT);
  char *quoted = sqlite3_mprintf ("%Q", body);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) day_before = g_date_time_add_days (now, -2);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -1);
  g_autofree char *two_days_ago = g_date_time_format (day_before, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *yesterday = g_date_time_format (day, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3 *db = NULL;

  sql = g_strdup_printf (
    "CREATE TABLE accounts (id INTEGER PRIMARY KEY, token_sha256 TEXT NOT NULL UNIQUE,"
    "  role TEXT NOT NULL CHECK (role IN ('customer', 'staff')), name TEXT NOT NULL, created_at TEXT NOT NULL);"
    "CREATE TABLE requests (id TEXT PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts (id),"
    "  idempotency_key TEXT, kind TEXT NOT NULL, status TEXT NOT NULL, body TEXT NOT NULL, answer TEXT,"
    "  document_check TEXT, foc_date TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
    "  UNIQUE (account_id, idempotency_key));"
    "CREATE INDEX requests_by_account ON requests (account_id, created_at);"
    "CREATE TABLE history (id INTEGER PRIMARY KEY, request_id TEXT NOT NULL REFERENCES requests (id),"
    "  status TEXT NOT NULL, at TEXT NOT NULL, by TEXT, note TEXT);"
    "CREATE INDEX history_by_request ON history (request_id, id);"
    "CREATE TABLE documents (request_id TEXT NOT NULL REFERENCES requests (id), name TEXT NOT NULL,"
    "  part TEXT NOT NULL, sha256 TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL,"
    "  filename TEXT, PRIMARY KEY (request_id, name));"
    "INSERT INTO accounts VALUES (1, '%s', 'customer', 'Old Customer', '2025-01-01T00:00:00Z');"
    "INSERT INTO requests VALUES ('11111111-1111-4111-8111-111111111111', 1, '6F1C1C9E-8B7A-4A55-9C1E-0A0F3C2B1D11',"
    "  'port-in', 'submitted', %s, NULL, NULL, NULL, '%s', '%s');"
    "INSERT INTO requests VALUES ('22222222-2222-4222-8222-222222222222', 1, '6f1c1c9e-8b7a-4a55-9c1e-0a0f3c2b1d11',"
    "  'port-in', 'submitted', %s, NULL, NULL, NULL, '%s', '%s');"
    "INSERT INTO history (request_id, status, at, by) VALUES"
    "  ('11111111-1111-4111-8111-111111111111', 'submitted', '%s', 'Old Customer'),"
    "  ('22222222-2222-4222-8222-222222222222', 'submitted', '%s', 'Old Customer');",
    hash, quoted, two_days_ago, two_days_ago, quoted, yesterday, yesterday, two_days_ago, yesterday);
  sqlite3_free (quoted);
  g_assert_cmpint (g_mkdir_with_parents (service->data_dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  {
    g_autofree char *spool = g_build_filename (service->data_dir, "spool", NULL);

    g_assert_cmpint (g_mkdir (spool, 0700), ==, 0);
    write_file (spool, "upload-AB12CD", "--b\r\n{\"wireless\": {\"pin\": \"1234\"}}");
  }

  test_service_launch (service, NULL);
  /* The first release's spool, where bodies (and PINs) waited, is gone. */
  g_assert_false (exists (service->data_dir, "spool"));
  client = test_client_new (service->url, "pt_old");
  listed = test_list (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  /* Newest first, each with a reference of its own. */
  g_assert_cmpstr (porting_request_get_id (g_ptr_array_index (listed, 0)), ==, "22222222-2222-4222-8222-222222222222");
  g_assert_true (g_str_has_prefix (porting_request_get_reference (g_ptr_array_index (listed, 0)), "PRT-"));
  g_assert_cmpstr (porting_request_get_reference (g_ptr_array_index (listed, 0)), !=,
                   porting_request_get_reference (g_ptr_array_index (listed, 1)));
  by_reference = test_get (client, porting_request_get_reference (g_ptr_array_index (listed, 1)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (porting_request_get_id (by_reference), ==, "11111111-1111-4111-8111-111111111111");

  /* The two keys were one without case: the first request keeps it. */
  {
    g_autoptr(PortingRequest) same = test_port_in_request (NULL);

    again = test_submit (client, same, NULL, NULL, "6f1c1c9e-8b7a-4a55-9c1e-0a0f3c2b1d11", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (porting_request_get_id (again), ==, "11111111-1111-4111-8111-111111111111");
  }
  test_service_free (service);
}

/* TLS */

static void
test_tls (void)
{
  g_autofree char *cert = g_build_filename (work_dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (work_dir, "key.pem", NULL);
  g_autoptr(GSubprocess) openssl = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(PortingIntakeClient) trusting = NULL;
  g_autoptr(PortingIntakeClient) untrusting = NULL;
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(PortingRequest) refused = NULL;
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa-tls.pdf", 4096);
  g_autofree char *token = NULL;
  g_autofree char *plain_url = NULL;
  g_autofree char *submit_key = g_uuid_string_random ();
  TestService *service;

  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                              "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
                              "-addext", "subjectAltName=IP:127.0.0.1", NULL);
  if (openssl == NULL || !g_subprocess_wait_check (openssl, NULL, NULL))
    {
      g_test_skip ("openssl cannot make a test certificate here");
      return;
    }

  service = start ((const char *[]) { "--tls-certificate", cert, "--tls-key", key, NULL });
  g_assert_true (g_str_has_prefix (service->url, "https://127.0.0.1:"));
  token = test_service_token (service, "customer", "Acme");

  database = g_tls_file_database_new (cert, &error);
  g_assert_no_error (error);
  trusting = test_client_new (service->url, token);
  g_object_set (trusting, "tls-database", database, NULL);
  stored = test_submit (trusting, request, loa, NULL, submit_key, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (porting_request_get_reference (stored));

  /* A certificate nobody vouches for is refused by the client. */
  untrusting = test_client_new (service->url, token);
  g_object_set (untrusting, "max-attempts", 1, NULL);
  refused = test_get (untrusting, porting_request_get_id (stored), &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "secure connection"));
  g_clear_error (&error);

  /* Plain HTTP to it gets no answer. */
  plain_url = g_strdup_printf ("http://127.0.0.1:%u", url_port (service->url));
  {
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autofree char *me = g_strconcat (plain_url, "/v1/me", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", me);
    g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, &error);

    g_assert_true (error != NULL || soup_message_get_status (msg) != SOUP_STATUS_OK);
  }
  test_service_free (service);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  test_intake_init_backend (&argc, &argv);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  work_dir = g_dir_make_tmp ("intake-limits-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/intake-limits/unauthenticated-body", test_unauthenticated_body);
  g_test_add_func ("/intake-limits/declared-too-large", test_declared_too_large);
  g_test_add_func ("/intake-limits/chunked-too-large", test_chunked_too_large);
  g_test_add_func ("/intake-limits/documents", test_documents_limits);
  g_test_add_func ("/intake-limits/header-timeout", test_header_timeout);
  g_test_add_func ("/intake-limits/idle-timeout", test_idle_timeout);
  g_test_add_func ("/intake-limits/backlog", test_backlog);
  g_test_add_func ("/intake-limits/rate-limit", test_rate_limit);
  g_test_add_func ("/intake-limits/leftovers", test_leftovers);
  g_test_add_func ("/intake-limits/disk-full", test_disk_full);
  g_test_add_func ("/intake-limits/database-off-main-loop", test_database_off_main_loop);
  g_test_add_func ("/intake-limits/migrates-first-schema", test_migrates_first_schema);
  g_test_add_func ("/intake-limits/tls", test_tls);

  status = g_test_run ();
  test_intake_cleanup ();
  test_remove_tree (work_dir);
  g_free (work_dir);
  return status;
}
