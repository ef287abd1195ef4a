import "@mantine/core/styles.css";
import "../styles.css";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { HashRouter } from "react-router";
import { AutoLockRoot } from "../autolock/AutoLockRoot";
import { restoreLang } from "../i18n";
import { Gate } from "./Gate";
import { createQueryClient } from "./queryClient";
import { theme } from "./theme";

export function App() {
  const [queryClient] = useState(() => {
    // Before the first paint and before the status query sends the language to the core.
    restoreLang();
    return createQueryClient();
  });
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <AutoLockRoot>
            <Gate />
          </AutoLockRoot>
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
