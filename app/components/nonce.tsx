import { createContext, useContext } from "react";

// The per-request CSP nonce (set in server/express): scripts we render carry it, nothing else runs.
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
