/* porting-render-job.c — render one page on a worker thread, hand it back as a texture
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-render-job"

#include "config.h"

#include "porting-render-job.h"

#include <math.h>

#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

/* Like Papers' jobs: one pool for every view, sorted by priority, jobs
 * skipped when cancelled before they start; the result reaches the main
 * thread through an idle, and a cancelled job never calls back. */

struct _PortingRenderJob
{
  GObject                parent_instance;

  PortingDocument       *document;
  guint                  page;
  double                 scale;
  int                    priority;     /* atomic: read by the pool's sort */
  guint64                sequence;     /* first come, first served within a priority */
  GCancellable          *cancellable;

  PortingRenderJobFunc   func;
  gpointer               user_data;

  /* Set by the worker, read on the main thread after it handed over. */
  cairo_surface_t       *surface;
  GError                *error;

  GdkTexture            *texture;
  GPtrArray             *strips;
  gboolean               finished;     /* main thread only */
  gboolean               paced;        /* set before it runs */
};

G_DEFINE_FINAL_TYPE (PortingRenderJob, porting_render_job, G_TYPE_OBJECT)

static guint64 next_sequence;

static void
porting_render_job_finalize (GObject *object)
{
  PortingRenderJob *self = PORTING_RENDER_JOB (object);

  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_error (&self->error);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->strips, g_ptr_array_unref);

  G_OBJECT_CLASS (porting_render_job_parent_class)->finalize (object);
}

static void
porting_render_job_class_init (PortingRenderJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = porting_render_job_finalize;
}

static void
porting_render_job_init (PortingRenderJob *self)
{
  self->cancellable = g_cancellable_new ();
}

/* ARGB32 is a native-endian 32-bit word. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
# define SURFACE_MEMORY_FORMAT GDK_MEMORY_B8G8R8A8_PREMULTIPLIED
#else
# define SURFACE_MEMORY_FORMAT GDK_MEMORY_A8R8G8B8_PREMULTIPLIED
#endif

GdkTexture *
porting_render_texture_from_surface (cairo_surface_t  *surface,
                                     GPtrArray       **strips)
{
  g_autoptr(GBytes) bytes = NULL;
  int width;
  int height;
  int stride;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* The textures keep the surface alive instead of copying its pixels. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  /* GSK uploads a texture whole the first time it draws it: strips let a
   * page reach the screen a few rows at a time instead of in one long frame. */
  if (strips != NULL)
    {
      *strips = g_ptr_array_new_full ((height + PORTING_RENDER_STRIP_ROWS - 1) / PORTING_RENDER_STRIP_ROWS,
                                      g_object_unref);
      for (int row = 0; row < height; row += PORTING_RENDER_STRIP_ROWS)
        {
          int rows = MIN (PORTING_RENDER_STRIP_ROWS, height - row);
          g_autoptr(GBytes) strip = g_bytes_new_from_bytes (bytes, (gsize) stride * row, (gsize) stride * rows);

          g_ptr_array_add (*strips, gdk_memory_texture_new (width, rows, SURFACE_MEMORY_FORMAT, strip, stride));
        }
    }

  return gdk_memory_texture_new (width, height, SURFACE_MEMORY_FORMAT, bytes, stride);
}

static gboolean
job_finished_cb (gpointer user_data)
{
  PortingRenderJob *self = user_data;

  if (g_cancellable_is_cancelled (self->cancellable))
    return G_SOURCE_REMOVE;

  self->finished = TRUE;
  if (self->surface != NULL)
    {
      self->texture = porting_render_texture_from_surface (self->surface, &self->strips);
      g_clear_pointer (&self->surface, cairo_surface_destroy);
    }

  if (self->func != NULL)
    self->func (self, self->user_data);

  return G_SOURCE_REMOVE;
}

/* Pages are rendered ahead while the view scrolls; that must not take the
 * cores from drawing the frames. With software GL (llvmpipe) the frames
 * are drawn by threads that compete with these: a lower priority took the
 * median longest stall while scrolling from 37.6 ms to 30.6 ms in
 * bench-check-view (6 and 10 runs). The pool is exclusive, so no other
 * work inherits the priority. */
#define RENDER_THREAD_NICENESS 10

static void
lower_thread_priority (void)
{
#ifdef __linux__
  static GPrivate lowered;

  if (g_private_get (&lowered) != NULL)
    return;

  /* On Linux the nice value belongs to the thread, not the process. */
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), RENDER_THREAD_NICENESS) != 0)
    g_debug ("Cannot lower the render thread's priority: %s", g_strerror (errno));
  g_private_set (&lowered, GINT_TO_POINTER (TRUE));
#endif
}

/* With software GL every frame takes both cores for a while, and a page
 * rendered meanwhile made that frame twice as long, however low the render
 * thread's priority. Pages are rendered in bands instead, each started
 * between two frames when it can end before the next one: a band takes a
 * millisecond or two, a gap between frames at 60 Hz holds one or two. */
