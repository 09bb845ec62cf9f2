import { type ReactNode, createContext, useContext } from "react";
import { en } from "./en";
import type { Messages } from "./messages";

const MessagesContext = createContext<Messages>(en);

/** Gives the components below it the pane's text in one language. */
export function MessagesProvider({ messages, children }: { messages: Messages; children: ReactNode }) {
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

/** The pane's text in the language chosen at start-up (English outside a provider). */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
