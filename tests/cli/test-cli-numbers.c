/* test-cli-numbers.c — porting-cli numbers and port-date, run as a program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

static CliResult *
run_cli (const char *input,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  CliResult *result = g_new0 (CliResult, 1);
  const char *cli = g_getenv ("PORTING_CLI");
  const char *arg;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  va_start (ap, input);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE |
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, input, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  return result;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  return json_array_get_object_element (array, index);
}

static void
test_numbers_json (void)
{
  g_autoptr(CliResult) result = run_cli (NULL, "numbers",
                                         "(510) 555-0142, 514-555-0198\n510.555.0142",
                                         "+44 20 7946 0958",
                                         "1-800-555-0199",
                                         "hello",
                                         NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *object;

  g_assert_cmpint (result->status, ==, 0);
  root = parse_json (result->out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);

  /* 510.555.0142 is the first number again: merged. */
  g_assert_cmpuint (json_array_get_length (array), ==, 5);

  object = array_object (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "input"), ==, "(510) 555-0142");
  g_assert_cmpstr (json_object_get_string_member (object, "e164"), ==, "+15105550142");
  g_assert_cmpstr (json_object_get_string_member (object, "region"), ==, "US");
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "fixed-line-or-mobile");
  g_assert_true (json_object_get_boolean_member (object, "valid"));
  g_assert_true (json_object_get_null_member (object, "reason"));
  g_assert_cmpstr (json_object_get_string_member (object, "country_name"), ==, "United States");

  object = array_object (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "e164"), ==, "+15145550198");
  g_assert_cmpstr (json_object_get_string_member (object, "region"), ==, "CA");
  g_assert_cmpstr (json_object_get_string_member (object, "country_name"), ==, "Canada");

  object = array_object (array, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "e164"), ==, "+442079460958");
  g_assert_cmpstr (json_object_get_string_member (object, "region"), ==, "GB");
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "fixed-line");

  object = array_object (array, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "toll-free");

  object = array_object (array, 4);
  g_assert_cmpstr (json_object_get_string_member (object, "input"), ==, "hello");
  g_assert_false (json_object_get_boolean_member (object, "valid"));
  g_assert_true (json_object_get_null_member (object, "e164"));
  g_assert_cmpstr (json_object_get_string_member (object, "reason"), ==, "Not a telephone number");
}

