/* porting-ocr-image.c — an image made ready for Tesseract, and the way back
 *
 * Grey at the chosen size; light text on dark turned over as a whole;
 * uneven light (a phone photo of paper under a lamp) evened out with
 * Leptonica's background normalisation; a tilted page straightened by the
 * skew Leptonica finds. Each step that moves pixels is kept as an affine
 * map, so that boxes read can be taken back to the image given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-ocr"

#include "config.h"

#include <math.h>

#include "porting-ocr-private.h"

/* Darker than this on average: light text on a dark page. */
#define MAX_MEAN_OF_DARK_PAGE 100
/* The brightest pixel of each tile is the paper there: tiles this far
 * apart are light that is not even. */
#define BACKGROUND_TILES 12
#define MAX_EVEN_LIGHT_RANGE 48
#define MIN_SKEW_DEGREES 0.3
#define MIN_SKEW_CONFIDENCE 3.0
/* A scan's speckles: specks no larger than this, more of them than of anything else. */
#define MAX_SPECK_SIDE 3
/* A rule under a form's field, not a letter: longer than this, one pixel high. */
#define MIN_RULE_LENGTH 121

void
_porting_ocr_word_clear (PortingOcrWord *word)
{
  g_clear_pointer (&word->text, g_free);
}

static inline guint8
grey_of (guint32 pixel)
{
  guint alpha = pixel >> 24;
  guint red = (pixel >> 16) & 0xff;
  guint green = (pixel >> 8) & 0xff;
  guint blue = pixel & 0xff;

  /* Premultiplied, over white. */
  red += 255 - alpha;
  green += 255 - alpha;
  blue += 255 - alpha;

  return (guint8) MIN (255u, (red * 299 + green * 587 + blue * 114 + 500) / 1000);
}

PIX *
_porting_ocr_grey_from_surface (cairo_surface_t *surface,
                                double           scale)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  gboolean has_alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32;
  const guint8 *data;
  int stride;
  PIX *pix;
  PIX *scaled;
  l_uint32 *pix_data;
  int wpl;

  /* Its pixels are read, never drawn with: cairo may keep snapshots on a
   * source, and other threads paint from this surface meanwhile. */
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  if (data == NULL)
    return NULL;

  pix = pixCreate (width, height, 8);
  if (pix == NULL)
    return NULL;

  pix_data = pixGetData (pix);
  wpl = pixGetWpl (pix);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);
      l_uint32 *line = pix_data + (gsize) y * wpl;

      for (int x = 0; x < width; x++)
        SET_DATA_BYTE (line, x, grey_of (has_alpha ? row[x] : (row[x] | 0xff000000u)));
    }
  pixSetResolution (pix, 300, 300);

  if (fabs (scale - 1.0) < 1e-6)
    return pix;

  /* Averaged down, interpolated up. */
  scaled = scale < 1 ? pixScaleAreaMap (pix, (float) scale, (float) scale)
                     : pixScaleGrayLI (pix, (float) scale, (float) scale);
  pixDestroy (&pix);

  return scaled;
}

static double
mean_grey (PIX *pix)
{
  float mean = 255;

  pixGetAverageMasked (pix, NULL, 0, 0, 4, L_MEAN_ABSVAL, &mean);
  return mean;
}

static gboolean
light_is_uneven (PIX *pix)
{
  int width = pixGetWidth (pix);
  int height = pixGetHeight (pix);
  int tile = MAX (8, MIN (width, height) / BACKGROUND_TILES);
  PIX *brightest = pixScaleGrayMinMax (pix, tile, tile, L_CHOOSE_MAX);
  l_uint32 lowest = 255, highest = 0;

  if (brightest == NULL)
    return FALSE;

  for (int y = 0; y < pixGetHeight (brightest); y++)
    for (int x = 0; x < pixGetWidth (brightest); x++)
      {
        l_uint32 value = 0;

        pixGetPixel (brightest, x, y, &value);
        lowest = MIN (lowest, value);
        highest = MAX (highest, value);
      }
  pixDestroy (&brightest);

  return highest - lowest > MAX_EVEN_LIGHT_RANGE;
}

