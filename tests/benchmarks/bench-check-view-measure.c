/* bench-check-view-measure.c — main-loop stalls, frame phases, where the CPU went, the table of figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-check-view"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench-check-view.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static gboolean
set_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@done. The condition is checked before each
 * wait, and a timer ends the wait: a blocking iteration when nothing else
 * is pending never returns (under dbus-run-session no stray D-Bus traffic
 * comes to wake it). */
void
iterate_until (gboolean *done,
               guint     timeout_seconds)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (timeout_seconds, set_done, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!*done)
    g_error ("Timed out");
  g_source_remove (timeout_id);
}

void
wait_ms (guint ms)
{
  gboolean waited = FALSE;

  g_timeout_add (ms, set_done, &waited);
  iterate_until (&waited, ms / 1000 + 30);
}

/* With BENCH_VERBOSE set, every stall of the main loop and every frame
 * longer than it (16 ms, or BENCH_VERBOSE's number of ms) is printed, the
 * frame split in its phases. */
gint64 verbose_threshold_us = 16000;
#define VERBOSE_THRESHOLD_US verbose_threshold_us
/* A stall this long or longer misses a 60 Hz frame. */
#define SLOW_US 16000

double
ms (gint64 us)
{
  return us / 1000.0;
}

gboolean
stall_tick (gpointer data)
{
  Stalls *stalls = data;
  gint64 now = g_get_monotonic_time ();

  if (stalls->last_tick != 0)
    {
      stalls->max_gap = MAX (stalls->max_gap, now - stalls->last_tick);
      stalls->over_goal += now - stalls->last_tick >= SLOW_US;
      if (verbose && now - stalls->last_tick > VERBOSE_THRESHOLD_US)
        g_printerr ("  stall %5.1f ms at %.3f s (frame %u)\n", (now - stalls->last_tick) / 1000.0,
                    (now - stalls->start) / (double) G_USEC_PER_SEC, stalls->frames);
    }
  stalls->last_tick = now;

  return G_SOURCE_CONTINUE;
}

void
on_before_paint (GdkFrameClock *clock,
                 Stalls        *stalls)
{
  stalls->before_paint = g_get_monotonic_time ();
  stalls->update = stalls->layout = stalls->paint = 0;
}

/* Connected after GDK's own handlers: they mark where each phase ended. */
void
on_update (GdkFrameClock *clock,
           Stalls        *stalls)
{
  stalls->update = g_get_monotonic_time ();
}

void
on_layout (GdkFrameClock *clock,
           Stalls        *stalls)
{
  stalls->layout = g_get_monotonic_time ();
}

void
on_paint (GdkFrameClock *clock,
          Stalls        *stalls)
{
  stalls->paint = g_get_monotonic_time ();
}

void
on_stall_frame (GdkFrameClock *clock,
                Stalls        *stalls)
{
  gint64 now = g_get_monotonic_time ();
  /* A phase that did not run took no time. */
  gint64 update = stalls->update ? stalls->update : stalls->before_paint;
  gint64 layout = stalls->layout ? stalls->layout : update;
  gint64 paint = stalls->paint ? stalls->paint : layout;

  if (stalls->before_paint != 0)
    {
      stalls->frame_time += now - stalls->before_paint;
      stalls->phase_time[0] += update - stalls->before_paint;
      stalls->phase_time[1] += layout - update;
      stalls->phase_time[2] += paint - layout;
      stalls->phase_time[3] += now - paint;
    }
  if (verbose && stalls->before_paint != 0 && now - stalls->before_paint > VERBOSE_THRESHOLD_US)
    {
      g_printerr ("  frame %u: %5.1f ms = update %.1f + layout %.1f + paint %.1f + after %.1f\n",
                  stalls->frames, (now - stalls->before_paint) / 1000.0,
                  (update - stalls->before_paint) / 1000.0, (layout - update) / 1000.0,
                  (paint - layout) / 1000.0, (now - paint) / 1000.0);
    }

  stalls->frames++;
}

/* The X server of $DISPLAY, when it runs here (Xvfb under xvfb-run): its
 * command line names the display. 0 when not found. */
