/* porting-signature-pad.h — sign with a mouse, a finger or a pen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "porting-loa-writer.h"

G_BEGIN_DECLS

#define PORTING_TYPE_SIGNATURE_PAD (porting_signature_pad_get_type ())
G_DECLARE_FINAL_TYPE (PortingSignaturePad, porting_signature_pad, PORTING, SIGNATURE_PAD, GtkWidget)

GtkWidget *porting_signature_pad_new          (void);
void       porting_signature_pad_clear        (PortingSignaturePad  *self);
gboolean   porting_signature_pad_is_empty     (PortingSignaturePad  *self);
/* Of GArray of PortingSignaturePoint, in widget coordinates. Owned by @self. */
GPtrArray *porting_signature_pad_get_strokes  (PortingSignaturePad  *self);
/* Replaces the strokes (takes a reference on @strokes' arrays). */
void       porting_signature_pad_set_strokes  (PortingSignaturePad  *self,
                                               GPtrArray            *strokes);
/* Adds a stroke as if drawn (for tests and for restoring a draft). */
void       porting_signature_pad_add_stroke   (PortingSignaturePad         *self,
                                               const PortingSignaturePoint *points,
                                               guint                        n_points);
/* Copies the strokes and the pad size into @data. */
void       porting_signature_pad_fill_data    (PortingSignaturePad  *self,
                                               PortingLoaWriterData *data);

G_END_DECLS
