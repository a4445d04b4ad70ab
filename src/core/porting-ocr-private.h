/* porting-ocr-private.h — what porting-ocr.c and its image preparation share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <leptonica/allheaders.h>

#include "porting-ocr.h"

G_BEGIN_DECLS

/* From the pixels given to the pixels Tesseract reads. */
typedef cairo_matrix_t PortingOcrAffine;

void  _porting_ocr_word_clear          (PortingOcrWord         *word);

/* 8-bit grey, white behind any transparency, scaled by @scale; NULL when
 * it cannot be allocated. */
PIX  *_porting_ocr_grey_from_surface   (cairo_surface_t        *surface,
                                        double                  scale);
/* Dark-on-light, light evened out, straightened, specks and form rules
 * painted out: a new image, and what it did (the turn added to @to_read). */
PIX  *_porting_ocr_prepare             (PIX                    *grey,
                                        gboolean               *inverted,
                                        gboolean               *background_normalized,
                                        double                 *skew_degrees,
                                        gboolean               *cleaned,
                                        PortingOcrAffine       *to_read);

void  _porting_ocr_affine_scale        (PortingOcrAffine       *affine,
                                        double                  scale);
/* Then @quarter_turns clockwise (pixRotateOrth) of a @width × @height image. */
void  _porting_ocr_affine_turn         (PortingOcrAffine       *affine,
                                        int                     quarter_turns,
                                        int                     width,
                                        int                     height);
void  _porting_ocr_affine_invert       (const PortingOcrAffine *affine,
                                        PortingOcrAffine       *inverse);
/* The box around the four corners, mapped. */
void  _porting_ocr_affine_map_box      (const PortingOcrAffine *affine,
                                        double                 *x1,
                                        double                 *y1,
                                        double                 *x2,
                                        double                 *y2);

G_END_DECLS
