/**
 * Exports of per-trial energy and emissions; the CSV uses the columns of CodeCarbon's {@code
 * emissions.csv} so existing tooling reads it.
 */
package io.greenband.aggregator.core.export;