static int
find_x_server_pid (void)
{
  static int pid = -1;
  const char *display = g_getenv ("DISPLAY");
  g_autoptr(GDir) proc = NULL;
  const char *name;

  if (pid >= 0)
    return pid;

  pid = 0;
  proc = g_dir_open ("/proc", 0, NULL);
  while (display != NULL && proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *cmdline = NULL;
      g_autofree char *program = NULL;
      gsize length;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (path, &cmdline, &length, NULL) || length == 0)
        continue;
      program = g_path_get_basename (cmdline);
      if (!g_str_has_prefix (program, "Xvfb") && !g_str_has_prefix (program, "Xorg"))
        continue;
      for (const char *arg = cmdline; arg < cmdline + length; arg += strlen (arg) + 1)
        if (g_strcmp0 (arg, display) == 0)
          {
            pid = (int) g_ascii_strtoll (name, NULL, 10);
            return pid;
          }
    }

  return pid;
}

/* utime + stime of @pid, in clock ticks. */
static gint64
process_ticks (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (pid <= 0 || !g_file_get_contents (path, &stat, NULL, NULL) ||
      (after_name = strrchr (stat, ')')) == NULL)
    return 0;

  /* After "pid (comm)": state is field 3, utime and stime 14 and 15. */
  fields = g_strsplit (after_name + 2, " ", 14);
  if (g_strv_length (fields) < 14)
    return 0;

  return g_ascii_strtoll (fields[11], NULL, 10) + g_ascii_strtoll (fields[12], NULL, 10);
}

static ThreadKind
thread_kind (const char *tid,
             const char *comm)
{
  if (g_ascii_strtoll (tid, NULL, 10) == getpid ())
    return THREADS_MAIN;
  if (g_str_has_prefix (comm, "llvmpipe"))
    return THREADS_GL;
  if (g_str_has_prefix (comm, "pool"))
    return THREADS_RENDER;
  return THREADS_OTHER;
}

void
cpu_sample (CpuSample *sample)
{
  g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  g_autofree char *stat = NULL;
  const char *tid;

  *sample = (CpuSample) { { 0 } };
  while (tasks != NULL && (tid = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *schedstat_path = g_build_filename ("/proc/self/task", tid, "schedstat", NULL);
      g_autofree char *comm_path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
      g_autofree char *schedstat = NULL;
      g_autofree char *comm = NULL;

      if (g_file_get_contents (schedstat_path, &schedstat, NULL, NULL) &&
          g_file_get_contents (comm_path, &comm, NULL, NULL))
        sample->thread_ns[thread_kind (tid, comm)] += g_ascii_strtoll (schedstat, NULL, 10);
    }

  sample->x_server_ticks = process_ticks (find_x_server_pid ());

  if (g_file_get_contents ("/proc/stat", &stat, NULL, NULL) && g_str_has_prefix (stat, "cpu "))
    {
      g_auto(GStrv) fields = g_strsplit_set (stat + 4, " \n", 12);
      guint n = 0;

      /* user nice system idle iowait irq softirq steal */
      for (guint i = 0; fields[i] != NULL && n < 8; i++)
        {
          gint64 ticks;

          if (fields[i][0] == '\0')
            continue;
          ticks = g_ascii_strtoll (fields[i], NULL, 10);
          sample->machine_total += ticks;
          if (n != 3 && n != 4)
            sample->machine_busy += ticks;
          n++;
        }
    }
}

/* The share of the machine's CPU that other programs took between @start
 * and @end: neither this process nor its X server. */
double
others_share (const CpuSample *start,
              const CpuSample *end)
{
  double tick_ns = 1e9 / sysconf (_SC_CLK_TCK);
  double total = (end->machine_total - start->machine_total) * tick_ns;
  double others = (end->machine_busy - start->machine_busy + start->x_server_ticks - end->x_server_ticks) * tick_ns;

  for (guint k = 0; k < N_THREAD_KINDS; k++)
    others -= end->thread_ns[k] - start->thread_ns[k];

  return total > 0 ? CLAMP (others / total, 0, 1) : 0;
}

void
print_cpu (const CpuSample *start,
           guint            frames)
{
  static const char * const labels[] = { "main", "GL", "render", "other" };
  double tick_ms = 1000.0 / sysconf (_SC_CLK_TCK);
  CpuSample end;

  cpu_sample (&end);
  if (frames == 0)
    return;

  g_printerr ("  CPU per frame:");
  for (guint k = 0; k < N_THREAD_KINDS; k++)
    g_printerr (" %s %.1f ms,", labels[k], (end.thread_ns[k] - start->thread_ns[k]) / 1e6 / frames);
  g_printerr (" X server %.1f ms; other programs took %.0f %% of the machine\n",
              (end.x_server_ticks - start->x_server_ticks) * tick_ms / frames, 100 * others_share (start, &end));
}

double
mean_frame_ms (const Stalls *stalls)
{
  return stalls->frames > 0 ? ms (stalls->frame_time) / stalls->frames : 0;
}

/* "median (min–max)" of one figure over the rounds. */
char *
format_spread (const double *values,
               guint         n,
               int           decimals)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));
  g_autofree char *mid = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  mid = g_strdup_printf ("%.*f", decimals, median (sorted, n));   /* sorts */
  low = g_strdup_printf ("%.*f", decimals, sorted[0]);
  high = g_strdup_printf ("%.*f", decimals, sorted[n - 1]);

  return n > 1 ? g_strdup_printf ("%s (%s–%s)", mid, low, high) : g_strdup (mid);
}

