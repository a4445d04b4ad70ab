/* porting-check-view-private.h — what the check view's files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-check-view.h"

G_BEGIN_DECLS

/* The fields a check shows, in order. */
extern const PortingField _porting_check_view_shown_fields[];
extern const guint        _porting_check_view_n_shown_fields;

/* "Name", "Address"… */
const char *_porting_check_view_get_field_title     (PortingField        field);
/* "Exact match", "Mismatch"… */
const char *_porting_check_view_get_status_word     (PortingFieldStatus  status);

/* porting-check-view-text.c: the text of each page (for the first pages;
 * NULL for a page that cannot be read), off the main thread. */
GPtrArray  *_porting_check_view_dup_page_texts      (PortingDocument     *document,
                                                     GCancellable        *cancellable);
/* Tells a screen reader what was found on @view's document (@proof: the
 * invoice side) and each page's @texts (nullable). */
void        _porting_check_view_describe_document   (PortingDocumentView *view,
                                                     PortingCheckResult  *result,
                                                     gboolean             proof,
                                                     GPtrArray           *texts);

G_END_DECLS
