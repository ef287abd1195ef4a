// Reading and writing respite through TanStack Query. Every write refreshes everything respite
// shows (the calendar, the waitlist, a child's stays), since one booking changes all three.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type ApiError,
  type BookingRequest,
  type BookingSaved,
  bookRespite,
  childRespiteBookings,
  confirmBooking,
  type MoveBookingRequest,
  moveBooking,
  requestBooking,
  respiteNights,
  respiteWaitlist,
} from "../api";

export const RESPITE_KEY = ["respite"] as const;

export const useFacilityNights = (facilityId: string | null, month: string) =>
  useQuery({
    queryKey: [...RESPITE_KEY, "nights", facilityId, month],
    queryFn: () => respiteNights(facilityId as string, month),
    enabled: facilityId !== null,
  });

export const useWaitlist = (facilityId: string | null) =>
  useQuery({
    queryKey: [...RESPITE_KEY, "waitlist", facilityId],
    queryFn: () => respiteWaitlist(facilityId as string),
    enabled: facilityId !== null,
  });

export const useChildStays = (childId: string | null) =>
  useQuery({
    queryKey: [...RESPITE_KEY, "child", childId],
    queryFn: () => childRespiteBookings(childId as string),
    enabled: childId !== null,
  });

function useRespiteWrite<I>(write: (input: I) => Promise<BookingSaved>) {
  const client = useQueryClient();
  return useMutation<BookingSaved, ApiError, I>({
    mutationFn: write,
    onSettled: () => client.invalidateQueries({ queryKey: RESPITE_KEY }),
  });
}

export type BookingMode = "book" | "request";

/** 予約を確定 (request and confirm at once) or キャンセル待ちで申込む (request only). */
export const useBook = () =>
  useRespiteWrite(({ mode, input }: { mode: BookingMode; input: BookingRequest }) =>
    mode === "book" ? bookRespite(input) : requestBooking(input),
  );

export const useMoveBooking = () =>
  useRespiteWrite((input: MoveBookingRequest) => moveBooking(input));

export const useConfirmBooking = () =>
  useRespiteWrite((input: Parameters<typeof confirmBooking>[0]) => confirmBooking(input));
