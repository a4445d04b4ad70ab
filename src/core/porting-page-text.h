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

/* Where a word was read. */
typedef enum
{
  PORTING_TEXT_SOURCE_TEXT,   /* the page's text layer */
  PORTING_TEXT_SOURCE_FORM,   /* the value of a PDF form field */
  PORTING_TEXT_SOURCE_OCR,    /* optical character recognition */
} PortingTextSource;

typedef struct
{
  guint       start;       /* byte offsets into PortingPageText.text */
  guint       end;
  PortingRect rect;
  float       confidence;  /* 0…1: 1 for a text layer or a form field */
  guint8      source;      /* PortingTextSource */
} PortingWord;

/* One line of a block: words on one baseline; cells of a label-and-value
 * row are separated by '\t' in the text. */
typedef struct
{
  guint       start;       /* byte range in PortingPageText.text, without the '\n' */
  guint       end;
  PortingRect rect;
  guint       block;       /* index into PortingPageText.blocks */
} PortingTextLine;

/* A column, a box, a label-and-value group: lines read together. */
typedef struct
{
  guint       start;       /* byte range of its lines in PortingPageText.text */
  guint       end;
  PortingRect rect;
  guint       first_line;  /* index into PortingPageText.lines */
  guint       n_lines;
} PortingTextBlock;

typedef struct
{
  /*< public, read-only >*/
  guint   page;        /* 0-based */
  char   *text;        /* UTF-8: blocks in reading order, separated by an empty line;
                        * their lines separated by '\n' */
  GArray *words;       /* of PortingWord, in text order; empty unless asked for */
  GArray *lines;       /* of PortingTextLine, in text order; empty without positions */
  GArray *blocks;      /* of PortingTextBlock, in text order; empty without positions */
  /*< private >*/
  gatomicrefcount ref_count;
} PortingPageText;

/* A word given to porting_page_text_new_from_words(): read from a text
 * layer, a form field or by OCR. */
typedef struct
{
  const char        *text;        /* UTF-8 */
  gssize             length;      /* bytes of @text, or -1 when NUL-terminated */
  PortingRect        rect;        /* in points (or pixels), origin top-left */
  double             confidence;  /* 0…1: 1 for a text layer */
  PortingTextSource  source;
} PortingLayoutWord;

#define PORTING_TYPE_PAGE_TEXT (porting_page_text_get_type ())

GType            porting_page_text_get_type        (void) G_GNUC_CONST;
/* Text without positions (no words, lines or blocks). Takes @text. */
PortingPageText *porting_page_text_new             (guint                    page,
                                                    char                    *text);
/* Lays the words out in blocks and lines (porting-page-layout.c); the text
 * is written from them. With @keep_words, or when a word is not from a text
 * layer (OCR, a form field: how sure it is matters), PortingPageText.words
 * holds them. */
PortingPageText *porting_page_text_new_from_words  (guint                    page,
                                                    const PortingLayoutWord *words,
                                                    guint                    n_words,
                                                    gboolean                 keep_words);
PortingPageText *porting_page_text_ref             (PortingPageText         *self);
void             porting_page_text_unref           (PortingPageText         *self);
/* Rectangles covering text[start, end), one per word or line piece. */
GArray          *porting_page_text_get_rects       (PortingPageText         *self,
                                                    guint                    start,
                                                    guint                    end);
/* The least confidence and the least sure source of the words in
 * text[start, end); 1 and TEXT without words. */
double           porting_page_text_get_confidence  (PortingPageText         *self,
                                                    guint                    start,
                                                    guint                    end,
                                                    PortingTextSource       *source);
/* The block holding byte @offset of the text, or -1 (no positions, or
 * between blocks). */
int              porting_page_text_find_block      (PortingPageText         *self,
                                                    guint                    offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingPageText, porting_page_text_unref)

G_END_DECLS
