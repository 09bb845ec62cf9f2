import { useEffect, useState } from "react";
import { type WorkerFactory, createAnalysisClient } from "./analysis/analysisClient";
import { SegmentWizard } from "./components/SegmentWizard";
import type { ExcelGateway } from "./excelGateway";
import type { Messages } from "./i18n/messages";
import { MessagesProvider } from "./i18n/MessagesContext";

export interface AppProps {
  /** Excel, or a stand-in for it. */
  gateway: ExcelGateway;
  /** Starts the analysis worker (a real Web Worker in the pane, an in-process one in tests). */
  createWorker: WorkerFactory;
  /** The pane's text, in the language chosen from Office's display language. */
  messages: Messages;
}

/** The task pane: the segment wizard, in the given language, over the given Excel and worker. */
export function App({ gateway, createWorker, messages }: AppProps) {
  const [client] = useState(() => createAnalysisClient(createWorker));
  useEffect(() => () => client.cancel(), [client]); // the worker ends with the pane
  return (
    <MessagesProvider messages={messages}>
      <SegmentWizard gateway={gateway} client={client} />
    </MessagesProvider>
  );
}
