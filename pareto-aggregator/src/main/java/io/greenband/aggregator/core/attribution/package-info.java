/**
 * Attribution of measured energy to trials: joins trial windows (who held which device when) with
 * energy samples (how much a device or host component used in a window). Pure logic on explicit
 * times; the caller supplies "now" when asking which trials are final.
 */
package io.greenband.aggregator.core.attribution;
