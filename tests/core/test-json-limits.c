/* test-json-limits.c — JSON nesting counted before json-glib recurses into it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "porting-json-limits.h"
#include "porting-request.h"
#include "porting-review.h"

/* {"a":[[[…]]]} nested @depth deep in all. */
static char *
nested (guint depth)
{
  GString *text = g_string_new ("{\"kind\": \"port-in\", \"a\": ");

  for (guint i = 1; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 1; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

static void
test_depth (void)
{
  g_autofree char *ok = nested (PORTING_JSON_MAX_DEPTH);
  g_autofree char *too_deep = nested (PORTING_JSON_MAX_DEPTH + 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (porting_json_check_depth (ok, -1, PORTING_JSON_MAX_DEPTH, &error));
  g_assert_no_error (error);
  g_assert_false (porting_json_check_depth (too_deep, -1, PORTING_JSON_MAX_DEPTH, &error));
  g_assert_error (error, PORTING_JSON_ERROR, PORTING_JSON_ERROR_TOO_DEEP);
  g_clear_error (&error);

  /* Brackets in strings, escaped quotes, do not count. */
  g_assert_true (porting_json_check_depth ("{\"a\": \"[[[[[[[[\\\"[[[[\"}", -1, 2, &error));
  g_assert_no_error (error);
  g_assert_false (porting_json_check_depth ("[[\"\\\\\"[", -1, 2, &error));
  g_clear_error (&error);

  /* Only @length bytes are looked at. */
  g_assert_true (porting_json_check_depth ("[[[[", 2, 2, NULL));
}

/* 60,000 levels overflowed the stack of json-glib's parser and of
 * porting_request_new_from_json(): now a clear error, and nothing built. */
static void
test_very_deep (void)
{
  g_autofree char *deep = nested (60000);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(PortingReview) review = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = porting_json_parse (deep, -1, PORTING_JSON_MAX_DEPTH, &error);
  g_assert_null (node);
  g_assert_error (error, PORTING_JSON_ERROR, PORTING_JSON_ERROR_TOO_DEEP);
  g_clear_error (&error);

  request = porting_request_new_from_json (deep, -1, NULL, &error);
  g_assert_null (request);
  g_assert_error (error, PORTING_REQUEST_ERROR, PORTING_REQUEST_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "nested"));
  g_clear_error (&error);

  review = porting_review_new_from_json (deep, -1, NULL, &error);
  g_assert_null (review);
  g_assert_error (error, PORTING_REVIEW_ERROR, PORTING_REVIEW_ERROR_MALFORMED);
}

static void
test_malformed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = porting_json_parse ("{\"a\": ", -1, PORTING_JSON_MAX_DEPTH, &error);

  g_assert_null (node);
  g_assert_error (error, PORTING_JSON_ERROR, PORTING_JSON_ERROR_MALFORMED);
  g_clear_error (&error);

  node = porting_json_parse ("{\"a\": [1, {\"b\": null}]}", -1, PORTING_JSON_MAX_DEPTH, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-limits/depth", test_depth);
  g_test_add_func ("/json-limits/very-deep", test_very_deep);
  g_test_add_func ("/json-limits/malformed", test_malformed);

  return g_test_run ();
}
