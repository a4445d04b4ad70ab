/* porting-page-text-private.h — what the page text's readers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-page-text.h"

G_BEGIN_DECLS

/* Whether the gap between two words of a line is a cell or column
 * boundary, not a space: wider than 0.6 of their height and than 1.5 of
 * their characters' width (a space of Courier is as wide as a letter).
 * @left_chars and @right_chars: how many characters each word has. */
gboolean _porting_layout_is_cell_gap (const PortingRect *left,
                                      glong              left_chars,
                                      const PortingRect *right,
                                      glong              right_chars);

/* Wider than a space (0.4 of the height, 1.1 of a character): with a
 * column edge after it, a cell boundary all the same. */
gboolean _porting_layout_is_wide_space (const PortingRect *left,
                                        glong              left_chars,
                                        const PortingRect *right,
                                        glong              right_chars);
/* Of the x where words start after a wide space, those shared by three or
 * more (within 1.5 points): the left edges of a table's columns. Sorts
 * @starts. Returns: (element-type double) */
GArray  *_porting_layout_column_edges  (GArray            *starts);
gboolean _porting_layout_at_column_edge (GArray           *edges,
                                         double            x);

G_END_DECLS
