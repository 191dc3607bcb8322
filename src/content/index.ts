import { startContentScript } from './content-script';

// The content script's entry: built as one standalone IIFE (see vite.config.ts).
startContentScript();
