// The respite commands of docs/ipc.md ("Respite"). Writes take one `{ input }`; reads take the
// facility's or child's id in snake_case (`{ facility_id, month }`, `{ child_id }`).

import type {
  BedTypeSetting,
  Booking,
  BookingRequest,
  BookingSaved,
  CapacityExceptionRequest,
  ConfirmBookingRequest,
  FacilityNights,
  MoveBookingRequest,
  RemoveCapacityExceptionRequest,
  SetBedTypeRequest,
} from "./bindings";
import { call } from "./call";

export const setBedType = (input: SetBedTypeRequest): Promise<BedTypeSetting> =>
  call("set_bed_type", { input });

/** Answers how many nights were set. */
export const setCapacityException = (input: CapacityExceptionRequest): Promise<number> =>
  call("set_capacity_exception", { input });

/** Answers how many nights have their usual beds again. */
export const removeCapacityException = (input: RemoveCapacityExceptionRequest): Promise<number> =>
  call("remove_capacity_exception", { input });

/** Puts the stay on the facility's waitlist (nothing is held). */
export const requestBooking = (input: BookingRequest): Promise<BookingSaved> =>
  call("request_booking", { input });

export const confirmBooking = (input: ConfirmBookingRequest): Promise<BookingSaved> =>
  call("confirm_booking", { input });

/** Requests and confirms at once: a refusal leaves nothing behind. */
export const bookRespite = (input: BookingRequest): Promise<BookingSaved> =>
  call("book_respite", { input });

export const moveBooking = (input: MoveBookingRequest): Promise<BookingSaved> =>
  call("move_booking", { input });

export const respiteBedTypes = (facilityId: string): Promise<BedTypeSetting[]> =>
  call("respite_bed_types", { facility_id: facilityId });

/** A facility's month (YYYY-MM) of nights, per bed type. */
export const respiteNights = (facilityId: string, month: string): Promise<FacilityNights> =>
  call("respite_nights", { facility_id: facilityId, month });

export const respiteWaitlist = (facilityId: string): Promise<Booking[]> =>
  call("respite_waitlist", { facility_id: facilityId });

export const childRespiteBookings = (childId: string): Promise<Booking[]> =>
  call("child_respite_bookings", { child_id: childId });

export const getBooking = (bookingId: string): Promise<Booking> =>
  call("get_booking", { booking_id: bookingId });
