import { en } from "./en";
import { CATALOGUES, languageFor, messagesFor } from "./messages";
import { zhCN } from "./zhCN";

describe("the catalogues", () => {
  test.each(Object.entries(CATALOGUES))("%s has exactly the English keys", (_, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
  });

  test.each(Object.keys(en))("%s is of the same kind in every language, and a function takes the same values", (key) => {
    const english = en[key as keyof typeof en];
    const chinese = zhCN[key as keyof typeof zhCN];
    expect(typeof chinese).toBe(typeof english);
    if (typeof english === "function" && typeof chinese === "function") {
      expect(chinese.length).toBe(english.length);
      // Every value the English text shows, the Chinese shows too: call both with markers and compare.
      // (A flag such as `plural` shows in neither: Chinese has no plural forms.)
      const markers = Array.from({ length: english.length }, (_, i) => `<${i}>`);
      const shown = (text: string) => markers.filter((marker) => text.includes(marker));
      const call = (f: unknown) => (f as (...values: string[]) => string)(...markers);
      expect(shown(call(english)).length).toBeGreaterThan(0);
      expect(shown(call(chinese))).toEqual(shown(call(english)));
    } else {
      expect(String(chinese).trim()).not.toBe("");
    }
  });

  test("the Chinese catalogue is translated, not copied (its texts use Chinese characters)", () => {
    const same = Object.keys(en).filter((key) => {
      const value = zhCN[key as keyof typeof zhCN];
      return typeof value === "string" && !/[\u4e00-\u9fff]/.test(value);
    });
    // Names that stay as they are in Chinese: the model names and the number-formatting locale.
    expect(same.sort()).toEqual(["locale", "modelBgNbd", "modelPareto"]);
  });
});

describe("languageFor", () => {
  test.each([
    ["zh-CN", "zh-CN"],
    ["zh-cn", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh-Hans", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh", "zh-CN"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["fr-FR", "en"],
    ["zu-ZA", "en"], // starts with z, is not Chinese
    ["", "en"],
    [undefined, "en"],
  ])("%s -> %s", (displayLanguage, language) => {
    expect(languageFor(displayLanguage)).toBe(language);
  });

  test("messagesFor gives that language's catalogue", () => {
    expect(messagesFor("zh-CN")).toBe(zhCN);
    expect(messagesFor("de-DE")).toBe(en);
  });
});
