// Renderer entry: connect to the lab (preload or WebSocket), create the stores, mount the app.
import './lib/zod-jitless';
import { mount } from 'svelte';
import './styles/app.css';
import App from './App.svelte';
import { connectLab } from './lib/lab';
import { createStores } from './stores';
import { readAgainOnOpen } from './stores/lab-open';

const connection = connectLab();
const stores = createStores(connection.api, (f) => connection.pathForFile(f));
connection.onState((state, detail) => {
  stores.system.connection = state;
  stores.system.connectionDetail = detail;
  // the first connection and every reconnect: what changed while the socket was down is read afresh
  if (state === 'open') void readAgainOnOpen(stores);
});

mount(App, { target: document.getElementById('app')!, props: { stores } });
