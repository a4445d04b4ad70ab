/* porting-ocr.h — words read from an image by Tesseract, where they sit, how sure it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

G_BEGIN_DECLS

#define PORTING_OCR_ERROR (porting_ocr_error_quark ())

typedef enum
{
  PORTING_OCR_ERROR_NO_LANGUAGE_DATA,   /* eng or fra traineddata missing */
  PORTING_OCR_ERROR_FAILED,
} PortingOcrError;

typedef struct
{
  char   *text;         /* UTF-8, one word */
  /* In pixels of the surface given, origin top-left: where the word is
   * whatever was done to read it (scaled, turned, straightened). */
  double  x1, y1, x2, y2;
  /* The same box on the page stood upright and straightened (turned as
   * PortingOcrResult.rotation says), at the same scale: its lines run
   * level there, as a page model wants them. */
  double  upright_x1, upright_y1, upright_x2, upright_y2;
  double  confidence;   /* 0…1 */
  guint   block;        /* Tesseract's block, paragraph and line: reading order */
  guint   paragraph;
  guint   line;
} PortingOcrWord;

typedef struct
{
  GArray   *words;                 /* of PortingOcrWord, in reading order */
  /* What was done to read it. */
  int       rotation;              /* 0, 90, 180, 270: how far the page was to be turned
                                    * clockwise to stand upright (the boxes are always
                                    * in the image as given) */
  double    rotation_confidence;   /* OSD's; 0 when OSD was not asked */
  double    skew;                  /* degrees it was straightened by */
  double    scale;                 /* pixels read per pixel given */
  gboolean  background_normalized; /* uneven light evened out */
  gboolean  inverted;              /* light text on dark, turned dark on light */
  gboolean  cleaned;               /* a scan's specks or a form's rules painted out */
  gboolean  complete;              /* FALSE when stopped by the time limit */
  double    mean_confidence;       /* of the words, 0…1 */
  /* From the upright page to the image given, as cairo_matrix_t holds it
   * (xx, yx, xy, yy, x0, y0): where a box of the upright page is seen. */
  double    upright_to_image[6];
} PortingOcrResult;

/* Called on the thread running porting_ocr_read(), with 0…1. */
typedef void (*PortingOcrProgressFunc) (double   fraction,
                                        gpointer user_data);

GQuark            porting_ocr_error_quark     (void);

/* Where the language data is read from: $TESSDATA_PREFIX, else where this
 * build was told (Debian's /usr/share/tesseract-ocr/5/tessdata, the
 * Flatpak's /app/share/tessdata). */
const char       *porting_ocr_get_data_dir    (void);

/* Starts loading a Tesseract on a worker thread, for the next
 * porting_ocr_read() to find ready: call it when an image is about to be
 * read. */
void              porting_ocr_warm_up         (void);
/* Waits for porting_ocr_warm_up()'s loading to end: call it before main()
 * returns. */
void              porting_ocr_wait_for_loading (void);

/* Blocking: for a worker thread. English and French; @surface is ARGB32
 * or RGB24 (a decoded image, or a rendered PDF page): its pixels are
 * read, never drawn with, so other threads may paint from it meanwhile.
 * Thread-safe: each call has a Tesseract of its own (idle ones are kept
 * for the next calls).
 *
 * Cancelled through @cancellable (G_IO_ERROR_CANCELLED) while Tesseract
 * reads, not only between steps. */
PortingOcrResult *porting_ocr_read            (cairo_surface_t        *surface,
                                               PortingOcrProgressFunc  progress,
                                               gpointer                user_data,
                                               GCancellable           *cancellable,
                                               GError                **error);

void              porting_ocr_result_free     (PortingOcrResult       *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingOcrResult, porting_ocr_result_free)

G_END_DECLS
