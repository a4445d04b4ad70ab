/* porting-field-match-private.h — what the field matcher's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-field-match.h"
#include "porting-address.h"

G_BEGIN_DECLS

#define TOKEN(tokens, i) (&g_array_index ((tokens), PortingToken, (i)))

/* How many lines after a label-only line still belong to its block. */
#define BLOCK_LINES 4
/* How many lines after a street line may hold its city line. */
#define CITY_LINES 4

/* The LOA value, normalised once. */
typedef struct
{
  PortingField    field;
  char           *loa_text;

  /* NAME */
  GPtrArray      *name_words;       /* canonical, const: interned */
  char           *name_joined;      /* the words without spaces */
  guint           n_distinctive;
  gboolean        name_leading_the; /* "The" opened the name: not one of its words */

  /* ADDRESS */
  PortingAddress *address;
  GHashTable     *address_words;    /* house number and street words, interned */

  /* ACCOUNT_NUMBER */
  char           *compact;

  /* BTN */
  char           *digits;
} LoaValue;

/* A proof page, tokenised, in lines. */
typedef struct
{
  guint     start;           /* bytes */
  guint     end;
  guint     first_token;
  guint     last_token;      /* one past */
  guint     value_token;     /* first token after a label opening the line, else first_token */
  gboolean  labelled;        /* a label opens this line, or it is in a label's block */
  int       block;           /* its block on the page; -1 between blocks */
  int       text_line;       /* its PortingTextLine; -1 without positions */
} Line;

typedef struct
{
  PortingPageText *page;
  GArray          *tokens;
  gboolean        *excluded;  /* per token: the carrier's remit-to block and such */
  GArray          *lines;     /* of Line */
  guint           *line_of_token;
  gboolean         has_blocks; /* laid out from positions: lines belong to blocks */
  GArray          *payees;    /* of guint: the first token after "Remit to", "Carrier:"… */
} Page;

/* What a page offers for a field. */
typedef struct
{
  PortingFieldStatus  status;
  double              score;
  gboolean            labelled;
  guint               start;
  guint               end;
  char               *text;
  GPtrArray          *differences;
} Candidate;

/* porting-field-match.c */
void       _porting_candidate_init                 (Candidate          *candidate);
void       _porting_candidate_clear                (Candidate          *candidate);
gboolean   _porting_candidate_is_better            (const Candidate    *a,
                                                    const Candidate    *b);
void       _porting_candidate_offer                (Candidate          *best,
                                                    Candidate          *candidate);

/* porting-field-match-page.c */
Page      *_porting_field_page_acquire             (PortingPageText    *page_text);
void       _porting_field_page_release             (Page               *page);
gboolean   _porting_field_tokens_are               (Page               *page,
                                                    guint               i,
                                                    guint               last,
                                                    const char * const *words,
                                                    guint               n_words);
guint      _porting_field_count_words              (const char * const *words,
                                                    guint               max);
gboolean   _porting_field_has_postal_code          (Page               *page,
                                                    guint               first,
                                                    guint               last);
/* The line in another block right of line @l on its row (the value of a
 * label ending @l, in a summary box), or -1. */
int        _porting_field_line_beside              (Page               *page,
                                                    guint               l);
/* Whether lines @a and @b are read together: in one block, or on a page
 * without blocks. */
gboolean   _porting_field_same_block               (Page               *page,
                                                    guint               a,
                                                    guint               b);

/* porting-field-match-name.c */
GPtrArray *_porting_field_name_words               (GArray             *tokens,
                                                    guint               first,
                                                    guint               last,
                                                    GArray             *token_of_word);
gboolean   _porting_field_is_distinctive_name_word (const char         *word);
void       _porting_field_find_name                (LoaValue           *value,
                                                    Page               *page,
                                                    Candidate          *best);

/* porting-field-match-address.c */
void       _porting_field_find_address             (LoaValue           *value,
                                                    Page               *page,
                                                    Candidate          *best);

/* porting-field-match-carrier.c */
void       _porting_field_find_carrier             (LoaValue           *value,
                                                    Page               *page,
                                                    Candidate          *best);

/* porting-field-match-code.c */
void       _porting_field_find_code                (LoaValue           *value,
                                                    Page               *page,
                                                    Candidate          *best);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Page, _porting_field_page_release)

G_END_DECLS
