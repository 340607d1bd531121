/**
 * The HTML report of a study: a self-contained page with inline SVG charts (no scripts, no external
 * resources).
 */
package io.greenband.cli.report;
