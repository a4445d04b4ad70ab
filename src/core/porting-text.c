/* porting-text.c — what a person typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-text"

#include "config.h"

#include "porting-text.h"

gboolean
porting_text_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }
  return TRUE;
}

char *
porting_text_dup_stripped (const char *text)
{
  return text != NULL ? g_strstrip (g_strdup (text)) : NULL;
}
