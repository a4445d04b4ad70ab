/* porting-render-job.h — render one page on a worker thread, hand it back as a texture
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "porting-document.h"

G_BEGIN_DECLS

/* Lower runs first. */
typedef enum
{
  PORTING_RENDER_PRIORITY_URGENT,   /* on screen */
  PORTING_RENDER_PRIORITY_HIGH,     /* next to the screen */
  PORTING_RENDER_PRIORITY_LOW,      /* preload */
} PortingRenderPriority;

#define PORTING_TYPE_RENDER_JOB (porting_render_job_get_type ())
G_DECLARE_FINAL_TYPE (PortingRenderJob, porting_render_job, PORTING, RENDER_JOB, GObject)

/* Called on the main thread once the page is rendered, never after
 * porting_render_job_cancel(). */
typedef void (*PortingRenderJobFunc) (PortingRenderJob *job,
                                      gpointer          user_data);

PortingRenderJob      *porting_render_job_new          (PortingDocument       *document,
                                                        guint                  page,
                                                        double                 scale,
                                                        PortingRenderPriority  priority);
void                   porting_render_job_run          (PortingRenderJob      *self,
                                                        PortingRenderJobFunc   func,
                                                        gpointer               user_data);
void                   porting_render_job_set_paced    (PortingRenderJob      *self,
                                                        gboolean               paced);
void                   porting_render_job_cancel       (PortingRenderJob      *self);
gboolean               porting_render_job_is_cancelled (PortingRenderJob      *self);
void                   porting_render_job_set_priority (PortingRenderJob      *self,
                                                        PortingRenderPriority  priority);
guint                  porting_render_job_get_page     (PortingRenderJob      *self);
double                 porting_render_job_get_scale    (PortingRenderJob      *self);
/* Main thread: whether the job called back. */
gboolean               porting_render_job_is_finished  (PortingRenderJob      *self);
/* After the job finished: the page, or NULL with the reason in get_error(). */
GdkTexture            *porting_render_job_get_texture  (PortingRenderJob      *self);
/* After the job finished: the same pixels cut in horizontal strips, top to
 * bottom (GdkTexture*), or NULL. */
GPtrArray             *porting_render_job_get_strips   (PortingRenderJob      *self);
const GError          *porting_render_job_get_error    (PortingRenderJob      *self);

void                   porting_render_job_watch_frame_clock (GdkFrameClock    *clock);

/* Device pixel rows per strip: the unit in which frames upload a page. */
#define PORTING_RENDER_STRIP_ROWS 64

/* The page in @surface (ARGB32) as a texture, and in @strips (optional) cut
 * in strips of PORTING_RENDER_STRIP_ROWS rows; all share the surface's pixels. */
GdkTexture            *porting_render_texture_from_surface (cairo_surface_t   *surface,
                                                            GPtrArray        **strips);

G_END_DECLS
