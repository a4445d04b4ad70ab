/* porting-loa-writer.h — write a Letter of Authorization as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One point of a drawn signature, in the coordinates of the pad it was drawn on. */
typedef struct
{
  double x;
  double y;
  double pressure;   /* 0…1; 1 when the device has no pressure */
} PortingSignaturePoint;

typedef struct
{
  char      *customer_name;
  char      *authorized_person;
  /* service address */
  char      *street;
  char      *unit;               /* may be NULL or empty */
  char      *city;
  char      *region;             /* state or province code: "CA", "QC" */
  char      *postal_code;
  char      *country;            /* "US" or "CA" */
  char      *carrier;
  char      *account_number;
  char      *btn;                /* any written form; printed as "(510) 555-0142" */
  GPtrArray *numbers;            /* of char*, any written form, printed one per line */
  char      *date;               /* "YYYY-MM-DD"; NULL for today */

  /* The signature: drawn strokes (preferred when not empty) or a typed name. */
  GPtrArray *strokes;            /* of GArray of PortingSignaturePoint */
  double     pad_width;          /* the size of the pad the strokes were drawn in */
  double     pad_height;
  char      *typed_signature;
} PortingLoaWriterData;

#define PORTING_TYPE_LOA_WRITER_DATA (porting_loa_writer_data_get_type ())

GType                 porting_loa_writer_data_get_type  (void) G_GNUC_CONST;
PortingLoaWriterData *porting_loa_writer_data_new       (void);
PortingLoaWriterData *porting_loa_writer_data_copy      (const PortingLoaWriterData *self);
void                  porting_loa_writer_data_free      (PortingLoaWriterData       *self);
/* Adds a stroke (takes a copy of @points). */
void                  porting_loa_writer_data_add_stroke (PortingLoaWriterData      *self,
                                                          const PortingSignaturePoint *points,
                                                          guint                      n_points);

/* Blocking; replaces @out atomically. */
gboolean              porting_loa_writer_write          (const PortingLoaWriterData *data,
                                                         GFile                      *out,
                                                         GError                    **error);
void                  porting_loa_writer_write_async    (const PortingLoaWriterData *data,
                                                         GFile                      *out,
                                                         GCancellable               *cancellable,
                                                         GAsyncReadyCallback         callback,
                                                         gpointer                    user_data);
gboolean              porting_loa_writer_write_finish   (GAsyncResult               *result,
                                                         GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingLoaWriterData, porting_loa_writer_data_free)

G_END_DECLS
