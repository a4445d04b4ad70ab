/* test-review.c — what staff send about a request, and the transitions it may take
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "porting-review.h"

#define S(name) PORTING_REQUEST_STATUS_##name

static PortingReview *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  PortingReview *review = porting_review_new_from_json (json, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (review);
  return review;
}

static void
assert_refused (const char *json,
                const char *field)
{
  g_autoptr(PortingReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *invalid_field = NULL;

  review = porting_review_new_from_json (json, -1, &invalid_field, &error);
  if (review != NULL)
    g_assert_false (porting_review_validate (review, &invalid_field, &error));
  g_assert_error (error, PORTING_REVIEW_ERROR, PORTING_REVIEW_ERROR_INVALID);
  g_assert_cmpstr (invalid_field, ==, field);
}

static void
test_parse (void)
{
  g_autoptr(PortingReview) approve = NULL;
  g_autoptr(PortingReview) scheduled = NULL;
  g_autoptr(PortingReview) older = NULL;
  g_autoptr(JsonObject) check = NULL;
  g_autoptr(JsonObject) answer = NULL;

  approve = parse ("{\"decision\": \"approve\", \"name_match\": true, \"address_match\": false,"
                   " \"answer\": {\"provider_account_sid\": \"AC0123456789abcdef0123456789abcdef\"},"
                   " \"note\": \"Matches the bill\"}");
  g_assert_cmpint (porting_review_get_decision (approve), ==, PORTING_REVIEW_DECISION_APPROVE);
  g_assert_cmpint (porting_review_get_status (approve), ==, S (APPROVED));
  g_assert_cmpint (porting_review_get_name_match (approve), ==, PORTING_REVIEW_MATCH_CONFIRMED);
  g_assert_cmpint (porting_review_get_address_match (approve), ==, PORTING_REVIEW_MATCH_REJECTED);
  g_assert_cmpstr (porting_review_get_answer (approve, "provider_account_sid"), ==, "AC0123456789abcdef0123456789abcdef");
  g_assert_cmpstr (porting_review_get_history_note (approve), ==, "Matches the bill");
  g_assert_true (porting_review_validate (approve, NULL, NULL));
  check = porting_review_dup_document_check (approve);
  g_assert_cmpstr (json_object_get_string_member (check, "name"), ==, "confirmed");
  g_assert_cmpstr (json_object_get_string_member (check, "address"), ==, "rejected");

  scheduled = parse ("{\"status\": \"scheduled\", \"foc_date\": \"2026-12-18\"}");
  g_assert_cmpint (porting_review_get_decision (scheduled), ==, PORTING_REVIEW_DECISION_NONE);
  g_assert_cmpint (porting_review_get_status (scheduled), ==, S (SCHEDULED));
  g_assert_true (porting_review_validate (scheduled, NULL, NULL));
  g_assert_null (porting_review_dup_answer_object (scheduled));

  /* What the app sends today: document_check with words. */
  older = parse ("{\"decision\": \"reject\", \"document_check\": {\"name\": \"rejected\", \"address\": \"confirmed\","
                 " \"verdict\": \"mismatch\"}, \"answer\": {\"reason\": \"The name differs from the bill.\"}}");
  g_assert_cmpint (porting_review_get_name_match (older), ==, PORTING_REVIEW_MATCH_REJECTED);
  g_assert_cmpint (porting_review_get_address_match (older), ==, PORTING_REVIEW_MATCH_CONFIRMED);
  g_assert_cmpstr (porting_review_get_verdict (older), ==, "mismatch");
  g_assert_cmpstr (porting_review_get_history_note (older), ==, "The name differs from the bill.");
  answer = porting_review_dup_answer_object (older);
  g_assert_cmpstr (json_object_get_string_member (answer, "reason"), ==, "The name differs from the bill.");
}

static void
test_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingReview) review = NULL;

  assert_refused ("{}", "decision");
  assert_refused ("{\"decision\": \"maybe\"}", "decision");
  assert_refused ("{\"status\": \"teleported\"}", "status");
  assert_refused ("{\"decision\": 3}", "decision");
  assert_refused ("{\"decision\": \"reject\"}", "answer.reason");
  assert_refused ("{\"decision\": \"reject\", \"answer\": {\"reason\": \"   \"}}", "answer.reason");
  assert_refused ("{\"status\": \"scheduled\"}", "foc_date");
  assert_refused ("{\"status\": \"scheduled\", \"foc_date\": \"18/12/2026\"}", "foc_date");
  assert_refused ("{\"status\": \"scheduled\", \"foc_date\": \"2026-02-30\"}", "foc_date");
  assert_refused ("{\"decision\": \"approve\", \"name_match\": \"yes\"}", "name_match");
  assert_refused ("{\"decision\": \"approve\", \"answer\": {\"subaccount_sid\": \"SK0123456789abcdef0123456789abcdef\"}}",
                  "answer.subaccount_sid");
  assert_refused ("{\"decision\": \"approve\", \"answer\": {\"csr\": 12}}", "answer.csr");

  review = porting_review_new_from_json ("[1, 2]", -1, NULL, &error);
  g_assert_error (error, PORTING_REVIEW_ERROR, PORTING_REVIEW_ERROR_MALFORMED);
  g_assert_null (review);
}

