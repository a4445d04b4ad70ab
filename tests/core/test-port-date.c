/* test-port-date.c — business days, US and Canadian holidays, the port date window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "porting-port-date.h"

static GDate
date_from_iso (const char *iso)
{
  GDate date;

  g_assert_true (porting_port_date_parse (iso, &date));

  return date;
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = porting_port_date_to_iso (date);

  g_assert_cmpstr (text, ==, iso);
}

typedef struct
{
  const char *date;   /* observed */
  const char *actual;
  const char *name;
} ExpectedHoliday;

static void
assert_holidays (int                    year,
                 PortingCalendar        calendar,
                 const ExpectedHoliday *expected,
                 guint                  n_expected)
{
  g_autoptr(GPtrArray) holidays = porting_port_date_holidays (year, calendar);

  for (guint i = 0; i < holidays->len && i < n_expected; i++)
    {
      PortingHoliday *holiday = g_ptr_array_index (holidays, i);

      g_test_message ("%d: %s", year, expected[i].name);
      assert_date (&holiday->date, expected[i].date);
      assert_date (&holiday->actual, expected[i].actual);
      g_assert_cmpstr (holiday->name, ==, expected[i].name);
      g_assert_cmpint (holiday->calendar & calendar, ==, holiday->calendar);
    }

  g_assert_cmpuint (holidays->len, ==, n_expected);
}

static void
test_us_holidays_2026 (void)
{
  static const ExpectedHoliday expected[] = {
    { "2026-01-01", "2026-01-01", "New Year’s Day" },
    { "2026-01-19", "2026-01-19", "Martin Luther King Jr. Day" },
    { "2026-02-16", "2026-02-16", "Presidents’ Day" },
    { "2026-05-25", "2026-05-25", "Memorial Day" },
    { "2026-06-19", "2026-06-19", "Juneteenth" },
    { "2026-07-03", "2026-07-04", "Independence Day" },  /* Saturday, observed Friday */
    { "2026-09-07", "2026-09-07", "Labor Day" },
    { "2026-10-12", "2026-10-12", "Columbus Day" },
    { "2026-11-11", "2026-11-11", "Veterans Day" },
    { "2026-11-26", "2026-11-26", "Thanksgiving Day" },
    { "2026-12-25", "2026-12-25", "Christmas Day" },
  };

  assert_holidays (2026, PORTING_CALENDAR_US, expected, G_N_ELEMENTS (expected));
}

static void
test_canadian_holidays_2026 (void)
{
  static const ExpectedHoliday expected[] = {
    { "2026-01-01", "2026-01-01", "New Year’s Day" },
    { "2026-04-03", "2026-04-03", "Good Friday" },
    { "2026-05-18", "2026-05-18", "Victoria Day" },  /* May 25 is a Monday: the one before */
    { "2026-07-01", "2026-07-01", "Canada Day" },
    { "2026-09-07", "2026-09-07", "Labour Day" },
    { "2026-09-30", "2026-09-30", "National Day for Truth and Reconciliation" },
    { "2026-10-12", "2026-10-12", "Thanksgiving Day" },
    { "2026-11-11", "2026-11-11", "Remembrance Day" },
    { "2026-12-25", "2026-12-25", "Christmas Day" },
    { "2026-12-28", "2026-12-26", "Boxing Day" },  /* Saturday, observed Monday */
  };

  assert_holidays (2026, PORTING_CALENDAR_CA, expected, G_N_ELEMENTS (expected));
}

static void
test_us_holidays_2027 (void)
{
  static const ExpectedHoliday expected[] = {
    { "2027-01-01", "2027-01-01", "New Year’s Day" },
    { "2027-01-18", "2027-01-18", "Martin Luther King Jr. Day" },
    { "2027-02-15", "2027-02-15", "Presidents’ Day" },
    { "2027-05-31", "2027-05-31", "Memorial Day" },
    { "2027-06-18", "2027-06-19", "Juneteenth" },        /* Saturday → Friday */
    { "2027-07-05", "2027-07-04", "Independence Day" },  /* Sunday → Monday */
    { "2027-09-06", "2027-09-06", "Labor Day" },
    { "2027-10-11", "2027-10-11", "Columbus Day" },
    { "2027-11-11", "2027-11-11", "Veterans Day" },
    { "2027-11-25", "2027-11-25", "Thanksgiving Day" },
    { "2027-12-24", "2027-12-25", "Christmas Day" },     /* Saturday → Friday */
    { "2027-12-31", "2028-01-01", "New Year’s Day" },    /* next year's, on Saturday */
  };

  assert_holidays (2027, PORTING_CALENDAR_US, expected, G_N_ELEMENTS (expected));
}

