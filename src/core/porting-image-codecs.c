/* porting-image-codecs.c — the decoders behind porting-image.c, writing rows into a cairo surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-image"

#include "config.h"

#include <glib/gi18n.h>
#include <libheif/heif.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>
#include <webp/decode.h>

#include "porting-document.h"
#include "porting-image-private.h"

/* Above this, libjpeg refuses (progressive images keep every coefficient). */
#define MAX_JPEG_WORKING_MEMORY ((long) 256 * 1024 * 1024)
/* Text and profile chunks are skipped; what is left must stay small. */
#define MAX_PNG_CHUNK_BYTES ((png_alloc_size_t) 8 * 1024 * 1024)
/* libheif holds the decoded planes and an RGB copy at full size. */
#define MAX_HEIF_PIXELS ((gint64) 64 * 1000 * 1000)

/* ---- Writing rows into the surface -------------------------------------- */

/* Takes decoded rows in file order, averages @factor × @factor blocks when
 * the image is scaled down, and places each pixel where @orientation puts it. */
typedef struct
{
  guint32 *pixels;          /* the surface's */
  int      stride;          /* in pixels */
  int      width;           /* of the stored (unturned) image, after scaling */
  int      height;
  int      factor;
  int      orientation;     /* EXIF, 1…8 */
  guint32 *sums;            /* width × 4 channel sums while a block row fills */
  int      rows_in_block;
  int      next_row;        /* in scaled rows */
} RowSink;

