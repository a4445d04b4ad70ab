/* porting-image.h — PNG, JPEG, WebP and HEIC images, told from their content
 * and bounded from their header before anything is decoded (private to libporting)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

G_BEGIN_DECLS

/* A screenshot or a photo bigger than this is a decompression bomb, not a bill. */
#define PORTING_IMAGE_MAX_PIXELS ((gint64) 100 * 1000 * 1000)
/* cairo's own limit for an image surface. */
#define PORTING_IMAGE_MAX_SIDE 32767
/* Accepted images over this are scaled down while they are decoded, so that
 * one image never costs more than 160 MB of pixels (ARGB32). */
#define PORTING_IMAGE_MAX_DECODED_PIXELS ((gint64) 40 * 1000 * 1000)

typedef enum
{
  PORTING_IMAGE_FORMAT_UNKNOWN,
  PORTING_IMAGE_FORMAT_PNG,
  PORTING_IMAGE_FORMAT_JPEG,
  PORTING_IMAGE_FORMAT_WEBP,
  PORTING_IMAGE_FORMAT_HEIC,
} PortingImageFormat;

/* From the first bytes, whatever the file is called. */
PortingImageFormat  porting_image_sniff      (const guint8  *data,
                                              gsize          size);
const char         *porting_image_format_name (PortingImageFormat format);

/* Width and height as the header declares them, turned as the image is
 * meant to be shown (EXIF orientation, HEIF rotation). Reads no pixel data
 * and allocates none. %FALSE with a %PORTING_DOCUMENT_ERROR_DAMAGED error
 * when the header cannot be read. */
gboolean            porting_image_read_size  (const guint8  *data,
                                              gsize          size,
                                              PortingImageFormat format,
                                              int           *width,
                                              int           *height,
                                              const char    *display_name,
                                              GError       **error);

/* Premultiplied native-endian ARGB32, turned as meant to be shown. Refuses
 * (%PORTING_DOCUMENT_ERROR_TOO_LARGE) from the header an image over
 * %PORTING_IMAGE_MAX_PIXELS or with a side over %PORTING_IMAGE_MAX_SIDE,
 * before any pixel buffer exists; a truncated or corrupt image is
 * %PORTING_DOCUMENT_ERROR_DAMAGED, never a partial picture. */
cairo_surface_t    *porting_image_decode     (GBytes        *bytes,
                                              const char    *display_name,
                                              GCancellable  *cancellable,
                                              GError       **error);

G_END_DECLS
