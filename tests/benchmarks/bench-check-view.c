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
 *    cairo by make-long-invoice), from a 1 ms high-priority timer, at
 *    1280×800 and at 400×800: 60 px per frame for 180 frames, then two long
 *    jumps.
 *    Baselines, in windows of the same size moved the same way, in
 *    interleaved rounds: what GTK alone costs scrolling one page texture
 *    uploaded beforehand (nothing rendered), as 300 GtkPictures, and drawn
 *    by a bare widget. With software GL (llvmpipe) every frame redraws the
 *    whole window on the main loop, so the bare widget is the floor of the
 *    stall; the goal is a ratio to it. Each window scrolls once in its
 *    warm-up (its first scrollbar costs once; measured apart). BENCH_ROUNDS (5), BENCH_SIZE
 *    (1280x800 or 400x800) and BENCH_VERBOSE (every slow frame, split in
 *    its phases) change what is run and shown.
 *
 * Needs a display (meson test --benchmark under xvfb-run); skips without.
 * Here the document view, the rounds and main(); the measurements and the
 * table in bench-check-view-measure.c, the baselines in
 * bench-check-view-baselines.c.
 */
#define G_LOG_DOMAIN "bench-check-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-check-view.h"
#include "porting-check-view.h"
#include "porting-document-view.h"
#include "porting-page-widget.h"

#define RUNS 5
/* 3 s at 60 Hz: the same positions, one per frame, whatever the frame rate. */
#define SCROLL_FRAMES 180
#define SCROLL_PIXELS_PER_FRAME 60.0
#define WARM_UP_MS 1000
#define JUMP_WAIT_MS 500
#define DEFAULT_ROUNDS 5
#define GOAL_RATIO 1.25

static const guint JUMP_PAGES[] = { 150, 299 };

static const char * const pairs[][2] = {
  { "acme-equivalent-loa.pdf", "acme-equivalent-invoice.pdf" },
  { "acme-mismatch-loa.pdf", "acme-mismatch-invoice.pdf" },
  { "acme-unit-mismatch-loa.pdf", "acme-unit-mismatch-invoice.pdf" },
  { "maple-csr-loa.pdf", "maple-csr-csr.pdf" },
};

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

gboolean verbose;
gint64 verbose_start;

static const char * const subject_labels[] = {
  [SUBJECT_VIEW] = "document view",
  [SUBJECT_PICTURES] = "GtkPictures*",
  [SUBJECT_BARE] = "bare widget** (floor)",
};

static void
scene_scroll_by (Scene  *scene,
                 double  pixels)
{
  if (scene->adjustment != NULL)
    {
      gtk_adjustment_set_value (scene->adjustment, gtk_adjustment_get_value (scene->adjustment) + pixels);
    }
  else
    {
      scene->bare->offset += pixels;
      gtk_widget_queue_draw (GTK_WIDGET (scene->bare));
    }
}

/* The top of @page 12 px under the top of the view, as
 * porting_document_view_scroll_to() puts it. */
static void
scene_jump_to_page (Scene *scene,
                    guint  page)
{
  if (scene->view != NULL)
    porting_document_view_scroll_to (scene->view, page, NULL);
  else if (scene->adjustment != NULL)
    gtk_adjustment_set_value (scene->adjustment, page * scene->pitch);
  else
    {
      scene->bare->offset = page * scene->pitch;
      gtk_widget_queue_draw (GTK_WIDGET (scene->bare));
    }
}

typedef struct
{
  Scene    *scene;
  guint     frames_left;
  gboolean  done;
} Scrolling;

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Scrolling *scrolling = data;

  if (scrolling->frames_left-- == 0)
    {
      scrolling->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  scene_scroll_by (scrolling->scene, SCROLL_PIXELS_PER_FRAME);
  return G_SOURCE_CONTINUE;
}

/* With @scroll, SCROLL_FRAMES of SCROLL_PIXELS_PER_FRAME, then two long
 * jumps (for the view: the pending renders are cancelled, new ones start)
 * with JUMP_WAIT_MS after each; without, the window is left alone as long. */
/* Main-loop stalls and frame phases into @stalls, until watch_end(). */
typedef struct
{
  GdkFrameClock *clock;
  gulong         handler_ids[5];
  guint          timer_id;
} Watch;

