/* bench-check-view.c — how fast the document check shows its pages, and how smooth it scrolls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-check-view MAKE-LONG-INVOICE OUTPUT-DIR
 *
 * 1. From porting_check_view_load() to the first page of both documents on
 *    screen, for each fixture pair: texture set, first frame drawn with
 *    them, and first frame that drew all of them that shows (a page
 *    reaches the screen a few strips per frame); baseline: `pdftoppm -f 1
 *    -l 1 -r 96` of the same two files.
 * 2. The longest main-loop stall while scrolling a 300-page PDF (made with
 *    cairo by make-long-invoice), from a 1 ms high-priority timer and the
 *    frame clock, at 1280×800 and at 400×800; baselines: the same window
 *    showing it, not scrolling; and what GTK alone costs here, scrolling
 *    one page texture uploaded beforehand (nothing rendered) in a window of
 *    the same size: as 300 GtkPictures, and drawn by a bare widget. With
 *    software GL (llvmpipe) every frame redraws the whole window on the
 *    main loop, so the bare widget is the floor of the stall.
 *
 * Needs a display (meson test --benchmark under xvfb-run); skips without.
 */
#define G_LOG_DOMAIN "bench-check-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "porting-check-view.h"
#include "porting-document-view.h"
#include "porting-page-widget.h"
#include "porting-render-job.h"

#define RUNS 5
#define SCROLL_SECONDS 3
#define SCROLL_PIXELS_PER_FRAME 60.0
#define WARM_UP_MS 1000

static const char * const pairs[][2] = {
  { "acme-equivalent-loa.pdf", "acme-equivalent-invoice.pdf" },
  { "acme-mismatch-loa.pdf", "acme-mismatch-invoice.pdf" },
  { "acme-unit-mismatch-loa.pdf", "acme-unit-mismatch-invoice.pdf" },
  { "maple-csr-loa.pdf", "maple-csr-csr.pdf" },
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static gboolean
set_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@done. The condition is checked before each
 * wait, and a timer ends the wait: a blocking iteration when nothing else
 * is pending never returns (under dbus-run-session no stray D-Bus traffic
 * comes to wake it). */
static void
iterate_until (gboolean *done,
               guint     timeout_seconds)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (timeout_seconds, set_done, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!*done)
    g_error ("Timed out");
  g_source_remove (timeout_id);
}

/* 1. First pages on screen */

typedef struct
{
  PortingCheckView *view;
  gint64            start;
  gint64            textures;   /* both first pages got a texture */
  gint64            drawn;      /* a frame was painted with them */
  gint64            whole;      /* a frame was painted with all of them */
  gboolean          done;
} FirstPages;