/* @radians clockwise about the centre of a @width × @height image, as pixRotate() turns it. */
static void
affine_then_rotate (PortingOcrAffine *affine,
                    double            radians,
                    double            width,
                    double            height)
{
  cairo_matrix_t rotate;

  cairo_matrix_init_translate (&rotate, width / 2, height / 2);
  cairo_matrix_rotate (&rotate, radians);
  cairo_matrix_translate (&rotate, -width / 2, -height / 2);
  cairo_matrix_multiply (affine, affine, &rotate);
}

/* A scan or a photo of a form: specks of noise and the rules under its
 * fields are painted white, or Tesseract reads them as words ("ee", "—")
 * and runs a label into its value. Ink the size of print is left alone. */
static gboolean
clean_specks_and_rules (PIX *pix)
{
  PIX *binary = pixConvertTo1 (pix, 160);
  PIX *kept = NULL;
  PIX *rules = NULL;
  BOXA *components;
  int n_specks = 0, n_other = 0, n_rule_pixels = 0;
  gboolean cleaned = FALSE;

  if (binary == NULL)
    return FALSE;

  components = pixConnCompBB (binary, 8);
  for (int i = 0; components != NULL && i < boxaGetCount (components); i++)
    {
      l_int32 x, y, w, h;

      boxaGetBoxGeometry (components, i, &x, &y, &w, &h);
      if (w <= MAX_SPECK_SIDE && h <= MAX_SPECK_SIDE)
        n_specks++;
      else
        n_other++;
    }
  boxaDestroy (&components);

  if (n_specks > 2 * n_other && n_specks > 200)
    {
      /* What is left after keeping the components larger than a speck. */
      kept = pixSelectBySize (binary, MAX_SPECK_SIDE, MAX_SPECK_SIDE, 8,
                              L_SELECT_IF_EITHER, L_SELECT_IF_GT, NULL);
      if (kept != NULL)
        {
          PIX *specks = pixSubtract (NULL, binary, kept);

          pixSetMasked (pix, specks, 255);
          pixDestroy (&specks);
          pixDestroy (&binary);
          binary = g_steal_pointer (&kept);
          cleaned = TRUE;
        }
    }

  /* Across, and down (a table's or a box's sides). */
  rules = pixOpenBrick (NULL, binary, MIN_RULE_LENGTH, 1);
  if (rules != NULL)
    {
      PIX *down = pixOpenBrick (NULL, binary, 1, MIN_RULE_LENGTH);

      if (down != NULL)
        pixOr (rules, rules, down);
      pixDestroy (&down);
    }
  if (rules != NULL && pixCountPixels (rules, &n_rule_pixels, NULL) == 0 && n_rule_pixels > 0)
    {
      /* Their anti-aliased edges too. */
      PIX *wider = pixDilateBrick (NULL, rules, 3, 3);

      pixSetMasked (pix, wider, 255);
      pixDestroy (&wider);
      cleaned = TRUE;
    }

  pixDestroy (&rules);
  pixDestroy (&kept);
  pixDestroy (&binary);

  return cleaned;
}