static void
watch_begin (Watch     *watch,
             GtkWidget *widget,
             Stalls    *stalls)
{
  watch->clock = gtk_widget_get_frame_clock (widget);
  watch->handler_ids[0] = g_signal_connect (watch->clock, "before-paint", G_CALLBACK (on_before_paint), stalls);
  watch->handler_ids[1] = g_signal_connect (watch->clock, "update", G_CALLBACK (on_update), stalls);
  watch->handler_ids[2] = g_signal_connect (watch->clock, "layout", G_CALLBACK (on_layout), stalls);
  watch->handler_ids[3] = g_signal_connect (watch->clock, "paint", G_CALLBACK (on_paint), stalls);
  watch->handler_ids[4] = g_signal_connect (watch->clock, "after-paint", G_CALLBACK (on_stall_frame), stalls);
  watch->timer_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_tick, stalls, NULL);
  stalls->start = verbose_start = g_get_monotonic_time ();
}

static void
watch_end (Watch *watch)
{
  g_source_remove (watch->timer_id);
  for (guint i = 0; i < G_N_ELEMENTS (watch->handler_ids); i++)
    g_signal_handler_disconnect (watch->clock, watch->handler_ids[i]);
}

/* A window's first scroll costs once what no later one does: the first
 * overlay scrollbar it shows took 10–17 ms of paint in a scrolled window,
 * the view's or GtkPictures' (llvmpipe), and nothing once any scrolled
 * window of that window had shown one, its own or another. The app's
 * windows have scrolled elsewhere (sidebar, forms) before a document; the
 * bare widget has no scrollbar at all. So each window scrolls 1 px and
 * back in its warm-up, measured apart, and the rounds time scrolling. */
static void
measure_first_scroll (Scene   *scene,
                      Figures *figures)
{
  Watch watch;

  watch_begin (&watch, scene->content, &figures->first_scroll);
  scene_scroll_by (scene, 1);
  wait_ms (200);
  scene_scroll_by (scene, -1);
  wait_ms (200);
  watch_end (&watch);
}

static void
measure_stalls (Scene    *scene,
                gboolean  scroll,
                Figures  *figures)
{
  GtkWidget *widget = scene->content;
  Stalls *stalls = &figures->whole;
  CpuSample cpu, cpu_end;
  Watch watch;

  if (verbose)
    g_printerr ("%s, %s, %d×%d:\n", subject_labels[scene->subject], scroll ? "scrolling" : "not scrolling",
                gtk_widget_get_width (GTK_WIDGET (scene->window)), gtk_widget_get_height (GTK_WIDGET (scene->window)));
  watch_begin (&watch, widget, stalls);
  cpu_sample (&cpu);

  if (scroll)
    {
      Scrolling scrolling = { scene, SCROLL_FRAMES, FALSE };

      gtk_widget_add_tick_callback (widget, scroll_tick, &scrolling, NULL);
      iterate_until (&scrolling.done, 60);
      figures->smooth = *stalls;
      if (verbose)
        {
          print_cpu (&cpu, stalls->frames);
          if (stalls->frames > 0)
            g_printerr ("  mean frame %.2f ms = update %.2f + layout %.2f + paint %.2f + after %.2f\n",
                        ms (stalls->frame_time) / stalls->frames, ms (stalls->phase_time[0]) / stalls->frames,
                        ms (stalls->phase_time[1]) / stalls->frames, ms (stalls->phase_time[2]) / stalls->frames,
                        ms (stalls->phase_time[3]) / stalls->frames);
        }
      if (scene->view != NULL)
        figures->reached_page = porting_document_view_get_current_page (scene->view) + 1;

      scene_jump_to_page (scene, JUMP_PAGES[0]);
      wait_ms (JUMP_WAIT_MS);
      scene_jump_to_page (scene, JUMP_PAGES[1]);
      wait_ms (JUMP_WAIT_MS);
    }
  else
    {
      wait_ms (SCROLL_FRAMES * 1000 / 60 + 2 * JUMP_WAIT_MS);
      figures->smooth = *stalls;
    }

  watch_end (&watch);

  cpu_sample (&cpu_end);
  figures->others_share = others_share (&cpu, &cpu_end);
}

static gboolean
redraw_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  return *(gboolean *) data ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
on_page_texture (PortingPageWidget *page,
                 GParamSpec        *pspec,
                 gpointer           data)
{
  g_printerr ("  page %u %s at %.3f s\n", porting_page_widget_get_page (page) + 1,
              porting_page_widget_get_texture (page) != NULL ? "rendered" : "dropped",
              (g_get_monotonic_time () - verbose_start) / (double) G_USEC_PER_SEC);
}

