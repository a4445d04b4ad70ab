/* porting-cli-numbers.c — porting-cli numbers and port-date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "porting-cli-private.h"
#include "porting-phone-number.h"
#include "porting-port-date.h"

static void
print_usage_error (GOptionContext *context,
                   const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  fprintf (stderr, "porting-cli: %s\n\n%s", message, help);
}

static void
print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static char *
read_stdin (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[4096];
  size_t n_read;

  while ((n_read = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, n_read);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
porting_cli_numbers (int    argc,
                     char **argv)
{
  g_autofree char *region = NULL;
  g_auto(GStrv) texts = NULL;
  const GOptionEntry entries[] = {
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region,
      N_("Country of numbers written without a country code (default: US)"), N_("CC") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &texts, NULL, N_("TEXT…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all_text = g_string_new (NULL);
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  context = g_option_context_new (_("— read telephone numbers"));
  g_option_context_set_summary (context,
                                _("Each TEXT may hold several numbers, one a line or separated by "
                                  "commas, semicolons or tabs; “-” reads standard input. Prints a "
                                  "JSON array with one object per number."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_usage_error (context, error->message);
      return PORTING_CLI_EXIT_USAGE;
    }

  if (texts == NULL || texts[0] == NULL)
    {
      print_usage_error (context, _("Give at least one telephone number"));
      return PORTING_CLI_EXIT_USAGE;
    }

  if (region != NULL && !porting_phone_number_country_code (region))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown region “%s”: give a two-letter country code such as US, CA or GB"),
                                                  region);

      print_usage_error (context, message);
      return PORTING_CLI_EXIT_USAGE;
    }

  for (guint i = 0; texts[i] != NULL; i++)
    {
      if (g_str_equal (texts[i], "-"))
        {
          g_autofree char *input = read_stdin ();

          g_string_append (all_text, input);
        }
      else
        g_string_append (all_text, texts[i]);
      g_string_append_c (all_text, '\n');
    }

  numbers = porting_phone_number_parse_list (all_text->str, region);

  json_builder_begin_array (builder);
  for (guint i = 0; i < numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (numbers, i);
      g_autofree char *formatted = number->valid ? porting_phone_number_format (number) : NULL;

      json_builder_begin_object (builder);
      add_string_or_null (builder, "input", number->input);
      add_string_or_null (builder, "e164", number->e164);
      add_string_or_null (builder, "formatted", formatted);
      add_string_or_null (builder, "region", number->region);
      add_string_or_null (builder, "country_name", number->country_name);
      add_string_or_null (builder, "type", porting_number_type_to_string (number->type));
      json_builder_set_member_name (builder, "valid");
      json_builder_add_boolean_value (builder, number->valid);
      add_string_or_null (builder, "reason", number->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  print_json (root);

  return PORTING_CLI_EXIT_OK;
}

static const char *
calendar_country (PortingCalendar calendar)
{
  return calendar == PORTING_CALENDAR_CA ? "CA" : "US";
}

static const char *
calendar_label (PortingCalendar calendar)
{
  return calendar == PORTING_CALENDAR_CA ? _("Canada") : _("United States");
}

static void
print_port_date_json (const GDate *from,
                      const GDate *earliest,
                      const GDate *latest,
                      GPtrArray   *skipped)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *from_iso = porting_port_date_to_iso (from);
  g_autofree char *earliest_iso = porting_port_date_to_iso (earliest);
  g_autofree char *latest_iso = porting_port_date_to_iso (latest);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "from", from_iso);
  add_string_or_null (builder, "earliest", earliest_iso);
  add_string_or_null (builder, "latest", latest_iso);
  json_builder_set_member_name (builder, "min_business_days");
  json_builder_add_int_value (builder, PORTING_PORT_DATE_MIN_BUSINESS_DAYS);
  json_builder_set_member_name (builder, "max_business_days");
  json_builder_add_int_value (builder, PORTING_PORT_DATE_MAX_BUSINESS_DAYS);

  json_builder_set_member_name (builder, "skipped_holidays");
  json_builder_begin_array (builder);
  for (guint i = 0; i < skipped->len; i++)
    {
      PortingHoliday *holiday = g_ptr_array_index (skipped, i);
      g_autofree char *date = porting_port_date_to_iso (&holiday->date);
      g_autofree char *actual = porting_port_date_to_iso (&holiday->actual);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "date", date);
      add_string_or_null (builder, "actual_date", actual);
      add_string_or_null (builder, "name", holiday->name);
      add_string_or_null (builder, "country", calendar_country (holiday->calendar));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  print_json (root);
}

static void
print_port_date_text (const GDate *from,
                      const GDate *earliest,
                      const GDate *latest,
                      GPtrArray   *skipped)
{
  g_autofree char *from_text = porting_port_date_format (from);
  g_autofree char *earliest_text = porting_port_date_format (earliest);
  g_autofree char *latest_text = porting_port_date_format (latest);

  printf (_("Asked on: %s"), from_text);
  printf ("\n");
  printf (_("Earliest port date: %s"), earliest_text);
  printf ("\n");
  /* Translators: the numbers are business days, the dates long dates */
  printf (_("Ports usually complete %d to %d business days after the request: %s to %s"),
          PORTING_PORT_DATE_MIN_BUSINESS_DAYS, PORTING_PORT_DATE_MAX_BUSINESS_DAYS,
          earliest_text, latest_text);
  printf ("\n");

  if (skipped->len == 0)
    {
      printf ("%s\n", _("No holidays in this period."));
      return;
    }

  printf ("%s\n", _("Holidays skipped (no ports on these days):"));
  for (guint i = 0; i < skipped->len; i++)
    {
      PortingHoliday *holiday = g_ptr_array_index (skipped, i);
      g_autofree char *date_text = porting_port_date_format (&holiday->date);

      /* Translators: "Thursday, November 26, 2026: Thanksgiving Day (United States)" */
      printf (_("  %s: %s (%s)"), date_text, holiday->name, calendar_label (holiday->calendar));
      printf ("\n");
    }
}

int
porting_cli_port_date (int    argc,
                       char **argv)
{
  g_autofree char *from_text = NULL;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from_text,
      N_("Day the request is made (default: today)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  GDate from;
  GDate earliest;
  GDate latest;

  context = g_option_context_new (_("— the earliest port date and the usual window"));
  g_option_context_set_summary (context,
                                _("Ports take 5 to 10 business days; weekends and US and Canadian "
                                  "holidays do not count."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_usage_error (context, error->message);
      return PORTING_CLI_EXIT_USAGE;
    }

  if (argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argv[1]);

      print_usage_error (context, message);
      return PORTING_CLI_EXIT_USAGE;
    }

  if (from_text != NULL)
    {
      if (!porting_port_date_parse (from_text, &from))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD"), from_text);

          print_usage_error (context, message);
          return PORTING_CLI_EXIT_USAGE;
        }
    }
  else
    porting_port_date_today (&from);

  g_date_clear (&earliest, 1);
  g_date_clear (&latest, 1);
  porting_port_date_window (&from, &earliest, &latest, &skipped);

  if (as_json)
    print_port_date_json (&from, &earliest, &latest, skipped);
  else
    print_port_date_text (&from, &earliest, &latest, skipped);

  return PORTING_CLI_EXIT_OK;
}
