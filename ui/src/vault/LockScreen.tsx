import { useState } from "react";
import { initialLogin } from "./lastLogin";
import { RecoverPage } from "./RecoverPage";
import { UnlockPage } from "./UnlockPage";

/** The locked app: unlock as a user, or set a new passphrase with the recovery key. */
export function LockScreen({ logins }: { logins: readonly string[] }) {
  const [page, setPage] = useState<"unlock" | "recover">("unlock");
  // The user chosen on one page comes along to the other.
  const [login, setLogin] = useState(() => initialLogin(logins) ?? "");
  return page === "unlock" ? (
    <UnlockPage
      logins={logins}
      initialLogin={login}
      onForgot={(chosen) => {
        setLogin(chosen);
        setPage("recover");
      }}
    />
  ) : (
    <RecoverPage
      logins={logins}
      initialLogin={login}
      onBack={(chosen) => {
        setLogin(chosen);
        setPage("unlock");
      }}
    />
  );
}