static gboolean
first_pages_have_textures (PortingCheckView *view)
{
  PortingDocumentView *views[] = { porting_check_view_get_loa_view (view),
                                   porting_check_view_get_proof_view (view) };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *page = porting_document_view_get_page_widget (views[i], 0);

      if (page == NULL || porting_page_widget_get_texture (PORTING_PAGE_WIDGET (page)) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
on_texture (PortingPageWidget *page,
            GParamSpec        *pspec,
            FirstPages        *first)
{
  if (first->textures == 0 && first_pages_have_textures (first->view))
    first->textures = g_get_monotonic_time ();
}

static void
on_state (PortingDocumentView *document_view,
          GParamSpec          *pspec,
          FirstPages          *first)
{
  GtkWidget *page = porting_document_view_get_page_widget (document_view, 0);

  if (page != NULL)
    g_signal_connect (page, "notify::texture", G_CALLBACK (on_texture), first);
}

static gboolean
first_pages_fully_drawn (PortingCheckView *view)
{
  PortingDocumentView *views[] = { porting_check_view_get_loa_view (view),
                                   porting_check_view_get_proof_view (view) };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *page = porting_document_view_get_page_widget (views[i], 0);

      if (page == NULL || !porting_page_widget_is_fully_drawn (PORTING_PAGE_WIDGET (page)))
        return FALSE;
    }

  return TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                FirstPages    *first)
{
  if (first->textures == 0 || first->done)
    return;

  if (first->drawn == 0)
    first->drawn = g_get_monotonic_time ();
  if (first_pages_fully_drawn (first->view))
    {
      first->whole = g_get_monotonic_time ();
      first->done = TRUE;
    }
}

static gboolean
check_is_over (PortingCheckView *view)
{
  return porting_check_view_get_result (view) != NULL || !porting_check_view_get_busy (view);
}

static void
on_check_notify (PortingCheckView *view,
                 GParamSpec       *pspec,
                 gboolean         *checked)
{
  *checked = check_is_over (view);
}

static double
time_pdftoppm (const char *fixtures,
               const char *loa,
               const char *proof,
               const char *out_dir)
{
  const char *files[] = { loa, proof };
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixtures, files[i], NULL);
      g_autofree char *prefix = g_build_filename (out_dir, "baseline", NULL);
      const char *argv[] = { "pdftoppm", "-f", "1", "-l", "1", "-r", "96", "-png", path, prefix, NULL };
      g_autoptr(GError) error = NULL;
      int status;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error))
        return -1;
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_first_pages (const char *fixtures,
                   const char *out_dir)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  PortingCheckView *view = PORTING_CHECK_VIEW (porting_check_view_new ());
  GdkFrameClock *clock;

  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  g_print ("First page of both documents on screen, from porting_check_view_load(), 1280×800, median of %d (ms):\n", RUNS);
  g_print ("  %-30s %10s %10s %10s %10s\n", "pair", "texture", "on screen", "whole", "pdftoppm");

  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    {
      double textures[RUNS];
      double drawn[RUNS];
      double whole[RUNS];
      double baseline[RUNS];
      g_autoptr(GFile) loa = g_file_new_build_filename (fixtures, pairs[p][0], NULL);
      g_autoptr(GFile) proof = g_file_new_build_filename (fixtures, pairs[p][1], NULL);

      for (guint run = 0; run < RUNS; run++)
        {
          FirstPages first = { view, 0 };
          gulong loa_id = g_signal_connect (porting_check_view_get_loa_view (view), "notify::state",
                                            G_CALLBACK (on_state), &first);
          gulong proof_id = g_signal_connect (porting_check_view_get_proof_view (view), "notify::state",
                                              G_CALLBACK (on_state), &first);
          gulong paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &first);
          gboolean checked;
          gulong result_id, busy_id;

          porting_check_view_clear (view);
          first.start = g_get_monotonic_time ();
          porting_check_view_load (view, loa, proof);
          iterate_until (&first.done, 30);

          g_signal_handler_disconnect (porting_check_view_get_loa_view (view), loa_id);
          g_signal_handler_disconnect (porting_check_view_get_proof_view (view), proof_id);
          g_signal_handler_disconnect (clock, paint_id);
          textures[run] = (first.textures - first.start) / 1000.0;
          drawn[run] = (first.drawn - first.start) / 1000.0;
          whole[run] = (first.whole - first.start) / 1000.0;

          /* Let the check finish, so that runs do not overlap: it often has
           * already, and then nothing more comes to the main loop. */
          checked = check_is_over (view);
          result_id = g_signal_connect (view, "notify::result", G_CALLBACK (on_check_notify), &checked);
          busy_id = g_signal_connect (view, "notify::busy", G_CALLBACK (on_check_notify), &checked);
          iterate_until (&checked, 60);
          g_signal_handler_disconnect (view, result_id);
          g_signal_handler_disconnect (view, busy_id);
          porting_check_view_clear (view);   /* drops the pages, with their handlers */

          baseline[run] = time_pdftoppm (fixtures, pairs[p][0], pairs[p][1], out_dir);
        }

      g_print ("  %-30s %10.1f %10.1f %10.1f %10.1f\n", pairs[p][0],
               median (textures, RUNS), median (drawn, RUNS), median (whole, RUNS), median (baseline, RUNS));
    }

  gtk_window_destroy (window);
}

/* 2. Scrolling a long document */

/* With BENCH_VERBOSE set, every stall of the main loop and every slow
 * frame is printed, the frame split in its phases. */
