/* porting-page-text.h — the text of one page, with where each word sits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* In points, origin at the top-left corner of the page. */
typedef struct
{
  double x1, y1, x2, y2;
} PortingRect;

typedef struct
{
  guint       start;   /* byte offsets into PortingPageText.text */
  guint       end;
  PortingRect rect;
} PortingWord;

typedef struct
{
  /*< public, read-only >*/
  guint   page;        /* 0-based */
  char   *text;        /* UTF-8, lines in reading order separated by '\n' */
                       /* ('\t' between blocks side by side on one line) */
  GArray *words;       /* of PortingWord, in text order; empty unless asked for */
  /*< private >*/
  gatomicrefcount ref_count;
} PortingPageText;

#define PORTING_TYPE_PAGE_TEXT (porting_page_text_get_type ())

GType            porting_page_text_get_type   (void) G_GNUC_CONST;
/* Takes @text. */
PortingPageText *porting_page_text_new        (guint            page,
                                               char            *text);
PortingPageText *porting_page_text_ref        (PortingPageText *self);
void             porting_page_text_unref      (PortingPageText *self);
/* Rectangles covering text[start, end), one per word or line piece. */
GArray          *porting_page_text_get_rects  (PortingPageText *self,
                                               guint            start,
                                               guint            end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingPageText, porting_page_text_unref)

G_END_DECLS
