/* porting-pdf-guard-private.h — what the guard's two passes share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "porting-pdf-guard.h"

G_BEGIN_DECLS

typedef struct
{
  guint  objnum;
  gsize  dict_start;
  gsize  dict_end;
  gsize  data_start;
  gsize  endstream;
} StreamRecord;

typedef struct
{
  guint64     text_bytes;
  GHashTable *xobjects;     /* name → times drawn */
  gboolean    is_form;
  gboolean    is_data;      /* a font, image, profile, index: never a page's content */
  gboolean    in_page;
  int         visit;        /* 0 not yet, 1 on the way, 2 done */
  guint64     effective;    /* its text and that of every form it draws */
} StreamResult;

typedef struct
{
  const guint8 *file;
  gsize         file_size;
  const char   *display_name;
  gboolean      failed;
  GError       *error;
  gboolean      encrypted;

  GHashTable   *objects;          /* objnum → offset just after "obj" */
  GHashTable   *ref_arrays;       /* objnum → GArray of objnums: [4 0 R 5 0 R] objects */
  GPtrArray    *page_contents;    /* GArray of objnums: one per /Contents [...] */
  GArray       *contents_refs;    /* objnums of /Contents N 0 R */
  GHashTable   *xobject_names;    /* name → GArray of objnums */
  GArray       *streams;          /* StreamRecord */
  GHashTable   *results;          /* objnum → StreamResult */
  guint64       total_work;
  guint64       total_text;
  guint64       fallback_form_text;
} Guard;

static inline gboolean
_porting_pdf_is_white (guint8 c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static inline gboolean
_porting_pdf_is_delimiter (guint8 c)
{
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' ||
         c == '{' || c == '}' || c == '/' || c == '%';
}

/* Sets the guard's error once: damaged, or too large. */
void     _porting_pdf_guard_fail             (Guard              *guard,
                                              int                 code);

/* Pass one over the file: objects, stream records, /Contents, /XObject. */
void     _porting_pdf_tokenize               (Guard              *guard,
                                              const guint8       *data,
                                              gsize               size);
/* The same over the decoded objects of an object stream. */
void     _porting_pdf_tokenize_object_stream (Guard              *guard,
                                              const StreamRecord *record,
                                              const guint8       *data,
                                              gsize               size);

/* Where the value of the top-level key @key of the dictionary [@start, @end) begins. */
gboolean _porting_pdf_find_key               (const guint8       *data,
                                              gsize               start,
                                              gsize               end,
                                              const char         *key,
                                              gsize              *value);
/* The name /@name at @pos. */
gboolean _porting_pdf_name_at                (const guint8       *data,
                                              gsize               pos,
                                              gsize               end,
                                              const char         *name);
gboolean _porting_pdf_read_integer_key       (const guint8       *data,
                                              const StreamRecord *record,
                                              const char         *key,
                                              guint64            *value);

G_END_DECLS
