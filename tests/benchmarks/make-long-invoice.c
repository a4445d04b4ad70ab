/* make-long-invoice.c — writes a long itemized phone bill, like a carrier's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * make-long-invoice OUTPUT.pdf [N_PAGES]
 *
 * Page 1 has the carrier header, the remit-to address, the account name
 * and service address (as acme-equivalent-invoice.pdf); every other page
 * is about 50 lines of itemized calls. Deterministic: the same pages every
 * run.
 */

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib.h>
#include <stdlib.h>

#define PAGE_WIDTH 612.0
#define PAGE_HEIGHT 792.0
#define LINES_PER_PAGE 50
#define LINE_HEIGHT 12.6

static const char *const cities[] = {
  "OAKLAND CA", "SAN FRANCISCO CA", "BERKELEY CA", "SAN JOSE CA", "FREMONT CA",
  "HAYWARD CA", "SACRAMENTO CA", "LOS ANGELES CA", "PORTLAND OR", "SEATTLE WA",
  "RENO NV", "PHOENIX AZ", "CHICAGO IL", "NEW YORK NY", "TORONTO ON",
};

static const char *const area_codes[] = {
  "510", "415", "408", "925", "650", "916", "213", "503", "206", "775", "602", "312", "212", "416",
};

static const char *const from_lines[] = {
  "(510) 555-0142", "(510) 555-0143", "(510) 555-0157",
};

static guint32 seed = 20261028;

static guint
next_random (guint limit)
{
  /* Numerical Recipes LCG: plenty for made-up phone calls. */
  seed = seed * 1664525u + 1013904223u;
  return (seed >> 8) % limit;
}

