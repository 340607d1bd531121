/**
 * Study management: loading study files, the state of studies as folded from the compacted {@code
 * studies} topic, and the {@code study} commands.
 */
package io.greenband.cli.study;
