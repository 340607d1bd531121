/** The initial design: the model-free configurations that come before the surrogate takes over. */
package io.greenband.suggester.core.design;
