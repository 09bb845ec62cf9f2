// The demo's workbook view: rendered once the stand-in (office.ts, loaded first) has the sample ready.
import { FluentProvider, IdPrefixProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { WorkbookView } from "./view/WorkbookView";

const element = document.getElementById("workbook");
if (!element) throw new Error("demo.html has no #workbook element");
const { book, ready } = window.clvDemo;
ready.then(
  () => {
    document.title = "CLV Toolkit demo";
    // The pane is a second React app with its own FluentProvider: a prefix keeps their generated ids
    // (and the theme style each provider writes under its id) apart.
    createRoot(element).render(
      <IdPrefixProvider value="clv-demo-">
        <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
          <WorkbookView book={book} />
        </FluentProvider>
      </IdPrefixProvider>
    );
  },
  (error: unknown) => {
    element.textContent = `The demo could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
);