#define VERBOSE_THRESHOLD_US 16000
#define GOAL_US 16000

typedef struct
{
  gint64  last_tick;
  gint64  max_gap;
  gint64  max_gap_before_jumps;
  guint   over_goal;              /* stalls of GOAL_US or longer */
  gint64  last_frame;
  gint64  max_frame_gap;
  guint   frames;
  gint64  frame_time;             /* all frames, from before-paint to after-paint */
  gint64  start;

  /* When each phase of the frame being drawn ended; 0 if it did not run. */
  gint64  before_paint;
  gint64  update;
  gint64  layout;
  gint64  paint;
} Stalls;

static gboolean verbose;

static gboolean
stall_tick (gpointer data)
{
  Stalls *stalls = data;
  gint64 now = g_get_monotonic_time ();

  if (stalls->last_tick != 0)
    {
      stalls->max_gap = MAX (stalls->max_gap, now - stalls->last_tick);
      stalls->over_goal += now - stalls->last_tick >= GOAL_US;
      if (verbose && now - stalls->last_tick > VERBOSE_THRESHOLD_US)
        g_printerr ("  stall %5.1f ms at %.3f s (frame %u)\n", (now - stalls->last_tick) / 1000.0,
                    (now - stalls->start) / (double) G_USEC_PER_SEC, stalls->frames);
    }
  stalls->last_tick = now;

  return G_SOURCE_CONTINUE;
}

static void
on_before_paint (GdkFrameClock *clock,
                 Stalls        *stalls)
{
  stalls->before_paint = g_get_monotonic_time ();
  stalls->update = stalls->layout = stalls->paint = 0;
}

/* Connected after GDK's own handlers: they mark where each phase ended. */
static void
on_update (GdkFrameClock *clock,
           Stalls        *stalls)
{
  stalls->update = g_get_monotonic_time ();
}

static void
on_layout (GdkFrameClock *clock,
           Stalls        *stalls)
{
  stalls->layout = g_get_monotonic_time ();
}

static void
on_paint (GdkFrameClock *clock,
          Stalls        *stalls)
{
  stalls->paint = g_get_monotonic_time ();
}

static void
on_stall_frame (GdkFrameClock *clock,
                Stalls        *stalls)
{
  gint64 now = g_get_monotonic_time ();

  if (stalls->before_paint != 0)
    stalls->frame_time += now - stalls->before_paint;
  if (verbose && stalls->before_paint != 0 && now - stalls->before_paint > VERBOSE_THRESHOLD_US)
    {
      /* A phase that did not run took no time. */
      gint64 update = stalls->update ? stalls->update : stalls->before_paint;
      gint64 layout = stalls->layout ? stalls->layout : update;
      gint64 paint = stalls->paint ? stalls->paint : layout;

      g_printerr ("  frame %u: %5.1f ms = update %.1f + layout %.1f + paint %.1f + after %.1f\n",
                  stalls->frames, (now - stalls->before_paint) / 1000.0,
                  (update - stalls->before_paint) / 1000.0, (layout - update) / 1000.0,
                  (paint - layout) / 1000.0, (now - paint) / 1000.0);
    }

  if (stalls->last_frame != 0)
    stalls->max_frame_gap = MAX (stalls->max_frame_gap, now - stalls->last_frame);
  stalls->last_frame = now;
  stalls->frames++;
}

/* The least a GTK widget can do to scroll pages: append the texture of
 * each page in view, nothing else, no page widgets, no layout. */
#define BARE_TYPE_PAGES (bare_pages_get_type ())
G_DECLARE_FINAL_TYPE (BarePages, bare_pages, BARE, PAGES, GtkWidget)

struct _BarePages
{
  GtkWidget   parent_instance;
  GdkTexture *page;
  double      offset;
};

G_DEFINE_FINAL_TYPE (BarePages, bare_pages, GTK_TYPE_WIDGET)

