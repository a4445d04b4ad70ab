/* porting-pdf-guard.h — what a PDF would cost poppler, bounded before poppler sees it
 * (private to libporting)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Objects nested deeper than this are not a document, they are an attack. */
#define PORTING_PDF_MAX_NESTING 256
/* Decoded bytes: per content stream, per image, for the whole file. */
#define PORTING_PDF_MAX_STREAM_BYTES ((guint64) 32 * 1024 * 1024)
#define PORTING_PDF_MAX_IMAGE_BYTES ((guint64) 512 * 1024 * 1024)
#define PORTING_PDF_MAX_TOTAL_BYTES ((guint64) 1024 * 1024 * 1024)
/* Bytes of text shown on one page (its content streams and the forms they
 * draw), and in the whole file. poppler keeps up to 1.4 KB for each glyph
 * it extracts: 64 KiB is four times a page of 6-point type, and 90 MB. */
#define PORTING_PDF_MAX_PAGE_TEXT_BYTES ((guint64) 64 * 1024)
#define PORTING_PDF_MAX_TOTAL_TEXT_BYTES ((guint64) 8 * 1024 * 1024)

/* One pass over the file's objects and one decoding of each stream, with
 * zlib and small decoders for LZW, RunLength, ASCIIHex and ASCII85, keeping
 * nothing: %PORTING_DOCUMENT_ERROR_DAMAGED for objects nested too deep,
 * %PORTING_DOCUMENT_ERROR_TOO_LARGE for streams that inflate past the limits
 * above. The streams of an encrypted file cannot be read before poppler
 * decrypts them; only its objects are checked. */
gboolean porting_pdf_guard_check (const guint8  *data,
                                  gsize          size,
                                  const char    *display_name,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
