/* porting-intake-limits.h — refusing a request before its body, and requests per token
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Answers @msg now, without reading its body: the connection is taken from
 * libsoup (which would read the whole body before answering), the answer
 * written, and then at most @drain_limit bytes more are read and dropped for
 * at most @linger_s seconds, so that the client sees the answer instead of a
 * reset connection. @extra_headers: name, value, …, NULL. @pause: TRUE from
 * inside a libsoup signal handler (got-headers, got-chunk), where the
 * connection can only be taken once the handler has returned. */
void porting_intake_refuse (SoupServerMessage  *msg,
                            gboolean            pause,
                            guint               status,
                            const char         *json_body,
                            const char * const *extra_headers,
                            goffset             drain_limit,
                            guint               linger_s);

typedef struct _PortingIntakeRateLimiter PortingIntakeRateLimiter;

/* @per_minute requests per token, in bursts of as many; 0: no limit. */
PortingIntakeRateLimiter *porting_intake_rate_limiter_new  (guint                     per_minute);
void                      porting_intake_rate_limiter_free (PortingIntakeRateLimiter *limiter);
/* TRUE when @account_id may make one more request now; otherwise
 * *retry_after_s says when it may. */
gboolean                  porting_intake_rate_limiter_take (PortingIntakeRateLimiter *limiter,
                                                            gint64                    account_id,
                                                            guint                    *retry_after_s);

G_END_DECLS
