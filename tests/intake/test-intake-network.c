/* test-intake-network.c — retries through a dropping proxy, garbage answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "intake-test-util.h"

/* A loopback TCP proxy in front of the real service. The first connection
 * carries the request to the service, but is cut as soon as the answer
 * starts to come back: the service has stored the request, the client saw
 * nothing but a broken connection and must retry with the same key. */
typedef struct
{
  GSocketService *socket_service;
  guint16         port;
  guint16         target_port;
  guint           n_connections;
} Proxy;

typedef struct
{
  GIOStream *client;
  GIOStream *server;
  char       buffer[1];
} DroppedPair;

static void
dropped_answer_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DroppedPair *pair = user_data;

  g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);
  g_io_stream_close (pair->client, NULL, NULL);
  g_io_stream_close (pair->server, NULL, NULL);
  g_object_unref (pair->client);
  g_object_unref (pair->server);
  g_free (pair);
}

static void
forwarded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, NULL);
}

static void
spliced_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_io_stream_splice_finish (result, NULL);
}

static gboolean
incoming_cb (GSocketService    *socket_service,
             GSocketConnection *connection,
             GObject           *source_object,
             Proxy             *proxy)
{
  g_autoptr(GSocketClient) socket_client = g_socket_client_new ();
  g_autoptr(GSocketConnection) upstream = NULL;
  g_autoptr(GError) error = NULL;

  proxy->n_connections++;
  upstream = g_socket_client_connect_to_host (socket_client, "127.0.0.1", proxy->target_port, NULL, &error);
  g_assert_no_error (error);

  if (proxy->n_connections == 1)
    {
      DroppedPair *pair = g_new0 (DroppedPair, 1);

      pair->client = G_IO_STREAM (g_object_ref (connection));
      pair->server = G_IO_STREAM (g_object_ref (upstream));
      g_output_stream_splice_async (g_io_stream_get_output_stream (pair->server),
                                    g_io_stream_get_input_stream (pair->client),
                                    G_OUTPUT_STREAM_SPLICE_NONE, G_PRIORITY_DEFAULT, NULL,
                                    forwarded_cb, NULL);
      g_input_stream_read_async (g_io_stream_get_input_stream (pair->server), pair->buffer, 1,
                                 G_PRIORITY_DEFAULT, NULL, dropped_answer_cb, pair);
      return TRUE;
    }

  g_io_stream_splice_async (G_IO_STREAM (connection), G_IO_STREAM (upstream),
                            G_IO_STREAM_SPLICE_CLOSE_STREAM1 | G_IO_STREAM_SPLICE_CLOSE_STREAM2,
                            G_PRIORITY_DEFAULT, NULL, spliced_cb, NULL);
  return TRUE;
}

static guint16
url_port (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  g_assert_nonnull (uri);
  return (guint16) g_uri_get_port (uri);
}

static void
test_retry_after_dropped_connection (void)
{
  TestService *service = test_service_start (NULL);
  g_autofree char *token = test_intake_token (service->data_dir, "customer", "Acme");
  g_autofree char *work_dir = g_dir_make_tmp ("proxy-XXXXXX", NULL);
  g_autoptr(GFile) loa = test_write_pdf (work_dir, "loa.pdf", 300 * 1024);
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(PortingIntakeClient) direct = NULL;
  g_autoptr(PortingIntakeClient) client = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *proxy_url = NULL;
  g_autofree char *key = g_uuid_string_random ();
  Proxy proxy = { 0 };

  proxy.socket_service = g_socket_service_new ();
  proxy.target_port = url_port (service->url);
  proxy.port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (proxy.socket_service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (proxy.socket_service, "incoming", G_CALLBACK (incoming_cb), &proxy);
  g_socket_service_start (proxy.socket_service);
  proxy_url = g_strdup_printf ("http://127.0.0.1:%u", proxy.port);

  client = test_client_new (proxy_url, token);
  stored = test_submit (client, request, loa, NULL, key, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpuint (proxy.n_connections, >=, 2);

  direct = test_client_new (service->url, token);
  all = test_list (direct, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (porting_request_get_id (g_ptr_array_index (all, 0)), ==, porting_request_get_id (stored));

  g_socket_service_stop (proxy.socket_service);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy.socket_service));
  g_object_unref (proxy.socket_service);
  test_service_free (service);
  test_remove_tree (work_dir);
}

/* A server that answers 200 with what is not the JSON asked for. */
static void
garbage_handler (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  const char *mode = user_data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  if (g_str_equal (mode, "html"))
    soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<html>Welcome!</html>", 21);
  else if (g_str_equal (mode, "broken-json"))
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"id\": \"x\", ", 12);
  else
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"kind\": 42}", 12);
}

