/* bench-find-numbers.c — finding telephone numbers in a 300-page document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "porting-phone-number.h"
#include "porting-phone-utils.h"

#define N_PAGES 300
/* libphonenumber's matcher alone is slow: measure it on fewer pages. */
#define N_BASELINE_PAGES 30

/* @distinct: every number on every page differs (nothing to remember between
 * pages); otherwise the same few lines on each page, as on a real invoice. */
static char *
make_page (guint    index,
           gboolean distinct)
{
  GString *page = g_string_new (NULL);

  g_string_append_printf (page,
                          "NorthStar Telecom                                  Page %u of %u\n"
                          "Remit payment to: PO Box 7700, Sacramento, CA 95899-1234\n"
                          "Account number: 8841-22017-5        Invoice date: 10/28/2026\n"
                          "Reference ML-300-441-982  Order 2026111412  Amount due: $1,234.56\n",
                          index + 1, N_PAGES);

  for (guint line = 0; line < 30; line++)
    {
      if (line % 3 == 0 && distinct)
        g_string_append_printf (page,
                                "  (510) %03u-%04u        Business line, unlimited local        %u.%02u\n",
                                201 + index % 700, 1000 + line * 37 + index % 37, 20 + line, line);
      else if (line % 3 == 0)
        g_string_append_printf (page,
                                "  (510) 555-%04u        Business line, unlimited local        %u.%02u\n",
                                140 + line % 4, 20 + line, line);
      else if (line % 3 == 1)
        g_string_append_printf (page,
                                "  %02u/%02u/2026  Usage charges, long distance %u minutes  %u.%02u %u.%02u\n",
                                1 + line % 12, 1 + line, 100 + line, line, line, line + 3, line);
      else if (distinct)
        g_string_append_printf (page,
                                "Late payments are subject to fees. Questions? Call customer care at "
                                "1-800-%03u-%04u or write to us; see terms at page 12 of 14.\n",
                                201 + index % 700, 2000 + line * 41 + index % 41);
      else
        g_string_append (page,
                         "Late payments are subject to fees. Questions? Call customer care at "
                         "1-800-555-0199 or write to us; see terms at page 12 of 14.\n");
    }

  return g_string_free (page, FALSE);
}

static void
count_match (const char        *raw,
             gsize              start,
             gsize              end,
             const char        *e164,
             const char        *region,
             PortingNumberType  type,
             gpointer           user_data)
{
  (*(guint *) user_data)++;
}

static double
time_find_all (GPtrArray *pages,
               guint     *found)
{
  gint64 started = g_get_monotonic_time ();

  *found = 0;
  for (guint i = 0; i < pages->len; i++)
    {
      g_autoptr(GPtrArray) numbers = porting_phone_number_find_all (g_ptr_array_index (pages, i), "US");

      *found += numbers->len;
    }

  return (g_get_monotonic_time () - started) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) distinct_pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) invoice_pages = g_ptr_array_new_with_free_func (g_free);
  gint64 started;
  double distinct_ms;
  double invoice_ms;
  double baseline_ms;
  guint distinct_found = 0;
  guint invoice_found = 0;
  guint baseline_found = 0;
  gsize bytes = 0;

  for (guint i = 0; i < N_PAGES; i++)
    {
      g_ptr_array_add (distinct_pages, make_page (i, TRUE));
      g_ptr_array_add (invoice_pages, make_page (i, FALSE));
      bytes += strlen (g_ptr_array_index (distinct_pages, i));
    }

  /* Warm libphonenumber's metadata and regex caches on a text that shares no number
   * with the documents. */
  g_ptr_array_unref (porting_phone_number_find_all ("Call (212) 555-0100, +44 20 7946 0958, 03/04/2026.", "US"));

  distinct_ms = time_find_all (distinct_pages, &distinct_found);
  invoice_ms = time_find_all (invoice_pages, &invoice_found);

  started = g_get_monotonic_time ();
  for (guint i = 0; i < N_BASELINE_PAGES; i++)
    {
      const char *page = g_ptr_array_index (distinct_pages, i);

      porting_phone_utils_find (page, strlen (page), "US", count_match, &baseline_found);
    }
  baseline_ms = (g_get_monotonic_time () - started) / 1000.0;

  g_print ("document: %u pages, %" G_GSIZE_FORMAT " bytes, 20 numbers a page\n", N_PAGES, bytes);
  g_print ("find_all, every number different: %.1f ms in all, %.3f ms/page, %u numbers found\n",
           distinct_ms, distinct_ms / N_PAGES, distinct_found);
  g_print ("find_all, the same lines on each page (an invoice): %.1f ms in all, %.3f ms/page, %u numbers found\n",
           invoice_ms, invoice_ms / N_PAGES, invoice_found);
  g_print ("baseline, libphonenumber's matcher alone on whole pages: %.3f ms/page, %.1f numbers found a page\n",
           baseline_ms / N_BASELINE_PAGES, (double) baseline_found / N_BASELINE_PAGES);

  return 0;
}