static void
scene_open_view (Scene *scene,
                 GFile *file)
{
  GtkWidget *first_page;

  scene->view = PORTING_DOCUMENT_VIEW (porting_document_view_new ());
  scene->content = GTK_WIDGET (scene->view);
  gtk_window_set_child (scene->window, scene->content);
  gtk_window_present (scene->window);

  /* A fresh view each time: every page is rendered while it scrolls. */
  porting_document_view_load (scene->view, file, NULL);
  while ((first_page = porting_document_view_get_page_widget (scene->view, 0)) == NULL ||
         !porting_page_widget_is_fully_drawn (PORTING_PAGE_WIDGET (first_page)))
    g_main_context_iteration (NULL, TRUE);

  scene->adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (first_page, GTK_TYPE_SCROLLED_WINDOW)));
  scene->pitch = gtk_widget_get_height (first_page) + PAGE_SPACING;

  if (verbose)
    for (guint i = 0; i < porting_document_view_get_n_pages (scene->view); i++)
      g_signal_connect (porting_document_view_get_page_widget (scene->view, i), "notify::texture",
                        G_CALLBACK (on_page_texture), NULL);
}

/* Opens @subject in a @width × @height window, waits until it is steady:
 * its first page drawn, then WARM_UP_MS of frames (the same frame rate for
 * all: a tick keeps the frame clock running). */
static void
scene_open (Scene      *scene,
            Subject     subject,
            int         width,
            int         height,
            GFile      *file,
            GdkTexture *page,
            guint       n_pages)
{
  *scene = (Scene) { subject, GTK_WINDOW (gtk_window_new ()), NULL, };
  gtk_window_set_default_size (scene->window, width, height);

  if (subject == SUBJECT_VIEW)
    scene_open_view (scene, file);
  else
    scene_open_toolkit (scene, page, n_pages);

  scene->ticking = TRUE;
  gtk_widget_add_tick_callback (scene->content, redraw_tick, &scene->ticking, NULL);
  wait_ms (WARM_UP_MS);
}

static void
scene_close (Scene *scene)
{
  scene->ticking = FALSE;
  gtk_window_destroy (scene->window);
  /* Let the destroyed window's frames and textures go before the next. */
  wait_ms (100);
}

static guint
get_rounds (void)
{
  const char *text = g_getenv ("BENCH_ROUNDS");
  guint64 rounds = text != NULL ? g_ascii_strtoull (text, NULL, 10) : DEFAULT_ROUNDS;

  return CLAMP (rounds, 1, 50);
}

/* Interleaved rounds (view, GtkPictures, bare widget, view, …), so that
 * the load of a shared machine falls on all three alike. */
