/* porting-image.c — PNG, JPEG, WebP and HEIC images, bounded before decoding
 *
 * Every format is sized from its own header first (PNG IHDR, JPEG SOFn,
 * WebP VP8/VP8L/VP8X, HEIF's primary image item), and refused there when
 * too large: no decoder sees a bomb. Decoders write straight into the cairo
 * surface, a row at a time, so an accepted image costs its surface and
 * little more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-image"

#include "config.h"

#include <glib/gi18n.h>
#include <libheif/heif.h>
#include <string.h>
#include <webp/decode.h>

#include "porting-document.h"
#include "porting-image-private.h"

/* ---- Telling formats apart ------------------------------------------- */

static gboolean
is_heif_brand (const guint8 *brand)
{
  static const char *const brands[] = {
    "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif",
  };

  for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
    if (memcmp (brand, brands[i], 4) == 0)
      return TRUE;

  return FALSE;
}

PortingImageFormat
porting_image_sniff (const guint8 *data,
                     gsize         size)
{
  static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg_signature[] = { 0xff, 0xd8, 0xff };

  if (size >= sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0)
    return PORTING_IMAGE_FORMAT_PNG;

  if (size >= sizeof jpeg_signature && memcmp (data, jpeg_signature, sizeof jpeg_signature) == 0)
    return PORTING_IMAGE_FORMAT_JPEG;

  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return PORTING_IMAGE_FORMAT_WEBP;

  /* ISO base media: a "ftyp" box first, whose major brand says HEIF. */
  if (size >= 12 && memcmp (data + 4, "ftyp", 4) == 0 && is_heif_brand (data + 8))
    return PORTING_IMAGE_FORMAT_HEIC;

  return PORTING_IMAGE_FORMAT_UNKNOWN;
}

const char *
porting_image_format_name (PortingImageFormat format)
{
  switch (format)
    {
    case PORTING_IMAGE_FORMAT_PNG:
      return "PNG";
    case PORTING_IMAGE_FORMAT_JPEG:
      return "JPEG";
    case PORTING_IMAGE_FORMAT_WEBP:
      return "WebP";
    case PORTING_IMAGE_FORMAT_HEIC:
      return "HEIC";
    case PORTING_IMAGE_FORMAT_UNKNOWN:
    default:
      return NULL;
    }
}

/* ---- Errors ------------------------------------------------------------- */

void
_porting_image_set_damaged (GError     **error,
             const char  *display_name)
{
  g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_DAMAGED,
               _("“%s” is damaged and cannot be read"), display_name);
}

void
_porting_image_set_too_large (GError     **error,
                              const char  *display_name,
                              int          width,
                              int          height,
                              gint64       max_pixels)
{
  if (width > PORTING_IMAGE_MAX_SIDE || height > PORTING_IMAGE_MAX_SIDE)
    g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                 /* Translators: %s is a file name, then its width and height in pixels */
                 _("“%s” is too large an image (%d × %d pixels; at most %d on a side)"),
                 display_name, width, height, PORTING_IMAGE_MAX_SIDE);
  else
    g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                 /* Translators: %s is a file name, then its width and height in pixels, then a number of megapixels */
                 _("“%s” is too large an image (%d × %d pixels; at most %d megapixels)"),
                 display_name, width, height, (int) (max_pixels / 1000000));
}

gboolean
_porting_image_check_size (int          width,
            int          height,
            gint64       max_pixels,
            const char  *display_name,
            GError     **error)
{
  if (width <= 0 || height <= 0)
    {
      _porting_image_set_damaged (error, display_name);
      return FALSE;
    }

  if (width > PORTING_IMAGE_MAX_SIDE || height > PORTING_IMAGE_MAX_SIDE ||
      (gint64) width * height > max_pixels)
    {
      _porting_image_set_too_large (error, display_name, width, height, max_pixels);
      return FALSE;
    }

  return TRUE;
}

/* ---- Headers ------------------------------------------------------------ */

static inline guint
read_be16 (const guint8 *p)
{
  return ((guint) p[0] << 8) | p[1];
}

