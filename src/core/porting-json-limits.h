/* porting-json-limits.h — JSON parsed only once its nesting is known to be bounded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deepest nesting of arrays and objects taken from the service or a client
 * (DESIGN.md §3.5). json-glib's parser and generator recurse once per level:
 * 60,000 levels overflow the stack, so the depth is counted first. */
#define PORTING_JSON_MAX_DEPTH 64

#define PORTING_JSON_ERROR (porting_json_error_quark ())

typedef enum
{
  PORTING_JSON_ERROR_TOO_DEEP,  /* nested deeper than allowed */
  PORTING_JSON_ERROR_MALFORMED, /* not JSON */
} PortingJsonError;

GQuark    porting_json_error_quark (void);

/* Scans @data (@length bytes, or up to the NUL when -1) without building
 * anything: FALSE with PORTING_JSON_ERROR_TOO_DEEP when arrays and objects
 * nest deeper than @max_depth. Brackets inside strings do not count. */
gboolean  porting_json_check_depth (const char  *data,
                                    gssize       length,
                                    guint        max_depth,
                                    GError     **error);

/* porting_json_check_depth(), then json-glib: the root node (free it with
 * json_node_unref), or NULL with PORTING_JSON_ERROR_TOO_DEEP or _MALFORMED. */
JsonNode *porting_json_parse       (const char  *data,
                                    gssize       length,
                                    guint        max_depth,
                                    GError     **error);

G_END_DECLS