static double
figure_value (const Figures *figures,
              Figure         figure)
{
  switch (figure)
    {
    case FIGURE_LONGEST:
      return ms (figures->whole.max_gap);
    case FIGURE_LONGEST_SMOOTH:
      return ms (figures->smooth.max_gap);
    case FIGURE_OVER_GOAL:
      return figures->whole.over_goal;
    case FIGURE_MEAN_FRAME:
      return mean_frame_ms (&figures->whole);
    case FIGURE_OTHERS:
      return 100 * figures->others_share;
    default:
      g_assert_not_reached ();
    }
}

void
print_row (const char    *label,
           const Figures *figures,
           guint          rounds)
{
  static const int decimals[N_FIGURES] = { 1, 1, 0, 1, 0 };
  g_autofree double *values = g_new (double, rounds);

  g_print ("  %-24s", label);
  for (guint f = 0; f < N_FIGURES; f++)
    {
      g_autofree char *text = NULL;

      for (guint r = 0; r < rounds; r++)
        values[r] = figure_value (&figures[r], f);
      text = format_spread (values, rounds, decimals[f]);
      /* Padded by characters, not bytes: "–" is three. */
      g_print (" %s%*s", text, (int) MAX (0, COLUMN_WIDTH - (glong) g_utf8_strlen (text, -1)), "");
    }
  g_print ("\n");
}

/* view / bare widget of one figure: from the medians, then the range of
 * the rounds' own ratios (each round measured both within seconds). */
void
print_ratio (const char    *label,
             const Figures *view,
             const Figures *bare,
             guint          rounds,
             Figure         figure)
{
  g_autofree double *view_values = g_new (double, rounds);
  g_autofree double *bare_values = g_new (double, rounds);
  g_autofree double *quiet_view = g_new (double, rounds);
  g_autofree double *quiet_bare = g_new (double, rounds);
  double low = G_MAXDOUBLE, high = 0;
  guint n_quiet = 0;

  for (guint r = 0; r < rounds; r++)
    {
      double ratio;

      view_values[r] = figure_value (&view[r], figure);
      bare_values[r] = figure_value (&bare[r], figure);
      ratio = bare_values[r] > 0 ? view_values[r] / bare_values[r] : 0;
      low = MIN (low, ratio);
      high = MAX (high, ratio);

      if (view[r].others_share < QUIET_SHARE && bare[r].others_share < QUIET_SHARE)
        {
          quiet_view[n_quiet] = view_values[r];
          quiet_bare[n_quiet] = bare_values[r];
          n_quiet++;
        }
    }

  g_print ("  %-24s %.2f× of the medians; rounds %.2f–%.2f×", label,
           median (view_values, rounds) / median (bare_values, rounds), low, high);
  if (n_quiet > 0)
    g_print ("; quiet rounds (%u): %.2f×", n_quiet, median (quiet_view, n_quiet) / median (quiet_bare, n_quiet));
  g_print ("\n");
}
