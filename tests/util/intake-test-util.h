/* intake-test-util.h — start the real porting-intake for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "porting-intake-client.h"
#include "porting-request.h"

#include "intake-test-postgres.h"

typedef struct
{
  GSubprocess *process;
  char        *url;
  /* SQLite: the --data folder. PostgreSQL: the folder of documents/ and secret.key. */
  char        *data_dir;
  /* PostgreSQL only: the service's own database. */
  char        *database_url;
  char       **extra_args;
  /* The folder was made for it, and goes with it. */
  gboolean     owns_data_dir;
} TestService;

/* rm -rf @path. */
static inline void
test_remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  if (path != NULL)
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static inline const char *
test_intake_path (void)
{
  const char *path = g_getenv ("PORTING_INTAKE");

  g_assert_nonnull (path);
  return path;
}

/* "sqlite" or "postgresql": which store the intake tests run against
 * (--backend=postgresql or $PORTING_TEST_BACKEND; meson runs them once with
 * each). */
static inline const char *
test_backend (void)
{
  const char *backend = g_getenv ("PORTING_TEST_BACKEND");

  return backend != NULL && *backend != '\0' ? backend : "sqlite";
}

static inline gboolean
test_backend_is_postgres (void)
{
  return g_str_equal (test_backend (), "postgresql");
}

/* The options naming @service's store, for serve and token alike. */
static inline void
test_service_add_store_args (TestService *service,
                             GPtrArray   *args,
                             gboolean     serve)
{
  if (service->database_url == NULL)
    {
      g_ptr_array_add (args, g_strdup ("--data"));
      g_ptr_array_add (args, g_strdup (service->data_dir));
      return;
    }
  g_ptr_array_add (args, g_strdup ("--database"));
  g_ptr_array_add (args, g_strdup (service->database_url));
  if (serve)
    {
      g_ptr_array_add (args, g_strdup ("--documents"));
      g_ptr_array_add (args, g_build_filename (service->data_dir, "documents", NULL));
      g_ptr_array_add (args, g_strdup ("--secret-key"));
      g_ptr_array_add (args, g_build_filename (service->data_dir, "secret.key", NULL));
    }
}

static inline char *
test_service_token_full (TestService *service,
                         const char  *role,
                         const char  *name,
                         guint        expires_in_days)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_ptr_array_add (args, g_strdup (test_intake_path ()));
  g_ptr_array_add (args, g_strdup ("token"));
  test_service_add_store_args (service, args, FALSE);
  g_ptr_array_add (args, g_strdup ("--role"));
  g_ptr_array_add (args, g_strdup (role));
  g_ptr_array_add (args, g_strdup ("--name"));
  g_ptr_array_add (args, g_strdup (name));
  if (expires_in_days > 0)
    {
      g_ptr_array_add (args, g_strdup ("--expires-in"));
      g_ptr_array_add (args, g_strdup_printf ("%u", expires_in_days));
    }
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  g_strstrip (out);
  g_assert_true (g_str_has_prefix (out, "pt_"));
  return g_steal_pointer (&out);
}

static inline char *
test_service_token (TestService *service,
                    const char  *role,
                    const char  *name)
{
  return test_service_token_full (service, role, name, 0);
}

/* A token of the SQLite service under @data_dir. */
static inline char *
test_intake_token (const char *data_dir,
                   const char *role,
                   const char *name)
{
  TestService service = { .data_dir = (char *) data_dir };

  return test_service_token (&service, role, name);
}

