/** The suggester's typed configuration and the one class that wires it into the consumer loop. */
package io.greenband.suggester.config;
