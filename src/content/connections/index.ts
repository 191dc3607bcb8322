import { startConnectionsScript } from './connections-script';

// The Connections page's content script: built as one standalone IIFE (see vite.config.ts).
startConnectionsScript();