static inline void
test_die_with_parent (gpointer user_data)
{
  /* A failed assertion aborts the test: the service must not outlive it. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* A service on the backend the tests run against, not started yet: its
 * folder, and with PostgreSQL its own database. */
static inline TestService *
test_service_new (void)
{
  g_autoptr(GError) error = NULL;
  TestService *service = g_new0 (TestService, 1);

  service->data_dir = g_dir_make_tmp ("intake-XXXXXX", &error);
  g_assert_no_error (error);
  service->owns_data_dir = TRUE;
  if (test_backend_is_postgres ())
    {
      TestPostgres *pg = test_postgres_get ();

      g_assert_nonnull (pg);
      service->database_url = test_postgres_create_database (pg);
    }
  return service;
}

/* Starts porting-intake on 127.0.0.1, port 0 (it picks one and says which),
 * with @extra_args (kept for restarts); test_service_wait_ready() reads the
 * address it listens on. */
static inline void
test_service_spawn (TestService        *service,
                    const char * const *extra_args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  if (extra_args != NULL && extra_args != (const char * const *) service->extra_args)
    {
      g_strfreev (service->extra_args);
      service->extra_args = g_strdupv ((char **) extra_args);
    }

  g_ptr_array_add (args, g_strdup (test_intake_path ()));
  g_ptr_array_add (args, g_strdup ("serve"));
  test_service_add_store_args (service, args, TRUE);
  g_ptr_array_add (args, g_strdup ("--listen"));
  g_ptr_array_add (args, g_strdup ("127.0.0.1:0"));
  for (guint i = 0; service->extra_args != NULL && service->extra_args[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (service->extra_args[i]));
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, test_die_with_parent, NULL, NULL);
  if (g_getenv ("ASAN_OPTIONS") != NULL)
    {
      /* Under AddressSanitizer, a small quarantine of freed memory: the
       * tests read the service's peak memory, not ASan's. */
      g_autofree char *options = g_strconcat (g_getenv ("ASAN_OPTIONS"),
                                              ":quarantine_size_mb=4:thread_local_quarantine_size_kb=64", NULL);
      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", options, TRUE);
    }
  service->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
}

static inline void
test_service_wait_ready (TestService *service)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  const char *url;

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (service->process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "porting-intake listening on "));
  url = line + strlen ("porting-intake listening on ");
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:") || g_str_has_prefix (url, "https://127.0.0.1:"));
  g_free (service->url);
  service->url = g_strdup (url);
}

static inline void
test_service_launch (TestService        *service,
                     const char * const *extra_args)
{
  test_service_spawn (service, extra_args);
  test_service_wait_ready (service);
}

/* An SQLite service under @data_dir (a new folder when NULL), started. */
static inline TestService *
test_service_start (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  TestService *service = g_new0 (TestService, 1);

  service->data_dir = data_dir ? g_strdup (data_dir) : g_dir_make_tmp ("intake-XXXXXX", &error);
  g_assert_no_error (error);
  service->owns_data_dir = data_dir == NULL;
  test_service_launch (service, NULL);
  return service;
}

/* @hard: SIGKILL, nothing gets to clean up. */
static inline void
test_service_stop (TestService *service,
                   gboolean     hard)
{
  g_autoptr(GError) error = NULL;

  if (service->process == NULL)
    return;
  if (hard)
    g_subprocess_force_exit (service->process);
  else
    g_subprocess_send_signal (service->process, SIGTERM);
  g_subprocess_wait (service->process, NULL, &error);
  g_assert_no_error (error);
  /* Stopped cleanly, it exits 0: a sanitizer's report (a leak…) fails the test. */
  if (!hard)
    g_assert_cmpint (g_subprocess_get_exit_status (service->process), ==, 0);
  g_clear_object (&service->process);
}

/* The same store and options, a new process (and port). */
static inline void
test_service_restart (TestService *service,
                      gboolean     hard)
{
  test_service_stop (service, hard);
  test_service_launch (service, NULL);
}

static inline void
test_service_free (TestService *service)
{
  test_service_stop (service, FALSE);
  if (service->owns_data_dir)
    test_remove_tree (service->data_dir);
  g_free (service->url);
  g_free (service->data_dir);
  g_free (service->database_url);
  g_strfreev (service->extra_args);
  g_free (service);
}

/* A figure of the service's own /proc/PID/status, such as "VmHWM", in KiB. */
static inline guint64
test_service_status_kib (TestService *service,
                         const char  *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (service->process));
  g_autofree char *contents = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  line = strstr (contents, key);
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen (key), NULL, 10);
}

/* Call at the end of main(): the PostgreSQL server, if one was started. */
static inline void
test_intake_cleanup (void)
{
  test_postgres_stop ();
}

