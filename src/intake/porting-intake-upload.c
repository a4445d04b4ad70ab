/* porting-intake-upload.c — a multipart/form-data submission read as it arrives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memmem */
#define G_LOG_DOMAIN "porting-intake-upload"

#include "config.h"

#include <errno.h>
#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "porting-intake-upload.h"

#define MAX_PART_HEADERS 8192
#define SNIFF_SIZE       8

G_DEFINE_QUARK (porting-intake-upload-error-quark, porting_intake_upload_error)

typedef enum
{
  STATE_PREAMBLE,        /* before the first delimiter */
  STATE_AFTER_DELIMITER, /* "--" ends the body, CRLF starts a part */
  STATE_HEADERS,
  STATE_BODY,
  STATE_DONE,            /* the epilogue, ignored */
} State;

typedef enum
{
  PART_IGNORED,
  PART_REQUEST,
  PART_DOCUMENT,
} PartKind;

struct _PortingIntakeUpload
{
  PortingIntakeStore        *store;
  PortingIntakeUploadLimits  limits;
  char                      *delimiter;      /* "\r\n--" boundary */
  gsize                      delimiter_len;

  State                      state;
  GByteArray                 *carry;         /* bytes that may begin a delimiter */
  GByteArray                 *headers;
  guint                      n_parts;
  guint                      n_documents;
  gboolean                   has_loa;
  gboolean                   has_proof;
  guint                      n_regulatory;

  PartKind                   part_kind;
  GByteArray                 *request;       /* the "request" part, in memory */
  gboolean                   has_request;
  PortingIntakeDocument      *document;      /* the document part being written */
  int                        document_fd;
  GChecksum                  *checksum;
  guint8                     sniff[SNIFF_SIZE];
  gsize                      sniffed;
  GPtrArray                  *documents;

  GError                     *deferred;      /* answered once the body is read */
  char                       *error_field;
};

static void
close_document (PortingIntakeUpload *upload)
{
  if (upload->document_fd >= 0)
    close (upload->document_fd);
  upload->document_fd = -1;
  g_clear_pointer (&upload->document, porting_intake_document_free);
  g_clear_pointer (&upload->checksum, g_checksum_free);
}

void
porting_intake_upload_free (PortingIntakeUpload *upload)
{
  if (upload == NULL)
    return;
  close_document (upload);
  g_clear_object (&upload->store);
  g_free (upload->delimiter);
  g_byte_array_unref (upload->carry);
  g_byte_array_unref (upload->headers);
  if (upload->request != NULL)
    {
      /* It may hold a wireless PIN. */
      sodium_memzero (upload->request->data, upload->request->len);
      g_byte_array_unref (upload->request);
    }
  g_clear_pointer (&upload->documents, g_ptr_array_unref);
  g_clear_error (&upload->deferred);
  g_free (upload->error_field);
  g_free (upload);
}

PortingIntakeUpload *
porting_intake_upload_new (PortingIntakeStore              *store,
                           const char                      *boundary,
                           const PortingIntakeUploadLimits *limits)
{
  PortingIntakeUpload *upload = g_new0 (PortingIntakeUpload, 1);

  upload->store = g_object_ref (store);
  upload->limits = *limits;
  upload->delimiter = g_strconcat ("\r\n--", boundary, NULL);
  upload->delimiter_len = strlen (upload->delimiter);
  upload->state = STATE_PREAMBLE;
  /* The first delimiter may open the body without a line break before it. */
  upload->carry = g_byte_array_new ();
  g_byte_array_append (upload->carry, (const guint8 *) "\r\n", 2);
  upload->headers = g_byte_array_new ();
  upload->request = g_byte_array_new ();
  upload->document_fd = -1;
  upload->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_intake_document_free);
  return upload;
}

static gboolean
fail (PortingIntakeUpload *upload,
      GError             **error,
      int                  code,
      const char          *field,
      const char          *message)
{
  g_free (upload->error_field);
  upload->error_field = g_strdup (field);
  g_set_error_literal (error, PORTING_INTAKE_UPLOAD_ERROR, code, message);
  return FALSE;
}

