/* porting-pdf-filters.c — PDF stream filters decoded to count, never to keep
 *
 * A chain of push decoders (Flate through zlib, LZW, RunLength, ASCIIHex,
 * ASCII85), each writing a small buffer at a time into the next, and at the
 * end a content-stream lexer that counts the bytes of shown strings and the
 * XObjects drawn. Memory is constant; time is bounded by the work budget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-pdf-guard"

#include "config.h"

#include <string.h>
#include <zlib.h>

#include "porting-pdf-filters.h"

#define CHUNK 16384
#define MAX_XOBJECT_NAME 63

typedef struct
{
  PortingPdfFilter kind;
  gboolean         done;

  /* Flate */
  z_stream         z;
  gboolean         z_ready;

  /* LZW */
  int              early_change;   /* 1 unless the stream says /EarlyChange 0 */
  guint32          bits;
  int              n_bits;
  int              code_length;
  int              next_code;
  int              previous;
  guint16          prefix[4096];
  guint8           suffix[4096];
  guint8           first[4096];
  guint16          length[4096];

  /* RunLength: bytes left to copy (> 0) or to repeat (< 0), 0 = a length next */
  int              run;
  gboolean         repeat_next;

  /* ASCIIHex */
  int              high_nibble;

  /* ASCII85 */
  guint32          group;
  int              group_length;
  gboolean         tilde;
} Stage;

enum
{
  LEX_NORMAL,
  LEX_STRING,
  LEX_LESS_THAN,
  LEX_HEX,
  LEX_COMMENT,
  LEX_TOKEN,
  LEX_INLINE_DATA,
};

/* Just enough of a content-stream lexer to see strings, operators and names. */
typedef struct
{
  int      state;
  int      depth;
  gboolean escape;
  guint64  string_bytes;
  guint64  hex_digits;
  guint64  pending;        /* string bytes since the last operator */
  char     token[MAX_XOBJECT_NAME + 2];
  int      token_length;
  gboolean token_truncated;
  char     name[MAX_XOBJECT_NAME + 1];
  gboolean have_name;
  int      end_of_inline;  /* progress through whitespace, 'E', 'I' */
  guint    depth_of_arrays;
} Lexer;

typedef struct
{
  Stage                 *stages;
  guint                  n_stages;
  PortingPdfStreamStats *stats;
  guint64                max_work;
  guint64                max_text_bytes;
  gboolean               stop;
  gboolean               over_budget;
  Lexer                  lexer;
} Chain;

static void push (Chain        *chain,
                  guint         index,
                  const guint8 *data,
                  gsize         size);