static void
show_text_at (cairo_t    *cr,
              double      x,
              double      y,
              const char *text)
{
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

static void
show_text_right (cairo_t    *cr,
                 double      right,
                 double      y,
                 const char *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  show_text_at (cr, right - extents.x_advance, y, text);
}

static void
set_font (cairo_t  *cr,
          gboolean  bold,
          double    size)
{
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

static void
draw_page_header (cairo_t *cr,
                  guint    page,
                  guint    n_pages)
{
  g_autofree char *page_of = g_strdup_printf ("Page %u of %u", page, n_pages);

  set_font (cr, TRUE, 20);
  show_text_at (cr, 72, 62, "NorthStar Telecom");
  set_font (cr, FALSE, 9);
  show_text_right (cr, 540, 60, page_of);
  show_text_at (cr, 72, 72, "Remit payment to: PO Box 7700, Sacramento, CA 95899");
}

static void
draw_footer (cairo_t *cr)
{
  set_font (cr, FALSE, 8);
  show_text_at (cr, 72, 760, "Questions? Call customer care at 1-800-555-0100. Late payments are subject to fees.");
}

static void
draw_first_page (cairo_t *cr,
                 guint    n_pages)
{
  draw_page_header (cr, 1, n_pages);

  set_font (cr, TRUE, 10);
  show_text_at (cr, 72, 110, "ACCOUNT NAME");
  set_font (cr, FALSE, 10);
  show_text_at (cr, 360, 110, "Account number: 8841-22017-5");
  set_font (cr, FALSE, 11);
  show_text_at (cr, 72, 124, "ACME WIDGETS LLC");
  set_font (cr, FALSE, 10);
  show_text_at (cr, 360, 124, "Invoice date: Oct 28, 2026");
  show_text_at (cr, 360, 138, "Billing period: Sep 28 - Oct 27, 2026");
  show_text_at (cr, 360, 152, "Amount due: $4,812.77");
  show_text_at (cr, 360, 166, "Due date: Nov 18, 2026");

  set_font (cr, TRUE, 10);
  show_text_at (cr, 72, 160, "SERVICE ADDRESS");
  set_font (cr, FALSE, 11);
  show_text_at (cr, 72, 174, "1200 HARBOR BLVD STE 400");
  show_text_at (cr, 72, 188, "OAKLAND CA 94607-3311");

  set_font (cr, TRUE, 12);
  show_text_at (cr, 72, 240, "Summary of charges");
  set_font (cr, FALSE, 10);
  show_text_at (cr, 72, 260, "Previous balance");
  show_text_right (cr, 540, 260, "4,577.12");
  show_text_at (cr, 72, 274, "Payment received Oct 14, 2026 - thank you");
  show_text_right (cr, 540, 274, "-4,577.12");
  show_text_at (cr, 72, 288, "Monthly service, 3 business lines");
  show_text_right (cr, 540, 288, "99.97");
  show_text_at (cr, 72, 302, "Long distance and international calls (itemized on the following pages)");
  show_text_right (cr, 540, 302, "4,512.35");
  show_text_at (cr, 72, 316, "Taxes, surcharges and regulatory fees");
  show_text_right (cr, 540, 316, "200.45");
  set_font (cr, TRUE, 10);
  show_text_at (cr, 72, 336, "Total amount due");
  show_text_right (cr, 540, 336, "$4,812.77");

  set_font (cr, FALSE, 9);
  show_text_at (cr, 72, 380, "Your lines");
  for (guint i = 0; i < G_N_ELEMENTS (from_lines); i++)
    {
      show_text_at (cr, 90, 394 + i * 13, from_lines[i]);
      show_text_at (cr, 190, 394 + i * 13, "Business line, unlimited local");
    }

  draw_footer (cr);
}

static void
draw_item_page (cairo_t *cr,
                guint    page,
                guint    n_pages,
                guint   *item)
{
  double y = 110;

  draw_page_header (cr, page, n_pages);

  set_font (cr, TRUE, 10);
  show_text_at (cr, 72, 96, "Itemized calls (continued)");

  set_font (cr, FALSE, 7.5);
  show_text_at (cr, 72, y, "No.");
  show_text_at (cr, 100, y, "Date");
  show_text_at (cr, 140, y, "Time");
  show_text_at (cr, 175, y, "From");
  show_text_at (cr, 245, y, "Number called");
  show_text_at (cr, 315, y, "Place");
  show_text_at (cr, 420, y, "Min");
  show_text_at (cr, 455, y, "Rate");
  show_text_right (cr, 540, y, "Amount");
  y += LINE_HEIGHT;

  for (guint line = 0; line < LINES_PER_PAGE; line++, y += LINE_HEIGHT)
    {
      guint day = 28 + (*item * 31 / 15000) ;
      guint month = day > 30 ? 10 : 9;
      guint minutes = 1 + next_random (47);
      guint rate_cents = 5 + next_random (20);
      guint amount_cents = minutes * rate_cents;
      g_autofree char *number = g_strdup_printf ("%u", ++(*item));
      g_autofree char *date = g_strdup_printf ("%02u/%02u", month, month == 10 ? day - 30 : day);
      g_autofree char *time = g_strdup_printf ("%02u:%02u", 7 + next_random (12), next_random (60));
      g_autofree char *called = g_strdup_printf ("(%s) 555-%04u",
                                                 area_codes[next_random (G_N_ELEMENTS (area_codes))],
                                                 next_random (10000));
      g_autofree char *mins = g_strdup_printf ("%u", minutes);
      g_autofree char *rate = g_strdup_printf ("0.%02u", rate_cents);
      g_autofree char *amount = g_strdup_printf ("%u.%02u", amount_cents / 100, amount_cents % 100);

      show_text_at (cr, 72, y, number);
      show_text_at (cr, 100, y, date);
      show_text_at (cr, 140, y, time);
      show_text_at (cr, 175, y, from_lines[next_random (G_N_ELEMENTS (from_lines))]);
      show_text_at (cr, 245, y, called);
      show_text_at (cr, 315, y, cities[next_random (G_N_ELEMENTS (cities))]);
      show_text_at (cr, 420, y, mins);
      show_text_at (cr, 455, y, rate);
      show_text_right (cr, 540, y, amount);
    }

  draw_footer (cr);
}

int
main (int   argc,
      char *argv[])
{
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages = 300;
  guint item = 0;
  int status;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("Usage: %s OUTPUT.pdf [N_PAGES]\n", argv[0]);
      return 1;
    }

  if (argc == 3)
    n_pages = CLAMP (atoi (argv[2]), 1, 10000);

  surface = cairo_pdf_surface_create (argv[1], PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);

  draw_first_page (cr, n_pages);
  cairo_show_page (cr);

  for (guint page = 2; page <= n_pages; page++)
    {
      draw_item_page (cr, page, n_pages, &item);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("Cannot write %s: %s\n", argv[1], cairo_status_to_string (status));
      return 1;
    }

  return 0;
}
