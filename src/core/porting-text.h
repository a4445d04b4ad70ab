/* porting-text.h — what a person typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a person typed counts only once it has more than spaces. */
gboolean  porting_text_is_blank      (const char *text);
/* @text without the white space around it; NULL for NULL. */
char     *porting_text_dup_stripped  (const char *text);

G_END_DECLS
