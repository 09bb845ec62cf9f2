/** @jest-environment jsdom */
import "./testing/domSetup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { App, type AppProps } from "./App";
import { en } from "./i18n/en";
import { zhCN } from "./i18n/zhCN";
import { fakeGateway } from "./testing/fakeGateway";
import { inProcessWorkers } from "./testing/inProcessWorker";
import { SALES } from "./testing/transactions";

/** The pane as index.tsx starts it, with a stand-in Excel and worker. */
function renderPane(props: Pick<AppProps, "messages" | "version" | "missingRequirement">) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={fakeGateway({ selection: SALES }).gateway} createWorker={inProcessWorkers().factory} {...props} />
    </FluentProvider>
  );
}

describe("the footer", () => {
  test.each([
    ["English", en, "Version 0.2.0"],
    ["Chinese", zhCN, "版本 0.2.0"],
  ])("shows the version it is given, in %s", (_, messages, shown) => {
    renderPane({ messages, version: "0.2.0" });
    expect(screen.getByTestId("pane-version")).toHaveTextContent(shown);
    expect(screen.getByRole("contentinfo")).toContainElement(screen.getByTestId("pane-version"));
  });

  test("is left out when no version is given", () => {
    renderPane({ messages: en });
    expect(screen.queryByTestId("pane-version")).toBeNull();
  });
});

describe("an Excel without the requirement set", () => {
  test.each([
    ["English", en, "This Excel cannot run the CLV Wizard", "The wizard needs the Excel JavaScript API 1.7 or later", "Excel on the web"],
    ["Chinese", zhCN, "此版本的 Excel 无法运行 CLV 向导", "向导需要 Excel JavaScript API 1.7 或更高版本", "Excel 网页版"],
  ])("gets a message in %s naming the set and what to use instead, not the wizard", (_, messages, title, body, alternative) => {
    renderPane({ messages, version: "0.2.0", missingRequirement: "1.7" });
    const message = screen.getByTestId("unsupported-excel");
    expect(message).toHaveTextContent(title);
    expect(message).toHaveTextContent(body);
    expect(message).toHaveTextContent(alternative);
    expect(screen.queryByTestId("use-selection")).toBeNull();
    expect(screen.getByTestId("pane-version")).toBeInTheDocument();
  });

  test("a supported Excel gets the wizard and no such message", () => {
    renderPane({ messages: en });
    expect(screen.getByTestId("use-selection")).toBeInTheDocument();
    expect(screen.queryByTestId("unsupported-excel")).toBeNull();
  });
});
