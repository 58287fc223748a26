import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// One self-contained bundle for the Tauri webview: no CDN, no inline script, and
// CSS in its own file so the strict CSP (style-src 'self') holds.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  build: {
    target: "safari16",
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