static void
bare_pages_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  BarePages *self = BARE_PAGES (widget);
  int width = gdk_texture_get_width (self->page);
  int height = gdk_texture_get_height (self->page);
  double x = (gtk_widget_get_width (widget) - width) / 2.0;
  double pitch = height + 12;

  for (double y = 12 - fmod (self->offset, pitch); y < gtk_widget_get_height (widget); y += pitch)
    gtk_snapshot_append_texture (snapshot, self->page, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
bare_pages_dispose (GObject *object)
{
  g_clear_object (&BARE_PAGES (object)->page);
  G_OBJECT_CLASS (bare_pages_parent_class)->dispose (object);
}

static void
bare_pages_class_init (BarePagesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bare_pages_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = bare_pages_snapshot;
}

static void
bare_pages_init (BarePages *self)
{
}


typedef struct
{
  GtkAdjustment *adjustment;    /* NULL: the widget is BarePages */
  gint64         end;
  gboolean       done;
} Scrolling;

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Scrolling *scrolling = data;

  if (g_get_monotonic_time () >= scrolling->end)
    {
      scrolling->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (scrolling->adjustment != NULL)
    {
      gtk_adjustment_set_value (scrolling->adjustment,
                                gtk_adjustment_get_value (scrolling->adjustment) + SCROLL_PIXELS_PER_FRAME);
    }
  else
    {
      BARE_PAGES (widget)->offset += SCROLL_PIXELS_PER_FRAME;
      gtk_widget_queue_draw (widget);
    }
  return G_SOURCE_CONTINUE;
}

/* With @scroller or @bare_pages, scrolls it for SCROLL_SECONDS; with
 * @view too, then jumps far in the document twice. */
static void
measure_stalls (GtkWidget           *widget,
                GtkScrolledWindow   *scroller,
                PortingDocumentView *view,
                GtkWidget           *bare_pages,
                const char          *label,
                Stalls              *stalls)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean scroll = scroller != NULL || bare_pages != NULL;
  gulong handler_ids[] = {
    g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), stalls),
    g_signal_connect (clock, "update", G_CALLBACK (on_update), stalls),
    g_signal_connect (clock, "layout", G_CALLBACK (on_layout), stalls),
    g_signal_connect (clock, "paint", G_CALLBACK (on_paint), stalls),
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_stall_frame), stalls),
  };
  guint timer_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_tick, stalls, NULL);

  if (verbose)
    g_printerr ("%s, %s, %d×%d:\n", label, scroll ? "scrolling" : "not scrolling",
                gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  stalls->start = g_get_monotonic_time ();

  if (scroll)
    {
      Scrolling scrolling = { scroller != NULL ? gtk_scrolled_window_get_vadjustment (scroller) : NULL,
                              g_get_monotonic_time () + SCROLL_SECONDS * G_USEC_PER_SEC, FALSE };

      gtk_widget_add_tick_callback (bare_pages != NULL ? bare_pages : widget, scroll_tick, &scrolling, NULL);
      iterate_until (&scrolling.done, SCROLL_SECONDS + 30);
      stalls->max_gap_before_jumps = stalls->max_gap;

      /* Jumps far away: the pending renders are cancelled, new ones start. */
      if (view != NULL)
        {
          gboolean waited = FALSE;

          porting_document_view_scroll_to (view, 150, NULL);
          g_timeout_add (500, set_done, &waited);
          iterate_until (&waited, 10);
          waited = FALSE;
          porting_document_view_scroll_to (view, 299, NULL);
          g_timeout_add (500, set_done, &waited);
          iterate_until (&waited, 10);
        }
    }
  else
    {
      gboolean waited = FALSE;

      /* Frames keep coming while idle only if something animates: tick. */
      g_timeout_add ((SCROLL_SECONDS + 1) * 1000, set_done, &waited);
      iterate_until (&waited, SCROLL_SECONDS + 30);
    }

  g_source_remove (timer_id);
  for (guint i = 0; i < G_N_ELEMENTS (handler_ids); i++)
    g_signal_handler_disconnect (clock, handler_ids[i]);
}

