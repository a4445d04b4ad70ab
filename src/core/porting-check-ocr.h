/* porting-check-ocr.h — how far what OCR read may be trusted (private to libporting)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-document.h"
#include "porting-field-match.h"

G_BEGIN_DECLS

/* After @field was matched: unreadable when it rests on a digit OCR is not
 * sure of, equivalent when it differs only by letters OCR confuses. */
void _porting_check_weigh_ocr (PortingFieldResult *field,
                               GPtrArray          *loa_pages,
                               PortingDocument    *proof,
                               GCancellable       *cancellable);

G_END_DECLS