static void
check_garbage (const char *mode)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(PortingIntakeClient) client = NULL;
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *key = g_uuid_string_random ();
  GSList *uris;

  soup_server_add_handler (server, NULL, garbage_handler, (gpointer) mode, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  client = test_client_new (url, "pt_whatever");
  stored = test_submit (client, request, NULL, NULL, key, NULL, &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_BAD_ANSWER);
  g_assert_null (stored);
  g_assert_nonnull (strstr (error->message, "cannot read"));
  g_clear_error (&error);

  listed = test_list (client, &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_BAD_ANSWER);
  g_assert_null (listed);
}

static void
test_garbage_answers (void)
{
  check_garbage ("html");
  check_garbage ("broken-json");
  check_garbage ("wrong-json");
}

static void
test_insecure_refused (void)
{
  g_autoptr(PortingIntakeClient) client = test_client_new ("http://intake.example.com", "pt_x");
  g_autoptr(PortingIntakeClient) local = test_client_new ("http://localhost:1", "pt_x");
  g_autoptr(PortingIntakeClient) tls = test_client_new ("https://intake.example.com", "pt_x");
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (porting_intake_client_check_url (client, &error));
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_INSECURE);
  g_clear_error (&error);
  g_assert_true (porting_intake_client_check_url (local, NULL));
  g_assert_true (porting_intake_client_check_url (tls, NULL));

  stored = test_submit (client, request, NULL, NULL, "6f1c1c9e-8b7a-4a55-9c1e-0a0f3c2b1d11", NULL, &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_INSECURE);
}

static void
unavailable_handler (SoupServer        *server,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
}

static void
test_cancel (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(PortingIntakeClient) client = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;

  /* A 503 every time, so the client sits in its back-off when cancelled. */
  soup_server_add_handler (server, NULL, unavailable_handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  client = porting_intake_client_new (url, "pt_x");
  g_object_set (client, "retry-delay", 30000, NULL);
  porting_intake_client_list_async (client, NULL, cancellable, test_store_result, &result);
  g_timeout_add_once (200, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  test_wait_result (&result);
  listed = porting_intake_client_list_finish (client, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  GPtrArray *keys;
  guint      n_requests;
} Flaky;

/* 503, then 429 with Retry-After: 1, then the stored request. */
static void
flaky_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Flaky *flaky = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  static const char stored[] =
    "{\"kind\": \"port-in\", \"id\": \"r-1\", \"status\": \"submitted\", \"numbers\": [\"+15105550142\"]}";

  g_ptr_array_add (flaky->keys, g_strdup (soup_message_headers_get_one (headers, "Idempotency-Key")));
  flaky->n_requests++;

  if (flaky->n_requests == 1)
    soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
  else if (flaky->n_requests == 2)
    {
      soup_server_message_set_status (msg, 429, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "1");
    }
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_CREATED, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, stored, strlen (stored));
    }
}

static void
test_retry_same_key (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(PortingIntakeClient) client = NULL;
  g_autoptr(PortingRequest) request = test_port_in_request (NULL);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Flaky flaky = { g_ptr_array_new_with_free_func (g_free), 0 };
  const char *key = "6f1c1c9e-8b7a-4a55-9c1e-0a0f3c2b1d11";
  gint64 start;
  GSList *uris;

  soup_server_add_handler (server, NULL, flaky_handler, &flaky, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  client = test_client_new (url, "pt_x");
  start = g_get_monotonic_time ();
  stored = test_submit (client, request, NULL, NULL, key, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (porting_request_get_id (stored), ==, "r-1");

  /* The service asked for a second before the third try; the back-off alone is 40 ms. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);
  g_assert_cmpuint (flaky.keys->len, ==, 3);
  for (guint i = 0; i < flaky.keys->len; i++)
    g_assert_cmpstr (g_ptr_array_index (flaky.keys, i), ==, key);

  g_ptr_array_unref (flaky.keys);
}

/* Answers that must not crash, hang or exhaust the client */

static char *
deep_json (guint depth)
{
  GString *text = g_string_new ("{\"error\": {\"message\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}}");
  return g_string_free (text, FALSE);
}

static void
deep_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  char *body = deep_json (60000);

  soup_server_message_set_status (msg, GPOINTER_TO_UINT (user_data), NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, strlen (body));
}

static char *
listen_local (SoupServer *server)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

/* JSON nested 60,000 deep overflowed the client's stack (parse_answer). */
static void
test_deep_answer (void)
{
  const guint statuses[] = { SOUP_STATUS_OK, SOUP_STATUS_BAD_REQUEST };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
      g_autoptr(PortingIntakeClient) client = NULL;
      g_autoptr(PortingRequest) request = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *url = NULL;

      soup_server_add_handler (server, NULL, deep_handler, GUINT_TO_POINTER (statuses[i]), NULL);
      url = listen_local (server);
      client = test_client_new (url, "pt_x");
      request = test_get (client, "r-1", &error);
      g_assert_null (request);
      if (statuses[i] == SOUP_STATUS_OK)
        g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_BAD_ANSWER);
      else
        {
          /* The service's message could not be read: its status says enough. */
          g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_REFUSED);
          g_assert_nonnull (strstr (error->message, "400"));
        }
    }
}

