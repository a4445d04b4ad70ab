/* porting-pdf-filters.h — PDF stream filters decoded to count, never to keep
 * (private to libporting: porting-pdf-guard.c's helpers)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PORTING_PDF_FILTER_FLATE,
  PORTING_PDF_FILTER_LZW,
  PORTING_PDF_FILTER_RUN_LENGTH,
  PORTING_PDF_FILTER_ASCII_HEX,
  PORTING_PDF_FILTER_ASCII_85,
} PortingPdfFilter;

#define PORTING_PDF_MAX_FILTERS 8

/* What a decoded stream would make poppler do, counted as it goes by. */
typedef struct
{
  guint64     work;          /* bytes made by every filter of the chain */
  guint64     decoded;       /* bytes out of the last one */
  guint64     text_bytes;    /* bytes of strings shown by Tj, TJ, ' and " */
  guint       max_depth;     /* of arrays and dictionaries, outside strings */
  GHashTable *xobjects;      /* name (without '/') → GUINT_TO_POINTER (times drawn with Do) */
  GByteArray *kept;          /* when not NULL, the decoded bytes (object streams), up to max_kept */
  gsize       max_kept;
  gboolean    kept_overflow;
} PortingPdfStreamStats;

/* Decodes @data through @filters (in order) and counts what comes out.
 * Stops when the chain ends its data, on a decoding error (as poppler
 * would), or once @stats->work passes @max_work or @stats->text_bytes
 * @max_text_bytes; returns %FALSE only then. */
gboolean porting_pdf_decode_and_count (const guint8             *data,
                                       gsize                     size,
                                       const PortingPdfFilter   *filters,
                                       guint                     n_filters,
                                       gboolean                  lzw_early_change,
                                       guint64                   max_work,
                                       guint64                   max_text_bytes,
                                       PortingPdfStreamStats    *stats);

G_END_DECLS
