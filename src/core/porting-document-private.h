/* porting-document-private.h — what the document's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

#include "porting-document.h"

G_BEGIN_DECLS

/* porting-document-text.c; not thread-safe on one PopplerDocument. */
PortingPageText *_porting_pdf_page_get_text        (PopplerPage *poppler_page,
                                                    guint        page,
                                                    gboolean     keep_words);
GPtrArray       *_porting_pdf_page_get_form_fields (PopplerPage *poppler_page,
                                                    guint        page,
                                                    gboolean     with_signatures);

/* porting-document.c, for porting-document-scan.c */
PopplerDocument *_porting_document_open_view        (PortingDocument      *self,
                                                     GError              **error);
PortingPageText *_porting_document_lookup_text      (PortingDocument      *self,
                                                     guint                 page,
                                                     PortingPageTextFlags  flags);
PortingPageText *_porting_document_extract_text     (PopplerDocument      *poppler_document,
                                                     guint                 page,
                                                     PortingPageTextFlags  flags);
const char      *_porting_document_get_display_name (PortingDocument      *self);

G_END_DECLS