static inline void
test_wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static inline void
test_store_result (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Every file in @directory, one after the other: to look for what must
 * never be written there. */
static inline char *
test_read_dir_contents (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  GString *all = g_string_new (NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *contents = NULL;

      if (g_file_get_contents (path, &contents, NULL, NULL))
        g_string_append (all, contents);
    }
  return g_string_free (all, FALSE);
}

/* A file the service accepts as a PDF: it checks the content, not the name. */
static inline GFile *
test_write_pdf (const char *dir,
                const char *name,
                gsize       size)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *data = g_malloc (size);
  g_autoptr(GError) error = NULL;
  const char header[] = "%PDF-1.4\n%test\n";

  g_assert_cmpuint (size, >=, sizeof header);
  for (gsize i = 0; i < size; i++)
    data[i] = (char) ('a' + i % 26);
  memcpy (data, header, sizeof header - 1);
  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static inline PortingRequest *
test_port_in_request (const char *pin)
{
  const char *json =
    "{\"kind\": \"port-in\", \"numbers\": [\"+15105550142\", \"+15105550143\"],"
    " \"contract_acknowledged\": true, \"sms\": true, \"wireless\": null,"
    " \"preferred_date\": \"2026-12-14\","
    " \"loa\": {\"customer_name\": \"Acme Widgets LLC\", \"authorized_person\": \"Dana Whitfield\","
    "   \"service_address\": {\"street\": \"1200 Harbor Boulevard\", \"unit\": \"Suite 400\", \"city\": \"Oakland\","
    "     \"region\": \"CA\", \"postal_code\": \"94607\", \"country\": \"US\"},"
    "   \"carrier\": \"NorthStar Telecom\", \"account_number\": \"8841-22017-5\", \"btn\": \"+15105550142\"},"
    " \"proof_kind\": \"invoice\","
    " \"document_check\": {\"verdict\": \"match\", \"name\": \"equivalent\", \"address\": \"equivalent\"}}";
  g_autoptr(GError) error = NULL;
  PortingRequest *request = porting_request_new_from_json (json, -1, NULL, &error);

  g_assert_no_error (error);
  if (pin != NULL)
    porting_request_set_wireless (request, "WL-778812", pin);
  return request;
}

/* Call first in main(): loopback needs no proxy, and isolated test
 * directories have no proxy settings schemas to read. */
static inline void
test_intake_init (void)
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("PORTING_INTAKE_RETRY_DELAY_MS", "20", TRUE);
}

/* test_intake_init(), and --backend=NAME taken out of the arguments. */
static inline void
test_intake_init_backend (int    *argc,
                          char ***argv)
{
  int kept = 1;

  test_intake_init ();
  for (int i = 1; i < *argc; i++)
    {
      if (g_str_has_prefix ((*argv)[i], "--backend="))
        g_setenv ("PORTING_TEST_BACKEND", (*argv)[i] + strlen ("--backend="), TRUE);
      else
        (*argv)[kept++] = (*argv)[i];
    }
  *argc = kept;
  (*argv)[kept] = NULL;
}

static inline PortingIntakeClient *
test_client_new (const char *url,
                 const char *token)
{
  PortingIntakeClient *client = porting_intake_client_new (url, token);

  g_object_set (client, "retry-delay", 20, NULL);
  return client;
}

static inline PortingRequest *
test_submit (PortingIntakeClient  *client,
             PortingRequest       *request,
             GFile                *loa,
             GFile                *proof,
             const char           *key,
             char                **invalid_field,
             GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  porting_intake_client_submit_async (client, request, loa, proof, NULL, key, NULL, NULL, NULL,
                                      test_store_result, &result);
  test_wait_result (&result);
  return porting_intake_client_submit_finish (client, result, invalid_field, error);
}

static inline GPtrArray *
test_list (PortingIntakeClient  *client,
           GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  porting_intake_client_list_async (client, NULL, NULL, test_store_result, &result);
  test_wait_result (&result);
  return porting_intake_client_list_finish (client, result, error);
}

static inline PortingRequest *
test_get (PortingIntakeClient  *client,
          const char           *id,
          GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  porting_intake_client_get_async (client, id, NULL, test_store_result, &result);
  test_wait_result (&result);
  return porting_intake_client_get_finish (client, result, error);
}

