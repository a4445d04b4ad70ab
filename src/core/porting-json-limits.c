/* porting-json-limits.c — JSON parsed only once its nesting is known to be bounded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-json-limits"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-json-limits.h"

G_DEFINE_QUARK (porting-json-error-quark, porting_json_error)

gboolean
porting_json_check_depth (const char  *data,
                          gssize       length,
                          guint        max_depth,
                          GError     **error)
{
  gsize size;
  guint depth = 0;
  gboolean in_string = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  size = length < 0 ? strlen (data) : (gsize) length;
  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++; /* the escaped character, whatever it is, is not a quote */
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, PORTING_JSON_ERROR, PORTING_JSON_ERROR_TOO_DEEP,
                           _("The JSON is nested more than %u levels deep."), max_depth);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          /* Unbalanced closers are json-glib's to report. */
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }
  return TRUE;
}

JsonNode *
porting_json_parse (const char  *data,
                    gssize       length,
                    guint        max_depth,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!porting_json_check_depth (data, length, max_depth, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error_literal (error, PORTING_JSON_ERROR, PORTING_JSON_ERROR_MALFORMED, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, PORTING_JSON_ERROR, PORTING_JSON_ERROR_MALFORMED, _("The JSON is empty."));
      return NULL;
    }
  return json_node_ref (root);
}
