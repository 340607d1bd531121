/**
 * A real headless Chromium for page tests, driven over the Chrome DevTools Protocol with the JDK's WebSocket
 * client: load a page, evaluate JavaScript, collect console errors, take screenshots, go offline.
 */
package io.greenband.embedded.browser;
