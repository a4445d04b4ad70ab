/* pdf-test-util.h — small PDFs written at test time, plain or hostile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A PDF of these objects (numbered from 1, the first the catalog), with a
 * correct cross-reference table. Each object is its body, without "N 0 obj". */
GBytes *test_pdf_build                (GPtrArray  *objects);
/* "<< /Length N /Filter /FlateDecode >>\nstream\n…\nendstream" */
char   *test_pdf_stream_object        (const char *dict_entries,
                                       GBytes     *data,
                                       gsize      *length);

/* One page of Helvetica text, lines separated by '\n'. */
GBytes *test_pdf_text_page            (const char *text);
/* A page tree whose only child is a node that points back at the root. */
GBytes *test_pdf_page_tree_loop       (void);
/* A page whose /Resources (or, @in_contents, whose content stream) is
 * arrays nested @depth deep. */
GBytes *test_pdf_nested               (guint       depth,
                                       gboolean    in_contents);
/* @n_pages pages sharing one content stream. */
GBytes *test_pdf_many_pages           (guint       n_pages);
/* One page whose content stream inflates to @inflated_bytes, @unit again
 * and again: made in an instant, the compressed unit repeated after full
 * flushes, with the right Adler-32. */
GBytes *test_pdf_inflating_content    (guint64     inflated_bytes,
                                       const char *unit);
/* @n_forms Form XObjects, each drawing the next @fan_out times, the last
 * one showing @text: small on disk, (fan_out ^ n_forms) × text on the page. */
GBytes *test_pdf_form_fan_out         (guint       n_forms,
                                       guint       fan_out,
                                       const char *text);

/* A zlib stream of @data. */
GBytes *test_zlib_compress            (const void *data,
                                       gsize       size);

G_END_DECLS
