// Renderer entry: connect to the lab (preload or WebSocket), create the stores, mount the app.
import { mount } from 'svelte';
import './styles/app.css';
import App from './App.svelte';
import { connectLab } from './lib/lab';
import { createStores } from './stores';

const connection = connectLab();
const stores = createStores(connection.api, (f) => connection.pathForFile(f));
connection.onState((state, detail) => {
  stores.system.connection = state;
  stores.system.connectionDetail = detail;
  if (state === 'open') {
    // The lab's theme setting is shared by every window and face; adopt it once loaded.
    void stores.system.load().then(() => stores.system.settings && stores.theme.set(stores.system.settings.theme));
    void stores.datasets.refresh();
    void stores.runs.refresh();
  }
});

mount(App, { target: document.getElementById('app')!, props: { stores } });