static cairo_surface_t *
row_sink_init (RowSink *sink,
               int      source_width,
               int      source_height,
               int      factor,
               int      orientation)
{
  cairo_surface_t *surface;
  gboolean swap = _porting_image_orientation_swaps_sides (orientation);

  memset (sink, 0, sizeof *sink);
  sink->factor = factor;
  sink->orientation = orientation;
  sink->width = MAX (source_width / factor, 1);
  sink->height = MAX (source_height / factor, 1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        swap ? sink->height : sink->width,
                                        swap ? sink->width : sink->height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  cairo_surface_flush (surface);
  sink->pixels = (guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  sink->stride = cairo_image_surface_get_stride (surface) / 4;
  if (factor > 1)
    sink->sums = g_new0 (guint32, (gsize) sink->width * 4);

  return surface;
}

static void
row_sink_clear (RowSink *sink)
{
  g_clear_pointer (&sink->sums, g_free);
}

static inline guint32 *
row_sink_pixel (RowSink *sink,
                int      x,
                int      y)
{
  int w = sink->width, h = sink->height;
  int dx, dy;

  switch (sink->orientation)
    {
    case 2: dx = w - 1 - x; dy = y; break;
    case 3: dx = w - 1 - x; dy = h - 1 - y; break;
    case 4: dx = x; dy = h - 1 - y; break;
    case 5: dx = y; dy = x; break;
    case 6: dx = h - 1 - y; dy = x; break;
    case 7: dx = h - 1 - y; dy = w - 1 - x; break;
    case 8: dx = y; dy = w - 1 - x; break;
    case 1:
    default: dx = x; dy = y; break;
    }

  return sink->pixels + (gsize) dy * sink->stride + dx;
}

static inline guint32
pack_premultiplied (guint red,
                    guint green,
                    guint blue,
                    guint alpha)
{
  if (alpha != 0xff)
    {
      red = (red * alpha + 127) / 255;
      green = (green * alpha + 127) / 255;
      blue = (blue * alpha + 127) / 255;
    }

  return (alpha << 24) | (red << 16) | (green << 8) | blue;
}

/* @row: RGBA, straight alpha, the source width wide. */
static void
row_sink_push_rgba (RowSink      *sink,
                    const guint8 *row)
{
  if (sink->next_row >= sink->height)
    return;   /* the rows a scaled-down image leaves over */

  if (sink->factor == 1)
    {
      for (int x = 0; x < sink->width; x++, row += 4)
        *row_sink_pixel (sink, x, sink->next_row) = pack_premultiplied (row[0], row[1], row[2], row[3]);
      sink->next_row++;
      return;
    }

  for (int x = 0; x < sink->width; x++)
    {
      guint32 *sum = sink->sums + (gsize) x * 4;
      const guint8 *p = row + (gsize) x * sink->factor * 4;

      for (int i = 0; i < sink->factor; i++, p += 4)
        {
          /* Premultiplied sums, so transparent pixels do not bleed colour. */
          sum[0] += p[0] * p[3] / 255;
          sum[1] += p[1] * p[3] / 255;
          sum[2] += p[2] * p[3] / 255;
          sum[3] += p[3];
        }
    }

  if (++sink->rows_in_block < sink->factor)
    return;

  {
    guint n = (guint) sink->factor * sink->factor;

    for (int x = 0; x < sink->width; x++)
      {
        guint32 *sum = sink->sums + (gsize) x * 4;

        *row_sink_pixel (sink, x, sink->next_row) =
          ((sum[3] / n) << 24) | ((sum[0] / n) << 16) | ((sum[1] / n) << 8) | (sum[2] / n);
      }
  }

  memset (sink->sums, 0, (gsize) sink->width * 4 * sizeof (guint32));
  sink->rows_in_block = 0;
  sink->next_row++;
}

static gboolean
row_sink_is_complete (RowSink *sink)
{
  return sink->next_row >= sink->height;
}

static int
reduction_factor (int    width,
                  int    height,
                  gint64 max_pixels)
{
  int factor = 1;

  while ((gint64) (width / factor) * (height / factor) > max_pixels)
    factor++;

  return factor;
}

/* ---- PNG (libpng) --------------------------------------------------------- */

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         pos;
  jmp_buf       jump;
  char          message[128];
} PngReader;

static void
on_png_error (png_structp      png,
              png_const_charp  message)
{
  PngReader *reader = png_get_error_ptr (png);

  g_strlcpy (reader->message, message, sizeof reader->message);
  longjmp (reader->jump, 1);
}

static void
on_png_warning (png_structp      png,
                png_const_charp  message)
{
  g_debug ("libpng: %s", message);
}

static void
on_png_read (png_structp  png,
             png_bytep    out,
             png_size_t   length)
{
  PngReader *reader = png_get_io_ptr (png);

  /* The file ends before the image does: damaged, never a partial image. */
  if (length > reader->size - reader->pos)
    png_error (png, "truncated");

  memcpy (out, reader->data + reader->pos, length);
  reader->pos += length;
}

/* Kept out of decode_png() so that nothing there lives across longjmp(). */
typedef struct
{
  RowSink          sink;
  cairo_surface_t *surface;
  guint8          *row;
  guint8          *image;   /* interlaced images only */
} PngDecode;

static void
png_decode_clear (PngDecode *decode)
{
  row_sink_clear (&decode->sink);
  g_clear_pointer (&decode->row, g_free);
  g_clear_pointer (&decode->image, g_free);
  g_clear_pointer (&decode->surface, cairo_surface_destroy);
}

static gboolean
run_png_decode (png_structp  png,
                png_infop    info,
                PngReader   *reader,
                PngDecode   *decode,
                const char  *display_name,
                GError     **error)
{
  png_uint_32 width, height;
  int bit_depth, color_type, interlace;
  int passes;
  int factor;

  if (setjmp (reader->jump))
    {
      g_debug ("libpng cannot decode %s: %s", display_name, reader->message);
      _porting_image_set_damaged (error, display_name);
      return FALSE;
    }

  png_set_read_fn (png, reader, on_png_read);
  png_set_user_limits (png, PORTING_IMAGE_MAX_SIDE, PORTING_IMAGE_MAX_SIDE);
  png_set_chunk_malloc_max (png, MAX_PNG_CHUNK_BYTES);
  /* Text, profiles and anything unknown: not needed, and the home of zip bombs. */
  png_set_keep_unknown_chunks (png, PNG_HANDLE_CHUNK_NEVER, NULL, 0);
  png_set_keep_unknown_chunks (png, PNG_HANDLE_CHUNK_NEVER,
                               (png_const_bytep) "zTXt\0iTXt\0tEXt\0iCCP\0sPLT\0eXIf", 6);

  png_read_info (png, info);
  png_get_IHDR (png, info, &width, &height, &bit_depth, &color_type, &interlace, NULL, NULL);

  if (!_porting_image_check_size ((int) width, (int) height, PORTING_IMAGE_MAX_PIXELS, display_name, error))
    return FALSE;

  png_set_expand (png);
  png_set_strip_16 (png);
  png_set_gray_to_rgb (png);
  png_set_add_alpha (png, 0xff, PNG_FILLER_AFTER);
  passes = png_set_interlace_handling (png);
  png_read_update_info (png, info);

  if (png_get_rowbytes (png, info) != (gsize) width * 4)
    {
      _porting_image_set_damaged (error, display_name);
      return FALSE;
    }

  factor = reduction_factor ((int) width, (int) height, PORTING_IMAGE_MAX_DECODED_PIXELS);
  if (passes > 1 && factor > 1)
    {
      /* Adam7 needs the whole image at once: not at this size. */
      _porting_image_set_too_large (error, display_name, (int) width, (int) height, PORTING_IMAGE_MAX_DECODED_PIXELS);
      return FALSE;
    }

  decode->surface = row_sink_init (&decode->sink, (int) width, (int) height, factor, 1);
  if (cairo_surface_status (decode->surface) != CAIRO_STATUS_SUCCESS)
    {
      _porting_image_set_too_large (error, display_name, (int) width, (int) height, PORTING_IMAGE_MAX_PIXELS);
      return FALSE;
    }

  if (passes > 1)
    {
      decode->image = g_malloc0 ((gsize) width * 4 * height);
      for (int pass = 0; pass < passes; pass++)
        for (png_uint_32 y = 0; y < height; y++)
          png_read_row (png, decode->image + (gsize) y * width * 4, NULL);
      for (png_uint_32 y = 0; y < height; y++)
        row_sink_push_rgba (&decode->sink, decode->image + (gsize) y * width * 4);
    }
  else
    {
      decode->row = g_malloc ((gsize) width * 4);
      for (png_uint_32 y = 0; y < height; y++)
        {
          png_read_row (png, decode->row, NULL);
          row_sink_push_rgba (&decode->sink, decode->row);
        }
    }

  return row_sink_is_complete (&decode->sink);
}

cairo_surface_t *
_porting_image_decode_png (const guint8 *data,
            gsize         size,
            const char   *display_name,
            GError      **error)
{
  PngReader reader = { data, size, 0 };
  PngDecode decode = { 0 };
  cairo_surface_t *surface = NULL;
  png_structp png;
  png_infop info;
  gboolean ok;

  png = png_create_read_struct (PNG_LIBPNG_VER_STRING, &reader, on_png_error, on_png_warning);
  if (png == NULL)
    {
      _porting_image_set_damaged (error, display_name);
      return NULL;
    }
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_read_struct (&png, NULL, NULL);
      _porting_image_set_damaged (error, display_name);
      return NULL;
    }

  ok = run_png_decode (png, info, &reader, &decode, display_name, error);
  png_destroy_read_struct (&png, &info, NULL);

  if (ok)
    {
      surface = g_steal_pointer (&decode.surface);
      cairo_surface_mark_dirty (surface);
    }
  else if (error != NULL && *error == NULL)
    _porting_image_set_damaged (error, display_name);

  png_decode_clear (&decode);
  return surface;
}