PIX *
_porting_ocr_prepare (PIX              *grey,
                      gboolean         *inverted,
                      gboolean         *background_normalized,
                      double           *skew_degrees,
                      gboolean         *cleaned,
                      PortingOcrAffine *to_read)
{
  PIX *pix = pixClone (grey);
  PIX *binary;
  float angle = 0, confidence = 0;

  *inverted = FALSE;
  *background_normalized = FALSE;
  *skew_degrees = 0;
  *cleaned = FALSE;

  if (mean_grey (pix) < MAX_MEAN_OF_DARK_PAGE)
    {
      PIX *turned_over = pixInvert (NULL, pix);

      pixDestroy (&pix);
      pix = turned_over;
      *inverted = TRUE;
    }

  if (light_is_uneven (pix))
    {
      PIX *even = pixBackgroundNormSimple (pix, NULL, NULL);

      if (even != NULL)
        {
          pixDestroy (&pix);
          pix = even;
          *background_normalized = TRUE;
        }
    }

  binary = pixConvertTo1 (pix, *background_normalized ? 160 : 128);
  if (binary != NULL && pixFindSkew (binary, &angle, &confidence) == 0 &&
      confidence >= MIN_SKEW_CONFIDENCE && fabs (angle) >= MIN_SKEW_DEGREES)
    {
      double radians = angle * G_PI / 180.0;
      PIX *straight = pixRotate (pix, (float) radians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);

      if (straight != NULL)
        {
          affine_then_rotate (to_read, radians, pixGetWidth (pix), pixGetHeight (pix));
          pixDestroy (&pix);
          pix = straight;
          *skew_degrees = angle;
        }
    }
  pixDestroy (&binary);

  /* Painted into a copy: @pix may still be @grey itself. */
  {
    PIX *copy = pixCopy (NULL, pix);

    if (copy != NULL && clean_specks_and_rules (copy))
      {
        pixDestroy (&pix);
        pix = g_steal_pointer (&copy);
        *cleaned = TRUE;
      }
    pixDestroy (&copy);
  }

  g_debug ("Prepared %d × %d: %s%s, skew %.2f° (confidence %.1f)",
           pixGetWidth (pix), pixGetHeight (pix),
           *inverted ? "inverted, " : "",
           *background_normalized ? "light evened out" : "light even",
           angle, confidence);

  return pix;
}

void
_porting_ocr_affine_scale (PortingOcrAffine *affine,
                           double            scale)
{
  cairo_matrix_init_scale (affine, scale, scale);
}

void
_porting_ocr_affine_turn (PortingOcrAffine *affine,
                          int               quarter_turns,
                          int               width,
                          int               height)
{
  cairo_matrix_t turn;

  /* (x, y) of a width × height image, turned clockwise, in the turned image. */
  switch (((quarter_turns % 4) + 4) % 4)
    {
    case 1:
      cairo_matrix_init (&turn, 0, 1, -1, 0, height, 0);
      break;
    case 2:
      cairo_matrix_init (&turn, -1, 0, 0, -1, width, height);
      break;
    case 3:
      cairo_matrix_init (&turn, 0, -1, 1, 0, 0, width);
      break;
    case 0:
    default:
      return;
    }

  cairo_matrix_multiply (affine, affine, &turn);
}

void
_porting_ocr_affine_invert (const PortingOcrAffine *affine,
                            PortingOcrAffine       *inverse)
{
  *inverse = *affine;
  if (cairo_matrix_invert (inverse) != CAIRO_STATUS_SUCCESS)
    cairo_matrix_init_identity (inverse);
}

void
_porting_ocr_affine_map_box (const PortingOcrAffine *affine,
                             double                 *x1,
                             double                 *y1,
                             double                 *x2,
                             double                 *y2)
{
  double xs[4] = { *x1, *x2, *x1, *x2 };
  double ys[4] = { *y1, *y1, *y2, *y2 };

  for (int i = 0; i < 4; i++)
    cairo_matrix_transform_point (affine, &xs[i], &ys[i]);

  *x1 = MIN (MIN (xs[0], xs[1]), MIN (xs[2], xs[3]));
  *x2 = MAX (MAX (xs[0], xs[1]), MAX (xs[2], xs[3]));
  *y1 = MIN (MIN (ys[0], ys[1]), MIN (ys[2], ys[3]));
  *y2 = MAX (MAX (ys[0], ys[1]), MAX (ys[2], ys[3]));
}
