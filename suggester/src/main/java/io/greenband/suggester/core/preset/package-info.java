/** Named presets over the optimizer's parts, as SMAC's facades are. */
package io.greenband.suggester.core.preset;
