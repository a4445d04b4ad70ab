/* porting-multipart-stream.h — one input stream over in-memory parts and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PORTING_TYPE_MULTIPART_STREAM (porting_multipart_stream_get_type ())

G_DECLARE_FINAL_TYPE (PortingMultipartStream, porting_multipart_stream, PORTING, MULTIPART_STREAM, GInputStream)

/* Reads its pieces one after the other without holding the files in memory:
 * an upload body of several large documents costs a read buffer, not their size. */
PortingMultipartStream *porting_multipart_stream_new          (void);
void                    porting_multipart_stream_append_bytes (PortingMultipartStream  *self,
                                                               GBytes                  *bytes);
/* @size is the file's size when the stream was built: a file that changes size
 * afterwards makes the read fail rather than send a body of the wrong length. */
void                    porting_multipart_stream_append_file  (PortingMultipartStream  *self,
                                                               GFile                   *file,
                                                               goffset                  size);
goffset                 porting_multipart_stream_get_size     (PortingMultipartStream  *self);

G_END_DECLS
