/* porting-page-layout-private.h — the layout's words, segments and blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-page-text-private.h"

G_BEGIN_DECLS

/* In units of the words' height. */
#define ROW_OVERLAP       0.5   /* boxes sharing this much of a band are on one row */
#define LINE_GAP          1.3   /* a wider gap below a line starts another block */

typedef struct
{
  const char  *text;
  guint        length;
  guint        n_chars;
  PortingRect  rect;
  float        confidence;
  guint8       source;
} Item;

typedef struct
{
  guint        first_item;   /* into Layout.items, in reading order within the row */
  guint        n_items;
  PortingRect  rect;
  double       height;       /* of its tallest word */
  guint        row;
  int          block;
  int          next;         /* the value beside this label, on its line, or -1 */
  gboolean     is_value;     /* the value of the label before it: not a line of its own */
  PortingRect  line_rect;    /* with its value */
} Segment;

typedef struct
{
  GArray      *lines;        /* of int: the first segment of each line, top to bottom */
  PortingRect  rect;
  PortingRect  last;         /* its last line */
  double       last_height;
  guint        last_row;
} Block;

typedef struct
{
  GArray      *items;        /* of Item, by row then left to right */
  GArray      *segments;     /* of Segment, by row then left to right */
  GArray      *blocks;       /* of Block */
  GArray      *row_first;    /* of guint: the first segment of each row; one more at the end */
  GArray      *order;        /* of guint: blocks in reading order */
  GPtrArray   *owned;        /* strings made here (split words) */
} Layout;

static inline double
rect_height (const PortingRect *rect)
{
  return rect->y2 - rect->y1;
}

static inline double
overlap (double a1,
         double a2,
         double b1,
         double b2)
{
  return MIN (a2, b2) - MAX (a1, b1);
}

static inline void
rect_union (PortingRect       *rect,
            const PortingRect *other)
{
  rect->x1 = MIN (rect->x1, other->x1);
  rect->y1 = MIN (rect->y1, other->y1);
  rect->x2 = MAX (rect->x2, other->x2);
  rect->y2 = MAX (rect->y2, other->y2);
}

/* porting-page-labels.c: labels and the values beside them on their rows */
void _porting_layout_pair_labels_with_values (Layout *layout);

G_END_DECLS
