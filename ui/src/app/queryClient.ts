import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import type { ApiError } from "../api";
import { forgetVaultData, STATUS_KEY } from "./status";

declare module "@tanstack/react-query" {
  interface Register {
    defaultError: ApiError;
  }
}

export function createQueryClient(): QueryClient {
  // The shell locks itself after idle time; the next command then answers `locked`, and the app
  // must forget what it read and fall back to the unlock page instead of showing a broken screen.
  // A `forbidden` answer means the signed-in role no longer allows what the screen offered (an
  // admin changed it meanwhile): read the status again so the session, and what is shown, follow.
  const onError = (error: ApiError) => {
    if (error.kind === "forbidden") {
      void client.invalidateQueries({ queryKey: STATUS_KEY });
      return;
    }
    if (error.kind !== "locked") return;
    forgetVaultData(client);
    void client.invalidateQueries({ queryKey: STATUS_KEY });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      // IPC answers are deterministic and local: retrying or refetching on focus only hides errors.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