/* Wrong in a way that can wait for the end of the body to be answered. */
static void
defer (PortingIntakeUpload *upload,
       int                  code,
       const char          *field,
       const char          *message)
{
  if (upload->deferred != NULL)
    return;
  fail (upload, &upload->deferred, code, field, message);
}

static const char *
sniff_content_type (const guint8 *data,
                    gsize         size)
{
  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return "application/pdf";
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (size >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return "image/jpeg";
  return NULL;
}

/* Parts */

static gboolean
start_part (PortingIntakeUpload  *upload,
            GError              **error)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_MULTIPART);
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GString) text = g_string_new ("part");
  g_autoptr(GError) local_error = NULL;
  g_autofree char *disposition = NULL;
  const char *name;

  if (++upload->n_parts > upload->limits.max_parts)
    return fail (upload, error, PORTING_INTAKE_UPLOAD_ERROR_TOO_MANY, NULL,
                 "The body has too many parts.");

  /* soup_headers_parse() skips a first line, as of a request; the headers
   * kept begin with the line break that ended the delimiter. */
  g_string_append_len (text, (const char *) upload->headers->data, upload->headers->len);
  if (!soup_headers_parse (text->str, (int) text->len, headers) ||
      !soup_message_headers_get_content_disposition (headers, &disposition, &params) ||
      (name = g_hash_table_lookup (params, "name")) == NULL)
    return fail (upload, error, PORTING_INTAKE_UPLOAD_ERROR_MALFORMED, NULL,
                 "Every part needs a Content-Disposition with a name.");

  upload->part_kind = PART_IGNORED;
  if (g_str_equal (name, "request"))
    {
      upload->part_kind = PART_REQUEST;
      upload->has_request = TRUE;
      g_byte_array_set_size (upload->request, 0);
      return TRUE;
    }
  if (!g_str_equal (name, "loa") && !g_str_equal (name, "proof") && !g_str_equal (name, "regulatory"))
    return TRUE;

  if (++upload->n_documents > upload->limits.max_documents)
    {
      g_autofree char *message = g_strdup_printf ("Send %u documents at most.", upload->limits.max_documents);

      return fail (upload, error, PORTING_INTAKE_UPLOAD_ERROR_TOO_MANY, name, message);
    }
  if ((g_str_equal (name, "loa") && upload->has_loa) || (g_str_equal (name, "proof") && upload->has_proof))
    {
      defer (upload, PORTING_INTAKE_UPLOAD_ERROR_DUPLICATE, name,
             "Send one LOA and one proof; several files are only allowed as “regulatory”.");
      return TRUE;
    }
  upload->has_loa |= g_str_equal (name, "loa");
  upload->has_proof |= g_str_equal (name, "proof");

  upload->document = g_new0 (PortingIntakeDocument, 1);
  upload->document->part = g_strdup (name);
  if (g_str_equal (name, "regulatory"))
    upload->document->name = g_strdup_printf ("regulatory-%u", ++upload->n_regulatory);
  else
    upload->document->name = g_strdup (name);
  upload->document->filename = g_strdup (g_hash_table_lookup (params, "filename"));
  upload->document_fd = porting_intake_store_stage_document (upload->store, &upload->document->temp_path, &local_error);
  if (upload->document_fd < 0)
    {
      g_autoptr(PortingIntakeDocument) document = g_steal_pointer (&upload->document);

      return fail (upload, error,
                   g_error_matches (local_error, PORTING_INTAKE_STORE_ERROR, PORTING_INTAKE_STORE_ERROR_NO_SPACE)
                   ? PORTING_INTAKE_UPLOAD_ERROR_NO_SPACE : PORTING_INTAKE_UPLOAD_ERROR_FAILED,
                   name, local_error->message);
    }
  upload->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  upload->sniffed = 0;
  upload->part_kind = PART_DOCUMENT;
  return TRUE;
}

