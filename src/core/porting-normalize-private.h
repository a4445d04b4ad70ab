/* porting-normalize-private.h — word tables the address parser shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-normalize.h"

G_BEGIN_DECLS

/* "RUE", "AVENUE", "CHEMIN": street types written before the name in French. */
gboolean    _porting_normalize_is_french_street_type (const char *folded);
/* SAINT, ST → ST; SAINTE, STE → STE; else NULL. */
const char *_porting_normalize_saint_word            (const char *folded);
/* FIFTH → 5TH, 3E → 3RD; else NULL. */
const char *_porting_normalize_ordinal_word          (const char *folded);

G_END_DECLS
