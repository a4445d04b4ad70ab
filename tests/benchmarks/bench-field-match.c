/* bench-field-match.c — time porting_field_match_page() on a 60-line bill page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints, per field, the time for one page beside two baselines measured in
 * the same run: tokenising the page (the floor of any word-level matcher) and
 * a plain case-insensitive substring search for the LOA value.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "porting-field-match.h"
#include "porting-normalize.h"

#define BATCHES 20
#define PER_BATCH 50

static char *
make_page (void)
{
  GString *page = g_string_new ("NorthStar Telecom\nPage 2 of 300\n"
                                "Remit payment to: PO Box 7700, Sacramento, CA 95899\n"
                                "Itemized charges (continued)\n");

  for (guint i = 0; i < 54; i++)
    g_string_append_printf (page, "(510) 555-%04u Business line, unlimited local, Oakland CA 94607 %u.99\n",
                            i, 20 + i % 30);
  g_string_append (page, "Questions? Call customer care. Late payments are subject to fees.\n"
                         "Account number: 8841-22017-5 Invoice date: Oct 28, 2026");

  return g_string_free (page, FALSE);
}

static guint
count_lines (const char *text)
{
  guint n = 1;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

typedef void (*Work) (gconstpointer data);

/* The best batch: the figure least disturbed by other processes. */
static double
time_work (Work          work,
           gconstpointer data)
{
  double best = G_MAXDOUBLE;

  for (guint b = 0; b < BATCHES; b++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < PER_BATCH; i++)
        work (data);
      best = MIN (best, (double) (g_get_monotonic_time () - start) / PER_BATCH);
    }

  return best;
}

static PortingPageText *page;
static const char *loa_value;
static PortingField field;

/* A fresh page each time, as the check reads page after page: the matcher
 * reads a page once for all the fields looked for on it. */
static void
match_work (gconstpointer data)
{
  g_autoptr(PortingPageText) fresh = porting_page_text_new (0, g_strdup (page->text));
  g_autoptr(PortingFieldResult) result = porting_field_result_new (field, loa_value);

  porting_field_match_page (result, fresh);
}

static void
match_all_work (gconstpointer data)
{
  const struct { PortingField field; const char *value; } *cases = data;
  g_autoptr(PortingPageText) fresh = porting_page_text_new (0, g_strdup (page->text));

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(PortingFieldResult) result = porting_field_result_new (cases[i].field, cases[i].value);

      porting_field_match_page (result, fresh);
    }
}

static void
tokenize_work (gconstpointer data)
{
  g_autoptr(GArray) tokens = porting_normalize_tokenize (page->text, -1, 0);
}

static void
strstr_work (gconstpointer data)
{
  g_autofree char *haystack = g_ascii_strdown (page->text, -1);
  g_autofree char *needle = g_ascii_strdown (loa_value, -1);
  volatile const char *found = strstr (haystack, needle);

  (void) found;
}

int
main (int   argc,
      char *argv[])
{
  const struct { PortingField field; const char *value; } cases[] = {
    { PORTING_FIELD_NAME, "Acme Widgets LLC" },
    { PORTING_FIELD_ADDRESS, "1200 Harbor Boulevard, Suite 400, Oakland, CA 94607" },
    { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-6" },
    { PORTING_FIELD_BTN, "(510) 555-0199" },
  };
  double tokenize_us;

  setlocale (LC_ALL, "");

  page = porting_page_text_new (0, make_page ());
  tokenize_us = time_work (tokenize_work, NULL);

  printf ("page: %u lines, %zu bytes; baseline: tokenising it %.1f µs\n",
          count_lines (page->text), strlen (page->text), tokenize_us);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double match_us;
      double strstr_us;

      field = cases[i].field;
      loa_value = cases[i].value;
      match_us = time_work (match_work, NULL);
      strstr_us = time_work (strstr_work, NULL);
      printf ("%-15s %7.1f µs per page (%.1f× tokenising; a plain substring search: %.1f µs)\n",
              porting_field_to_string (field), match_us, match_us / tokenize_us, strstr_us);
    }

  printf ("%-15s %7.1f µs per page (the four fields on one page)\n", "all",
          time_work (match_all_work, cases));

  g_clear_pointer (&page, porting_page_text_unref);

  return 0;
}