/* ---- JPEG (libjpeg-turbo) --------------------------------------------------- */

typedef struct
{
  struct jpeg_error_mgr manager;
  jmp_buf               jump;
  gboolean              truncated;
  gboolean              out_of_memory;
} JpegErrors;

static void
on_jpeg_error (j_common_ptr cinfo)
{
  JpegErrors *errors = (JpegErrors *) cinfo->err;
  char message[JMSG_LENGTH_MAX];

  if (cinfo->err->msg_code == JERR_OUT_OF_MEMORY)
    errors->out_of_memory = TRUE;

  cinfo->err->format_message (cinfo, message);
  g_debug ("libjpeg: %s", message);
  longjmp (errors->jump, 1);
}

static void
on_jpeg_message (j_common_ptr cinfo,
                 int          level)
{
  JpegErrors *errors = (JpegErrors *) cinfo->err;

  /* The data ran out: libjpeg would fill the rest with grey. */
  if (level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF)
    errors->truncated = TRUE;
}

typedef struct
{
  RowSink          sink;
  cairo_surface_t *surface;
  guint8          *row;
} JpegDecode;

static gboolean
run_jpeg_decode (struct jpeg_decompress_struct *cinfo,
                 JpegErrors                    *errors,
                 JpegDecode                    *decode,
                 const guint8                  *data,
                 gsize                          size,
                 int                            orientation,
                 const char                    *display_name,
                 GError                       **error)
{
  gboolean cmyk;
  int width, height;

  if (setjmp (errors->jump))
    {
      if (errors->out_of_memory)
        _porting_image_set_too_large (error, display_name, (int) cinfo->image_width, (int) cinfo->image_height, PORTING_IMAGE_MAX_PIXELS);
      else
        _porting_image_set_damaged (error, display_name);
      return FALSE;
    }

  jpeg_create_decompress (cinfo);
  cinfo->mem->max_memory_to_use = MAX_JPEG_WORKING_MEMORY;
  jpeg_mem_src (cinfo, data, size);

  if (jpeg_read_header (cinfo, TRUE) != JPEG_HEADER_OK)
    {
      _porting_image_set_damaged (error, display_name);
      return FALSE;
    }

  if (!_porting_image_check_size ((int) cinfo->image_width, (int) cinfo->image_height,
                   PORTING_IMAGE_MAX_PIXELS, display_name, error))
    return FALSE;

  /* libjpeg scales by 1/2, 1/4 or 1/8 while decoding: far cheaper than after. */
  cinfo->scale_num = 1;
  cinfo->scale_denom = 1;
  while ((gint64) (cinfo->image_width / cinfo->scale_denom) * (cinfo->image_height / cinfo->scale_denom) >
         PORTING_IMAGE_MAX_DECODED_PIXELS)
    cinfo->scale_denom *= 2;

  cmyk = cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK;
  cinfo->out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGBA;

  jpeg_start_decompress (cinfo);
  width = (int) cinfo->output_width;
  height = (int) cinfo->output_height;

  decode->surface = row_sink_init (&decode->sink, width, height, 1, orientation);
  if (cairo_surface_status (decode->surface) != CAIRO_STATUS_SUCCESS)
    {
      _porting_image_set_too_large (error, display_name, width, height, PORTING_IMAGE_MAX_PIXELS);
      return FALSE;
    }

  decode->row = g_malloc ((gsize) width * 4);
  while (cinfo->output_scanline < cinfo->output_height && !errors->truncated)
    {
      JSAMPROW rows[1] = { decode->row };

      jpeg_read_scanlines (cinfo, rows, 1);

      /* Adobe writes CMYK inverted, as nearly every CMYK JPEG is. */
      if (cmyk)
        for (int x = 0; x < width; x++)
          {
            guint8 *p = decode->row + (gsize) x * 4;
            guint k = p[3];

            p[0] = (guint8) (p[0] * k / 255);
            p[1] = (guint8) (p[1] * k / 255);
            p[2] = (guint8) (p[2] * k / 255);
            p[3] = 0xff;
          }

      row_sink_push_rgba (&decode->sink, decode->row);
    }

  if (errors->truncated)
    {
      _porting_image_set_damaged (error, display_name);
      return FALSE;
    }

  jpeg_finish_decompress (cinfo);

  return !errors->truncated && row_sink_is_complete (&decode->sink);
}

