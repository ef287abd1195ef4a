import { Badge, createTheme } from "@mantine/core";

// Fonts come from the operating system only (BIZ UDPGothic on Windows, Hiragino on macOS,
// Noto Sans CJK on Linux): the app loads nothing from the network and ships no font files.
const JAPANESE_SANS =
  '"BIZ UDPGothic", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic UI", "Yu Gothic", Meiryo, system-ui, sans-serif';

export const theme = createTheme({
  primaryColor: "teal",
  fontFamily: JAPANESE_SANS,
  headings: { fontFamily: JAPANESE_SANS, fontWeight: "700" },
  fontFamilyMonospace: '"BIZ UDGothic", "Noto Sans Mono CJK JP", ui-monospace, monospace',
  defaultRadius: "md",
  cursorType: "pointer",
  components: {
    // Badges hold words (在宅, At home), not codes: upper-casing English only makes it shout.
    Badge: Badge.extend({ defaultProps: { tt: "none" } }),
  },
});
