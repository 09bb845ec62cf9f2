import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { missingExcelApi } from "../excel";
import { App } from "./App";
import { createAnalysisWorker } from "./analysis/createAnalysisWorker";
import { languageFor, messagesFor } from "./i18n/messages";
import { officeGateway } from "./officeGateway";

/** package.json's version, which webpack's DefinePlugin writes in (webpack.config.js). */
declare const __ADDIN_VERSION__: string;

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) throw new Error("taskpane.html has no #root element");
  const displayLanguage = Office.context?.displayLanguage;
  const messages = messagesFor(displayLanguage);
  document.documentElement.lang = languageFor(displayLanguage);
  document.title = messages.appTitle;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App
        gateway={officeGateway}
        createWorker={createAnalysisWorker}
        messages={messages}
        version={__ADDIN_VERSION__}
        missingRequirement={missingExcelApi()}
      />
    </FluentProvider>
  );
});
