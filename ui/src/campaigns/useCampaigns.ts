import { useQuery } from "@tanstack/react-query";
import { chaseList, getCampaign, listCampaigns } from "../api";

/** Every read of campaigns starts with this key, so one invalidation refreshes them all. */
export const CAMPAIGNS_KEY = ["campaigns"] as const;

export const campaignKey = (id: string) => [...CAMPAIGNS_KEY, "one", id] as const;
const chaseKey = (id: string) => [...CAMPAIGNS_KEY, "chase", id] as const;

export function useCampaignList() {
  return useQuery({ queryKey: [...CAMPAIGNS_KEY, "list"], queryFn: listCampaigns });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignKey(id), queryFn: () => getCampaign(id) });
}

/** The open targets with phone, FAX and contact person: the printed chase list. */
export function useChaseList(id: string) {
  return useQuery({ queryKey: chaseKey(id), queryFn: () => chaseList(id) });
}
