/* bench-check-view.h — what the files of bench-check-view share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "porting-document-view.h"

G_BEGIN_DECLS

/* The document view's spacing and margins between pages. */
#define PAGE_SPACING 12
/* A round is quiet when other programs took less of the machine than this,
 * while the view and while the bare widget were measured. */
#define QUIET_SHARE 0.10
#define COLUMN_WIDTH 22

/* BENCH_VERBOSE: every stall and slow frame printed (bench-check-view.c). */
extern gboolean verbose;
extern gint64 verbose_threshold_us;
extern gint64 verbose_start;   /* of the measurement running, for the times printed */

typedef struct
{
  gint64  last_tick;
  gint64  max_gap;
  guint   over_goal;              /* stalls of SLOW_US or longer */
  guint   frames;
  gint64  frame_time;             /* all frames, from before-paint to after-paint */
  gint64  phase_time[4];          /* of it: update, layout, paint, after */
  gint64  start;

  /* When each phase of the frame being drawn ended; 0 if it did not run. */
  gint64  before_paint;
  gint64  update;
  gint64  layout;
  gint64  paint;
} Stalls;

/* Where the CPU went (Linux): this process's threads by kind, from
 * /proc/self/task/N/schedstat (ns on a CPU), and the whole machine from
 * /proc/stat, so that the load of other programs shows. */
typedef enum
{
  THREADS_MAIN,
  THREADS_GL,          /* llvmpipe's rasterizer */
  THREADS_RENDER,      /* the page render pool */
  THREADS_OTHER,
  N_THREAD_KINDS
} ThreadKind;

typedef struct
{
  gint64 thread_ns[N_THREAD_KINDS];
  gint64 x_server_ticks;  /* it draws what our frames send it */
  gint64 machine_busy;    /* clock ticks */
  gint64 machine_total;
} CpuSample;

/* What one window did under one pattern: the whole of it, and its smooth
 * scrolling part alone. */
typedef struct
{
  Stalls whole;
  Stalls smooth;
  Stalls first_scroll;   /* the window's first scroll, in the warm-up */
  double others_share;   /* of the machine's CPU other programs took meanwhile */
  guint  reached_page;   /* SUBJECT_VIEW: shown at the end of the smooth part */
} Figures;

typedef enum
{
  FIGURE_LONGEST,
  FIGURE_LONGEST_SMOOTH,
  FIGURE_OVER_GOAL,
  FIGURE_MEAN_FRAME,
  FIGURE_OTHERS,
  N_FIGURES
} Figure;

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

/* The three windows measured, each alone on screen, the same size, moved
 * the same way: the document view with the 300-page PDF; 300 GtkPictures
 * of page 1's texture in a GtkScrolledWindow; BarePages. */
typedef enum
{
  SUBJECT_VIEW,
  SUBJECT_PICTURES,
  SUBJECT_BARE,
  N_SUBJECTS
} Subject;

typedef struct
{
  Subject              subject;
  GtkWindow           *window;
  GtkWidget           *content;
  PortingDocumentView *view;        /* SUBJECT_VIEW */
  GtkAdjustment       *adjustment;  /* SUBJECT_VIEW, SUBJECT_PICTURES */
  BarePages           *bare;        /* SUBJECT_BARE */
  double               pitch;       /* page height + spacing, CSS pixels */
  gboolean             ticking;
} Scene;

/* bench-check-view-measure.c */
double      median            (double          *values,
                               guint            n);
void        iterate_until     (gboolean        *done,
                               guint            timeout_seconds);
void        wait_ms           (guint            ms);
double      ms                (gint64           us);

gboolean    stall_tick        (gpointer         data);
void        on_before_paint   (GdkFrameClock   *clock,
                               Stalls          *stalls);
void        on_update         (GdkFrameClock   *clock,
                               Stalls          *stalls);
void        on_layout         (GdkFrameClock   *clock,
                               Stalls          *stalls);
void        on_paint          (GdkFrameClock   *clock,
                               Stalls          *stalls);
void        on_stall_frame    (GdkFrameClock   *clock,
                               Stalls          *stalls);

void        cpu_sample        (CpuSample       *sample);
double      others_share      (const CpuSample *start,
                               const CpuSample *end);
void        print_cpu         (const CpuSample *start,
                               guint            frames);

double      mean_frame_ms     (const Stalls    *stalls);
char       *format_spread     (const double    *values,
                               guint            n,
                               int              decimals);
void        print_row         (const char      *label,
                               const Figures   *figures,
                               guint            rounds);
void        print_ratio       (const char      *label,
                               const Figures   *view,
                               const Figures   *bare,
                               guint            rounds,
                               Figure           figure);

/* bench-check-view-baselines.c */
GdkTexture *render_first_page  (GFile      *file,
                                int         page_width,
                                guint      *n_pages);
void        scene_open_toolkit (Scene      *scene,
                                GdkTexture *page,
                                guint       n_pages);

G_END_DECLS
