/* porting-cli-submit.c — porting-cli submit, porting-cli requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-cli-submit"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "porting-cli-private.h"
#include "porting-intake-client.h"
#include "porting-request.h"

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  gboolean      show_progress;
  int           last_percent;
} Wait;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static void
progress_cb (goffset  sent,
             goffset  total,
             gpointer user_data)
{
  Wait *wait = user_data;
  int percent = total > 0 ? (int) (sent * 100 / total) : 100;

  if (!wait->show_progress || percent == wait->last_percent)
    return;
  wait->last_percent = percent;
  fprintf (stderr, "\r%s %3d %%", _("Sending…"), percent);
  if (sent >= total)
    fputc ('\n', stderr);
}

static int
exit_code_for (const GError *error)
{
  if (error->domain == PORTING_INTAKE_ERROR)
    {
      switch (error->code)
        {
        case PORTING_INTAKE_ERROR_UNREACHABLE:
        case PORTING_INTAKE_ERROR_BAD_ANSWER:
          return PORTING_CLI_EXIT_UNREACHABLE;
        case PORTING_INTAKE_ERROR_INSECURE:
          return PORTING_CLI_EXIT_USAGE;
        default:
          return PORTING_CLI_EXIT_REFUSED;
        }
    }
  if (error->domain == G_IO_ERROR)
    return PORTING_CLI_EXIT_BAD_FILE;
  return PORTING_CLI_EXIT_REFUSED;
}

static int
fail (const char   *command,
      const GError *error,
      const char   *field)
{
  if (field != NULL)
    fprintf (stderr, "porting-cli %s: %s (%s)\n", command, error->message, field);
  else
    fprintf (stderr, "porting-cli %s: %s\n", command, error->message);
  return exit_code_for (error);
}

static void
print_json_node (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  printf ("%s\n", text);
  fflush (stdout);
}

static PortingIntakeClient *
client_for (const char *url,
            const char *token)
{
  if (token == NULL)
    token = g_getenv ("PORTING_TOKEN");
  return porting_intake_client_new (url, token);
}

int
porting_cli_submit (int    argc,
                    char **argv)
{
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *loa = NULL;
  g_autofree char *proof = NULL;
  g_auto(GStrv) regulatory = NULL;
  g_autofree char *key = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingIntakeClient) client = NULL;
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GFile) loa_file = NULL;
  g_autoptr(GFile) proof_file = NULL;
  g_autoptr(GPtrArray) regulatory_files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) request_file = NULL;
  g_autofree char *invalid_field = NULL;
  gsize length;
  Wait wait = { 0 };
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("Address of the intake service"), "URL" },
    { "token", 0, 0, G_OPTION_ARG_STRING, &token, N_("Access token (default: $PORTING_TOKEN)"), "TOKEN" },
    { "loa", 0, 0, G_OPTION_ARG_FILENAME, &loa, N_("Signed Letter of Authorization"), "FILE" },
    { "proof", 0, 0, G_OPTION_ARG_FILENAME, &proof, N_("Latest invoice or Customer Service Record"), "FILE" },
    { "regulatory", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &regulatory, N_("Regulatory document (repeat for several)"), "FILE" },
    { "idempotency-key", 0, 0, G_OPTION_ARG_STRING, &key, N_("UUID that makes a retry return the same request"), "KEY" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, "REQUEST.json" },
    { NULL }
  };

  context = g_option_context_new (_("REQUEST.json — send a request to the intake service"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "porting-cli submit: %s\n", error->message);
      return PORTING_CLI_EXIT_USAGE;
    }
  if (url == NULL || rest == NULL || rest[0] == NULL || rest[1] != NULL)
    {
      fprintf (stderr, "%s\n", _("Usage: porting-cli submit --url URL --token TOKEN REQUEST.json [--loa F] [--proof F] [--regulatory F]… [--idempotency-key KEY]"));
      return PORTING_CLI_EXIT_USAGE;
    }
  if (key != NULL && !g_uuid_string_is_valid (key))
    {
      fprintf (stderr, "porting-cli submit: %s\n", _("The idempotency key must be a UUID."));
      return PORTING_CLI_EXIT_USAGE;
    }
  if (key == NULL)
    key = g_uuid_string_random ();

  request_file = porting_cli_file_for_arg (rest[0]);
  if (!g_file_load_contents (request_file, NULL, &contents, &length, NULL, &error))
    return fail ("submit", error, NULL);

  request = porting_request_new_from_json (contents, length, &invalid_field, &error);
  if (request == NULL)
    {
      fprintf (stderr, "porting-cli submit: %s: %s\n", rest[0], error->message);
      return PORTING_CLI_EXIT_USAGE;
    }

  if (loa != NULL)
    loa_file = porting_cli_file_for_arg (loa);
  if (proof != NULL)
    proof_file = porting_cli_file_for_arg (proof);
  for (guint i = 0; regulatory != NULL && regulatory[i] != NULL; i++)
    g_ptr_array_add (regulatory_files, porting_cli_file_for_arg (regulatory[i]));

  client = client_for (url, token);
  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  wait.show_progress = isatty (STDERR_FILENO);
  wait.last_percent = -1;

  porting_intake_client_submit_async (client, request, loa_file, proof_file, regulatory_files, key,
                                      NULL, progress_cb, &wait, wait_cb, &wait);
  g_main_loop_run (loop);

  stored = porting_intake_client_submit_finish (client, wait.result, &invalid_field, &error);
  g_clear_object (&wait.result);
  if (stored == NULL)
    return fail ("submit", error, invalid_field);

  node = porting_request_to_json_node (stored, PORTING_REQUEST_JSON_STORED);
  print_json_node (node);
  return PORTING_CLI_EXIT_OK;
}

int
porting_cli_requests (int    argc,
                      char **argv)
{
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *status = NULL;
  g_autofree char *cursor = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingIntakeClient) client = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(JsonNode) node = NULL;
  int limit = 0;
  Wait wait = { 0 };
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("Address of the intake service"), "URL" },
    { "token", 0, 0, G_OPTION_ARG_STRING, &token, N_("Access token (default: $PORTING_TOKEN)"), "TOKEN" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("Only requests with this status"), "STATUS" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("One page of at most N requests (1–200), with its next_cursor"), "N" },
    { "cursor", 0, 0, G_OPTION_ARG_STRING, &cursor, N_("The page after the one that gave this next_cursor"), "CURSOR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, "[ID]" },
    { NULL }
  };

  context = g_option_context_new (_("[ID|REFERENCE] — list requests on the intake service, or show one"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "porting-cli requests: %s\n", error->message);
      return PORTING_CLI_EXIT_USAGE;
    }
  if (url == NULL || (rest != NULL && rest[0] != NULL && rest[1] != NULL) || limit < 0 || limit > 200 ||
      (cursor != NULL && limit == 0))
    {
      fprintf (stderr, "%s\n", _("Usage: porting-cli requests --url URL --token TOKEN [--status STATUS] [--limit N [--cursor C]] [ID|REFERENCE]"));
      return PORTING_CLI_EXIT_USAGE;
    }

  client = client_for (url, token);
  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;

  if (rest != NULL && rest[0] != NULL)
    {
      g_autoptr(PortingRequest) request = NULL;

      porting_intake_client_get_async (client, rest[0], NULL, wait_cb, &wait);
      g_main_loop_run (loop);
      request = porting_intake_client_get_finish (client, wait.result, &error);
      g_clear_object (&wait.result);
      if (request == NULL)
        return fail ("requests", error, NULL);
      node = porting_request_to_json_node (request, PORTING_REQUEST_JSON_STORED);
    }
  else
    {
      g_autoptr(GPtrArray) requests = NULL;
      g_autoptr(JsonObject) root = json_object_new ();
      g_autofree char *next_cursor = NULL;
      JsonArray *array = json_array_new ();

      /* Every page, newest first; or the one page asked for. */
      if (limit > 0)
        porting_intake_client_list_page_async (client, status, (guint) limit, cursor, NULL, wait_cb, &wait);
      else
        porting_intake_client_list_async (client, status, NULL, wait_cb, &wait);
      g_main_loop_run (loop);
      if (limit > 0)
        requests = porting_intake_client_list_page_finish (client, wait.result, &next_cursor, &error);
      else
        requests = porting_intake_client_list_finish (client, wait.result, &error);
      g_clear_object (&wait.result);
      if (requests == NULL)
        {
          json_array_unref (array);
          return fail ("requests", error, NULL);
        }
      for (guint i = 0; i < requests->len; i++)
        json_array_add_element (array, porting_request_to_json_node (g_ptr_array_index (requests, i),
                                                                     PORTING_REQUEST_JSON_STORED));
      json_object_set_array_member (root, "requests", array);
      if (limit > 0 && next_cursor != NULL)
        json_object_set_string_member (root, "next_cursor", next_cursor);
      else if (limit > 0)
        json_object_set_null_member (root, "next_cursor");
      node = json_node_init_object (json_node_alloc (), root);
    }

  print_json_node (node);
  return PORTING_CLI_EXIT_OK;
}
