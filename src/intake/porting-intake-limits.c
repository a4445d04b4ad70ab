/* porting-intake-limits.c — refusing a request before its body, and requests per token
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-intake-limits"

#include "config.h"

#include <math.h>
#include <string.h>

#include "porting-intake-limits.h"

#define DRAIN_BLOCK 65536

typedef struct
{
  SoupServerMessage *msg;        /* until the connection is taken */
  GIOStream         *stream;
  GSocket           *socket;
  GBytes            *answer;
  goffset            drain_left;
  guint              linger_s;
  GSource           *linger_source;
  GCancellable      *cancellable;
  char              *log_line;
  guint8            *buffer;
} Refusal;

static void
refusal_free (Refusal *refusal)
{
  if (refusal->linger_source != NULL)
    g_source_destroy (refusal->linger_source);
  g_clear_pointer (&refusal->linger_source, g_source_unref);
  g_clear_object (&refusal->msg);
  g_clear_object (&refusal->stream);
  g_clear_object (&refusal->socket);
  g_clear_pointer (&refusal->answer, g_bytes_unref);
  g_clear_object (&refusal->cancellable);
  g_free (refusal->log_line);
  g_free (refusal->buffer);
  g_free (refusal);
}

static void
closed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Refusal *refusal = user_data;

  g_io_stream_close_finish (G_IO_STREAM (object), result, NULL);
  refusal_free (refusal);
}

static void
finish (Refusal *refusal)
{
  if (refusal->linger_source != NULL)
    g_source_destroy (refusal->linger_source);
  g_clear_pointer (&refusal->linger_source, g_source_unref);
  g_io_stream_close_async (refusal->stream, G_PRIORITY_DEFAULT, NULL, closed_cb, refusal);
}

static gboolean
linger_done_cb (gpointer user_data)
{
  Refusal *refusal = user_data;

  /* The read in flight ends cancelled, and that closes the stream. */
  g_cancellable_cancel (refusal->cancellable);
  return G_SOURCE_REMOVE;
}

static void drain_next (Refusal *refusal);

static void
drained_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Refusal *refusal = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);

  if (n <= 0)
    {
      finish (refusal);
      return;
    }
  refusal->drain_left -= n;
  drain_next (refusal);
}

static void
drain_next (Refusal *refusal)
{
  if (refusal->drain_left <= 0 || g_cancellable_is_cancelled (refusal->cancellable))
    {
      finish (refusal);
      return;
    }
  g_input_stream_read_async (g_io_stream_get_input_stream (refusal->stream), refusal->buffer,
                             MIN (refusal->drain_left, DRAIN_BLOCK), G_PRIORITY_DEFAULT,
                             refusal->cancellable, drained_cb, refusal);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Refusal *refusal = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, &error))
    {
      finish (refusal);
      return;
    }

  /* Plain TCP: say we are done writing, so the client reads the answer. */
  if (refusal->socket != NULL && !G_IS_TLS_CONNECTION (refusal->stream))
    g_socket_shutdown (refusal->socket, FALSE, TRUE, NULL);

  refusal->buffer = g_malloc (DRAIN_BLOCK);
  refusal->linger_source = g_timeout_source_new_seconds (refusal->linger_s);
  g_source_set_callback (refusal->linger_source, linger_done_cb, refusal, NULL);
  g_source_attach (refusal->linger_source, NULL);
  drain_next (refusal);
}

static gboolean
take_connection_cb (gpointer user_data)
{
  Refusal *refusal = user_data;
  g_autoptr(SoupServerMessage) msg = g_steal_pointer (&refusal->msg);

  refusal->socket = soup_server_message_get_socket (msg);
  if (refusal->socket != NULL)
    g_object_ref (refusal->socket);

  /* The message goes with it: nothing of it may be used after this. */
  refusal->stream = soup_server_message_steal_connection (msg);
  g_clear_object (&msg);

  g_printerr ("%s\n", refusal->log_line);
  if (refusal->stream == NULL)
    {
      /* Not connected yet (a TLS handshake under way): cut it. */
      if (refusal->socket != NULL)
        g_socket_shutdown (refusal->socket, TRUE, TRUE, NULL);
      refusal_free (refusal);
      return G_SOURCE_REMOVE;
    }

  g_output_stream_write_all_async (g_io_stream_get_output_stream (refusal->stream),
                                   g_bytes_get_data (refusal->answer, NULL), g_bytes_get_size (refusal->answer),
                                   G_PRIORITY_DEFAULT, refusal->cancellable, written_cb, refusal);
  return G_SOURCE_REMOVE;
}

