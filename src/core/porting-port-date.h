/* porting-port-date.h — business days and holidays for port dates (US + Canada)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ports take 5 to 10 business days; the earliest date one can ask for is 5. */
#define PORTING_PORT_DATE_MIN_BUSINESS_DAYS 5
#define PORTING_PORT_DATE_MAX_BUSINESS_DAYS 10

typedef enum
{
  PORTING_CALENDAR_US    = 1 << 0,  /* US federal holidays */
  PORTING_CALENDAR_CA    = 1 << 1,  /* Canadian statutory holidays observed nationwide */
  PORTING_CALENDAR_US_CA = PORTING_CALENDAR_US | PORTING_CALENDAR_CA,
} PortingCalendar;

typedef struct
{
  GDate            date;      /* the day off: the holiday as observed, always a weekday */
  GDate            actual;    /* the holiday itself (Saturday July 4 → date is Friday July 3) */
  PortingCalendar  calendar;  /* PORTING_CALENDAR_US or PORTING_CALENDAR_CA */
  const char      *name;      /* translated, static */
} PortingHoliday;

/* Holidays whose observed date falls in @year, by date (US before Canada on the
 * same day). Free with g_ptr_array_unref(). */
GPtrArray  *porting_port_date_holidays                 (int                year,
                                                        PortingCalendar    calendar);
/* The name of the holiday observed on @date (US + Canada), or NULL. */
const char *porting_port_date_holiday_name             (const GDate       *date);
const char *porting_port_date_holiday_name_for         (const GDate       *date,
                                                        PortingCalendar    calendar);
/* Not a Saturday, a Sunday, or an observed holiday (US + Canada). */
gboolean    porting_port_date_is_business_day          (const GDate       *date);
gboolean    porting_port_date_is_business_day_for      (const GDate       *date,
                                                        PortingCalendar    calendar);
/* Moves @date forward by @n_days business days (US + Canada); 0 leaves it as is. */
void        porting_port_date_add_business_days        (GDate             *date,
                                                        guint              n_days);
void        porting_port_date_add_business_days_for    (GDate             *date,
                                                        guint              n_days,
                                                        PortingCalendar    calendar);
/* The dates a port asked for on @from can be scheduled: @earliest is 5 business
 * days after @from, @latest (the typical completion) 10; @skipped_holidays, if not
 * NULL, receives the holidays on weekdays after @from up to @latest (PortingHoliday*). */
void        porting_port_date_window                   (const GDate       *from,
                                                        GDate             *earliest,
                                                        GDate             *latest,
                                                        GPtrArray        **skipped_holidays);
/* Whether a customer may ask for @date when asking on @today: a business day, not
 * before the earliest date of the window. */
gboolean    porting_port_date_is_requestable           (const GDate       *date,
                                                        const GDate       *today);
/* "2026-12-14" only. FALSE (and @date cleared) for anything else. */
gboolean    porting_port_date_parse                    (const char        *text,
                                                        GDate             *date);
/* "2026-12-14" */
char       *porting_port_date_to_iso                   (const GDate       *date);
/* "Friday, December 4, 2026", as the locale and the catalogue write it. */
char       *porting_port_date_format                   (const GDate       *date);
/* Today in local time. */
void        porting_port_date_today                    (GDate             *date);

G_END_DECLS
