/**
 * A real headless Chromium for page tests, driven over the Chrome DevTools Protocol with the JDK's
 * WebSocket client: load a page, evaluate JavaScript, collect console errors, take screenshots, go
 * offline; and {@link io.greenband.embedded.browser.ChartProbe}, which reads the charts a greenband
 * page drew.
 */
package io.greenband.embedded.browser;