void
porting_intake_refuse (SoupServerMessage  *msg,
                       gboolean            pause,
                       guint               status,
                       const char         *json_body,
                       const char * const *extra_headers,
                       goffset             drain_limit,
                       guint               linger_s)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = soup_date_time_to_string (now, SOUP_DATE_HTTP);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const char *remote = soup_server_message_get_remote_host (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  Refusal *refusal = g_new0 (Refusal, 1);
  GString *answer = g_string_new (NULL);
  gsize body_length = json_body ? strlen (json_body) : 0;

  g_string_append_printf (answer, "HTTP/1.1 %u %s\r\nDate: %s\r\nConnection: close\r\n"
                                  "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n",
                          status, soup_status_get_phrase (status), date);
  for (guint i = 0; extra_headers != NULL && extra_headers[i] != NULL && extra_headers[i + 1] != NULL; i += 2)
    g_string_append_printf (answer, "%s: %s\r\n", extra_headers[i], extra_headers[i + 1]);
  if (json_body != NULL)
    g_string_append (answer, "Content-Type: application/json\r\n");
  g_string_append_printf (answer, "Content-Length: %zu\r\n\r\n", body_length);
  if (json_body != NULL)
    g_string_append (answer, json_body);

  refusal->msg = g_object_ref (msg);
  refusal->answer = g_string_free_to_bytes (answer);
  refusal->drain_left = MAX (drain_limit, 0);
  refusal->linger_s = MAX (linger_s, 1);
  refusal->cancellable = g_cancellable_new ();
  refusal->log_line = g_strdup_printf ("%s %s %s %s %u refused before the body",
                                       stamp, remote ? remote : "-",
                                       soup_server_message_get_method (msg) ? soup_server_message_get_method (msg) : "-",
                                       uri ? g_uri_get_path (uri) : "-", status);

  /* Inside libsoup's reading the connection cannot be taken: stop it, and
   * take it as soon as the handler has returned. */
  if (pause)
    soup_server_message_pause (msg);
  g_idle_add_full (G_PRIORITY_HIGH, take_connection_cb, refusal, NULL);
}

/* Rate limits: a token bucket per account. */

typedef struct
{
  double tokens;
  gint64 updated_at;
} Bucket;

struct _PortingIntakeRateLimiter
{
  guint       per_minute;
  GHashTable *buckets;  /* account id → Bucket */
};

PortingIntakeRateLimiter *
porting_intake_rate_limiter_new (guint per_minute)
{
  PortingIntakeRateLimiter *limiter = g_new0 (PortingIntakeRateLimiter, 1);

  limiter->per_minute = per_minute;
  limiter->buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return limiter;
}

void
porting_intake_rate_limiter_free (PortingIntakeRateLimiter *limiter)
{
  if (limiter == NULL)
    return;
  g_hash_table_unref (limiter->buckets);
  g_free (limiter);
}

gboolean
porting_intake_rate_limiter_take (PortingIntakeRateLimiter *limiter,
                                  gint64                    account_id,
                                  guint                    *retry_after_s)
{
  gint64 now = g_get_monotonic_time ();
  double per_second;
  Bucket *bucket;

  if (limiter->per_minute == 0)
    return TRUE;

  per_second = limiter->per_minute / 60.0;
  bucket = g_hash_table_lookup (limiter->buckets, &account_id);
  if (bucket == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = account_id;
      bucket = g_new0 (Bucket, 1);
      bucket->tokens = limiter->per_minute;
      bucket->updated_at = now;
      g_hash_table_insert (limiter->buckets, key, bucket);
    }

  bucket->tokens = MIN ((double) limiter->per_minute,
                        bucket->tokens + (now - bucket->updated_at) / (double) G_USEC_PER_SEC * per_second);
  bucket->updated_at = now;
  if (bucket->tokens >= 1.0)
    {
      bucket->tokens -= 1.0;
      return TRUE;
    }
  *retry_after_s = (guint) MAX (1.0, ceil ((1.0 - bucket->tokens) / per_second));
  return FALSE;
}