static void
test_canadian_holidays_2027 (void)
{
  static const ExpectedHoliday expected[] = {
    { "2027-01-01", "2027-01-01", "New Year’s Day" },
    { "2027-03-26", "2027-03-26", "Good Friday" },
    { "2027-05-24", "2027-05-24", "Victoria Day" },
    { "2027-07-01", "2027-07-01", "Canada Day" },
    { "2027-09-06", "2027-09-06", "Labour Day" },
    { "2027-09-30", "2027-09-30", "National Day for Truth and Reconciliation" },
    { "2027-10-11", "2027-10-11", "Thanksgiving Day" },
    { "2027-11-11", "2027-11-11", "Remembrance Day" },
    { "2027-12-27", "2027-12-25", "Christmas Day" },  /* Saturday → Monday */
    { "2027-12-28", "2027-12-26", "Boxing Day" },     /* Sunday → Tuesday */
  };

  assert_holidays (2027, PORTING_CALENDAR_CA, expected, G_N_ELEMENTS (expected));
}

static void
test_christmas_on_sunday (void)
{
  /* 2022: Christmas on Sunday. Canada gives Monday 26 and Tuesday 27; the US Monday 26. */
  GDate monday = date_from_iso ("2022-12-26");
  GDate tuesday = date_from_iso ("2022-12-27");
  GDate new_year_ca = date_from_iso ("2028-01-03");

  g_assert_false (porting_port_date_is_business_day_for (&monday, PORTING_CALENDAR_US));
  g_assert_false (porting_port_date_is_business_day_for (&monday, PORTING_CALENDAR_CA));
  g_assert_true (porting_port_date_is_business_day_for (&tuesday, PORTING_CALENDAR_US));
  g_assert_false (porting_port_date_is_business_day_for (&tuesday, PORTING_CALENDAR_CA));
  g_assert_false (porting_port_date_is_business_day (&tuesday));

  /* New Year's Day 2028 (Saturday): Friday Dec 31 in the US, Monday Jan 3 in Canada. */
  g_assert_true (porting_port_date_is_business_day_for (&new_year_ca, PORTING_CALENDAR_US));
  g_assert_false (porting_port_date_is_business_day_for (&new_year_ca, PORTING_CALENDAR_CA));
  g_assert_cmpstr (porting_port_date_holiday_name (&new_year_ca), ==, "New Year’s Day");
}

static void
test_good_friday (void)
{
  static const char * const good_fridays[] = {
    "2024-03-29", "2025-04-18", "2026-04-03", "2027-03-26", "2028-04-14", "2030-04-19", "2038-04-23",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good_fridays); i++)
    {
      GDate date = date_from_iso (good_fridays[i]);
      GDate thursday = date;

      g_date_subtract_days (&thursday, 1);
      g_assert_cmpstr (porting_port_date_holiday_name_for (&date, PORTING_CALENDAR_CA), ==, "Good Friday");
      g_assert_null (porting_port_date_holiday_name_for (&date, PORTING_CALENDAR_US));
      g_assert_false (porting_port_date_is_business_day (&date));
      g_assert_true (porting_port_date_is_business_day (&thursday));
    }
}

static void
test_combined_calendar (void)
{
  GDate independence_observed = date_from_iso ("2026-07-03");
  GDate independence_actual = date_from_iso ("2026-07-04");
  GDate canada_day = date_from_iso ("2026-07-01");
  GDate veterans = date_from_iso ("2026-11-11");
  GDate ordinary = date_from_iso ("2026-07-02");
  GDate day_after_thanksgiving = date_from_iso ("2026-11-27");

  g_assert_cmpstr (porting_port_date_holiday_name (&independence_observed), ==, "Independence Day");
  g_assert_false (porting_port_date_is_business_day (&independence_observed));
  g_assert_null (porting_port_date_holiday_name (&independence_actual));  /* a Saturday */
  g_assert_false (porting_port_date_is_business_day (&independence_actual));

  g_assert_cmpstr (porting_port_date_holiday_name (&canada_day), ==, "Canada Day");
  g_assert_true (porting_port_date_is_business_day_for (&canada_day, PORTING_CALENDAR_US));
  g_assert_false (porting_port_date_is_business_day (&canada_day));

  /* Both countries: the US name comes first. */
  g_assert_cmpstr (porting_port_date_holiday_name (&veterans), ==, "Veterans Day");
  g_assert_cmpstr (porting_port_date_holiday_name_for (&veterans, PORTING_CALENDAR_CA), ==, "Remembrance Day");

  g_assert_true (porting_port_date_is_business_day (&ordinary));
  g_assert_null (porting_port_date_holiday_name (&ordinary));
  g_assert_true (porting_port_date_is_business_day (&day_after_thanksgiving));
}