static gboolean
redraw_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  return *(gboolean *) data ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static GdkTexture *
render_first_page (GFile *file,
                   int    page_width,
                   guint *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingDocument) document = porting_document_load (file, NULL, NULL, &error);
  cairo_surface_t *surface;
  GdkTexture *page;
  double width_pt, height_pt;

  if (document == NULL)
    g_error ("Cannot open the long invoice: %s", error->message);
  porting_document_get_page_size (document, 0, &width_pt, &height_pt);
  surface = porting_document_render_page (document, 0, page_width / width_pt, NULL, &error);
  if (surface == NULL)
    g_error ("Cannot render the long invoice: %s", error->message);
  page = porting_render_texture_from_surface (surface, NULL);
  cairo_surface_destroy (surface);
  *n_pages = porting_document_get_n_pages (document);

  return page;
}

/* What GTK itself costs to scroll pages in a window this size: the pages
 * are one texture, uploaded before scrolling starts. With @bare, drawn by
 * BarePages; else by GtkPictures in a GtkScrolledWindow. */
static void
measure_toolkit_floor (GFile    *file,
                       int       window_width,
                       int       window_height,
                       int       page_width,
                       gboolean  bare,
                       Stalls   *stalls)
{
  guint n_pages;
  g_autoptr(GdkTexture) page = render_first_page (file, page_width, &n_pages);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *content;
  gboolean ticking = TRUE;
  gboolean warm = FALSE;

  if (bare)
    {
      content = g_object_new (BARE_TYPE_PAGES, NULL);
      BARE_PAGES (content)->page = g_object_ref (page);
    }
  else
    {
      GtkWidget *pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      gtk_widget_set_margin_top (pages, 12);
      gtk_widget_set_halign (pages, GTK_ALIGN_CENTER);
      for (guint i = 0; i < n_pages; i++)
        {
          GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (page));

          gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
          gtk_box_append (GTK_BOX (pages), picture);
        }
      content = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (content), pages);
    }
  gtk_window_set_default_size (window, window_width, window_height);
  gtk_window_set_child (window, content);
  gtk_window_present (window);

  gtk_widget_add_tick_callback (content, redraw_tick, &ticking, NULL);
  g_timeout_add (WARM_UP_MS, set_done, &warm);
  iterate_until (&warm, 10);

  measure_stalls (content, bare ? NULL : GTK_SCROLLED_WINDOW (content), NULL, bare ? content : NULL,
                  bare ? "Bare widget" : "GtkPictures", stalls);
  ticking = FALSE;
  gtk_window_destroy (window);
}

static void
print_stalls (const char   *label,
              const Stalls *stalls)
{
  g_print ("  %-36s %9.1f ms %13.1f ms %8u %13u %8.1f ms\n", label,
           stalls->max_gap / 1000.0, stalls->max_frame_gap / 1000.0, stalls->frames, stalls->over_goal,
           stalls->frames > 0 ? stalls->frame_time / 1000.0 / stalls->frames : 0);
}