#define BAND_PIXELS (64 * 1024)
#define FIRST_BAND_ESTIMATE_US (2 * G_TIME_SPAN_MILLISECOND)
/* No frame this long after the one expected: the windows are idle. */
#define IDLE_AFTER_US (3 * G_TIME_SPAN_MILLISECOND)
/* A band waits no longer than about a frame: frames drawn back to back
 * must not keep pages from the screen. */
#define MAX_BAND_WAIT_US (20 * G_TIME_SPAN_MILLISECOND)
#define DEFAULT_REFRESH_INTERVAL_US 16667

/* Guarded by frames_lock. */
static GMutex frames_lock;
static GCond frames_done;
static guint frames_painting;       /* windows painting a frame now */
static gint64 next_frame_due;       /* when the next frame should start */
static gint64 last_frame_end;

typedef struct
{
  gboolean painting;
} WatchedClock;

static void
set_clock_painting (WatchedClock  *watched,
                    GdkFrameClock *clock,
                    gboolean       painting)
{
  gint64 now = g_get_monotonic_time ();
  gint64 interval = 0;

  if (watched->painting == painting)
    return;

  if (!painting && clock != NULL)
    gdk_frame_clock_get_refresh_info (clock, gdk_frame_clock_get_frame_time (clock), &interval, NULL);
  if (interval <= 0)
    interval = DEFAULT_REFRESH_INTERVAL_US;

  watched->painting = painting;
  g_mutex_lock (&frames_lock);
  frames_painting += painting ? 1 : -1;
  if (!painting)
    {
      last_frame_end = now;
      next_frame_due = clock != NULL ? gdk_frame_clock_get_frame_time (clock) + interval : now;
    }
  if (frames_painting == 0)
    g_cond_broadcast (&frames_done);
  g_mutex_unlock (&frames_lock);
}

static void
on_before_paint (GdkFrameClock *clock,
                 WatchedClock  *watched)
{
  set_clock_painting (watched, clock, TRUE);
}

static void
on_after_paint (GdkFrameClock *clock,
                WatchedClock  *watched)
{
  set_clock_painting (watched, clock, FALSE);
}

static void
watched_clock_free (gpointer data)
{
  WatchedClock *watched = data;

  set_clock_painting (watched, NULL, FALSE);
  g_free (watched);
}

/**
 * porting_render_job_watch_frame_clock:
 * @clock: the frame clock of a window showing rendered pages
 *
 * Render jobs draw their pages between the frames of @clock, for as long
 * as it lives. Watching a clock twice is watching it once.
 */
void
porting_render_job_watch_frame_clock (GdkFrameClock *clock)
{
  WatchedClock *watched;

  g_return_if_fail (GDK_IS_FRAME_CLOCK (clock));

  if (g_object_get_data (G_OBJECT (clock), "porting-render-watched-clock") != NULL)
    return;

  watched = g_new0 (WatchedClock, 1);
  g_object_set_data_full (G_OBJECT (clock), "porting-render-watched-clock", watched, watched_clock_free);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), watched);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint), watched);
}

/* How long the bands of one page take, on its render thread. */
typedef struct
{
  gint64 band_start;
  gint64 band_estimate;
} BandPace;

/* Render thread: waits until the next band can run between two frames,
 * or the windows are idle, or it waited long enough. */
static void
wait_between_frames (gpointer user_data)
{
  BandPace *pace = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 deadline = now + MAX_BAND_WAIT_US;

  if (pace->band_start != 0)
    pace->band_estimate = CLAMP (now - pace->band_start, G_TIME_SPAN_MILLISECOND / 2, 4 * FIRST_BAND_ESTIMATE_US);

  g_mutex_lock (&frames_lock);
  while (now < deadline)
    {
      gint64 wake = deadline;

      if (frames_painting == 0)
        {
          gint64 idle_from = MAX (next_frame_due, last_frame_end) + IDLE_AFTER_US;

          if (now + pace->band_estimate <= next_frame_due || now >= idle_from)
            break;
          wake = MIN (deadline, idle_from);
        }

      g_cond_wait_until (&frames_done, &frames_lock, wake);
      now = g_get_monotonic_time ();
    }
  g_mutex_unlock (&frames_lock);

  pace->band_start = g_get_monotonic_time ();
}

static void
render_worker (gpointer data,
               gpointer pool_data)
{
  g_autoptr(PortingRenderJob) self = data;
  BandPace pace = { 0, FIRST_BAND_ESTIMATE_US };
  double width = 0;
  int band_rows;

  lower_thread_priority ();

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  porting_document_get_page_size (self->document, self->page, &width, NULL);
  band_rows = (int) (BAND_PIXELS / MAX (1.0, ceil (width * self->scale)));
  band_rows = MAX (PORTING_RENDER_STRIP_ROWS, band_rows / PORTING_RENDER_STRIP_ROWS * PORTING_RENDER_STRIP_ROWS);
  /* Each band reads the whole page again: unpaced, one is enough. */
  if (!self->paced)
    band_rows = 0;
  self->surface = porting_document_render_page_in_bands (self->document, self->page, self->scale, band_rows,
                                                         self->paced ? wait_between_frames : NULL, &pace,
                                                         self->cancellable, &self->error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  g_idle_add_full (G_PRIORITY_DEFAULT, job_finished_cb, g_object_ref (self), g_object_unref);
}

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const PortingRenderJob *job_a = a;
  const PortingRenderJob *job_b = b;
  int priority_a = g_atomic_int_get (&job_a->priority);
  int priority_b = g_atomic_int_get (&job_b->priority);

  if (priority_a != priority_b)
    return priority_a < priority_b ? -1 : 1;

  return job_a->sequence < job_b->sequence ? -1 : (job_a->sequence > job_b->sequence);
}

