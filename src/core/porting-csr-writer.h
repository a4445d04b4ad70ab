/* porting-csr-writer.h — the CSR information of a port-out, as a PDF for the new provider
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porting-request.h"

G_BEGIN_DECLS

/* @request: a port-out whose answer carries "csr" (free text, several lines).
 * The PDF holds the request id, the gaining provider, the numbers and the
 * CSR text, wrapped and continued on as many pages as it needs.
 * Blocking; replaces @out atomically. G_IO_ERROR_INVALID_DATA when there is
 * no CSR information in the answer. */
gboolean porting_csr_writer_write        (PortingRequest       *request,
                                          GFile                *out,
                                          GError              **error);
/* The same in a thread, on a copy of @request. */
void     porting_csr_writer_write_async  (PortingRequest       *request,
                                          GFile                *out,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean porting_csr_writer_write_finish (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