/* A server on a thread of its own, misbehaving in one of these ways. */
typedef enum
{
  RAW_HUGE_LENGTH,   /* says 2 GiB, sends until cut */
  RAW_HUGE_CHUNKED,  /* no length, 256 MiB */
  RAW_STALL,         /* the head, a byte of the body, then nothing */
  RAW_TRICKLE,       /* a byte every 300 ms, for ever */
} RawMode;

typedef struct
{
  RawMode    mode;
  GSocket   *listener;
  GThread   *thread;
  GPtrArray *clients;   /* a thread each */
  gboolean   stop;
  char      *url;
} RawServer;



static gboolean
raw_write_text (GSocket    *socket,
                const char *text)
{
  return test_socket_send (socket, text, strlen (text));
}

static void
raw_serve_one (RawServer *raw,
               GSocket   *socket);

typedef struct
{
  RawServer *raw;
  GSocket   *socket;
} RawClient;

static gpointer
raw_client_thread (gpointer data)
{
  RawClient *client = data;

  raw_serve_one (client->raw, client->socket);
  g_object_unref (client->socket);
  g_free (client);
  return NULL;
}

static void
raw_serve_one (RawServer *raw,
               GSocket   *socket)
{
  g_autofree char *block = g_malloc (1024 * 1024);
  GString *head = g_string_new (NULL);
  char buffer[4096];

  /* The request's head; these are all GETs. */
  while (strstr (head->str, "\r\n\r\n") == NULL)
    {
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL);

      if (n <= 0)
        break;
      g_string_append_len (head, buffer, n);
    }
  g_string_free (head, TRUE);
  memset (block, ' ', 1024 * 1024);
  block[0] = '[';

  switch (raw->mode)
    {
    case RAW_HUGE_LENGTH:
      if (raw_write_text (socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n"))
        for (guint i = 0; i < 2048 && !raw->stop && test_socket_send (socket, block, 1024 * 1024); i++)
          ;
      break;
    case RAW_HUGE_CHUNKED:
      if (raw_write_text (socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"))
        {
          guint i;

          for (i = 0; i < 256 && !raw->stop; i++)
            {
              if (!raw_write_text (socket, "100000\r\n") || !test_socket_send (socket, block, 1024 * 1024) ||
                  !raw_write_text (socket, "\r\n"))
                break;
            }
          if (i == 256)
            raw_write_text (socket, "0\r\n\r\n");
        }
      break;
    case RAW_STALL:
      raw_write_text (socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
      for (guint i = 0; i < 300 && !raw->stop; i++)
        {
          if (g_socket_condition_timed_wait (socket, G_IO_IN, 100 * 1000, NULL, NULL) &&
              g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL) <= 0)
            break;
        }
      break;
    case RAW_TRICKLE:
      if (raw_write_text (socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n["))
        for (guint i = 0; i < 100 && !raw->stop && test_socket_send (socket, " ", 1); i++)
          g_usleep (300 * 1000);
      break;
    default:
      g_assert_not_reached ();
    }
  g_socket_close (socket, NULL);
}

static gpointer
raw_server_thread (gpointer data)
{
  RawServer *raw = data;

  while (!raw->stop)
    {
      g_autoptr(GSocket) socket = g_socket_accept (raw->listener, NULL, NULL);

      if (socket != NULL)
        {
          RawClient *client = g_new0 (RawClient, 1);

          /* A client that stopped reading holds its own thread only. */
          g_socket_set_timeout (socket, 3);
          client->raw = raw;
          client->socket = g_steal_pointer (&socket);
          g_ptr_array_add (raw->clients, g_thread_new ("raw-client", raw_client_thread, client));
        }
    }
  return NULL;
}

static RawServer *
raw_server_new (RawMode mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  RawServer *raw = g_new0 (RawServer, 1);

  raw->mode = mode;
  raw->clients = g_ptr_array_new_with_free_func ((GDestroyNotify) g_thread_join);
  raw->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (raw->listener, any_port, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (raw->listener, &error);
  g_assert_no_error (error);
  g_socket_set_timeout (raw->listener, 1);
  bound = g_socket_get_local_address (raw->listener, &error);
  g_assert_no_error (error);
  raw->url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  raw->thread = g_thread_new ("raw-server", raw_server_thread, raw);
  return raw;
}

static void
raw_server_free (RawServer *raw)
{
  raw->stop = TRUE;
  g_thread_join (raw->thread);
  g_ptr_array_unref (raw->clients);
  g_socket_close (raw->listener, NULL);
  g_object_unref (raw->listener);
  g_free (raw->url);
  g_free (raw);
}

static guint64
own_memory_kib (const char *field)
{
  g_autofree char *contents = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &contents, NULL, NULL));
  line = strstr (contents, key);
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen (key), NULL, 10);
}

static int
run_cli_with (const char *url,
              char      **err)
{
  g_autofree char *out = NULL;
  int status;

  /* The environment porting-cli starts with; these clients read it when made. */
  g_setenv ("PORTING_INTAKE_TIMEOUT", "1", TRUE);
  g_setenv ("PORTING_INTAKE_DEADLINE", "2", TRUE);
  g_setenv ("PORTING_INTAKE_MAX_ATTEMPTS", "1", TRUE);
  status = test_run_cli (&out, err, (const char *[]) { "requests", "--url", url, "--token", "pt_x", "r-1", NULL });
  g_unsetenv ("PORTING_INTAKE_TIMEOUT");
  g_unsetenv ("PORTING_INTAKE_DEADLINE");
  g_unsetenv ("PORTING_INTAKE_MAX_ATTEMPTS");
  g_assert_cmpstr (out, ==, "");
  return status;
}

/* A 2 GiB answer took 8.2 GB of the client and exit 0. */
static void
test_huge_answer (void)
{
  const RawMode modes[] = { RAW_HUGE_LENGTH, RAW_HUGE_CHUNKED };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      RawServer *raw = raw_server_new (modes[i]);
      g_autoptr(PortingIntakeClient) client = test_client_new (raw->url, "pt_x");
      g_autoptr(PortingRequest) request = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;
      guint64 before = own_memory_kib ("VmHWM");
      guint64 after;

      g_object_set (client, "max-attempts", 1, NULL);
      request = test_get (client, "r-1", &error);
      after = own_memory_kib ("VmHWM");
      g_test_message ("%s answer: client VmHWM %" G_GUINT64_FORMAT " → %" G_GUINT64_FORMAT " KiB",
                      modes[i] == RAW_HUGE_LENGTH ? "2 GiB" : "256 MiB chunked", before, after);
      g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_BAD_ANSWER);
      g_assert_nonnull (strstr (error->message, "larger than"));
      g_assert_null (request);
      g_assert_cmpuint (after - before, <, 64 * 1024);
      g_clear_object (&client);

      g_assert_cmpint (run_cli_with (raw->url, &err), ==, 4);
      g_test_message ("porting-cli: %s", err);
      g_assert_nonnull (strstr (err, "larger than"));
      raw_server_free (raw);
    }
}

/* No byte for the timeout: cut, and said so. */
static void
test_stalled_answer (void)
{
  RawServer *raw = raw_server_new (RAW_STALL);
  g_autoptr(PortingIntakeClient) client = test_client_new (raw->url, "pt_x");
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (client, "max-attempts", 1, "timeout", 1, "deadline", 0, NULL);
  request = test_get (client, "r-1", &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "stopped answering"));
  raw_server_free (raw);
}

/* A server sending a byte every 20 s hung the client for ever: the deadline
 * cuts it (here a byte every 0.3 s against a 1 s timeout, a 2 s deadline). */
static void
test_trickling_answer (void)
{
  RawServer *raw = raw_server_new (RAW_TRICKLE);
  g_autoptr(PortingIntakeClient) client = test_client_new (raw->url, "pt_x");
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  gint64 start = g_get_monotonic_time ();

  g_object_set (client, "timeout", 1, "deadline", 2, NULL);
  request = test_get (client, "r-1", &error);
  g_assert_error (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "within 2 seconds"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  g_clear_object (&client);

  /* porting-cli: exit 4 with the reason. */
  g_assert_cmpint (run_cli_with (raw->url, &err), ==, 4);
  g_assert_nonnull (strstr (err, "within 2 seconds"));
  raw_server_free (raw);
}

int
main (int    argc,
      char **argv)
{
  test_intake_init_backend (&argc, &argv);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/intake-network/retry-after-dropped-connection", test_retry_after_dropped_connection);
  g_test_add_func ("/intake-network/retry-same-key", test_retry_same_key);
  g_test_add_func ("/intake-network/garbage-answers", test_garbage_answers);
  g_test_add_func ("/intake-network/insecure", test_insecure_refused);
  g_test_add_func ("/intake-network/cancel", test_cancel);
  g_test_add_func ("/intake-network/deep-answer", test_deep_answer);
  g_test_add_func ("/intake-network/huge-answer", test_huge_answer);
  g_test_add_func ("/intake-network/stalled-answer", test_stalled_answer);
  g_test_add_func ("/intake-network/trickling-answer", test_trickling_answer);

  return g_test_run ();
}
