import { useEffect, useState } from "react";
import { type WorkerFactory, createAnalysisClient } from "./analysis/analysisClient";
import { PaneFooter } from "./components/PaneFooter";
import { SegmentWizard } from "./components/SegmentWizard";
import { UnsupportedExcel } from "./components/UnsupportedExcel";
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
  /** The add-in's version for the footer (index.tsx passes package.json's, which webpack injects); no footer without it. */
  version?: string;
  /** The ExcelApi requirement set this Excel lacks, if any: the pane then says so instead of starting the wizard. */
  missingRequirement?: string;
}

/** The task pane: the segment wizard (or why this Excel cannot run it), in the given language, over the given Excel and worker; the version below. */
export function App({ gateway, createWorker, messages, version, missingRequirement }: AppProps) {
  const [client] = useState(() => createAnalysisClient(createWorker));
  useEffect(() => () => client.cancel(), [client]); // the worker ends with the pane
  return (
    <MessagesProvider messages={messages}>
      {missingRequirement ? <UnsupportedExcel requirement={missingRequirement} /> : <SegmentWizard gateway={gateway} client={client} />}
      {version && <PaneFooter version={version} />}
    </MessagesProvider>
  );
}
