/* porting-normalize.h — folding, tokens and address parsing for field matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PORTING_TOKEN_LINE_BREAK    = 1 << 0,  /* a line break before this token */
  PORTING_TOKEN_SEGMENT_BREAK = 1 << 1,  /* a line break, ',' or ';' before this token */
  PORTING_TOKEN_GLUED         = 1 << 2,  /* another column glued to the previous one: "LLCInvoice" */
  PORTING_TOKEN_PUNCT_END     = 1 << 3,  /* ':' or dot leaders right after this token */
} PortingTokenFlags;

typedef struct
{
  guint  start;    /* byte range in the tokenised text, plus the base offset */
  guint  end;
  guint  flags;    /* PortingTokenFlags */
  char  *folded;   /* upper case, no accents, no punctuation; "AND" for '&', "#" for '#' */
} PortingToken;

/* Upper case, accents dropped (NFKD without combining marks); punctuation kept. */
char        *porting_normalize_fold               (const char *text,
                                                   gssize      len);
/* Splits @text (@len bytes, or NUL-terminated when -1) into words: white
 * space, ",;:()/\"" and dot leaders separate them; '-' separates except
 * between digits; '&' and '#' are words of their own; a column glued to the
 * previous one ("LLCInvoice", "400Amount") is split off. Tokens whose folded
 * form is empty are dropped. Offsets are shifted by @base.
 * Returns: (element-type PortingToken): clears its tokens when freed */
GArray      *porting_normalize_tokenize           (const char *text,
                                                   gssize      len,
                                                   guint       base);

/* Canonical forms of one folded word, or NULL when it is not one. */
const char  *porting_normalize_street_suffix      (const char *folded);   /* BOULEVARD → BLVD */
const char  *porting_normalize_directional        (const char *folded);   /* NORTH, NORD → N; OUEST → W */
const char  *porting_normalize_unit_designator    (const char *folded);   /* SUITE → STE; # → # */
const char  *porting_normalize_company_suffix     (const char *folded);   /* INCORPORATED → INC */
/* A US state, territory or Canadian province, by name (English or French,
 * folded, words separated by one space) or code → its two-letter code. */
const char  *porting_normalize_region             (const char *folded);
gboolean     porting_normalize_region_is_canadian (const char *code);

/* A word of a name in its canonical form: company suffixes, '&' = AND,
 * SAINT = ST. Never NULL. */
const char  *porting_normalize_name_word          (const char *folded);
/* A word of a street in its canonical form: suffixes, directionals,
 * SAINT = ST. Never NULL. */
const char  *porting_normalize_street_word        (const char *folded);

/* Different but one or two letters apart, for words of 4 letters or more:
 * WIDGET / WIDGETS, HARBOR / HARBOUR. Never for numbers. */
gboolean     porting_normalize_near_words         (const char *a,
                                                   const char *b);
/* 1 - edit distance / length of the longer: 1 when equal. */
double       porting_normalize_similarity         (const char *a,
                                                   const char *b);
/* A word of a city: SAINT = ST, MOUNT = MT, FORT = FT. Never NULL. */
const char  *porting_normalize_city_word          (const char *folded);
/* Letters and digits only, upper case: "8841-22017-5" → "8841220175". */
char        *porting_normalize_compact            (const char *text,
                                                   gssize      len);
/* The digits of a phone number, without a leading NANP 1; NULL when it does
 * not hold 10 or 11 digits. */
char        *porting_normalize_phone_digits       (const char *text,
                                                   gssize      len);

/* The same characters, case included, apart from white space; a line break and
 * a comma between two address lines count the same (DESIGN §3.4: exact). */
gboolean     porting_normalize_same_characters    (const char *a,
                                                   gssize      a_len,
                                                   const char *b,
                                                   gssize      b_len);

G_END_DECLS