cairo_surface_t *
_porting_image_decode_jpeg (const guint8 *data,
             gsize         size,
             int           orientation,
             const char   *display_name,
             GError      **error)
{
  struct jpeg_decompress_struct cinfo;
  JpegErrors errors = { 0 };
  JpegDecode decode = { 0 };
  gboolean ok;

  memset (&cinfo, 0, sizeof cinfo);
  cinfo.err = jpeg_std_error (&errors.manager);
  errors.manager.error_exit = on_jpeg_error;
  errors.manager.emit_message = on_jpeg_message;

  ok = run_jpeg_decode (&cinfo, &errors, &decode, data, size, orientation, display_name, error);
  jpeg_destroy_decompress (&cinfo);
  row_sink_clear (&decode.sink);
  g_clear_pointer (&decode.row, g_free);

  if (ok)
    {
      cairo_surface_mark_dirty (decode.surface);
      return decode.surface;
    }

  if (error != NULL && *error == NULL)
    _porting_image_set_damaged (error, display_name);
  g_clear_pointer (&decode.surface, cairo_surface_destroy);
  return NULL;
}

/* ---- WebP (libwebp) --------------------------------------------------------- */

cairo_surface_t *
_porting_image_decode_webp (const guint8 *data,
             gsize         size,
             const char   *display_name,
             GError      **error)
{
  WebPDecoderConfig config;
  cairo_surface_t *surface;
  int factor;
  int width, height;

  if (!WebPInitDecoderConfig (&config) ||
      WebPGetFeatures (data, size, &config.input) != VP8_STATUS_OK)
    {
      _porting_image_set_damaged (error, display_name);
      return NULL;
    }

  if (!_porting_image_check_size (config.input.width, config.input.height, PORTING_IMAGE_MAX_PIXELS, display_name, error))
    return NULL;

  if (config.input.has_animation)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED,
                   _("“%s” is an animation, not a photo or a screenshot"), display_name);
      return NULL;
    }

  factor = reduction_factor (config.input.width, config.input.height, PORTING_IMAGE_MAX_DECODED_PIXELS);
  width = MAX (config.input.width / factor, 1);
  height = MAX (config.input.height / factor, 1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      _porting_image_set_too_large (error, display_name, config.input.width, config.input.height, PORTING_IMAGE_MAX_PIXELS);
      return NULL;
    }
  cairo_surface_flush (surface);

  /* Premultiplied, in cairo's byte order: libwebp writes the surface itself. */
  config.output.colorspace = G_BYTE_ORDER == G_LITTLE_ENDIAN ? MODE_bgrA : MODE_Argb;
  config.output.is_external_memory = 1;
  config.output.u.RGBA.rgba = cairo_image_surface_get_data (surface);
  config.output.u.RGBA.stride = cairo_image_surface_get_stride (surface);
  config.output.u.RGBA.size = (gsize) cairo_image_surface_get_stride (surface) * height;
  if (factor > 1)
    {
      config.options.use_scaling = 1;
      config.options.scaled_width = width;
      config.options.scaled_height = height;
    }

  if (WebPDecode (data, size, &config) != VP8_STATUS_OK)
    {
      WebPFreeDecBuffer (&config.output);
      cairo_surface_destroy (surface);
      _porting_image_set_damaged (error, display_name);
      return NULL;
    }

  WebPFreeDecBuffer (&config.output);
  cairo_surface_mark_dirty (surface);

  return surface;
}

