/* porting-port-date.c — business days and holidays for port dates (US + Canada)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-port-date"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-port-date.h"

typedef enum
{
  RULE_FIXED,            /* month/day */
  RULE_NTH_WEEKDAY,      /* the nth weekday of the month */
  RULE_LAST_WEEKDAY,     /* the last weekday of the month */
  RULE_WEEKDAY_BEFORE,   /* the last weekday strictly before month/day */
  RULE_GOOD_FRIDAY,
  RULE_BOXING_DAY,       /* the weekday after Christmas as observed in Canada */
} RuleKind;

typedef struct
{
  PortingCalendar  calendar;
  const char      *context;
  const char      *name;
  RuleKind         kind;
  GDateMonth       month;
  GDateDay         day;
  GDateWeekday     weekday;
  guint            nth;
  int              since;    /* first year it was a holiday */
} HolidayRule;

static const HolidayRule holiday_rules[] = {
  /* US federal holidays (5 U.S.C. 6103) */
  { PORTING_CALENDAR_US, "holiday", NC_("holiday", "New Year’s Day"), RULE_FIXED, G_DATE_JANUARY, 1, 0, 0, 1870 },
  { PORTING_CALENDAR_US, "holiday", NC_("holiday", "Martin Luther King Jr. Day"), RULE_NTH_WEEKDAY, G_DATE_JANUARY, 0, G_DATE_MONDAY, 3, 1986 },
  { PORTING_CALENDAR_US, "holiday", NC_("holiday", "Presidents’ Day"), RULE_NTH_WEEKDAY, G_DATE_FEBRUARY, 0, G_DATE_MONDAY, 3, 1971 },
  { PORTING_CALENDAR_US, "holiday", NC_("holiday", "Memorial Day"), RULE_LAST_WEEKDAY, G_DATE_MAY, 0, G_DATE_MONDAY, 0, 1971 },
  { PORTING_CALENDAR_US, "holiday", NC_("holiday", "Juneteenth"), RULE_FIXED, G_DATE_JUNE, 19, 0, 0, 2021 },
  { PORTING_CALENDAR_US, "holiday", NC_("holiday", "Independence Day"), RULE_FIXED, G_DATE_JULY, 4, 0, 0, 1870 },
  { PORTING_CALENDAR_US, "holiday", NC_("holiday", "Labor Day"), RULE_NTH_WEEKDAY, G_DATE_SEPTEMBER, 0, G_DATE_MONDAY, 1, 1894 },
  { PORTING_CALENDAR_US, "holiday", NC_("holiday", "Columbus Day"), RULE_NTH_WEEKDAY, G_DATE_OCTOBER, 0, G_DATE_MONDAY, 2, 1971 },
  { PORTING_CALENDAR_US, "holiday", NC_("holiday", "Veterans Day"), RULE_FIXED, G_DATE_NOVEMBER, 11, 0, 0, 1978 },
  { PORTING_CALENDAR_US, "US holiday", NC_("US holiday", "Thanksgiving Day"), RULE_NTH_WEEKDAY, G_DATE_NOVEMBER, 0, G_DATE_THURSDAY, 4, 1942 },
  { PORTING_CALENDAR_US, "holiday", NC_("holiday", "Christmas Day"), RULE_FIXED, G_DATE_DECEMBER, 25, 0, 0, 1870 },

  /* Canadian statutory holidays observed across the country */
  { PORTING_CALENDAR_CA, "holiday", NC_("holiday", "New Year’s Day"), RULE_FIXED, G_DATE_JANUARY, 1, 0, 0, 1867 },
  { PORTING_CALENDAR_CA, "holiday", NC_("holiday", "Good Friday"), RULE_GOOD_FRIDAY, 0, 0, 0, 0, 1867 },
  { PORTING_CALENDAR_CA, "holiday", NC_("holiday", "Victoria Day"), RULE_WEEKDAY_BEFORE, G_DATE_MAY, 25, G_DATE_MONDAY, 0, 1952 },
  { PORTING_CALENDAR_CA, "holiday", NC_("holiday", "Canada Day"), RULE_FIXED, G_DATE_JULY, 1, 0, 0, 1879 },
  { PORTING_CALENDAR_CA, "holiday", NC_("holiday", "Labour Day"), RULE_NTH_WEEKDAY, G_DATE_SEPTEMBER, 0, G_DATE_MONDAY, 1, 1894 },
  { PORTING_CALENDAR_CA, "holiday", NC_("holiday", "National Day for Truth and Reconciliation"), RULE_FIXED, G_DATE_SEPTEMBER, 30, 0, 0, 2021 },
  { PORTING_CALENDAR_CA, "Canadian holiday", NC_("Canadian holiday", "Thanksgiving Day"), RULE_NTH_WEEKDAY, G_DATE_OCTOBER, 0, G_DATE_MONDAY, 2, 1957 },
  { PORTING_CALENDAR_CA, "holiday", NC_("holiday", "Remembrance Day"), RULE_FIXED, G_DATE_NOVEMBER, 11, 0, 0, 1931 },
  { PORTING_CALENDAR_CA, "holiday", NC_("holiday", "Christmas Day"), RULE_FIXED, G_DATE_DECEMBER, 25, 0, 0, 1867 },
  { PORTING_CALENDAR_CA, "holiday", NC_("holiday", "Boxing Day"), RULE_BOXING_DAY, G_DATE_DECEMBER, 26, 0, 0, 1867 },
};

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