static void
scroll_at_size (GFile *file,
                int    width,
                int    height)
{
  guint rounds = get_rounds ();
  g_autofree Figures *figures[N_SUBJECTS] = { NULL, };
  Figures idle = { { 0 } };
  g_autoptr(GdkTexture) page = NULL;
  int page_width = 0;
  guint n_pages = 0;

  for (guint s = 0; s < N_SUBJECTS; s++)
    figures[s] = g_new0 (Figures, rounds);

  for (guint r = 0; r < rounds; r++)
    for (Subject s = 0; s < N_SUBJECTS; s++)
      {
        Scene scene;

        scene_open (&scene, s, width, height, file, page, n_pages);
        measure_first_scroll (&scene, &figures[s][r]);
        /* Steady again: the scrollbar it showed has faded out. */
        wait_ms (WARM_UP_MS);
        if (s == SUBJECT_VIEW)
          {
            if (r == 0)
              measure_stalls (&scene, FALSE, &idle);
            if (page == NULL)
              {
                /* The others show the texture the view would have, at its width. */
                page_width = gtk_widget_get_width (porting_document_view_get_page_widget (scene.view, 0));
                page = render_first_page (file, page_width, &n_pages);
              }
          }
        measure_stalls (&scene, TRUE, &figures[s][r]);
        if (verbose)
          g_printerr ("  round %u, %s, %d×%d: longest stall %.1f ms (smooth part %.1f ms), %u stalls ≥16 ms, "
                      "mean frame %.1f ms, other programs %.0f %%\n", r + 1, subject_labels[s], width, height,
                      ms (figures[s][r].whole.max_gap), ms (figures[s][r].smooth.max_gap),
                      figures[s][r].whole.over_goal, mean_frame_ms (&figures[s][r].whole),
                      100 * figures[s][r].others_share);
        scene_close (&scene);
      }

  g_print ("\nScrolling a %u-page PDF in a %d×%d window: %.0f px per frame for %d frames, then jumps to pages %u\n"
           "and %u (%.1f s each); %u interleaved rounds, median (range):\n",
           n_pages, width, height, SCROLL_PIXELS_PER_FRAME, SCROLL_FRAMES, JUMP_PAGES[0] + 1, JUMP_PAGES[1] + 1,
           JUMP_WAIT_MS / 1000.0, rounds);
  g_print ("  %-24s %-*s %-*s %-*s %-*s %s\n", "", COLUMN_WIDTH, "longest stall, ms", COLUMN_WIDTH,
           "smooth part alone, ms", COLUMN_WIDTH + 2, "stalls ≥16 ms", COLUMN_WIDTH, "mean frame, ms",
           "other programs, % CPU");
  for (Subject s = 0; s < N_SUBJECTS; s++)
    print_row (subject_labels[s], figures[s], rounds);
  print_row ("document view, idle***", &idle, 1);
  g_print ("  a window's first scroll†, longest stall, ms:");
  for (Subject s = 0; s < N_SUBJECTS; s++)
    {
      g_autofree double *values = g_new (double, rounds);
      g_autofree char *text = NULL;

      for (guint r = 0; r < rounds; r++)
        values[r] = ms (figures[s][r].first_scroll.max_gap);
      text = format_spread (values, rounds, 1);
      g_print (" %s %s%s", subject_labels[s], text, s + 1 < N_SUBJECTS ? "," : "\n");
    }
  print_ratio ("view / bare: longest", figures[SUBJECT_VIEW], figures[SUBJECT_BARE], rounds, FIGURE_LONGEST);
  print_ratio ("view / bare: smooth", figures[SUBJECT_VIEW], figures[SUBJECT_BARE], rounds, FIGURE_LONGEST_SMOOTH);
  print_ratio ("view / bare: mean frame", figures[SUBJECT_VIEW], figures[SUBJECT_BARE], rounds, FIGURE_MEAN_FRAME);
  g_print ("  goal: the view's longest stall within %.2f× the bare widget's; a quiet round is one where\n"
           "    other programs (not this one, not the X server) took under %.0f %% of the machine for both\n",
           GOAL_RATIO, 100 * QUIET_SHARE);
  g_print ("  the view reached page %u of %u when the smooth part ended (first round)\n",
           figures[SUBJECT_VIEW][0].reached_page, n_pages);
  g_print ("  * what GTK alone costs: %u GtkPictures in a GtkScrolledWindow, all one texture of page 1,\n"
           "    %d px wide, uploaded before scrolling; nothing rendered, no document\n", n_pages, page_width);
  g_print ("  ** the least GTK can do: one widget appending that texture for each page in view\n");
  g_print ("  *** the same window left alone as long, once, from %.1f s after its first page was drawn whole\n",
           WARM_UP_MS / 1000.0);
  g_print ("  † 1 px and back, in each window's warm-up, before the rounds: a window's first overlay\n"
           "    scrollbar costs once (see measure_first_scroll()); not in the figures above\n");
}

/* The wide window, then the narrow layout's: with software GL each frame
 * costs in proportion to the pixels drawn, so both are worth knowing.
 * BENCH_SIZE=WIDTHxHEIGHT measures one size only. */
static void
bench_scrolling (const char *make_long_invoice,
                 const char *out_dir)
{
  static const int sizes[][2] = { { 1280, 800 }, { 400, 800 } };
  g_autofree char *path = g_build_filename (out_dir, "long-invoice-300.pdf", NULL);
  const char *argv[] = { make_long_invoice, path, "300", NULL };
  const char *only_size = g_getenv ("BENCH_SIZE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("Cannot make the long invoice: %s", error->message);

  file = g_file_new_for_path (path);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *size = g_strdup_printf ("%dx%d", sizes[i][0], sizes[i][1]);

      if (only_size == NULL || g_strcmp0 (only_size, size) == 0)
        scroll_at_size (file, sizes[i][0], sizes[i][1]);
    }

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
  if (verbose && g_ascii_strtoll (g_getenv ("BENCH_VERBOSE"), NULL, 10) > 0)
    verbose_threshold_us = g_ascii_strtoll (g_getenv ("BENCH_VERBOSE"), NULL, 10) * 1000;
  /* BENCH_ONLY=first-pages or =scrolling runs one half, for profiling. */
  if (g_strcmp0 (g_getenv ("BENCH_ONLY"), "scrolling") != 0)
    bench_first_pages (fixtures, out_dir);
  if (g_strcmp0 (g_getenv ("BENCH_ONLY"), "first-pages") != 0)
    bench_scrolling (argv[1], out_dir);

  return 0;
}