/* ---- HEIC (libheif) ----------------------------------------------------------- */

cairo_surface_t *
_porting_image_decode_heif (const guint8 *data,
             gsize         size,
             const char   *display_name,
             GError      **error)
{
  struct heif_context *context = NULL;
  struct heif_image_handle *handle = NULL;
  struct heif_image *image = NULL;
  struct heif_error heif_error;
  cairo_surface_t *surface = NULL;
  RowSink sink;
  const guint8 *plane;
  int plane_stride = 0;
  int width, height;

  context = _porting_image_open_heif (data, size);
  if (context == NULL)
    {
      _porting_image_set_damaged (error, display_name);
      goto out;
    }

  heif_error = heif_context_get_primary_image_handle (context, &handle);
  if (heif_error.code != heif_error_Ok)
    {
      _porting_image_set_damaged (error, display_name);
      goto out;
    }

  width = heif_image_handle_get_width (handle);
  height = heif_image_handle_get_height (handle);
  if (!_porting_image_check_size (width, height, PORTING_IMAGE_MAX_PIXELS, display_name, error))
    goto out;
  /* libheif has no scaled decoding: the planes and an RGBA copy at full size. */
  if ((gint64) width * height > MAX_HEIF_PIXELS)
    {
      _porting_image_set_too_large (error, display_name, width, height, MAX_HEIF_PIXELS);
      goto out;
    }

  /* Rotation and mirroring (irot, imir) are applied by libheif. */
  heif_error = heif_decode_image (handle, &image, heif_colorspace_RGB, heif_chroma_interleaved_RGBA, NULL);
  if (heif_error.code != heif_error_Ok)
    {
      g_debug ("libheif cannot decode %s: %s", display_name, heif_error.message);
      _porting_image_set_damaged (error, display_name);
      goto out;
    }

  width = heif_image_get_width (image, heif_channel_interleaved);
  height = heif_image_get_height (image, heif_channel_interleaved);
  plane = heif_image_get_plane_readonly (image, heif_channel_interleaved, &plane_stride);
  if (plane == NULL || width <= 0 || height <= 0 || plane_stride < width * 4)
    {
      _porting_image_set_damaged (error, display_name);
      goto out;
    }

  surface = row_sink_init (&sink, width, height,
                           reduction_factor (width, height, PORTING_IMAGE_MAX_DECODED_PIXELS), 1);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      _porting_image_set_too_large (error, display_name, width, height, PORTING_IMAGE_MAX_PIXELS);
      goto out;
    }

  for (int y = 0; y < height; y++)
    row_sink_push_rgba (&sink, plane + (gsize) y * plane_stride);
  row_sink_clear (&sink);
  cairo_surface_mark_dirty (surface);

out:
  g_clear_pointer (&image, heif_image_release);
  g_clear_pointer (&handle, heif_image_handle_release);
  g_clear_pointer (&context, heif_context_free);

  return surface;
}
