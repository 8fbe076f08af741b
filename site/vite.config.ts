// Builds the site into site/dist for the runner to serve. Monaco and shiki are lazy chunks of the lab page, so
// the catalogue loads only React and the app.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Monaco's own chunk is several MB by nature; the bench reports it separately.
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      // The timing report names Vite's own worker plugin (bundling Monaco's workers is slow by nature); noise.
      checks: { bundlerTimings: false },
      output: {
        // One named chunk for the editor, so the initial bundle and Monaco's size can be told apart.
        codeSplitting: {
          // Otherwise React, which @monaco-editor/react imports, would move into the Monaco chunk. The loader's
          // own dependency (state-local) is listed so that no chunk import cycle forms around it.
          includeDependenciesRecursively: false,
          groups: [
            { name: "monaco", test: /node_modules[\\/](monaco-editor|@monaco-editor|state-local)[\\/]/ },
            { name: "shiki", test: /node_modules[\\/](shiki|@shikijs)[\\/]/ },
          ],
        },
      },
    },
  },
  worker: { format: "es" },
  server: {
    port: 5173,
    proxy: { "/api": "http://127.0.0.1:4280" },
  },
});