static void
easter_sunday (int    year,
               GDate *date)
{
  /* Anonymous Gregorian computus (Meeus/Jones/Butcher) */
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_set_dmy (date, day, month, year);
}

static void
nth_weekday (int           year,
             GDateMonth    month,
             GDateWeekday  weekday,
             guint         nth,
             GDate        *date)
{
  g_date_set_dmy (date, 1, month, year);
  g_date_add_days (date, (weekday - g_date_get_weekday (date) + 7) % 7 + 7 * (nth - 1));
}

static void
last_weekday (int           year,
              GDateMonth    month,
              GDateWeekday  weekday,
              GDate        *date)
{
  g_date_set_dmy (date, g_date_get_days_in_month (month, year), month, year);
  g_date_subtract_days (date, (g_date_get_weekday (date) - weekday + 7) % 7);
}

static void
skip_weekend_forward (GDate *date)
{
  while (is_weekend (date))
    g_date_add_days (date, 1);
}

/* US: Saturday → Friday, Sunday → Monday. Canada: Saturday or Sunday → Monday. */
static void
observe (PortingCalendar  calendar,
         GDate           *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  if (calendar == PORTING_CALENDAR_US && weekday == G_DATE_SATURDAY)
    g_date_subtract_days (date, 1);
  else
    skip_weekend_forward (date);
}

/* Fills @actual and @observed; FALSE when the rule does not apply that year. */
static gboolean
compute_rule (const HolidayRule *rule,
              int                year,
              GDate             *actual,
              GDate             *observed)
{
  if (year < rule->since || year > G_MAXUINT16 - 1)
    return FALSE;

  switch (rule->kind)
    {
    case RULE_FIXED:
      g_date_set_dmy (actual, rule->day, rule->month, year);
      break;
    case RULE_NTH_WEEKDAY:
      nth_weekday (year, rule->month, rule->weekday, rule->nth, actual);
      break;
    case RULE_LAST_WEEKDAY:
      last_weekday (year, rule->month, rule->weekday, actual);
      break;
    case RULE_WEEKDAY_BEFORE:
      g_date_set_dmy (actual, rule->day, rule->month, year);
      do
        g_date_subtract_days (actual, 1);
      while (g_date_get_weekday (actual) != rule->weekday);
      break;
    case RULE_GOOD_FRIDAY:
      easter_sunday (year, actual);
      g_date_subtract_days (actual, 2);
      break;
    case RULE_BOXING_DAY:
      /* Both Christmas and Boxing Day get a weekday of their own: the day after
       * Christmas as observed, itself moved past a weekend. */
      g_date_set_dmy (observed, 25, G_DATE_DECEMBER, year);
      skip_weekend_forward (observed);
      g_date_add_days (observed, 1);
      skip_weekend_forward (observed);
      g_date_set_dmy (actual, 26, G_DATE_DECEMBER, year);
      return TRUE;
    default:
      g_assert_not_reached ();
    }

  *observed = *actual;
  observe (rule->calendar, observed);

  return TRUE;
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const PortingHoliday *holiday_a = *(PortingHoliday * const *) a;
  const PortingHoliday *holiday_b = *(PortingHoliday * const *) b;
  int by_date = g_date_compare (&holiday_a->date, &holiday_b->date);

  if (by_date != 0)
    return by_date;

  return (int) holiday_a->calendar - (int) holiday_b->calendar;
}