static gboolean
part_data (PortingIntakeUpload  *upload,
           const guint8         *data,
           gsize                 size,
           GError              **error)
{
  if (size == 0)
    return TRUE;

  if (upload->part_kind == PART_REQUEST)
    {
      if (upload->request->len + size > upload->limits.max_request_part)
        return fail (upload, error, PORTING_INTAKE_UPLOAD_ERROR_TOO_LARGE, "request",
                     "The request part is too large.");
      g_byte_array_append (upload->request, data, size);
      return TRUE;
    }
  if (upload->part_kind != PART_DOCUMENT)
    return TRUE;

  if (upload->document->size + (goffset) size > upload->limits.max_document)
    return fail (upload, error, PORTING_INTAKE_UPLOAD_ERROR_TOO_LARGE, upload->document->part,
                 "A document is larger than 25 MiB: send a smaller scan.");

  if (upload->sniffed < SNIFF_SIZE)
    {
      gsize n = MIN (size, SNIFF_SIZE - upload->sniffed);

      memcpy (upload->sniff + upload->sniffed, data, n);
      upload->sniffed += n;
    }
  g_checksum_update (upload->checksum, data, size);
  upload->document->size += size;

  for (gsize written = 0; written < size;)
    {
      gssize n = write (upload->document_fd, data + written, size - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          return fail (upload, error,
                       saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG
                       ? PORTING_INTAKE_UPLOAD_ERROR_NO_SPACE : PORTING_INTAKE_UPLOAD_ERROR_FAILED,
                       upload->document->part, g_strerror (saved_errno));
        }
      written += n;
    }
  return TRUE;
}

static void
end_part (PortingIntakeUpload *upload)
{
  PortingIntakeDocument *document;
  const char *content_type;

  if (upload->part_kind != PART_DOCUMENT)
    return;
  upload->part_kind = PART_IGNORED;

  content_type = sniff_content_type (upload->sniff, upload->sniffed);
  if (content_type == NULL)
    {
      defer (upload, PORTING_INTAKE_UPLOAD_ERROR_UNSUPPORTED, upload->document->part,
             "Documents must be PDF, PNG or JPEG files.");
      close_document (upload);
      return;
    }

  close (upload->document_fd);
  upload->document_fd = -1;
  document = g_steal_pointer (&upload->document);
  document->content_type = g_strdup (content_type);
  document->sha256 = g_strdup (g_checksum_get_string (upload->checksum));
  g_clear_pointer (&upload->checksum, g_checksum_free);
  g_ptr_array_add (upload->documents, document);
}

/* Feeding */

/* @data, up to the next delimiter or what may begin one: what lies before it
 * goes to the part (or is dropped in the preamble); the rest is carried. */
static gboolean
scan_for_delimiter (PortingIntakeUpload  *upload,
                    const guint8         *data,
                    gsize                 size,
                    gsize                *consumed,
                    gboolean             *found,
                    GError              **error)
{
  const guint8 *hit = memmem (data, size, upload->delimiter, upload->delimiter_len);
  gsize keep;

  if (hit != NULL)
    {
      if (upload->state == STATE_BODY && !part_data (upload, data, hit - data, error))
        return FALSE;
      *consumed = (hit - data) + upload->delimiter_len;
      *found = TRUE;
      return TRUE;
    }

  /* The tail may be the start of a delimiter split across chunks. */
  keep = MIN (size, upload->delimiter_len - 1);
  if (upload->state == STATE_BODY && !part_data (upload, data, size - keep, error))
    return FALSE;
  *consumed = size - keep;
  *found = FALSE;
  return TRUE;
}

