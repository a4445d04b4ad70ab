/* porting-address.h — an address parsed into its parts, and two addresses compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "porting-normalize.h"

G_BEGIN_DECLS

typedef struct
{
  char  *house_number;    /* "1200", "123A"; NULL when none */
  char  *street;          /* canonical words without directionals: "HARBOR BLVD", "RUE ST PAUL" */
  char  *directional;     /* canonical: "W", "N NE"; NULL when none */
  char  *unit_designator; /* canonical: "STE", "APT", "#"; NULL when none */
  char  *unit;            /* "400", "4B"; NULL when none */
  char  *city;            /* folded words: "OAKLAND", "MONTREAL" */
  char  *region;          /* two-letter code: "CA", "QC" */
  char  *postal_code;     /* ZIP5 ("94607") or Canadian without space ("H2Y2A7") */
  char  *zip4;            /* the +4 of a ZIP+4; NULL when none */

  /* Byte ranges (plus the base offset of the tokens) of the parts that were
   * read: the street line (house number to unit) and the city line. */
  guint  street_start;
  guint  street_end;
  guint  city_start;
  guint  city_end;
} PortingAddress;

/* Parses tokens[first, last) of porting_normalize_tokenize(). Never NULL. */
PortingAddress *porting_address_parse_tokens      (GArray     *tokens,
                                                   guint       first,
                                                   guint       last);
PortingAddress *porting_address_parse             (const char *text);
void            porting_address_free              (PortingAddress *address);
/* For tests and debugging: "1200|HARBOR BLVD||STE 400|OAKLAND|CA|94607"
 * (house number|street|directional|unit|city|region|postal code). */
char           *porting_address_to_string         (const PortingAddress *address);
/* Compares @proof with @loa component by component; adds a human string for
 * each component that differs to @differences (when not NULL): "house
 * number: 1200 ≠ 1220", "unit: 400 ≠ 410". City, region and postal code
 * count only where the LOA gives them; a region left out on either side is
 * implied by the postal code.
 * Returns: closeness 0…1 (1 = every component the same) */
double          porting_address_compare           (const PortingAddress *loa,
                                                   const PortingAddress *proof,
                                                   GPtrArray            *differences);
/* Whether @proof is a close candidate for @loa (a differing one is a
 * mismatch, not another address): half the street's words or more, or the
 * house number with a street word or the postal code. */
gboolean        porting_address_is_close          (const PortingAddress *loa,
                                                   const PortingAddress *proof);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingAddress, porting_address_free)

G_END_DECLS