static void
scroll_at_size (GFile *file,
                int    width,
                int    height)
{
  GtkWindow *window;
  PortingDocumentView *view;
  Stalls idle = { 0 };
  Stalls scrolling = { 0 };
  Stalls pictures = { 0 };
  Stalls bare = { 0 };
  GtkScrolledWindow *scroller;
  int page_width;
  guint reached_page, n_pages;
  gboolean ticking = TRUE;
  gboolean warm = FALSE;

  window = GTK_WINDOW (gtk_window_new ());
  view = PORTING_DOCUMENT_VIEW (porting_document_view_new ());
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);

  porting_document_view_load (view, file, NULL);
  while (porting_document_view_get_page_widget (view, 0) == NULL ||
         !porting_page_widget_is_fully_drawn (PORTING_PAGE_WIDGET (porting_document_view_get_page_widget (view, 0))))
    g_main_context_iteration (NULL, TRUE);

  /* The same frame rate in both: a tick keeps the frame clock running. */
  gtk_widget_add_tick_callback (GTK_WIDGET (view), redraw_tick, &ticking, NULL);

  /* The baseline is the steady state: not the frames that first draw the
   * page, nor the renders of the pages next to it. */
  g_timeout_add (WARM_UP_MS, set_done, &warm);
  iterate_until (&warm, 10);

  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (porting_document_view_get_page_widget (view, 0),
                                                           GTK_TYPE_SCROLLED_WINDOW));
  page_width = gtk_widget_get_width (porting_document_view_get_page_widget (view, 0));
  measure_stalls (GTK_WIDGET (view), NULL, NULL, NULL, "Document view", &idle);
  measure_stalls (GTK_WIDGET (view), scroller, view, NULL, "Document view", &scrolling);
  ticking = FALSE;
  reached_page = porting_document_view_get_current_page (view) + 1;
  n_pages = porting_document_view_get_n_pages (view);
  gtk_window_destroy (window);

  measure_toolkit_floor (file, width, height, page_width, FALSE, &pictures);
  measure_toolkit_floor (file, width, height, page_width, TRUE, &bare);

  g_print ("\nScrolling a 300-page PDF at %.0f px per frame for %d s, then two long jumps, %d×%d:\n",
           SCROLL_PIXELS_PER_FRAME, SCROLL_SECONDS, width, height);
  g_print ("  %-36s %12s %16s %8s %13s %11s\n", "", "longest stall", "longest frame gap", "frames", "stalls ≥16 ms",
           "mean frame");
  print_stalls ("scrolling (goal: stall < 16 ms)", &scrolling);
  g_print ("  %-36s %9.1f ms\n", "  of which smooth scrolling alone",
           scrolling.max_gap_before_jumps / 1000.0);
  print_stalls ("baseline: same window, not scrolling*", &idle);
  print_stalls ("baseline: GtkPictures, scrolling**", &pictures);
  print_stalls ("baseline: bare widget, scrolling***", &bare);
  g_print ("  reached page %u of %u\n", reached_page, n_pages);
  g_print ("  * for %d s, from %.1f s after the first page was drawn whole\n",
           SCROLL_SECONDS + 1, WARM_UP_MS / 1000.0);
  g_print ("  ** what GTK alone costs: 300 GtkPictures in a GtkScrolledWindow, all one texture of page 1,\n"
           "     %d px wide, uploaded before scrolling; nothing rendered, no document\n", page_width);
  g_print ("  *** the least GTK can do: one widget appending that texture for each page in view\n");
}

/* The wide window, then the narrow layout's: with software GL each frame
 * costs in proportion to the pixels drawn, so both are worth knowing. */
static void
bench_scrolling (const char *make_long_invoice,
                 const char *out_dir)
{
  g_autofree char *path = g_build_filename (out_dir, "long-invoice-300.pdf", NULL);
  const char *argv[] = { make_long_invoice, path, "300", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("Cannot make the long invoice: %s", error->message);

  file = g_file_new_for_path (path);
  scroll_at_size (file, 1280, 800);
  scroll_at_size (file, 400, 800);

  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  const char *fixtures = g_getenv ("PORTING_FIXTURES_DIR");
  g_autofree char *out_dir = NULL;

  if (argc != 3 || fixtures == NULL)
    {
      g_printerr ("Usage: %s MAKE-LONG-INVOICE OUTPUT-DIR (with PORTING_FIXTURES_DIR set)\n", argv[0]);
      return 2;
    }

  if (!gtk_init_check ())
    {
      g_print ("SKIP: no display; run under xvfb-run\n");
      return 77;
    }
  adw_init ();

  out_dir = g_build_filename (argv[2], "check-view-data", NULL);
  g_mkdir_with_parents (out_dir, 0755);

  verbose = g_getenv ("BENCH_VERBOSE") != NULL;
  /* BENCH_ONLY=first-pages or =scrolling runs one half, for profiling. */
  if (g_strcmp0 (g_getenv ("BENCH_ONLY"), "scrolling") != 0)
    bench_first_pages (fixtures, out_dir);
  if (g_strcmp0 (g_getenv ("BENCH_ONLY"), "first-pages") != 0)
    bench_scrolling (argv[1], out_dir);

  return 0;
}