static void
test_round_trip (void)
{
  g_autoptr(PortingReview) review = porting_review_new (PORTING_REVIEW_DECISION_REJECT);
  g_autoptr(PortingReview) again = NULL;
  g_autoptr(PortingReview) status = porting_review_new_for_status (S (SCHEDULED));
  g_autoptr(PortingReview) status_again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *status_json = NULL;

  porting_review_set_answer (review, "reason", "The account number is not the one on the bill.");
  porting_review_set_name_match (review, PORTING_REVIEW_MATCH_CONFIRMED);
  porting_review_set_verdict (review, "mismatch");
  porting_review_set_note (review, "Called the customer");
  json = porting_review_to_json (review);
  again = parse (json);
  g_assert_cmpint (porting_review_get_status (again), ==, S (REJECTED));
  g_assert_cmpstr (porting_review_get_answer (again, "reason"), ==, "The account number is not the one on the bill.");
  g_assert_cmpint (porting_review_get_name_match (again), ==, PORTING_REVIEW_MATCH_CONFIRMED);
  g_assert_cmpint (porting_review_get_address_match (again), ==, PORTING_REVIEW_MATCH_UNSET);
  g_assert_cmpstr (porting_review_get_verdict (again), ==, "mismatch");
  g_assert_cmpstr (porting_review_get_note (again), ==, "Called the customer");

  porting_review_set_answer (review, "reason", NULL);
  g_assert_null (porting_review_get_answer (review, "reason"));

  porting_review_set_foc_date (status, "2026-12-18");
  status_json = porting_review_to_json (status);
  g_assert_nonnull (strstr (status_json, "\"status\":\"scheduled\""));
  status_again = parse (status_json);
  g_assert_cmpstr (porting_review_get_foc_date (status_again), ==, "2026-12-18");
}

static void
test_transitions (void)
{
  PortingRequestStatus path[2];
  const PortingRequestStatus *next;
  guint n;

  /* §3.5, one line each. */
  g_assert_cmpuint (porting_review_get_path (S (SUBMITTED), S (IN_REVIEW), path), ==, 1);
  g_assert_cmpuint (porting_review_get_path (S (IN_REVIEW), S (ACTION_REQUIRED), path), ==, 1);
  g_assert_cmpuint (porting_review_get_path (S (IN_REVIEW), S (APPROVED), path), ==, 1);
  g_assert_cmpuint (porting_review_get_path (S (IN_REVIEW), S (REJECTED), path), ==, 1);
  g_assert_cmpuint (porting_review_get_path (S (ACTION_REQUIRED), S (IN_REVIEW), path), ==, 1);
  g_assert_cmpuint (porting_review_get_path (S (APPROVED), S (SUBMITTED_TO_CARRIER), path), ==, 1);
  g_assert_cmpuint (porting_review_get_path (S (SUBMITTED_TO_CARRIER), S (SCHEDULED), path), ==, 1);
  g_assert_cmpuint (porting_review_get_path (S (SUBMITTED_TO_CARRIER), S (ACTION_REQUIRED), path), ==, 1);
  g_assert_cmpuint (porting_review_get_path (S (SUBMITTED_TO_CARRIER), S (REJECTED), path), ==, 1);
  g_assert_cmpuint (porting_review_get_path (S (SCHEDULED), S (COMPLETED), path), ==, 1);
  g_assert_cmpuint (porting_review_get_path (S (SCHEDULED), S (ACTION_REQUIRED), path), ==, 1);
  for (PortingRequestStatus s = S (SUBMITTED); s <= S (SCHEDULED); s++)
    g_assert_cmpuint (porting_review_get_path (s, S (CANCELLED), path), ==, 1);

  /* A decision on a request nobody opened passes through in-review. */
  g_assert_cmpuint (porting_review_get_path (S (SUBMITTED), S (APPROVED), path), ==, 2);
  g_assert_cmpint (path[0], ==, S (IN_REVIEW));
  g_assert_cmpint (path[1], ==, S (APPROVED));

  /* Anything else is refused. */
  g_assert_cmpuint (porting_review_get_path (S (SUBMITTED), S (COMPLETED), path), ==, 0);
  g_assert_cmpuint (porting_review_get_path (S (SUBMITTED), S (SCHEDULED), path), ==, 0);
  g_assert_cmpuint (porting_review_get_path (S (APPROVED), S (APPROVED), path), ==, 0);
  g_assert_cmpuint (porting_review_get_path (S (ACTION_REQUIRED), S (APPROVED), path), ==, 0);
  g_assert_cmpuint (porting_review_get_path (S (COMPLETED), S (CANCELLED), path), ==, 0);
  g_assert_cmpuint (porting_review_get_path (S (REJECTED), S (IN_REVIEW), path), ==, 0);
  g_assert_cmpuint (porting_review_get_path (S (CANCELLED), S (SUBMITTED), path), ==, 0);

  next = porting_review_get_next_statuses (S (IN_REVIEW), &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (next[n - 1], ==, S (CANCELLED));
  porting_review_get_next_statuses (S (COMPLETED), &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (porting_review_status_is_open (S (REJECTED)));
  g_assert_true (porting_review_status_is_open (S (SCHEDULED)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/parse", test_parse);
  g_test_add_func ("/review/refused", test_refused);
  g_test_add_func ("/review/round-trip", test_round_trip);
  g_test_add_func ("/review/transitions", test_transitions);

  return g_test_run ();
}