static inline guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
read_png_size (const guint8 *data,
               gsize         size,
               int          *width,
               int          *height)
{
  guint32 w, h;

  /* Signature, then IHDR first: length 13, "IHDR", width, height. */
  if (size < 8 + 8 + 13 || read_be32 (data + 8) != 13 || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;

  w = read_be32 (data + 16);
  h = read_be32 (data + 20);
  if (w > G_MAXINT || h > G_MAXINT)
    return FALSE;

  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

/* The EXIF orientation (1…8) in an APP1 segment's payload, 1 when none. */
static int
exif_orientation (const guint8 *data,
                  gsize         size)
{
  const guint8 *tiff;
  gsize tiff_size;
  gboolean little;
  guint32 ifd;
  guint n_entries;

#define TIFF16(p) (little ? (guint) ((p)[0] | ((p)[1] << 8)) : read_be16 (p))
#define TIFF32(p) (little ? (guint32) ((p)[0] | ((p)[1] << 8) | ((p)[2] << 16) | ((guint32) (p)[3] << 24)) : read_be32 (p))

  if (size < 6 + 8 || memcmp (data, "Exif\0\0", 6) != 0)
    return 1;

  tiff = data + 6;
  tiff_size = size - 6;
  if (memcmp (tiff, "II*\0", 4) == 0)
    little = TRUE;
  else if (memcmp (tiff, "MM\0*", 4) == 0)
    little = FALSE;
  else
    return 1;

  ifd = TIFF32 (tiff + 4);
  if (ifd > tiff_size - 2 || ifd < 8)
    return 1;

  n_entries = TIFF16 (tiff + ifd);
  for (guint i = 0; i < n_entries; i++)
    {
      gsize entry = (gsize) ifd + 2 + (gsize) i * 12;
      guint value;

      if (entry + 12 > tiff_size)
        break;

      if (TIFF16 (tiff + entry) != 0x0112)
        continue;

      /* SHORT, count 1: the value sits in the first two bytes of the field. */
      if (TIFF16 (tiff + entry + 2) != 3)
        return 1;
      value = TIFF16 (tiff + entry + 8);
      return value >= 1 && value <= 8 ? (int) value : 1;
    }

#undef TIFF16
#undef TIFF32

  return 1;
}

/* Walks the segments up to the first frame header. */
static gboolean
read_jpeg_size (const guint8 *data,
                gsize         size,
                int          *width,
                int          *height,
                int          *orientation)
{
  gsize pos = 2;

  *orientation = 1;

  while (pos + 4 <= size)
    {
      guint marker;
      guint length;

      if (data[pos] != 0xff)
        return FALSE;

      marker = data[pos + 1];
      if (marker == 0xff)
        {
          pos++;   /* fill byte */
          continue;
        }

      /* Stand-alone markers carry no length. */
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          pos += 2;
          continue;
        }

      if (marker == 0xd9 || marker == 0xda)
        return FALSE;   /* end of image, or a scan, before any frame header */

      length = read_be16 (data + pos + 2);
      if (length < 2 || pos + 2 + length > size)
        return FALSE;

      if (marker == 0xe1 && *orientation == 1)
        *orientation = exif_orientation (data + pos + 4, length - 2);

      /* SOF0…SOF15 but DHT (C4), JPG (C8) and DAC (CC). */
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (length < 2 + 6)
            return FALSE;
          *height = (int) read_be16 (data + pos + 5);
          *width = (int) read_be16 (data + pos + 7);
          return TRUE;
        }

      pos += 2 + length;
    }

  return FALSE;
}

struct heif_context *
_porting_image_open_heif (const guint8 *data,
           gsize         size)
{
  struct heif_context *context = heif_context_alloc ();
  struct heif_error heif_error;

  if (context == NULL)
    return NULL;

  /* libheif's own guard against huge grids, on top of ours. */
  heif_context_set_maximum_image_size_limit (context, PORTING_IMAGE_MAX_SIDE);

  heif_error = heif_context_read_from_memory_without_copy (context, data, size, NULL);
  if (heif_error.code != heif_error_Ok)
    {
      g_debug ("libheif cannot read the file: %s", heif_error.message);
      heif_context_free (context);
      return NULL;
    }

  return context;
}

