#!/usr/bin/env node
// The azlab command. The runner is TypeScript run through tsx's loader, so there is no build step to forget.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/cli.ts");
await runCli();
