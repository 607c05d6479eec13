// Entry of the bundle served to script-free public pages (built in memory at start-up by
// src/server/http/lite-page.ts). Loaded with `defer`: the document is parsed when it runs.
import { enhanceLitePage } from "./lite";

enhanceLitePage(document);