GPtrArray *
porting_port_date_holidays (int             year,
                            PortingCalendar calendar)
{
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func (g_free);

  if (year < 2 || year > G_MAXUINT16 - 2)
    return g_steal_pointer (&holidays);

  /* An observed date can fall in the year before (New Year's Day on a Saturday is
   * observed on Friday, December 31 in the US). */
  for (int rule_year = year; rule_year <= year + 1; rule_year++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (holiday_rules); i++)
        {
          const HolidayRule *rule = &holiday_rules[i];
          GDate actual;
          GDate observed;
          PortingHoliday *holiday;

          if ((rule->calendar & calendar) == 0)
            continue;

          g_date_clear (&actual, 1);
          g_date_clear (&observed, 1);
          if (!compute_rule (rule, rule_year, &actual, &observed))
            continue;

          if (g_date_get_year (&observed) != (GDateYear) year)
            continue;

          holiday = g_new0 (PortingHoliday, 1);
          holiday->date = observed;
          holiday->actual = actual;
          holiday->calendar = rule->calendar;
          holiday->name = g_dpgettext2 (GETTEXT_PACKAGE, rule->context, rule->name);
          g_ptr_array_add (holidays, holiday);
        }
    }

  g_ptr_array_sort (holidays, compare_holidays);

  return g_steal_pointer (&holidays);
}

const char *
porting_port_date_holiday_name_for (const GDate     *date,
                                    PortingCalendar  calendar)
{
  g_autoptr(GPtrArray) holidays = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (is_weekend (date))
    return NULL;

  holidays = porting_port_date_holidays (g_date_get_year (date), calendar);
  for (guint i = 0; i < holidays->len; i++)
    {
      const PortingHoliday *holiday = g_ptr_array_index (holidays, i);

      if (g_date_compare (&holiday->date, date) == 0)
        return holiday->name;
    }

  return NULL;
}

const char *
porting_port_date_holiday_name (const GDate *date)
{
  return porting_port_date_holiday_name_for (date, PORTING_CALENDAR_US_CA);
}

gboolean
porting_port_date_is_business_day_for (const GDate     *date,
                                       PortingCalendar  calendar)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return !is_weekend (date) && porting_port_date_holiday_name_for (date, calendar) == NULL;
}

gboolean
porting_port_date_is_business_day (const GDate *date)
{
  return porting_port_date_is_business_day_for (date, PORTING_CALENDAR_US_CA);
}

void
porting_port_date_add_business_days_for (GDate           *date,
                                         guint            n_days,
                                         PortingCalendar  calendar)
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  while (n_days > 0)
    {
      g_date_add_days (date, 1);
      if (porting_port_date_is_business_day_for (date, calendar))
        n_days--;
    }
}

void
porting_port_date_add_business_days (GDate *date,
                                     guint  n_days)
{
  porting_port_date_add_business_days_for (date, n_days, PORTING_CALENDAR_US_CA);
}

void
porting_port_date_window (const GDate  *from,
                          GDate        *earliest,
                          GDate        *latest,
                          GPtrArray   **skipped_holidays)
{
  GDate last;

  g_return_if_fail (from != NULL && g_date_valid (from));

  last = *from;
  porting_port_date_add_business_days (&last, PORTING_PORT_DATE_MAX_BUSINESS_DAYS);

  if (earliest != NULL)
    {
      *earliest = *from;
      porting_port_date_add_business_days (earliest, PORTING_PORT_DATE_MIN_BUSINESS_DAYS);
    }

  if (latest != NULL)
    *latest = last;

  if (skipped_holidays != NULL)
    {
      GPtrArray *skipped = g_ptr_array_new_with_free_func (g_free);

      for (GDateYear year = g_date_get_year (from); year <= g_date_get_year (&last); year++)
        {
          g_autoptr(GPtrArray) holidays = porting_port_date_holidays (year, PORTING_CALENDAR_US_CA);

          for (guint i = 0; i < holidays->len; i++)
            {
              PortingHoliday *holiday = g_ptr_array_index (holidays, i);

              if (g_date_compare (&holiday->date, from) > 0 &&
                  g_date_compare (&holiday->date, &last) <= 0)
                g_ptr_array_add (skipped, g_memdup2 (holiday, sizeof *holiday));
            }
        }

      *skipped_holidays = skipped;
    }
}

gboolean
porting_port_date_is_requestable (const GDate *date,
                                  const GDate *today)
{
  GDate earliest;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  g_date_clear (&earliest, 1);
  porting_port_date_window (today, &earliest, NULL, NULL);

  return g_date_compare (date, &earliest) >= 0 && porting_port_date_is_business_day (date);
}

gboolean
porting_port_date_parse (const char *text,
                         GDate      *date)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

char *
porting_port_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

char *
porting_port_date_format (const GDate *date)
{
  g_autoptr(GDateTime) noon = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  noon = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                                12, 0, 0);

  /* Translators: a port date, see g_date_time_format(): "Friday, December 4, 2026" */
  return g_date_time_format (noon, C_("port date", "%A, %B %-d, %Y"));
}

void
porting_port_date_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}
