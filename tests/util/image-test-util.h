/* image-test-util.h — images made at test time: every format, turned, damaged or hostile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* White, with a black block in the top-left quarter: shows how it was turned. */
cairo_surface_t *test_image_new_marked       (int              width,
                                              int              height);
/* ARGB32 pixel (x, y), native endian. */
guint32          test_image_pixel            (cairo_surface_t *surface,
                                              int              x,
                                              int              y);

GBytes          *test_image_encode_png       (cairo_surface_t *surface);
/* @exif_orientation: 1…8 written in an EXIF APP1 segment, 0 for none. */
GBytes          *test_image_encode_jpeg      (cairo_surface_t *surface,
                                              int              quality,
                                              int              exif_orientation);
/* @quality < 0: lossless. */
GBytes          *test_image_encode_webp      (cairo_surface_t *surface,
                                              int              quality);
/* %NULL when this libheif has no HEVC encoder. */
GBytes          *test_image_encode_heic      (cairo_surface_t *surface,
                                              int              quality);

/* A valid PNG header declaring @width × @height (RGB), then @idat_bytes
 * of real compressed rows: small on disk, huge once decoded. */
GBytes          *test_image_png_bomb         (guint32          width,
                                              guint32          height,
                                              gsize            idat_bytes);
/* The first @keep bytes. */
GBytes          *test_bytes_truncated        (GBytes          *bytes,
                                              gsize            keep);

void             test_write_bytes            (const char      *path,
                                              GBytes          *bytes);

G_END_DECLS