static inline gboolean
is_white (guint8 c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static inline gboolean
is_delimiter (guint8 c)
{
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' ||
         c == '{' || c == '}' || c == '/' || c == '%';
}

/* ---- The lexer at the end of the chain -------------------------------- */

static void
end_token (Chain *chain)
{
  Lexer *lexer = &chain->lexer;
  const char *token = lexer->token;

  lexer->token[lexer->token_length] = '\0';
  lexer->state = LEX_NORMAL;

  if (token[0] == '/')
    {
      if (!lexer->token_truncated)
        {
          g_strlcpy (lexer->name, token + 1, sizeof lexer->name);
          lexer->have_name = TRUE;
        }
      return;
    }

  if (g_ascii_isdigit (token[0]) || token[0] == '+' || token[0] == '-' || token[0] == '.' ||
      strcmp (token, "true") == 0 || strcmp (token, "false") == 0 || strcmp (token, "null") == 0)
    return;   /* an operand */

  if (strcmp (token, "Tj") == 0 || strcmp (token, "TJ") == 0 ||
      strcmp (token, "'") == 0 || strcmp (token, "\"") == 0)
    {
      chain->stats->text_bytes += MAX (lexer->pending, 1);
      /* More than a page may show: no need to read the rest. */
      if (chain->stats->text_bytes > chain->max_text_bytes)
        {
          chain->over_budget = TRUE;
          chain->stop = TRUE;
        }
    }
  else if (strcmp (token, "Do") == 0 && lexer->have_name)
    {
      gpointer count = g_hash_table_lookup (chain->stats->xobjects, lexer->name);

      g_hash_table_insert (chain->stats->xobjects, g_strdup (lexer->name),
                           GUINT_TO_POINTER (MIN (GPOINTER_TO_UINT (count) + 1, G_MAXUINT / 2)));
    }
  else if (strcmp (token, "ID") == 0)
    {
      lexer->state = LEX_INLINE_DATA;
      lexer->end_of_inline = 0;
    }

  lexer->pending = 0;
  lexer->have_name = FALSE;
}

static void
lex (Chain        *chain,
     const guint8 *data,
     gsize         size)
{
  Lexer *lexer = &chain->lexer;

  for (gsize i = 0; i < size && !chain->stop; i++)
    {
      guint8 c = data[i];

      switch (lexer->state)
        {
        case LEX_STRING:
          if (lexer->escape)
            lexer->escape = FALSE;
          else if (c == '\\')
            lexer->escape = TRUE;
          else if (c == '(')
            lexer->depth++;
          else if (c == ')' && --lexer->depth == 0)
            {
              lexer->pending += lexer->string_bytes;
              lexer->state = LEX_NORMAL;
              continue;
            }
          lexer->string_bytes++;
          continue;

        case LEX_LESS_THAN:
          if (c == '<')
            {
              lexer->state = LEX_NORMAL;   /* a dictionary */
              lexer->depth_of_arrays++;
              chain->stats->max_depth = MAX (chain->stats->max_depth, lexer->depth_of_arrays);
              continue;
            }
          lexer->state = LEX_HEX;
          lexer->hex_digits = 0;
          G_GNUC_FALLTHROUGH;

        case LEX_HEX:
          if (c == '>')
            {
              lexer->pending += (lexer->hex_digits + 1) / 2;
              lexer->state = LEX_NORMAL;
            }
          else if (g_ascii_isxdigit (c))
            lexer->hex_digits++;
          continue;

        case LEX_COMMENT:
          if (c == '\r' || c == '\n')
            lexer->state = LEX_NORMAL;
          continue;

        case LEX_INLINE_DATA:
          /* Binary up to whitespace, "EI", whitespace or a delimiter. */
          if (lexer->end_of_inline == 3 && (is_white (c) || is_delimiter (c)))
            lexer->state = LEX_NORMAL;
          else if (is_white (c))
            lexer->end_of_inline = 1;
          else if (lexer->end_of_inline == 1 && c == 'E')
            lexer->end_of_inline = 2;
          else if (lexer->end_of_inline == 2 && c == 'I')
            lexer->end_of_inline = 3;
          else
            lexer->end_of_inline = 0;
          continue;

        case LEX_TOKEN:
          if (!is_white (c) && !is_delimiter (c))
            {
              if (lexer->token_length < (int) sizeof lexer->token - 1)
                lexer->token[lexer->token_length++] = (char) c;
              else
                lexer->token_truncated = TRUE;
              continue;
            }
          end_token (chain);
          if (lexer->state == LEX_INLINE_DATA)
            continue;
          break;

        case LEX_NORMAL:
        default:
          break;
        }

      /* LEX_NORMAL */
      if (c == '[')
        {
          lexer->depth_of_arrays++;
          chain->stats->max_depth = MAX (chain->stats->max_depth, lexer->depth_of_arrays);
          continue;
        }
      if (c == ']' && lexer->depth_of_arrays > 0)
        {
          lexer->depth_of_arrays--;
          continue;
        }
      if (c == '>' && i + 1 < size && data[i + 1] == '>' && lexer->depth_of_arrays > 0)
        {
          lexer->depth_of_arrays--;   /* ">>" closes a dictionary */
          i++;
          continue;
        }
      if (is_white (c) || c == '>' || c == ']' || c == '{' || c == '}' || c == ')')
        continue;

      if (c == '(')
        {
          lexer->state = LEX_STRING;
          lexer->depth = 1;
          lexer->escape = FALSE;
          lexer->string_bytes = 0;
        }
      else if (c == '<')
        lexer->state = LEX_LESS_THAN;
      else if (c == '%')
        lexer->state = LEX_COMMENT;
      else
        {
          lexer->state = LEX_TOKEN;
          lexer->token[0] = (char) c;
          lexer->token_length = 1;
          lexer->token_truncated = FALSE;
        }
    }
}

/* Output of stage @index - 1 (or of the last one, into the lexer). */
static void
emit (Chain        *chain,
      guint         index,
      const guint8 *data,
      gsize         size)
{
  if (chain->stop || size == 0)
    return;

  chain->stats->work += size;
  if (chain->stats->work > chain->max_work)
    {
      chain->over_budget = TRUE;
      chain->stop = TRUE;
      return;
    }

  if (index < chain->n_stages)
    {
      push (chain, index, data, size);
      return;
    }

  chain->stats->decoded += size;
  lex (chain, data, size);

  if (chain->stats->kept != NULL && !chain->stats->kept_overflow)
    {
      if (chain->stats->kept->len + size > chain->stats->max_kept)
        chain->stats->kept_overflow = TRUE;
      else
        g_byte_array_append (chain->stats->kept, data, (guint) size);
    }
}

/* A filter found its end of data: nothing before it matters any more. */
static void
finish_stage (Chain *chain,
              Stage *stage)
{
  stage->done = TRUE;
  chain->stop = TRUE;
}

/* ---- Decoders ------------------------------------------------------------- */

static void
push_flate (Chain        *chain,
            guint         index,
            Stage        *stage,
            const guint8 *data,
            gsize         size)
{
  guint8 out[CHUNK];

  if (!stage->z_ready)
    {
      if (inflateInit (&stage->z) != Z_OK)
        {
          finish_stage (chain, stage);
          return;
        }
      stage->z_ready = TRUE;
    }

  stage->z.next_in = (Bytef *) data;
  stage->z.avail_in = (uInt) size;

  while (!chain->stop)
    {
      int status;
      gsize produced;

      stage->z.next_out = out;
      stage->z.avail_out = sizeof out;
      status = inflate (&stage->z, Z_NO_FLUSH);
      produced = sizeof out - stage->z.avail_out;
      emit (chain, index + 1, out, produced);

      if (status == Z_STREAM_END || (status != Z_OK && status != Z_BUF_ERROR))
        {
          /* The end, or damaged data: poppler stops reading there too. */
          finish_stage (chain, stage);
          return;
        }
      if (stage->z.avail_in == 0 && produced < sizeof out)
        return;
      if (status == Z_BUF_ERROR && produced == 0)
        return;
    }
}

static void
lzw_reset (Stage *stage)
{
  stage->code_length = 9;
  stage->next_code = 258;
  stage->previous = -1;
}

static void
push_lzw (Chain        *chain,
          guint         index,
          Stage        *stage,
          const guint8 *data,
          gsize         size)
{
  guint8 out[4096 + CHUNK];
  gsize out_length = 0;

  if (stage->code_length == 0)
    {
      for (int i = 0; i < 256; i++)
        {
          stage->suffix[i] = (guint8) i;
          stage->first[i] = (guint8) i;
          stage->length[i] = 1;
        }
      lzw_reset (stage);
    }

  for (gsize i = 0; i < size && !chain->stop; i++)
    {
      stage->bits = (stage->bits << 8) | data[i];
      stage->n_bits += 8;

      while (stage->n_bits >= stage->code_length && !chain->stop)
        {
          int code = (int) ((stage->bits >> (stage->n_bits - stage->code_length)) & ((1u << stage->code_length) - 1));
          int entry;

          stage->n_bits -= stage->code_length;

          if (code == 256)
            {
              lzw_reset (stage);
              continue;
            }
          if (code == 257)
            {
              emit (chain, index + 1, out, out_length);
              finish_stage (chain, stage);
              return;
            }

          if (stage->previous < 0)
            {
              if (code > 255)
                goto damaged;
              out[out_length++] = (guint8) code;
              stage->previous = code;
            }
          else
            {
              if (code > stage->next_code || (code == stage->next_code && code >= 4096))
                goto damaged;

              /* The new entry: the previous string and the first byte of this one. */
              if (stage->next_code < 4096)
                {
                  int added = stage->next_code;

                  stage->prefix[added] = (guint16) stage->previous;
                  stage->first[added] = stage->first[stage->previous];
                  stage->suffix[added] = code == added ? stage->first[stage->previous] : stage->first[code];
                  stage->length[added] = (guint16) MIN (stage->length[stage->previous] + 1, 4096);
                  stage->next_code++;
                }

              /* Write the string of @code, backwards from its last byte. */
              entry = code;
              {
                int n = stage->length[entry];

                for (int k = n - 1; k >= 0; k--)
                  {
                    out[out_length + (gsize) k] = stage->suffix[entry];
                    entry = stage->prefix[entry];
                  }
                out_length += (gsize) n;
              }
              stage->previous = code;
            }

          if (stage->next_code + stage->early_change >= (1 << stage->code_length) && stage->code_length < 12)
            stage->code_length++;

          if (out_length >= CHUNK)
            {
              emit (chain, index + 1, out, out_length);
              out_length = 0;
            }
        }
    }

  emit (chain, index + 1, out, out_length);
  return;

damaged:
  /* As poppler does: what came before the bad code, then nothing. */
  emit (chain, index + 1, out, out_length);
  finish_stage (chain, stage);
}

static void
push_run_length (Chain        *chain,
                 guint         index,
                 Stage        *stage,
                 const guint8 *data,
                 gsize         size)
{
  guint8 out[CHUNK];
  gsize out_length = 0;

  for (gsize i = 0; i < size && !chain->stop; i++)
    {
      guint8 c = data[i];

      if (stage->run > 0)
        {
          out[out_length++] = c;
          stage->run--;
        }
      else if (stage->repeat_next)
        {
          int times = -stage->run;

          stage->repeat_next = FALSE;
          stage->run = 0;
          for (int k = 0; k < times; k++)
            {
              out[out_length++] = c;
              if (out_length == sizeof out)
                {
                  emit (chain, index + 1, out, out_length);
                  out_length = 0;
                }
            }
        }
      else if (c < 128)
        stage->run = c + 1;
      else if (c > 128)
        {
          stage->run = -(257 - c);
          stage->repeat_next = TRUE;
        }
      else
        {
          emit (chain, index + 1, out, out_length);
          finish_stage (chain, stage);
          return;
        }

      if (out_length >= sizeof out - 1)
        {
          emit (chain, index + 1, out, out_length);
          out_length = 0;
        }
    }

  emit (chain, index + 1, out, out_length);
}

static void
push_ascii_hex (Chain        *chain,
                guint         index,
                Stage        *stage,
                const guint8 *data,
                gsize         size)
{
  guint8 out[CHUNK];
  gsize out_length = 0;

  for (gsize i = 0; i < size && !chain->stop; i++)
    {
      guint8 c = data[i];

      if (c == '>')
        {
          if (stage->high_nibble >= 0)
            out[out_length++] = (guint8) (stage->high_nibble << 4);
          emit (chain, index + 1, out, out_length);
          finish_stage (chain, stage);
          return;
        }
      if (!g_ascii_isxdigit (c))
        continue;

      if (stage->high_nibble < 0)
        stage->high_nibble = g_ascii_xdigit_value (c);
      else
        {
          out[out_length++] = (guint8) ((stage->high_nibble << 4) | g_ascii_xdigit_value (c));
          stage->high_nibble = -1;
          if (out_length == sizeof out)
            {
              emit (chain, index + 1, out, out_length);
              out_length = 0;
            }
        }
    }

  emit (chain, index + 1, out, out_length);
}

static void
push_ascii_85 (Chain        *chain,
               guint         index,
               Stage        *stage,
               const guint8 *data,
               gsize         size)
{
  guint8 out[CHUNK + 4];
  gsize out_length = 0;

  for (gsize i = 0; i < size && !chain->stop; i++)
    {
      guint8 c = data[i];

      if (stage->tilde || c == '~')
        {
          /* "~>" ends the data; the last group is padded with 'u'. */
          if (stage->group_length > 1)
            {
              int n = stage->group_length;

              for (int k = n; k < 5; k++)
                stage->group = stage->group * 85 + 84;
              for (int k = 0; k < n - 1; k++)
                out[out_length++] = (guint8) (stage->group >> (24 - 8 * k));
            }
          emit (chain, index + 1, out, out_length);
          finish_stage (chain, stage);
          return;
        }

      if (c == 'z' && stage->group_length == 0)
        {
          memset (out + out_length, 0, 4);
          out_length += 4;
        }
      else if (c >= '!' && c <= 'u')
        {
          stage->group = stage->group * 85 + (guint32) (c - '!');
          if (++stage->group_length == 5)
            {
              for (int k = 0; k < 4; k++)
                out[out_length++] = (guint8) (stage->group >> (24 - 8 * k));
              stage->group = 0;
              stage->group_length = 0;
            }
        }

      if (out_length >= CHUNK)
        {
          emit (chain, index + 1, out, out_length);
          out_length = 0;
        }
    }

  emit (chain, index + 1, out, out_length);
}

static void
push (Chain        *chain,
      guint         index,
      const guint8 *data,
      gsize         size)
{
  Stage *stage = &chain->stages[index];

  if (stage->done || chain->stop)
    return;

  switch (stage->kind)
    {
    case PORTING_PDF_FILTER_FLATE:
      push_flate (chain, index, stage, data, size);
      break;
    case PORTING_PDF_FILTER_LZW:
      push_lzw (chain, index, stage, data, size);
      break;
    case PORTING_PDF_FILTER_RUN_LENGTH:
      push_run_length (chain, index, stage, data, size);
      break;
    case PORTING_PDF_FILTER_ASCII_HEX:
      push_ascii_hex (chain, index, stage, data, size);
      break;
    case PORTING_PDF_FILTER_ASCII_85:
      push_ascii_85 (chain, index, stage, data, size);
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
porting_pdf_decode_and_count (const guint8           *data,
                              gsize                   size,
                              const PortingPdfFilter *filters,
                              guint                   n_filters,
                              gboolean                lzw_early_change,
                              guint64                 max_work,
                              guint64                 max_text_bytes,
                              PortingPdfStreamStats  *stats)
{
  g_autofree Stage *stages = NULL;
  Chain chain = { 0 };

  g_return_val_if_fail (n_filters <= PORTING_PDF_MAX_FILTERS, FALSE);
  g_return_val_if_fail (stats != NULL && stats->xobjects != NULL, FALSE);

  stages = g_new0 (Stage, MAX (n_filters, 1));
  for (guint i = 0; i < n_filters; i++)
    {
      stages[i].kind = filters[i];
      stages[i].high_nibble = -1;
      stages[i].early_change = lzw_early_change ? 1 : 0;
    }

  chain.stages = stages;
  chain.n_stages = n_filters;
  chain.stats = stats;
  chain.max_work = max_work;
  chain.max_text_bytes = max_text_bytes;

  /* The raw bytes in slices, so that a filter's end stops the feeding early. */
  for (gsize offset = 0; offset < size && !chain.stop; offset += 65536)
    {
      gsize length = MIN (65536, size - offset);

      if (n_filters == 0)
        emit (&chain, 0, data + offset, length);
      else
        push (&chain, 0, data + offset, length);
    }

  if (chain.lexer.state == LEX_TOKEN)
    end_token (&chain);

  for (guint i = 0; i < n_filters; i++)
    if (stages[i].z_ready)
      inflateEnd (&stages[i].z);

  return !chain.over_budget;
}