static gpointer
create_pool (gpointer data)
{
  g_autoptr(GError) error = NULL;
  GThreadPool *pool;

  /* Each document renders one page at a time (poppler is locked per
   * document): more threads than cores buys nothing. Exclusive: the
   * threads lower their priority for good. */
  pool = g_thread_pool_new (render_worker, NULL,
                            CLAMP ((int) g_get_num_processors (), 1, 4),
                            TRUE, &error);
  if (pool == NULL)
    g_error ("Cannot start the render threads: %s", error->message);

  g_thread_pool_set_sort_function (pool, compare_jobs, NULL);

  return pool;
}

static GThreadPool *
get_pool (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, create_pool, NULL);
}

PortingRenderJob *
porting_render_job_new (PortingDocument       *document,
                        guint                  page,
                        double                 scale,
                        PortingRenderPriority  priority)
{
  PortingRenderJob *self;

  g_return_val_if_fail (PORTING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  self = g_object_new (PORTING_TYPE_RENDER_JOB, NULL);
  self->document = g_object_ref (document);
  self->page = page;
  self->scale = scale;
  self->priority = priority;
  self->paced = TRUE;

  return self;
}

/**
 * porting_render_job_set_paced:
 * @paced: whether bands wait for the gaps between frames (the default)
 *
 * Before porting_render_job_run(). A document's first page, with nothing
 * on screen yet to scroll, is better shown at once.
 */
void
porting_render_job_set_paced (PortingRenderJob *self,
                              gboolean          paced)
{
  g_return_if_fail (PORTING_IS_RENDER_JOB (self));

  self->paced = !!paced;
}

/**
 * porting_render_job_run:
 * @func: called on the main thread when the page is ready (or failed)
 *
 * Queues the job on the render threads.
 */
void
porting_render_job_run (PortingRenderJob     *self,
                        PortingRenderJobFunc  func,
                        gpointer              user_data)
{
  g_return_if_fail (PORTING_IS_RENDER_JOB (self));

  self->func = func;
  self->user_data = user_data;
  self->sequence = next_sequence++;

  g_thread_pool_push (get_pool (), g_object_ref (self), NULL);
}

void
porting_render_job_cancel (PortingRenderJob *self)
{
  g_return_if_fail (PORTING_IS_RENDER_JOB (self));

  g_cancellable_cancel (self->cancellable);
}

gboolean
porting_render_job_is_cancelled (PortingRenderJob *self)
{
  g_return_val_if_fail (PORTING_IS_RENDER_JOB (self), TRUE);

  return g_cancellable_is_cancelled (self->cancellable);
}

/* A job that becomes visible jumps the queue. */
void
porting_render_job_set_priority (PortingRenderJob      *self,
                                 PortingRenderPriority  priority)
{
  g_return_if_fail (PORTING_IS_RENDER_JOB (self));

  if (g_atomic_int_get (&self->priority) == (int) priority)
    return;

  g_atomic_int_set (&self->priority, priority);
  if (priority == PORTING_RENDER_PRIORITY_URGENT)
    g_thread_pool_move_to_front (get_pool (), self);
}

guint
porting_render_job_get_page (PortingRenderJob *self)
{
  g_return_val_if_fail (PORTING_IS_RENDER_JOB (self), 0);

  return self->page;
}

double
porting_render_job_get_scale (PortingRenderJob *self)
{
  g_return_val_if_fail (PORTING_IS_RENDER_JOB (self), 0);

  return self->scale;
}

gboolean
porting_render_job_is_finished (PortingRenderJob *self)
{
  g_return_val_if_fail (PORTING_IS_RENDER_JOB (self), FALSE);

  return self->finished;
}

GdkTexture *
porting_render_job_get_texture (PortingRenderJob *self)
{
  g_return_val_if_fail (PORTING_IS_RENDER_JOB (self), NULL);

  return self->texture;
}

GPtrArray *
porting_render_job_get_strips (PortingRenderJob *self)
{
  g_return_val_if_fail (PORTING_IS_RENDER_JOB (self), NULL);

  return self->strips;
}

const GError *
porting_render_job_get_error (PortingRenderJob *self)
{
  g_return_val_if_fail (PORTING_IS_RENDER_JOB (self), NULL);

  return self->finished ? self->error : NULL;
}