static gboolean
step (PortingIntakeUpload  *upload,
      const guint8         *data,
      gsize                 size,
      gsize                *consumed,
      GError              **error)
{
  switch (upload->state)
    {
    case STATE_PREAMBLE:
    case STATE_BODY:
      {
        gboolean found = FALSE;

        if (!scan_for_delimiter (upload, data, size, consumed, &found, error))
          return FALSE;
        if (found)
          {
            if (upload->state == STATE_BODY)
              end_part (upload);
            upload->state = STATE_AFTER_DELIMITER;
          }
        return TRUE;
      }

    case STATE_AFTER_DELIMITER:
      if (size < 2)
        {
          *consumed = 0;
          return TRUE;
        }
      *consumed = 2;
      if (memcmp (data, "--", 2) == 0)
        upload->state = STATE_DONE;
      else if (memcmp (data, "\r\n", 2) == 0)
        {
          /* Kept: an empty header block is then "\r\n\r\n" like any other end. */
          upload->state = STATE_HEADERS;
          g_byte_array_set_size (upload->headers, 0);
          g_byte_array_append (upload->headers, data, 2);
        }
      else
        return fail (upload, error, PORTING_INTAKE_UPLOAD_ERROR_MALFORMED, NULL,
                     "A boundary is not followed by a line break.");
      return TRUE;

    case STATE_HEADERS:
      {
        const guint8 *end;
        gsize before = upload->headers->len;

        g_byte_array_append (upload->headers, data, MIN (size, MAX_PART_HEADERS + 4));
        end = memmem (upload->headers->data, upload->headers->len, "\r\n\r\n", 4);
        if (end == NULL)
          {
            if (upload->headers->len > MAX_PART_HEADERS)
              return fail (upload, error, PORTING_INTAKE_UPLOAD_ERROR_MALFORMED, NULL,
                           "The headers of a part are too long.");
            *consumed = upload->headers->len - before;
            return TRUE;
          }
        *consumed = (end - upload->headers->data) + 4 - before;
        g_byte_array_set_size (upload->headers, (end - upload->headers->data) + 2);
        if (!start_part (upload, error))
          return FALSE;
        upload->state = STATE_BODY;
        return TRUE;
      }

    case STATE_DONE:
      *consumed = size;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

gboolean
porting_intake_upload_feed (PortingIntakeUpload  *upload,
                            const guint8         *data,
                            gsize                 size,
                            GError              **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  const guint8 *p;
  gsize left;

  /* What was carried goes first: a delimiter may straddle two chunks. */
  buffer = g_byte_array_sized_new (upload->carry->len + size);
  g_byte_array_append (buffer, upload->carry->data, upload->carry->len);
  g_byte_array_append (buffer, data, size);
  g_byte_array_set_size (upload->carry, 0);

  p = buffer->data;
  left = buffer->len;
  while (left > 0)
    {
      gsize consumed = 0;

      if (!step (upload, p, left, &consumed, error))
        return FALSE;
      if (consumed == 0)
        break;
      p += consumed;
      left -= consumed;
      if (upload->state == STATE_DONE)
        return TRUE;
      /* Searching stops short of the end when a delimiter could start there. */
      if ((upload->state == STATE_BODY || upload->state == STATE_PREAMBLE) &&
          left < upload->delimiter_len && memmem (p, left, upload->delimiter, upload->delimiter_len) == NULL)
        break;
    }
  g_byte_array_append (upload->carry, p, left);
  return TRUE;
}

gboolean
porting_intake_upload_finish (PortingIntakeUpload  *upload,
                              GError              **error)
{
  if (upload->deferred != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&upload->deferred));
      return FALSE;
    }
  if (upload->state != STATE_DONE)
    return fail (upload, error, PORTING_INTAKE_UPLOAD_ERROR_MALFORMED, NULL,
                 "The body must be multipart/form-data with a part named “request”, ended by its closing boundary.");
  return TRUE;
}

const char *
porting_intake_upload_get_error_field (PortingIntakeUpload *upload)
{
  return upload->error_field;
}

const char *
porting_intake_upload_get_request_part (PortingIntakeUpload *upload,
                                        gsize               *size)
{
  if (!upload->has_request)
    return NULL;
  *size = upload->request->len;
  return (const char *) upload->request->data;
}

GPtrArray *
porting_intake_upload_steal_documents (PortingIntakeUpload *upload)
{
  GPtrArray *documents = g_steal_pointer (&upload->documents);

  upload->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_intake_document_free);
  return documents;
}
