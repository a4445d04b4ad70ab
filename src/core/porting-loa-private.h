/* porting-loa-private.h — what the LOA reader's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-loa.h"

G_BEGIN_DECLS

typedef enum
{
  KIND_NONE,           /* plain text, no label */
  KIND_UNKNOWN_LABEL,  /* "Something:" that we don't know */
  KIND_NAME,
  KIND_AUTHORIZED,
  KIND_ADDRESS,
  KIND_ADDRESS2,       /* "Address Line 2" */
  KIND_UNIT,           /* "Suite:", "Apt:" — with a colon only */
  KIND_CITY_LINE,      /* "City, State/Province, ZIP/Postal Code" */
  KIND_CITY,
  KIND_STATE,
  KIND_ZIP,
  KIND_CARRIER,
  KIND_ACCOUNT,
  KIND_BTN,
  KIND_DATE,
  KIND_SIGNATURE,
  KIND_NUMBERS,
  KIND_OTHER,
  KIND_HINT,           /* the rest of a label's hint, wrapped onto a line of its own */
} LabelKind;

typedef struct
{
  LabelKind   kind;
  int         priority;   /* lower is a better source for the field */
  const char *pattern;    /* regex; a space stands for any run of white space */
} LabelPattern;

typedef struct
{
  GRegex *regex;
  int     n_words;
} CompiledLabel;

typedef struct
{
  guint start;   /* trimmed */
  guint end;
} Line;

typedef struct
{
  LabelKind kind;
  int       priority;
  guint     line;          /* index into the page's lines */
  guint     label_start;
  guint     value_start;
  guint     value_end;     /* == value_start when the value is empty */
  gboolean  first_in_line;
  gboolean  last_in_line;
  gboolean  open_hint;     /* the label's "(…" hint goes on in the line below */
  double    x1;            /* extent of label and value; 0 without positions */
  double    x2;
  double    y1;
  double    y2;
} Segment;

typedef struct
{
  guint       start;   /* in the rebuilt text */
  guint       end;
  PortingRect rect;
} PlacedWord;

typedef struct
{
  PortingPageText *page_text;
  const char      *text;      /* page_text->text, or the lines rebuilt from word positions */
  char            *rebuilt;
  GArray          *to_original;  /* of guint: offset in @rebuilt → offset in page_text->text */
  GArray          *placed;    /* of PlacedWord, in @rebuilt order; empty without positions */
  GArray          *lines;     /* of Line */
  GArray          *segments;  /* of Segment */
  GArray          *line_first_segment;  /* of guint, per line; G_MAXUINT when empty */
  GArray          *line_used;           /* of gboolean: taken as some label's value */
} Page;

typedef struct
{
  Page          *page;
  const Segment *segment;
} Found;

/* porting-loa-labels.c: the longest known label at text[pos, end), or -1 */
int            _porting_loa_match_label           (const char       *text,
                                                   guint             pos,
                                                   guint             end,
                                                   guint            *label_end);
LabelKind      _porting_loa_label_kind            (int               label);
int            _porting_loa_label_priority        (int               label);
int            _porting_loa_label_n_words         (int               label);

/* porting-loa-lines.c: @page's text rebuilt in physical lines from its
 * words' positions; FALSE without positions */
gboolean       _porting_loa_rebuild_lines         (Page             *page);

/* porting-loa-page.c: a page read as a form */
void           _porting_loa_page_init             (Page             *page,
                                                   PortingPageText  *page_text);
void           _porting_loa_page_clear            (Page             *page);
const Segment *_porting_loa_line_first            (const Page       *page,
                                                   guint             line);
guint          _porting_loa_next_text_line        (const Page       *page,
                                                   guint             line);
guint          _porting_loa_previous_text_line    (const Page       *page,
                                                   guint             line);
gboolean       _porting_loa_has_positions         (const Page       *page);
double         _porting_loa_column_end            (const Segment    *segment);
const Segment *_porting_loa_column_segment        (const Page       *page,
                                                   guint             line,
                                                   double            left,
                                                   double            right);
gboolean       _porting_loa_segment_value         (Page             *page,
                                                   const Segment    *segment,
                                                   guint            *start,
                                                   guint            *end,
                                                   guint            *value_line);
char          *_porting_loa_span_text             (const Page       *page,
                                                   guint             start,
                                                   guint             end);
void           _porting_loa_set_span              (PortingTextSpan  *span,
                                                   const Page       *page,
                                                   guint             start,
                                                   guint             end);
gboolean       _porting_loa_has_postal_code       (const char       *text);
guint          _porting_loa_count_words           (const char       *text);
guint          _porting_loa_count_digits          (const char       *text);
gboolean       _porting_loa_is_plausible_city_line (const char      *text);
gboolean       _porting_loa_is_name_like          (const char       *text);

/* porting-loa-signature.c */
void           _porting_loa_read_signature        (PortingLoaFields *self,
                                                   Page             *pages,
                                                   guint             n_pages);
gboolean       _porting_loa_signature_has_ink     (PortingDocument       *loa,
                                                   PortingPageText       *page_text,
                                                   const PortingTextSpan *label,
                                                   GCancellable          *cancellable);
gboolean       _porting_loa_area_has_ink          (PortingDocument       *loa,
                                                   PortingPageText       *page_text,
                                                   guint                  page,
                                                   const PortingRect     *area,
                                                   GCancellable          *cancellable);

/* porting-loa-form.c: fields the text left unread, from the form's own
 * fields by their names; signature fields */
gboolean       _porting_loa_read_form             (PortingLoaFields      *self,
                                                   PortingDocument       *loa,
                                                   GPtrArray             *pages,
                                                   GCancellable          *cancellable,
                                                   GError               **error);

G_END_DECLS