static void
test_add_business_days (void)
{
  GDate date = date_from_iso ("2026-12-23");  /* Wednesday */
  GDate friday = date_from_iso ("2026-07-02");
  GDate unchanged = date_from_iso ("2026-07-04");

  /* Dec 24 (1), Dec 25 Christmas, 26-27 weekend, Dec 28 Boxing Day, Dec 29 (2)… */
  porting_port_date_add_business_days (&date, 2);
  assert_date (&date, "2026-12-29");

  /* From Thursday July 2: Friday July 3 is the observed Independence Day. */
  porting_port_date_add_business_days_for (&friday, 1, PORTING_CALENDAR_US);
  assert_date (&friday, "2026-07-06");
  friday = date_from_iso ("2026-07-02");
  porting_port_date_add_business_days_for (&friday, 1, PORTING_CALENDAR_CA);
  assert_date (&friday, "2026-07-03");

  porting_port_date_add_business_days (&unchanged, 0);
  assert_date (&unchanged, "2026-07-04");
}

static void
test_window_thanksgiving (void)
{
  GDate from = date_from_iso ("2026-11-25");
  GDate earliest;
  GDate latest;
  g_autoptr(GPtrArray) skipped = NULL;
  PortingHoliday *holiday;

  g_date_clear (&earliest, 1);
  g_date_clear (&latest, 1);
  porting_port_date_window (&from, &earliest, &latest, &skipped);

  /* Thanksgiving (Thursday 26) skipped: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3. */
  assert_date (&earliest, "2026-12-03");
  assert_date (&latest, "2026-12-10");

  g_assert_cmpuint (skipped->len, ==, 1);
  holiday = g_ptr_array_index (skipped, 0);
  assert_date (&holiday->date, "2026-11-26");
  g_assert_cmpstr (holiday->name, ==, "Thanksgiving Day");
  g_assert_cmpint (holiday->calendar, ==, PORTING_CALENDAR_US);
}

static void
test_window_year_end (void)
{
  GDate from = date_from_iso ("2027-12-20");  /* Monday */
  GDate earliest;
  GDate latest;
  g_autoptr(GPtrArray) skipped = NULL;
  static const char * const skipped_dates[] = {
    "2027-12-24", "2027-12-27", "2027-12-28", "2027-12-31", "2028-01-03",
  };

  g_date_clear (&earliest, 1);
  g_date_clear (&latest, 1);
  porting_port_date_window (&from, &earliest, &latest, &skipped);

  /* 21, 22, 23 | 24 US Christmas | 27 CA Christmas, 28 Boxing Day | 29, 30 (5th) |
   * 31 US New Year | Jan 3 CA New Year | 4, 5, 6, 7, 10 (10th) */
  assert_date (&earliest, "2027-12-30");
  assert_date (&latest, "2028-01-10");

  g_assert_cmpuint (skipped->len, ==, G_N_ELEMENTS (skipped_dates));
  for (guint i = 0; i < skipped->len; i++)
    assert_date (&((PortingHoliday *) g_ptr_array_index (skipped, i))->date, skipped_dates[i]);
}

static void
test_window_from_weekend (void)
{
  GDate from = date_from_iso ("2026-03-07");  /* Saturday */
  GDate earliest;
  GDate latest;

  g_date_clear (&earliest, 1);
  g_date_clear (&latest, 1);
  porting_port_date_window (&from, &earliest, &latest, NULL);

  assert_date (&earliest, "2026-03-13");
  assert_date (&latest, "2026-03-20");
}

