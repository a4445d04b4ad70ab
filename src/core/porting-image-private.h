/* porting-image-private.h — what porting-image.c and its decoders share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libheif/heif.h>

#include "porting-image.h"

G_BEGIN_DECLS

static inline gboolean
_porting_image_orientation_swaps_sides (int orientation)
{
  return orientation >= 5;   /* EXIF 5…8 turn the image a quarter */
}

void                 _porting_image_set_damaged   (GError      **error,
                                                   const char   *display_name);
void                 _porting_image_set_too_large (GError      **error,
                                                   const char   *display_name,
                                                   int           width,
                                                   int           height,
                                                   gint64        max_pixels);
/* Damaged when a side is not positive, too large over a limit. */
gboolean             _porting_image_check_size    (int           width,
                                                   int           height,
                                                   gint64        max_pixels,
                                                   const char   *display_name,
                                                   GError      **error);
struct heif_context *_porting_image_open_heif     (const guint8 *data,
                                                   gsize         size);

cairo_surface_t     *_porting_image_decode_png    (const guint8 *data,
                                                   gsize         size,
                                                   const char   *display_name,
                                                   GError      **error);
/* @orientation: EXIF, 1…8, read from the header. */
cairo_surface_t     *_porting_image_decode_jpeg   (const guint8 *data,
                                                   gsize         size,
                                                   int           orientation,
                                                   const char   *display_name,
                                                   GError      **error);
cairo_surface_t     *_porting_image_decode_webp   (const guint8 *data,
                                                   gsize         size,
                                                   const char   *display_name,
                                                   GError      **error);
cairo_surface_t     *_porting_image_decode_heif   (const guint8 *data,
                                                   gsize         size,
                                                   const char   *display_name,
                                                   GError      **error);

G_END_DECLS
