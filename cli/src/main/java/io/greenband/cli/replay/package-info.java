/**
 * {@code greenband replay}: a study's events published again under another topic prefix and the
 * aggregator's views rebuilt from them. Above {@code log}, {@code local} and {@code front}, which
 * it uses; none of them uses it.
 */
package io.greenband.cli.replay;