static void
test_requestable (void)
{
  GDate today = date_from_iso ("2026-11-25");
  GDate too_soon = date_from_iso ("2026-12-02");
  GDate earliest = date_from_iso ("2026-12-03");
  GDate weekend = date_from_iso ("2026-12-05");
  GDate later = date_from_iso ("2027-01-15");
  GDate holiday = date_from_iso ("2026-12-25");

  g_assert_false (porting_port_date_is_requestable (&too_soon, &today));
  g_assert_true (porting_port_date_is_requestable (&earliest, &today));
  g_assert_false (porting_port_date_is_requestable (&weekend, &today));
  g_assert_true (porting_port_date_is_requestable (&later, &today));
  g_assert_false (porting_port_date_is_requestable (&holiday, &today));
}

static void
test_parse (void)
{
  static const char * const bad[] = {
    "", "2026-1-5", "2026/12/14", "14-12-2026", "2026-02-30", "2026-13-01", "2026-12-14x",
    "abcd-ef-gh", " 2026-12-14", "0000-01-01",
  };
  GDate date;
  g_autofree char *iso = NULL;

  g_assert_true (porting_port_date_parse ("2026-12-14", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, 12);
  g_assert_cmpint (g_date_get_day (&date), ==, 14);
  iso = porting_port_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2026-12-14");

  g_assert_true (porting_port_date_parse ("2028-02-29", &date));
  g_assert_false (porting_port_date_parse (NULL, &date));
  g_assert_false (g_date_valid (&date));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("bad date \"%s\"", bad[i]);
      g_assert_false (porting_port_date_parse (bad[i], &date));
      g_assert_false (g_date_valid (&date));
    }
}

static void
test_today (void)
{
  GDate today;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  porting_port_date_today (&today);
  g_assert_true (g_date_valid (&today));
  g_assert_cmpint (g_date_get_year (&today), ==, g_date_time_get_year (now));
}

static void
test_every_year_sane (void)
{
  /* Every observed holiday is a weekday, in its year, and near its actual date. */
  for (int year = 2021; year <= 2060; year++)
    {
      g_autoptr(GPtrArray) holidays = porting_port_date_holidays (year, PORTING_CALENDAR_US_CA);

      g_assert_cmpuint (holidays->len, >=, 20);
      g_assert_cmpuint (holidays->len, <=, 22);
      for (guint i = 0; i < holidays->len; i++)
        {
          PortingHoliday *holiday = g_ptr_array_index (holidays, i);
          int distance = g_date_days_between (&holiday->actual, &holiday->date);

          g_assert_cmpint (g_date_get_weekday (&holiday->date), <=, G_DATE_FRIDAY);
          g_assert_cmpint (g_date_get_year (&holiday->date), ==, year);
          g_assert_cmpint (distance, >=, -1);
          g_assert_cmpint (distance, <=, 2);
          g_assert_false (porting_port_date_is_business_day (&holiday->date));
          if (i > 0)
            g_assert_cmpint (g_date_compare (&((PortingHoliday *) g_ptr_array_index (holidays, i - 1))->date,
                                             &holiday->date), <=, 0);
        }
    }

  /* Before Juneteenth and the Day for Truth and Reconciliation existed. */
  {
    GDate juneteenth_2020 = date_from_iso ("2020-06-19");
    GDate truth_2020 = date_from_iso ("2020-09-30");

    g_assert_true (porting_port_date_is_business_day (&juneteenth_2020));
    g_assert_true (porting_port_date_is_business_day (&truth_2020));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/port-date/holidays/us-2026", test_us_holidays_2026);
  g_test_add_func ("/port-date/holidays/canada-2026", test_canadian_holidays_2026);
  g_test_add_func ("/port-date/holidays/us-2027", test_us_holidays_2027);
  g_test_add_func ("/port-date/holidays/canada-2027", test_canadian_holidays_2027);
  g_test_add_func ("/port-date/holidays/christmas-on-sunday", test_christmas_on_sunday);
  g_test_add_func ("/port-date/holidays/good-friday", test_good_friday);
  g_test_add_func ("/port-date/holidays/combined", test_combined_calendar);
  g_test_add_func ("/port-date/holidays/every-year", test_every_year_sane);
  g_test_add_func ("/port-date/add-business-days", test_add_business_days);
  g_test_add_func ("/port-date/window/thanksgiving", test_window_thanksgiving);
  g_test_add_func ("/port-date/window/year-end", test_window_year_end);
  g_test_add_func ("/port-date/window/from-weekend", test_window_from_weekend);
  g_test_add_func ("/port-date/requestable", test_requestable);
  g_test_add_func ("/port-date/parse", test_parse);
  g_test_add_func ("/port-date/today", test_today);

  return g_test_run ();
}
