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

typedef struct
{
  GSubprocess *process;
  char        *url;
  char        *data_dir;
} TestService;

static inline const char *
test_intake_path (void)
{
  const char *path = g_getenv ("PORTING_INTAKE");

  g_assert_nonnull (path);
  return path;
}

static inline char *
test_intake_token (const char *data_dir,
                   const char *role,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GSubprocess) process = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              test_intake_path (), "token", "--data", data_dir,
                              "--role", role, "--name", name, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  g_strstrip (out);
  g_assert_true (g_str_has_prefix (out, "pt_"));
  return g_steal_pointer (&out);
}

static inline void
test_die_with_parent (gpointer user_data)
{
  /* A failed assertion aborts the test: the service must not outlive it. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* Port 0: the service picks a free port and prints its address. */
static inline TestService *
test_service_start (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *line = NULL;
  TestService *service = g_new0 (TestService, 1);

  service->data_dir = data_dir ? g_strdup (data_dir) : g_dir_make_tmp ("intake-XXXXXX", &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, test_die_with_parent, NULL, NULL);
  service->process = g_subprocess_launcher_spawn (launcher, &error,
                                                  test_intake_path (), "serve", "--data", service->data_dir,
                                                  "--listen", "127.0.0.1:0", NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (service->process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "porting-intake listening on http://127.0.0.1:"));
  service->url = g_strdup (strstr (line, "http://"));
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
  g_clear_object (&service->process);
}

static inline void
test_service_free (TestService *service)
{
  test_service_stop (service, FALSE);
  g_free (service->url);
  g_free (service->data_dir);
  g_free (service);
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
