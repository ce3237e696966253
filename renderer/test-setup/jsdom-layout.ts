// jsdom lays nothing out and has no ResizeObserver, yet every chart binds its width (Svelte's
// bind:clientWidth creates one): without it a view that shows a chart throws, sometimes after the test has
// ended. The charts need it to exist, not to fire; a test that needs a width sets clientWidth itself.
globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
