/* porting-document-render.c — a page of a document drawn into pixels, whole or in bands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-document"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "porting-document-private.h"

/* Draws rows @top to @top + @rows of @page into @cr, clipped to them:
 * poppler lays out the whole page and cairo rasterizes only those rows,
 * to the same pixels as drawing the page at once. */
static void
render_band (PortingDocument *self,
             PopplerPage     *poppler_page,
             cairo_t         *cr,
             double           scale,
             int              width,
             int              top,
             int              rows)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, top, width, rows);
  cairo_clip (cr);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);

  if (poppler_page == NULL)
    {
      /* cairo may attach snapshots to a source surface: one reader at a
       * time, under the lock poppler's readers take too. */
      _porting_document_lock_poppler (self);
      cairo_set_source_surface (cr, _porting_document_get_image (self), 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr),
                                scale < 1 ? CAIRO_FILTER_GOOD : CAIRO_FILTER_BILINEAR);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      _porting_document_unlock_poppler (self);
    }
  else
    {
      _porting_document_lock_poppler (self);
      poppler_page_render (poppler_page, cr);
      _porting_document_unlock_poppler (self);
    }
  cairo_restore (cr);

  /* Like Papers: white behind, so transparent pages read as paper. */
  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_OVER);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_restore (cr);
}

/**
 * porting_document_render_page_in_bands:
 * @self: a #PortingDocument
 * @page: 0-based page index
 * @scale: device pixels per point
 * @band_rows: rows drawn at a time; 0 or less for the whole page at once
 * @before_band: (nullable): called before each band, on this thread
 * @user_data: for @before_band
 * @cancellable: (nullable): a #GCancellable, checked before each band
 * @error: a #GError
 *
 * Thread-safe. Bands let the caller pace the work: a render thread may
 * wait between them for the frames of a user interface to be drawn. The
 * pixels are the same as drawn at once: each band is the whole page
 * clipped to its rows. An image document is drawn in one band.
 *
 * Returns: (transfer full): an ARGB32 surface with white behind the page,
 *   or %NULL with @error set
 */
cairo_surface_t *
porting_document_render_page_in_bands (PortingDocument         *self,
                                       guint                    page,
                                       double                   scale,
                                       int                      band_rows,
                                       PortingDocumentBandFunc  before_band,
                                       gpointer                 user_data,
                                       GCancellable            *cancellable,
                                       GError                 **error)
{
  PopplerPage *poppler_page = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_width;
  double page_height;
  double surface_width;
  double surface_height;

  g_return_val_if_fail (PORTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (page >= porting_document_get_n_pages (self))
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_FAILED,
                   _("“%s” has no page %u"), _porting_document_get_display_name (self), page + 1);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  porting_document_get_page_size (self, page, &page_width, &page_height);
  surface_width = ceil (page_width * scale);
  surface_height = ceil (page_height * scale);

  if (!(scale > 0) || !(surface_width >= 1) || !(surface_height >= 1) ||
      surface_width > 32767 || surface_height > 32767)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                   _("Page %u of “%s” is too large to show at this size"),
                   page + 1, _porting_document_get_display_name (self));
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) surface_width, (int) surface_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                   _("Page %u of “%s” is too large to show at this size"),
                   page + 1, _porting_document_get_display_name (self));
      return NULL;
    }

  if (porting_document_get_kind (self) != PORTING_DOCUMENT_KIND_IMAGE)
    {
      PopplerDocument *poppler_document = _porting_document_lock_poppler (self);

      poppler_page = poppler_document_get_page (poppler_document, page);
      _porting_document_unlock_poppler (self);
      if (poppler_page == NULL)
        {
          /* Nothing to draw: paper. */
          cr = cairo_create (surface);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_destroy (cr);
          return surface;
        }
    }

  /* An image at once: pixman scales it with other sample positions when
   * clipped, one or two levels off. */
  if (band_rows <= 0 || poppler_page == NULL)
    band_rows = (int) surface_height;

  cr = cairo_create (surface);
  for (int top = 0; top < (int) surface_height; top += band_rows)
    {
      if (before_band != NULL)
        before_band (user_data);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_clear_pointer (&surface, cairo_surface_destroy);
          break;
        }

      render_band (self, poppler_page, cr, scale, (int) surface_width,
                   top, MIN (band_rows, (int) surface_height - top));
    }
  cairo_destroy (cr);

  /* A page belongs to its document, whose lock guards it to the end. */
  if (poppler_page != NULL)
    {
      _porting_document_lock_poppler (self);
      g_object_unref (poppler_page);
      _porting_document_unlock_poppler (self);
    }

  return surface;
}

/**
 * porting_document_render_page:
 * @self: a #PortingDocument
 * @page: 0-based page index
 * @scale: device pixels per point
 * @cancellable: (nullable): a #GCancellable, checked before starting
 * @error: a #GError
 *
 * Thread-safe.
 *
 * Returns: (transfer full): an ARGB32 surface with white behind the page,
 *   or %NULL with @error set
 */
cairo_surface_t *
porting_document_render_page (PortingDocument  *self,
                              guint             page,
                              double            scale,
                              GCancellable     *cancellable,
                              GError          **error)
{
  return porting_document_render_page_in_bands (self, page, scale, 0, NULL, NULL, cancellable, error);
}
