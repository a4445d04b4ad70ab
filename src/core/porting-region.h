/* porting-region.h — US states, Canadian provinces and territories, and their postal codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;          /* two letters, as carriers write it: "CA", "QC" */
  const char *country;       /* "US" or "CA" */
  const char *name;          /* English: "California", "Quebec" */
  const char *french_name;   /* "Californie", "Québec" */
  const char *other_names;   /* folded, '|' between them: "CALIF|CAL"; "" for none */
  gboolean    listed;        /* offered when a customer picks one (states, DC, PR, provinces) */
} PortingRegion;

/* The region @name_or_code names, in any case, with or without accents and
 * punctuation: "qc", "Québec", "Que.", "Colombie-Britannique", "B.C.". Text
 * already folded ("NEW YORK") is read the same way. NULL when it names none.
 * A two-letter code wins over an old abbreviation ("NE" is Nebraska). */
const PortingRegion *porting_region_lookup           (const char          *name_or_code);
/* The listed regions, in the order they are offered: the states, DC and
 * Puerto Rico by name, then the provinces and territories. */
const PortingRegion *porting_region_get_listed       (guint               *n_regions);
/* Every region known, the listed ones first. */
const PortingRegion *porting_region_get_all          (guint               *n_regions);
gboolean             porting_region_is_canadian      (const PortingRegion *region);

typedef enum
{
  PORTING_POSTAL_CODE_INVALID,
  PORTING_POSTAL_CODE_ZIP,        /* 94607 */
  PORTING_POSTAL_CODE_ZIP4,       /* 94607-1234 */
  PORTING_POSTAL_CODE_CANADIAN,   /* K1A 0B1 or K1A0B1, any case */
} PortingPostalCodeKind;

/* What @text is, white space around it ignored. A Canadian code uses the
 * letters Canada Post uses (no D, F, I, O, Q, U; no W or Z first). */
PortingPostalCodeKind porting_postal_code_classify   (const char          *text);
/* The letters Canadian postal codes of @region start with ("GHJ" for
 * Quebec); "" for a US region. */
const char          *porting_region_get_postal_letters (const PortingRegion *region);
/* NULL when @text is a postal code of @region (a ZIP for a state, a
 * Canadian code starting with the province's letter), or of the US or
 * Canada when @region is NULL; else what is wrong, for the customer. */
char                *porting_postal_code_check       (const char          *text,
                                                      const PortingRegion *region);

G_END_DECLS