/* Runs porting-cli with @argv (NULL-terminated, without the program) and returns its exit status. */
static inline int
test_run_cli (char       **out,
              char       **err,
              const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (args, (gpointer) g_getenv ("PORTING_CLI"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, test_die_with_parent, NULL, NULL);
  g_subprocess_launcher_setenv (launcher, "PORTING_INTAKE_RETRY_DELAY_MS", "20", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* One plain HTTP exchange with libsoup: the status, the body (free it) and,
 * when asked, the answer's headers (unref them). */
static inline guint
test_http (const char           *base_url,
           const char           *method,
           const char           *path,
           const char           *token,
           const char           *content_type,
           const char           *body,
           gssize                body_length,
           char                **answer,
           SoupMessageHeaders  **response_headers)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, body_length < 0 ? strlen (body) : (gsize) body_length);
      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }

  response = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  if (answer != NULL)
    *answer = g_strndup (g_bytes_get_data (response, NULL), g_bytes_get_size (response));
  if (response_headers != NULL)
    *response_headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return soup_message_get_status (msg);
}

/* The root object of @text, which must be JSON. */
static inline JsonObject *
test_parse_object (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* The "code" of an error answer, which must have a message (and @field). */
static inline char *
test_error_code (const char *text,
                 const char *field)
{
  g_autoptr(JsonObject) root = test_parse_object (text);
  JsonObject *error;

  g_assert_true (json_object_has_member (root, "error"));
  error = json_object_get_object_member (root, "error");
  g_assert_nonnull (json_object_get_string_member_with_default (error, "message", NULL));
  if (field != NULL)
    g_assert_cmpstr (json_object_get_string_member_with_default (error, "field", NULL), ==, field);
  return g_strdup (json_object_get_string_member_with_default (error, "code", NULL));
}

/* POST /v1/requests/{id}/review through the client; the reviewed request or the error. */
static inline PortingRequest *
test_review (PortingIntakeClient  *client,
             const char           *id,
             const char           *json,
             GError              **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_nonnull (node);
  porting_intake_client_review_async (client, id, json_node_get_object (node), NULL, test_store_result, &result);
  test_wait_result (&result);
  return porting_intake_client_review_finish (client, result, error);
}

/* Binary-safe: g_strstr_len() stops at the first NUL, as in every SQLite file. */
static inline gboolean
test_bytes_contain (const char *data,
                    gsize       length,
                    const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; needle_length <= length && i <= length - needle_length; i++)
    {
      if (data[i] == needle[0] && memcmp (data + i, needle, needle_length) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether any file under @directory, at any depth, holds @needle. */
static inline gboolean
test_tree_contains (const char *directory,
                    const char *needle,
                    guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (test_tree_contains (path, needle, n_files))
            return TRUE;
          continue;
        }
      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      if (n_files != NULL)
        (*n_files)++;
      if (test_bytes_contain (contents, length, needle))
        return TRUE;
    }
  return FALSE;
}

/* Sends all of @data on a blocking socket; FALSE once the peer is gone. */
static inline gboolean
test_socket_send (GSocket    *socket,
                  const char *data,
                  gsize       size)
{
  while (size > 0)
    {
      gssize n = g_socket_send (socket, data, size, NULL, NULL);

      if (n <= 0)
        return FALSE;
      data += n;
      size -= n;
    }
  return TRUE;
}

/* With the service's database held by another writer (@release lets it go):
 * a submit waits for it, and meanwhile the listing is answered. A service
 * that queried on its main loop would answer nothing until the submit was
 * done. */
static inline void
test_listing_answered_while_submit_waits (const char     *url,
                                          const char     *token,
                                          GDestroyNotify  release,
                                          gpointer        release_data)
{
  g_autoptr(PortingIntakeClient) submitter = test_client_new (url, token);
  g_autoptr(PortingIntakeClient) lister = test_client_new (url, token);
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GAsyncResult) submitted = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();

  /* One attempt: retries would let a blocked service answer in between. */
  g_object_set (submitter, "max-attempts", 1, NULL);
  porting_intake_client_submit_async (submitter, request, NULL, NULL, NULL, key, NULL, NULL, NULL,
                                      test_store_result, &submitted);
  /* Time for the submit to reach the database and wait there. */
  for (guint i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }

  porting_intake_client_list_async (lister, NULL, NULL, test_store_result, &listed);
  while (listed == NULL && submitted == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (listed);
  g_assert_null (submitted);
  requests = porting_intake_client_list_finish (lister, listed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, >=, 1);

  release (release_data);
  test_wait_result (&submitted);
  stored = porting_intake_client_submit_finish (submitter, submitted, NULL, &error);
  g_assert_no_error (error);
}
