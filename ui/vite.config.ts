import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The Tauri shell loads dist/ from disk, so every asset path must be relative.
export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // A desktop bundle is loaded from disk: one chunk is fine, so the size warning only adds noise.
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    restoreMocks: true,
    // The case form is large; typing into it in jsdom takes seconds, not the default five at most.
    testTimeout: 30_000,
  },
});