/* The primary image's size: the handle reads boxes only, it decodes nothing. */
static gboolean
read_heif_size (struct heif_context *context,
                int                 *width,
                int                 *height)
{
  struct heif_image_handle *handle = NULL;
  struct heif_error heif_error;

  heif_error = heif_context_get_primary_image_handle (context, &handle);
  if (heif_error.code != heif_error_Ok || handle == NULL)
    return FALSE;

  *width = heif_image_handle_get_width (handle);
  *height = heif_image_handle_get_height (handle);
  heif_image_handle_release (handle);

  return TRUE;
}

static gboolean
read_header_size (const guint8        *data,
                  gsize                size,
                  PortingImageFormat   format,
                  int                 *width,
                  int                 *height,
                  int                 *orientation)
{
  *orientation = 1;

  switch (format)
    {
    case PORTING_IMAGE_FORMAT_PNG:
      return read_png_size (data, size, width, height);

    case PORTING_IMAGE_FORMAT_JPEG:
      return read_jpeg_size (data, size, width, height, orientation);

    case PORTING_IMAGE_FORMAT_WEBP:
      /* Parses the VP8 / VP8L / VP8X headers, decodes nothing. */
      return WebPGetInfo (data, size, width, height) != 0;

    case PORTING_IMAGE_FORMAT_HEIC:
      {
        struct heif_context *context = _porting_image_open_heif (data, size);
        gboolean ok;

        if (context == NULL)
          return FALSE;
        ok = read_heif_size (context, width, height);
        heif_context_free (context);
        return ok;
      }

    case PORTING_IMAGE_FORMAT_UNKNOWN:
    default:
      return FALSE;
    }
}

gboolean
porting_image_read_size (const guint8        *data,
                         gsize                size,
                         PortingImageFormat   format,
                         int                 *width,
                         int                 *height,
                         const char          *display_name,
                         GError             **error)
{
  int w = 0, h = 0, orientation = 1;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  if (!read_header_size (data, size, format, &w, &h, &orientation))
    {
      _porting_image_set_damaged (error, display_name);
      return FALSE;
    }

  if (width != NULL)
    *width = _porting_image_orientation_swaps_sides (orientation) ? h : w;
  if (height != NULL)
    *height = _porting_image_orientation_swaps_sides (orientation) ? w : h;

  return TRUE;
}

/* ---- Entry point ------------------------------------------------------------------ */

cairo_surface_t *
porting_image_decode (GBytes        *bytes,
                      const char    *display_name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  PortingImageFormat format;
  const guint8 *data;
  gsize size;
  int width = 0, height = 0, orientation = 1;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  format = porting_image_sniff (data, size);
  if (format == PORTING_IMAGE_FORMAT_UNKNOWN)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a PDF or an image (PNG, JPEG, WebP, HEIC)"), display_name);
      return NULL;
    }

  /* The header alone says how large the image is: a bomb stops here. */
  if (!read_header_size (data, size, format, &width, &height, &orientation))
    {
      _porting_image_set_damaged (error, display_name);
      return NULL;
    }
  if (!_porting_image_check_size (width, height, PORTING_IMAGE_MAX_PIXELS, display_name, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  switch (format)
    {
    case PORTING_IMAGE_FORMAT_PNG:
      return _porting_image_decode_png (data, size, display_name, error);
    case PORTING_IMAGE_FORMAT_JPEG:
      return _porting_image_decode_jpeg (data, size, orientation, display_name, error);
    case PORTING_IMAGE_FORMAT_WEBP:
      return _porting_image_decode_webp (data, size, display_name, error);
    case PORTING_IMAGE_FORMAT_HEIC:
      return _porting_image_decode_heif (data, size, display_name, error);
    case PORTING_IMAGE_FORMAT_UNKNOWN:
    default:
      g_return_val_if_reached (NULL);
    }
}