static void
test_numbers_region (void)
{
  g_autoptr(CliResult) result = run_cli (NULL, "numbers", "--region", "GB", "020 7946 0958", "07400 123456", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  g_assert_cmpint (result->status, ==, 0);
  root = parse_json (result->out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (array_object (array, 0), "e164"), ==, "+442079460958");
  g_assert_cmpstr (json_object_get_string_member (array_object (array, 1), "type"), ==, "mobile");
  g_assert_cmpstr (json_object_get_string_member (array_object (array, 1), "country_name"), ==, "United Kingdom");
}

static void
test_numbers_invalid (void)
{
  g_autoptr(CliResult) result = run_cli (NULL, "numbers", "(999) 555-0142", "555-014", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  g_assert_cmpint (result->status, ==, 0);
  root = parse_json (result->out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_false (json_object_get_boolean_member (array_object (array, 0), "valid"));
  g_assert_cmpstr (json_object_get_string_member (array_object (array, 0), "reason"), ==,
                   "Not a valid number in the United States");
  g_assert_cmpstr (json_object_get_string_member (array_object (array, 1), "reason"), ==,
                   "This number has too few digits");
}

static void
test_numbers_stdin (void)
{
  g_autoptr(CliResult) result = run_cli ("510-555-0142\t510-555-0143\n510-555-0157\n", "numbers", "-", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  g_assert_cmpint (result->status, ==, 0);
  root = parse_json (result->out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (array_object (array, 2), "e164"), ==, "+15105550157");
}

static void
test_numbers_usage (void)
{
  g_autoptr(CliResult) no_numbers = run_cli (NULL, "numbers", NULL);
  g_autoptr(CliResult) bad_region = run_cli (NULL, "numbers", "--region", "XX", "5105550142", NULL);
  g_autoptr(CliResult) bad_option = run_cli (NULL, "numbers", "--nope", "5105550142", NULL);

  g_assert_cmpint (no_numbers->status, ==, 1);
  g_assert_cmpstr (no_numbers->out, ==, "");
  g_assert_nonnull (strstr (no_numbers->err, "telephone number"));

  g_assert_cmpint (bad_region->status, ==, 1);
  g_assert_nonnull (strstr (bad_region->err, "XX"));

  g_assert_cmpint (bad_option->status, ==, 1);
  g_assert_cmpstr (bad_option->out, ==, "");
}

static void
test_port_date_json (void)
{
  g_autoptr(CliResult) result = run_cli (NULL, "port-date", "--from", "2026-11-25", "--json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *skipped;
  JsonObject *holiday;

  g_assert_cmpint (result->status, ==, 0);
  root = parse_json (result->out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "from"), ==, "2026-11-25");
  g_assert_cmpstr (json_object_get_string_member (object, "earliest"), ==, "2026-12-03");
  g_assert_cmpstr (json_object_get_string_member (object, "latest"), ==, "2026-12-10");
  g_assert_cmpint (json_object_get_int_member (object, "min_business_days"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (object, "max_business_days"), ==, 10);

  skipped = json_object_get_array_member (object, "skipped_holidays");
  g_assert_cmpuint (json_array_get_length (skipped), ==, 1);
  holiday = json_array_get_object_element (skipped, 0);
  g_assert_cmpstr (json_object_get_string_member (holiday, "date"), ==, "2026-11-26");
  g_assert_cmpstr (json_object_get_string_member (holiday, "name"), ==, "Thanksgiving Day");
  g_assert_cmpstr (json_object_get_string_member (holiday, "country"), ==, "US");
}

static void
test_port_date_observed_holidays (void)
{
  g_autoptr(CliResult) result = run_cli (NULL, "port-date", "--json", "--from", "2026-06-29", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *skipped;

  g_assert_cmpint (result->status, ==, 0);
  root = parse_json (result->out);
  object = json_node_get_object (root);

  /* Canada Day (Wed July 1) and Independence Day observed on Fri July 3. */
  g_assert_cmpstr (json_object_get_string_member (object, "earliest"), ==, "2026-07-08");
  skipped = json_object_get_array_member (object, "skipped_holidays");
  g_assert_cmpuint (json_array_get_length (skipped), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (skipped, 0), "country"), ==, "CA");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (skipped, 1), "date"), ==, "2026-07-03");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (skipped, 1), "actual_date"), ==, "2026-07-04");
}

static void
test_port_date_text (void)
{
  g_autoptr(CliResult) result = run_cli (NULL, "port-date", "--from", "2026-11-25", NULL);

  g_assert_cmpint (result->status, ==, 0);
  g_assert_nonnull (strstr (result->out, "Earliest port date: Thursday, December 3, 2026"));
  g_assert_nonnull (strstr (result->out, "Thursday, December 10, 2026"));
  g_assert_nonnull (strstr (result->out, "Thanksgiving Day"));
}

static void
test_port_date_today (void)
{
  g_autoptr(CliResult) result = run_cli (NULL, "port-date", "--json", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  JsonObject *object;

  g_assert_cmpint (result->status, ==, 0);
  root = parse_json (result->out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "from"), ==, today);
  g_assert_cmpstr (json_object_get_string_member (object, "earliest"), >, today);
  g_assert_cmpstr (json_object_get_string_member (object, "latest"), >, json_object_get_string_member (object, "earliest"));
}

static void
test_port_date_usage (void)
{
  g_autoptr(CliResult) bad_date = run_cli (NULL, "port-date", "--from", "12/14/2026", NULL);
  g_autoptr(CliResult) extra = run_cli (NULL, "port-date", "tomorrow", NULL);

  g_assert_cmpint (bad_date->status, ==, 1);
  g_assert_nonnull (strstr (bad_date->err, "YYYY-MM-DD"));
  g_assert_cmpstr (bad_date->out, ==, "");
  g_assert_cmpint (extra->status, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/numbers/json", test_numbers_json);
  g_test_add_func ("/cli/numbers/region", test_numbers_region);
  g_test_add_func ("/cli/numbers/invalid", test_numbers_invalid);
  g_test_add_func ("/cli/numbers/stdin", test_numbers_stdin);
  g_test_add_func ("/cli/numbers/usage", test_numbers_usage);
  g_test_add_func ("/cli/port-date/json", test_port_date_json);
  g_test_add_func ("/cli/port-date/observed-holidays", test_port_date_observed_holidays);
  g_test_add_func ("/cli/port-date/text", test_port_date_text);
  g_test_add_func ("/cli/port-date/today", test_port_date_today);
  g_test_add_func ("/cli/port-date/usage", test_port_date_usage);

  return g_test_run ();
}
